import { SM } from '@zendeskgarden/react-typography';
import type { Translate } from '../../i18n/translate';
import type { PreviewLines } from './describe-preview';

/**
 * What saving the agent's unsaved changes would do, set apart from the live rows (dashed frame, "Preview" label)
 * so that nobody reads it as the ticket's SLA. Announced politely: it changes when the agent edits, not every tick.
 */
export default function PreviewPanel({ preview, t }: { readonly preview: PreviewLines; readonly t: Translate }) {
  return (
    <section
      data-preview
      aria-label={t('sidebar.preview')}
      aria-live="polite"
      style={{ border: '1px dashed #5293c7', borderRadius: 4, padding: '6px 8px', margin: '8px 0', background: '#f5f9fc' }}
    >
      <SM isBold>
        {t('sidebar.preview')} — {t('sidebar.preview_hint')}
      </SM>
      <ul style={{ margin: '2px 0 0 16px', padding: 0 }}>
        {preview.lines.map((line) => (
          <li key={line}>
            <SM tag="span">{line}</SM>
          </li>
        ))}
      </ul>
    </section>
  );
}
