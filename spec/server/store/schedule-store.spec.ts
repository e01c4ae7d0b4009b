import type { ScheduleSpec } from '../../../src/core/schedule/schedule-spec';
import { createTestAccount, TEST_DIALECTS, useTestStore } from '../../support/test-database';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const spec: ScheduleSpec = { timeZone: 'Europe/Warsaw', week: { mon: [['09:00', '17:00']] }, holidays: ['12-25'] };

describe.each(TEST_DIALECTS)('schedule and notification settings store on %s', (dialect) => {
  const store = useTestStore(dialect);

  it('creates, replaces, lists and deletes schedules within one account only', async () => {
    const account = await createTestAccount(store());
    const intruder = await createTestAccount(store());
    const created = await store().saveSchedule({ accountId: account.id, name: 'EMEA', spec, now: T0 });
    if (created.kind !== 'saved') throw new Error(created.kind);
    const id = created.value.id;
    const replaced = await store().saveSchedule({ accountId: account.id, scheduleId: id, name: 'EMEA office', spec: { ...spec, holidays: [] }, now: T0 + 1 });
    expect(replaced).toMatchObject({ kind: 'saved', value: { name: 'EMEA office', createdAt: T0, updatedAt: T0 + 1, spec: { holidays: [] } } });
    await expect(store().listSchedules(account.id)).resolves.toHaveLength(1);
    await expect(store().getSchedule(intruder.id, id)).resolves.toBeNull();
    await expect(store().saveSchedule({ accountId: intruder.id, scheduleId: id, name: 'x', spec, now: T0 })).resolves.toEqual({ kind: 'not_found' });
    await expect(store().deleteSchedule(intruder.id, id)).resolves.toBe(false);
    await expect(store().deleteSchedule(account.id, id)).resolves.toBe(true);
    await expect(store().getSchedule(account.id, id)).resolves.toBeNull();
  });

  it('refuses two schedules with the same name in one account', async () => {
    const account = await createTestAccount(store());
    await store().saveSchedule({ accountId: account.id, name: 'Support', spec, now: T0 });
    await expect(store().saveSchedule({ accountId: account.id, name: 'Support', spec, now: T0 })).resolves.toEqual({ kind: 'duplicate_name' });
    const other = await store().saveSchedule({ accountId: account.id, name: 'Sales', spec, now: T0 });
    if (other.kind !== 'saved') throw new Error(other.kind);
    await expect(store().saveSchedule({ accountId: account.id, scheduleId: other.value.id, name: 'Support', spec, now: T0 })).resolves.toEqual({ kind: 'duplicate_name' });
    const elsewhere = await createTestAccount(store());
    await expect(store().saveSchedule({ accountId: elsewhere.id, name: 'Support', spec, now: T0 })).resolves.toMatchObject({ kind: 'saved' });
  });

  it('stores notification settings as one JSON document per account', async () => {
    const account = await createTestAccount(store());
    await expect(store().getNotificationSettings(account.id)).resolves.toBeNull();
    await store().saveNotificationSettings({ accountId: account.id, settings: { notifyRequester: true }, now: T0 });
    await store().saveNotificationSettings({ accountId: account.id, settings: { notifyRequester: false, dueSoonMinutes: 15 }, now: T0 + 1 });
    await expect(store().getNotificationSettings(account.id)).resolves.toEqual({ notifyRequester: false, dueSoonMinutes: 15 });
  });
});
