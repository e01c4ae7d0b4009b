import type { Translate } from '../../../i18n/translate';
import type { TrendPointView } from './reports-api';

interface Props {
  readonly points: readonly TrendPointView[];
  readonly t: Translate;
  /** A bucket's date (`YYYY-MM-DD`) as the admin reads dates; the ISO date when not given. */
  readonly dayLabel?: (date: string) => string;
}

const HEIGHT = 80;

/**
 * Breaches per day as bars, drawn with plain elements (no chart library for one bar chart). Each bar has its date
 * and count as a title and in an accessible label; the tallest bar fills the height.
 */
export default function BreachTrendChart({ points, t, dayLabel = (date) => date }: Props) {
  const max = Math.max(1, ...points.map((p) => p.breaches));
  const first = points[0];
  const last = points.at(-1);
  return (
    <figure style={{ margin: '16px 0' }}>
      <figcaption style={{ marginBottom: 8 }}>{t('admin.reports.trend_caption')}</figcaption>
      <div role="list" style={{ display: 'flex', alignItems: 'flex-end', gap: 2, height: HEIGHT, borderBottom: '1px solid #d8dcde' }}>
        {points.map((p) => {
          const label = t('admin.reports.trend_bar', { date: p.date, count: p.breaches });
          return <div key={p.date} role="listitem" aria-label={label} title={label} style={{ flex: 1, height: Math.round((p.breaches / max) * HEIGHT), background: '#cc3340', minWidth: 2 }} />;
        })}
      </div>
      {first && last && first !== last && (
        // Where the bars start and end: without it thirty bars say nothing about which day was the bad one.
        <div data-trend-axis="" style={{ display: 'flex', justifyContent: 'space-between', marginTop: 4, fontSize: 12, color: '#68737d' }}>
          <span>{dayLabel(first.date)}</span>
          <span>{dayLabel(last.date)}</span>
        </div>
      )}
    </figure>
  );
}
