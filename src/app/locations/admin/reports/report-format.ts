import { DateTime } from 'luxon';

/** How the Reports tab writes numbers and instants: in the viewer's locale (Intl) and IANA zone (luxon). */
export interface ReportFormat {
  readonly number: (value: number, fractionDigits?: number) => string;
  /** A share given in percent (97.5 → "97.5%", "97,5 %" in pl); null as a dash. */
  readonly percent: (value: number | null) => string;
  readonly dateTime: (ms: number | null) => string;
  readonly date: (ms: number) => string;
}

const DASH = '–';

export function reportFormat(locale: string, zone: string): ReportFormat {
  const numbers = new Map<number, Intl.NumberFormat>();
  const numberFormat = (digits: number) => {
    let format = numbers.get(digits);
    if (!format) numbers.set(digits, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })));
    return format;
  };
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return {
    number: (value, digits = 0) => numberFormat(digits).format(value),
    percent: (value) => (value === null ? DASH : percentFormat.format(value / 100)),
    dateTime: (ms) => (ms === null ? DASH : DateTime.fromMillis(ms, { zone }).setLocale(locale).toLocaleString(DateTime.DATETIME_MED)),
    date: (ms) => DateTime.fromMillis(ms, { zone }).setLocale(locale).toLocaleString(DateTime.DATE_MED),
  };
}
