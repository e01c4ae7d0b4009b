import { useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import { validateSchedule, type FieldError } from '../../../../core';
import ErrorNotice from '../../../components/ErrorNotice';
import LoadingState from '../../../components/LoadingState';
import { useTranslate } from '../../../i18n/use-translate';
import { deleteScheduleCall, listSchedulesCall, saveScheduleCall } from '../api/schedules-api';
import { useAdminApi } from '../api/use-admin-api';
import Notice, { type NoticeState } from '../common/Notice';
import { describeSaveError } from '../common/describe-save-error';
import { useAdminLoad } from '../common/use-admin-load';
import { useAdminTimeZone } from '../common/use-admin-time-zone';
import { withoutPrefix } from '../form/field-problems';
import { duplicateExceptionDates, newScheduleDraft, scheduleDraftOf, specOf, toRowPaths, type ScheduleDraft } from './schedule-draft';
import ScheduleEditor from './ScheduleEditor';
import ScheduleList from './ScheduleList';

/** Checks what the browser can before asking the server: a name, the core's schedule rules, one row per date. */
export function checkScheduleDraft(draft: ScheduleDraft): FieldError[] {
  const name: FieldError[] = draft.name.trim() === '' ? [{ path: 'name', code: 'required', message: 'a schedule needs a name' }] : [];
  const checked = validateSchedule(specOf(draft));
  return [...name, ...(checked.ok ? [] : toRowPaths(checked.errors, draft)), ...duplicateExceptionDates(draft)];
}

/** The Schedules tab: the list, and the editor for one schedule. */
export default function SchedulesTab() {
  const { t } = useTranslate();
  const run = useAdminApi();
  const zone = useAdminTimeZone();
  const list = useAdminLoad(run, listSchedulesCall);
  const [draft, setDraft] = useState<ScheduleDraft | null>(null);
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [notice, setNotice] = useState<NoticeState>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setDraft(null);
    setProblems([]);
  };

  const save = async () => {
    if (!draft || !run) return;
    const found = checkScheduleDraft(draft);
    setProblems(found);
    if (found.length > 0) return setNotice(null);
    setBusy(true);
    const result = await run(saveScheduleCall(draft.id, draft.name.trim(), specOf(draft)));
    setBusy(false);
    if (result.ok) {
      setNotice({ type: 'success', text: t('admin.schedules.saved', { name: result.value.name }) });
      close();
      list.reload();
    } else {
      setNotice({ type: 'error', text: describeSaveError(result.error, t) });
      const named = result.error.kind === 'http' && result.error.code === 'duplicate_name' && result.problems.length === 0 ? [{ path: 'name', code: 'duplicate_name', message: '' }] : [];
      setProblems([...toRowPaths(withoutPrefix(result.problems, 'schedule'), draft), ...named]);
    }
  };

  const remove = async (id: string) => {
    if (!run) return;
    setBusy(true);
    const result = await run(deleteScheduleCall(id));
    setBusy(false);
    setNotice(result.ok ? { type: 'success', text: t('admin.schedules.deleted') } : { type: 'error', text: describeSaveError(result.error, t) });
    list.reload();
  };

  if (list.state.status === 'loading') return <LoadingState label={t('admin.schedules.loading')} />;
  if (list.state.status === 'failed') return <ErrorNotice error={list.state.error} t={t} retryInSeconds={null} onRetry={list.reload} />;
  const schedules = list.state.value;

  return (
    <div>
      <Notice notice={notice} />
      {draft ? (
        <ScheduleEditor draft={draft} problems={problems} busy={busy} t={t} onChange={setDraft} onSave={() => void save()} onCancel={close} />
      ) : (
        <>
          <Button isPrimary style={{ marginBottom: 16 }} onClick={() => { setNotice(null); setDraft(newScheduleDraft(zone)); }}>
            {t('admin.schedules.new')}
          </Button>
          <ScheduleList
            schedules={schedules}
            busy={busy}
            t={t}
            onEdit={(id) => {
              const s = schedules.find((x) => x.id === id);
              setNotice(null);
              if (s) setDraft(scheduleDraftOf(s.id, s.name, s.spec));
            }}
            onDelete={(id) => void remove(id)}
          />
        </>
      )}
    </div>
  );
}
