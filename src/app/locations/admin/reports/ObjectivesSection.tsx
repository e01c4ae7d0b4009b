import { useState } from 'react';
import type { FieldError } from '../../../../core';
import ErrorNotice from '../../../components/ErrorNotice';
import LoadingState from '../../../components/LoadingState';
import type { Translate } from '../../../i18n/translate';
import type { RunAdminCall } from '../api/use-admin-api';
import Notice, { type NoticeState } from '../common/Notice';
import { describeSaveError } from '../common/describe-save-error';
import { useAdminLoad } from '../common/use-admin-load';
import { emptyObjectiveDraft, objectiveOf, type ObjectiveDraft } from './objective-draft';
import { createObjectiveCall, deleteObjectiveCall, listObjectivesCall } from './objectives-api';
import ObjectivesPanel from './ObjectivesPanel';
import type { ReportFormat } from './report-format';

interface Props {
  readonly run: RunAdminCall | null;
  readonly zone: string;
  readonly format: ReportFormat;
  readonly t: Translate;
}

/** Loads the objectives with their status now; creates (checked in the browser, then by the server) and deletes. */
export default function ObjectivesSection({ run, zone, format, t }: Props) {
  const list = useAdminLoad(run, listObjectivesCall);
  const [draft, setDraft] = useState<ObjectiveDraft>(emptyObjectiveDraft);
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [notice, setNotice] = useState<NoticeState>(null);
  const [busy, setBusy] = useState(false);

  const create = async () => {
    const checked = objectiveOf(draft, zone);
    if (!checked.ok || !run) {
      setProblems(checked.ok ? [] : checked.errors);
      return;
    }
    setBusy(true);
    const result = await run(createObjectiveCall(checked.value));
    setBusy(false);
    if (result.ok) {
      setNotice({ type: 'success', text: t('admin.reports.objectives.created', { title: checked.value.title }) });
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
        onCreate={() => void create()}
        onDelete={(id) => void remove(id)}
      />
    </>
  );
}
