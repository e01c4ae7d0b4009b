import { DateTime } from 'luxon';
import { SANDBOX_SCHEDULE } from '../../../../src/cli/sandbox-rules';
import { workingMoment } from '../../../../src/sandbox/desk/seed/demo-moves';

const warsaw = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Warsaw' }).toMillis();

describe('workingMoment', () => {
  it('keeps a moment the office is open', () => {
    expect(workingMoment(SANDBOX_SCHEDULE.spec, warsaw('2026-12-01T10:15'))).toBe(warsaw('2026-12-01T10:15'));
  });

  it('moves a night to half an hour after the next opening', () => {
    expect(workingMoment(SANDBOX_SCHEDULE.spec, warsaw('2026-12-01T23:40'))).toBe(warsaw('2026-12-02T09:30'));
  });

  it('moves a late afternoon, with less than two open hours left, to the next morning', () => {
    expect(workingMoment(SANDBOX_SCHEDULE.spec, warsaw('2026-12-01T15:30'))).toBe(warsaw('2026-12-02T09:30'));
  });

  it('skips the weekend and a holiday', () => {
    // Friday 1 January 2027 is New Year's Day; Monday 4 January opens at 09:00.
    expect(workingMoment(SANDBOX_SCHEDULE.spec, warsaw('2026-12-31T19:00'))).toBe(warsaw('2027-01-04T09:30'));
  });
});
