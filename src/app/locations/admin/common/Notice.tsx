import { Notification } from '@zendeskgarden/react-notifications';

/** What the last action did: saved, or why not. */
export type NoticeState = { readonly type: 'success' | 'error'; readonly text: string } | null;

export default function Notice({ notice }: { readonly notice: NoticeState }) {
  if (!notice) return null;
  return (
    <Notification type={notice.type} role={notice.type === 'error' ? 'alert' : 'status'} style={{ marginBottom: 16 }}>
      <Notification.Paragraph>{notice.text}</Notification.Paragraph>
    </Notification>
  );
}
