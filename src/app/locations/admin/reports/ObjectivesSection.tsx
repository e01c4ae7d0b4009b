import { useState } from 'react';
import type { FieldError } from '../../../../core';
import ErrorNotice from '../../../components/ErrorNotice';
import LoadingState from '../../../components/LoadingState';
import type { Translate } from '../../../i18n/translate';
import type { RunAdminCall } from '../api/use-admin-api';
import Notice, { type NoticeState } from '../common/Notice';
import { describeSaveError } from '../common/describe-save-error';
import { useAdminLoad } from '../common/use-admin-load';
import { draftOf, emptyObjectiveDraft, objectiveOf, type ObjectiveDraft } from './objective-draft';
import { createObjectiveCall, deleteObjectiveCall, listObjectivesCall, updateObjectiveCall } from './objectives-api';
import ObjectivesPanel from './ObjectivesPanel';
import type { ReportFormat } from './report-format';

interface Props {
  readonly run: RunAdminCall | null;
  readonly zone: string;
  readonly format: ReportFormat;
  readonly t: Translate;
}

/**
 * Loads the objectives with their status now; creates or edits one (checked in the browser, then by the server,
 * its alert settings included) and deletes. An edited objective keeps its own zone, organization and policy.
 */
export default function ObjectivesSection({ run, zone, format, t }: Props) {
  const list = useAdminLoad(run, listObjectivesCall);
  const [draft, setDraft] = useState<ObjectiveDraft>(emptyObjectiveDraft);
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [notice, setNotice] = useState<NoticeState>(null);
  const [busy, setBusy] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const objectives = list.state.status === 'ready' ? list.state.value : [];

  const startEdit = (id: string) => {
    const chosen = objectives.find((o) => o.id === id);
    if (!chosen) return;
    setEditingId(id);
    setDraft(draftOf(chosen));
    setProblems([]);
    setNotice(null);
  };
  const stopEdit = () => {
    setEditingId(null);
    setDraft(emptyObjectiveDraft);
    setProblems([]);
  };

  const submit = async () => {
    const editing = objectives.find((o) => o.id === editingId) ?? null;
    const checked = editing
      ? objectiveOf(draft, editing.objective.timeZone, { organizationId: editing.objective.organizationId ?? null, policyId: editing.objective.policyId ?? null })
      : objectiveOf(draft, zone);
    if (!checked.ok || !run) {
      setProblems(checked.ok ? [] : checked.errors);
      return;
    }
    setBusy(true);
    const result = await run(editing ? updateObjectiveCall(editing.id, checked.value) : createObjectiveCall(checked.value));
    setBusy(false);
    if (result.ok) {
      setNotice({ type: 'success', text: t(editing ? 'admin.reports.objectives.saved' : 'admin.reports.objectives.created', { title: checked.value.title }) });
      setEditingId(null);
      setDraft(emptyObjectiveDraft);
      setProblems([]);
      list.reload();
    } else {
      setProblems([...result.problems]);
      setNotice({ type: 'error', text: describeSaveError(result.error, t) });
    }
  };

  const remove = async (id: string) => {
    if (!run) return;
    setBusy(true);
    const result = await run(deleteObjectiveCall(id));
    setBusy(false);
    if (id === editingId) stopEdit();
    setNotice(result.ok ? { type: 'success', text: t('admin.reports.objectives.deleted') } : { type: 'error', text: describeSaveError(result.error, t) });
    list.reload();
  };

  if (list.state.status === 'failed') return <ErrorNotice error={list.state.error} t={t} retryInSeconds={null} onRetry={list.reload} />;
  if (list.state.status === 'loading') return <LoadingState label={t('admin.reports.loading')} />;
  return (
    <>
      <Notice notice={notice} />
      <ObjectivesPanel
        objectives={list.state.value}
        draft={draft}
        problems={problems}
        busy={busy}
        format={format}
        t={t}
        onChange={setDraft}
        editingId={editingId}
        onSubmit={() => void submit()}
        onEdit={startEdit}
        onCancelEdit={stopEdit}
        onDelete={(id) => void remove(id)}
      />
    </>
  );
}
