import { Button } from '@zendeskgarden/react-buttons';
import { Notification } from '@zendeskgarden/react-notifications';
import type { Translate } from '../i18n/translate';
import type { AppError } from '../load-state';
import { describeAppError } from './describe-app-error';

interface Props {
  readonly error: AppError;
  readonly t: Translate;
  /** Seconds before the next automatic retry, if one is planned. */
  readonly retryInSeconds: number | null;
  readonly onRetry: () => void;
}

/** A failed call to our server: what went wrong, when the app tries again, and a button to try now. */
export default function ErrorNotice({ error, t, retryInSeconds, onRetry }: Props) {
  return (
    <Notification type="error" role="alert">
      <Notification.Paragraph>{describeAppError(error, t)}</Notification.Paragraph>
      {retryInSeconds !== null && (
        <Notification.Paragraph>{t('sidebar.retrying', { count: retryInSeconds })}</Notification.Paragraph>
      )}
      <Button size="small" onClick={onRetry}>
        {t('sidebar.retry_now')}
      </Button>
    </Notification>
  );
}
