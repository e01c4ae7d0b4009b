import { Button } from '@zendeskgarden/react-buttons';
import { MD } from '@zendeskgarden/react-typography';
import type { Translate } from '../../../i18n/translate';

/** Where one kind's test send is: never pressed, under way, sent (to whom, if Zendesk said), or failed (why, in words). */
export type NotificationTestState =
  | { readonly status: 'idle' }
  | { readonly status: 'sending' }
  | { readonly status: 'sent'; readonly recipients: readonly string[] | null }
  | { readonly status: 'failed'; readonly message: string };

interface Props {
  readonly kind: 'outOfSla' | 'dueSoon';
  readonly state: NotificationTestState;
  readonly t: Translate;
  readonly onSend: () => void;
}

/**
 * "Send a test" for one email kind (issue #5). The outcome is in a polite live region that is always in the page,
 * so a screen reader announces it when it changes rather than missing a region that appeared with its text.
 */
export default function NotificationTestButton({ kind, state, t, onSend }: Props) {
  const sending = state.status === 'sending';
  return (
    <div data-notification-test={kind} style={{ display: 'grid', gap: 4, marginTop: 12 }}>
      <MD>{t('admin.notifications.test_hint')}</MD>
      <div>
        {/* type="button": inside the settings form, this must not submit (save) it. */}
        <Button type="button" size="small" disabled={sending} aria-busy={sending} onClick={onSend}>
          {sending ? t('admin.notifications.test_sending') : t('admin.notifications.test_send')}
        </Button>
      </div>
      <div role="status" aria-live="polite" data-test-result={state.status} style={{ color: state.status === 'failed' ? '#cc3340' : undefined }}>
        {resultText(state, t)}
      </div>
    </div>
  );
}

function resultText(state: NotificationTestState, t: Translate): string {
  switch (state.status) {
    case 'idle':
    case 'sending':
      return '';
    case 'sent':
      return state.recipients ? t('admin.notifications.test_sent', { recipients: state.recipients.join(', ') }) : t('admin.notifications.test_sent_unknown');
    case 'failed':
      return state.message;
  }
}
