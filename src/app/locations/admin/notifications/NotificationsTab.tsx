import { useEffect, useState } from 'react';
import type { FieldError } from '../../../../core';
import ErrorNotice from '../../../components/ErrorNotice';
import LoadingState from '../../../components/LoadingState';
import { useTranslate } from '../../../i18n/use-translate';
import { useZafClient } from '../../../zaf/use-zaf-client';
import { getNotificationSettingsCall, saveNotificationSettingsCall, sendTestNotificationCall } from '../api/notifications-api';
import { useAdminApi } from '../api/use-admin-api';
import Notice, { type NoticeState } from '../common/Notice';
import { describeSaveError } from '../common/describe-save-error';
import { useAdminLoad } from '../common/use-admin-load';
import { checkNotificationDraft, notificationDraftOf, settingsOf, type NotificationDraft } from './notification-draft';
import NotificationForm from './NotificationForm';
import type { NotificationTestState } from './NotificationTestButton';

type SlaFieldIds = Partial<Record<'sla_policy' | 'sla_next_due_at' | 'sla_status', string>>;

/** The ids Zendesk gave the app's SLA ticket fields, for the placeholder help (none if it cannot tell). */
function useSlaFieldIds(): SlaFieldIds {
  const client = useZafClient();
  const [ids, setIds] = useState<SlaFieldIds>({});
  useEffect(() => {
    let current = true;
    const identifiers = ['sla_policy', 'sla_next_due_at', 'sla_status'] as const;
    client.get(identifiers.map((i) => `requirement:${i}` as const)).then(
      (result) => {
        const found = identifiers.flatMap((i) => {
          const requirement = (result as Record<string, { requirement_id?: unknown } | undefined>)[`requirement:${i}`];
          return requirement?.requirement_id === undefined ? [] : [[i, String(requirement.requirement_id)]];
        });
        if (current) setIds(Object.fromEntries(found) as SlaFieldIds);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [client]);
  return ids;
}

/** The Notifications tab: who is emailed about SLA breaches and due-soon tickets, and with what words. */
export default function NotificationsTab() {
  const { t } = useTranslate();
  const run = useAdminApi();
  const loaded = useAdminLoad(run, getNotificationSettingsCall);
  const slaFields = useSlaFieldIds();
  const [draft, setDraft] = useState<NotificationDraft | null>(null);
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [notice, setNotice] = useState<NoticeState>(null);
  const [busy, setBusy] = useState(false);
  const [tests, setTests] = useState<Record<'outOfSla' | 'dueSoon', NotificationTestState>>({ outOfSla: { status: 'idle' }, dueSoon: { status: 'idle' } });

  // The server sends with the saved settings (it syncs the triggers first): unsaved edits are not in the test.
  const sendTest = async (kind: 'outOfSla' | 'dueSoon') => {
    if (!run) return;
    setTests((current) => ({ ...current, [kind]: { status: 'sending' } }));
    const result = await run(sendTestNotificationCall(kind === 'outOfSla' ? 'out_of_sla' : 'due_soon'));
    const state: NotificationTestState = result.ok
      ? { status: 'sent', recipients: result.value.recipients }
      : result.error.kind === 'http' && result.error.code === 'not_connected'
        ? { status: 'failed', message: t('admin.notifications.test_not_connected') }
        : { status: 'failed', message: t('admin.notifications.test_failed', { reason: describeSaveError(result.error, t) }) };
    setTests((current) => ({ ...current, [kind]: state }));
  };

  useEffect(() => {
    if (loaded.state.status === 'ready') setDraft(notificationDraftOf(loaded.state.value));
  }, [loaded.state]);

  const save = async () => {
    if (!draft || !run) return;
    const found = checkNotificationDraft(draft);
    setProblems(found);
    if (found.length > 0) return setNotice(null);
    setBusy(true);
    const result = await run(saveNotificationSettingsCall(settingsOf(draft)));
    setBusy(false);
    if (result.ok) {
      setNotice({ type: 'success', text: t('admin.notifications.saved') });
      setDraft(notificationDraftOf(result.value));
    } else {
      setNotice({ type: 'error', text: describeSaveError(result.error, t) });
      setProblems(result.problems.map((p) => (p.path.startsWith('settings.') ? { ...p, path: p.path.slice(9) } : p)));
    }
  };

  if (loaded.state.status === 'failed') return <ErrorNotice error={loaded.state.error} t={t} retryInSeconds={null} onRetry={loaded.reload} />;
  if (!draft) return <LoadingState label={t('admin.notifications.loading')} />;
  return (
    <div>
      <Notice notice={notice} />
      <NotificationForm draft={draft} problems={problems} slaFields={slaFields} busy={busy} t={t} onChange={setDraft} onSave={() => void save()} tests={{ states: tests, onSend: (kind) => void sendTest(kind) }} />
    </div>
  );
}
