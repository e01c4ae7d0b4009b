import type { ReportRecord } from '../../../src/core/report';
import { compareTicket, isInstanceOf, RECORD_TUPLE_COLUMNS, RECORD_TUPLE_FIELDS, recordOfTuple, tupleHoldsRecord, tupleOfInstance, type RecordTuple } from '../../../src/server/store/report-record-tuples';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

const record: ReportRecord = {
  ticketId: '7',
  metric: 'next_reply_time',
  instance: 2,
  policyId: 'p1',
  priority: 'high',
  groupId: 'g1',
  assigneeId: null,
  brandId: 'b1',
  organizationId: 'org',
  via: 'email',
  status: 'met_late',
  startedAt: T0,
  dueAt: T0 + 3_600_000,
  fulfilledAt: T0 + 7_200_000,
  breachedAt: T0 + 3_600_000,
  businessMinutes: 1 / 3,
  calendarMinutes: 0.1 + 0.2,
};
const tupleOf = (r: ReportRecord) => RECORD_TUPLE_FIELDS.map((field) => r[field]) as unknown as RecordTuple;

describe('stored record tuples', () => {
  it('name the metric_records columns in the order of the fields', () => {
    expect(RECORD_TUPLE_COLUMNS).toEqual([
      'metric', 'instance', 'policy_id', 'priority', 'group_id', 'assignee_id', 'brand_id', 'organization_id', 'via', 'status',
      'started_at', 'due_at', 'fulfilled_at', 'breached_at', 'business_minutes', 'calendar_minutes',
    ]);
  });

  it('read back as the record, and hold it', () => {
    expect(recordOfTuple('7', tupleOf(record))).toEqual(record);
    expect(tupleHoldsRecord(tupleOf(record), record)).toBe(true);
    expect(isInstanceOf(tupleOf(record), record)).toBe(true);
  });

  it.each(RECORD_TUPLE_FIELDS.map((field, i) => [field, i] as const))('do not hold the record when %s differs', (field, i) => {
    const changed = [...tupleOf(record)];
    changed[i] = field === 'assigneeId' ? 'a1' : typeof changed[i] === 'number' ? (changed[i] as number) + 1 : changed[i] === null ? 0 : `${String(changed[i])}x`;
    expect(tupleHoldsRecord(changed as unknown as RecordTuple, record)).toBe(false);
    expect(recordOfTuple('7', changed as unknown as RecordTuple)).not.toEqual(record);
  });

  it('tell another instance by metric or number', () => {
    expect(isInstanceOf(tupleOf({ ...record, instance: 3 }), record)).toBe(false);
    expect(isInstanceOf(tupleOf({ ...record, metric: 'first_reply_time' }), record)).toBe(false);
    const others = [tupleOf({ ...record, instance: 3 }), tupleOf({ ...record, metric: 'first_reply_time' })];
    expect(tupleOfInstance(others, record)).toBeUndefined();
    expect(tupleOfInstance([...others, tupleOf({ ...record, status: 'met' })], record)?.[9]).toBe('met');
  });

  it('compare a ticket: a verdict per replayed record, and how many stored tuples the replay claimed', () => {
    const second = { ...record, instance: 3 };
    const stored = [tupleOf(record), tupleOf({ ...second, calendarMinutes: 1 }), tupleOf({ ...record, instance: 9 })];
    const verdicts: [number, boolean][] = [];
    const claimed = compareTicket(stored, [record, second, { ...record, instance: 4 }], (r, identical) => verdicts.push([r.instance, identical]));
    expect(verdicts).toEqual([[2, true], [3, false], [4, false]]);
    expect(claimed).toBe(2);
  });
});
