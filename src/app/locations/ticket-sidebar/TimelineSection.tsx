import { SM } from '@zendeskgarden/react-typography';
import type { Translate } from '../../i18n/translate';
import type { TimelineLine } from './describe-timeline';

/** What moved due times, oldest first, folded away by default: a native <details>, keyboard and reader friendly. */
export default function TimelineSection({ lines, t }: { readonly lines: readonly TimelineLine[]; readonly t: Translate }) {
  return (
    <details data-timeline>
      <summary>
        <SM tag="span">{t('sidebar.timeline.heading', { count: lines.length })}</SM>
      </summary>
      {lines.length === 0 ? (
        <SM>{t('sidebar.timeline.empty')}</SM>
      ) : (
        <ol style={{ margin: '2px 0 0 16px', padding: 0 }}>
          {lines.map((line, i) => (
            <li key={`${line.at}-${i}`}>
              <SM tag="span">{line.text}</SM>
              {line.recalculations.length > 0 && (
                <ul style={{ margin: 0, paddingLeft: 16 }}>
                  {line.recalculations.map((text) => (
                    <li key={text}>
                      <SM tag="span">{text}</SM>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
