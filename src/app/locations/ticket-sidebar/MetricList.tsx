import { Tag } from '@zendeskgarden/react-tags';
import { SM, Span } from '@zendeskgarden/react-typography';
import { TONE_HUES, type MetricRow } from './describe-metric';

/** The measured metrics, one list item each: name, state tag (Garden colour) and the ticking countdown. */
export default function MetricList({ rows, label }: { readonly rows: readonly MetricRow[]; readonly label: string }) {
  return (
    <ul aria-label={label} style={{ listStyle: 'none', margin: '8px 0', padding: 0 }}>
      {rows.map((row) => (
        <li key={row.metric} data-metric={row.metric} data-tone={row.tone} style={{ padding: '6px 0', borderBottom: '1px solid #e9ebed' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
            <Span isBold>{row.name}</Span>
            {/* The tag keeps its width (a state cut to "Dotrzyma" says nothing); a long metric name wraps instead. */}
            <Tag hue={TONE_HUES[row.tone]} size="small" style={{ flexShrink: 0 }}>
              {row.label}
            </Tag>
          </div>
          <SM data-countdown>{row.detail}</SM>
        </li>
      ))}
    </ul>
  );
}
