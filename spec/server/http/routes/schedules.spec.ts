import type { ScheduleSpec } from '../../../../src/core/schedule/schedule-spec';
import { aTicket } from '../../../support/a-ticket';
import { storeTicket } from '../../../support/stored-ticket';
import { TEST_DIALECTS } from '../../../support/test-database';
import { API_NOW, useAppApi } from './app-api-fixture';

const officeHours: ScheduleSpec = { timeZone: 'Europe/Warsaw', week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] }, holidays: ['12-25'] };

describe.each(TEST_DIALECTS)('/api/schedules on %s', (dialect) => {
  const api = useAppApi(dialect);

  it('creates, reads, lists, replaces and deletes a schedule', async () => {
    const account = await api.newAccount();
    const created = await api.call(account, 'POST', '/api/schedules', { name: 'EMEA', schedule: officeHours });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    expect(created.json()).toEqual({ id, name: 'EMEA', schedule: officeHours, createdAt: expect.any(Number), updatedAt: expect.any(Number) });
    await expect(api.call(account, 'GET', `/api/schedules/${id}`).then((r) => r.json())).resolves.toMatchObject({ name: 'EMEA', schedule: officeHours });

    const replaced = await api.call(account, 'PUT', `/api/schedules/${id}`, { name: 'EMEA office', schedule: { ...officeHours, holidays: [] } });
    expect([replaced.statusCode, replaced.json().name, replaced.json().schedule.holidays]).toEqual([200, 'EMEA office', []]);
    const list = await api.call(account, 'GET', '/api/schedules');
    expect(list.json().schedules.map((s: { name: string }) => s.name)).toEqual(['EMEA office']);

    const deleted = await api.call(account, 'DELETE', `/api/schedules/${id}`);
    expect([deleted.statusCode, deleted.body]).toEqual([204, '']);
    expect((await api.call(account, 'GET', `/api/schedules/${id}`)).statusCode).toBe(404);
  });

  it('with apply: recompute_open, marks the open tickets for re-assessment when the hours change', async () => {
    const account = await api.newAccount();
    const { id } = (await api.call(account, 'POST', '/api/schedules', { name: 'Office', schedule: officeHours })).json();
    await storeTicket(api.store(), { accountId: account.id, ticketId: '301', history: [{ type: 'created', at: API_NOW - 60_000, ticket: aTicket({ status: 'open' }) }], now: API_NOW - 1000 });
    const saved = await api.call(account, 'PUT', `/api/schedules/${id}`, { name: 'Office', schedule: { ...officeHours, holidays: [] }, apply: 'recompute_open' });
    expect(saved.statusCode).toBe(200);
    await expect(api.store().getTicketState(account.id, '301')).resolves.toMatchObject({ nextCheckAt: API_NOW });
  });

  it('names every invalid field with its path in the body (422)', async () => {
    const account = await api.newAccount();
    const response = await api.call(account, 'POST', '/api/schedules', {
      name: '',
      schedule: { timeZone: 'Mars/Olympus', week: { mon: [['09:00', '12:00'], ['11:00', '25:00']] } },
    });
    expect(response.statusCode).toBe(422);
    const { error } = response.json();
    expect(error).toMatchObject({ code: 'invalid_schedule', path: 'name' });
    expect(error.problems.map((p: { path: string; code: string }) => [p.path, p.code])).toEqual([
      ['name', 'too_small'],
      ['schedule.timeZone', 'unknown_time_zone'],
      ['schedule.week.mon[1][1]', 'invalid_time'],
    ]);
    const overlap = await api.call(account, 'POST', '/api/schedules', { name: 'x', schedule: { timeZone: 'UTC', week: { mon: [['09:00', '12:00'], ['11:00', '13:00']] } } });
    expect(overlap.json().error).toMatchObject({ path: 'schedule.week.mon[1]', problems: [{ code: 'overlapping_intervals' }] });
    const missing = await api.call(account, 'POST', '/api/schedules', { name: 'x' });
    expect([missing.statusCode, missing.json().error.path]).toEqual([422, 'schedule']);
  });

  it('refuses a second schedule with the same name (409 duplicate_name), on create and on rename', async () => {
    const account = await api.newAccount();
    await api.call(account, 'POST', '/api/schedules', { name: 'Support', schedule: officeHours });
    const clash = await api.call(account, 'POST', '/api/schedules', { name: 'Support', schedule: officeHours });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toEqual({ error: { code: 'duplicate_name', message: expect.any(String), path: 'name', details: { name: 'Support' } } });
    const other = (await api.call(account, 'POST', '/api/schedules', { name: 'Sales', schedule: officeHours })).json();
    const rename = await api.call(account, 'PUT', `/api/schedules/${other.id}`, { name: 'Support', schedule: officeHours });
    expect([rename.statusCode, rename.json().error.code]).toEqual([409, 'duplicate_name']);
  });

  it('refuses to delete a schedule a policy target counts on, naming the policies (409 schedule_in_use)', async () => {
    const account = await api.newAccount();
    const { id } = (await api.call(account, 'POST', '/api/schedules', { name: 'Office', schedule: officeHours })).json();
    const saved = await api.store().savePolicy({
      accountId: account.id,
      body: { title: 'VIP', description: '', active: false, filter: { all: [], any: [] }, targets: [{ metric: 'first_reply_time', priority: 'any', targetMinutes: 60, hours: 'business', scheduleId: id }] },
      authorId: null,
      now: 0,
    });
    if (saved.kind !== 'saved') throw new Error(saved.kind);
    const response = await api.call(account, 'DELETE', `/api/schedules/${id}`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'schedule_in_use', details: { policies: [{ id: saved.value.id, title: 'VIP' }] } });
    expect((await api.call(account, 'GET', `/api/schedules/${id}`)).statusCode).toBe(200);
  });

  it("never shows or changes another account's schedule: 404, and the schedule stays as it was", async () => {
    const owner = await api.newAccount();
    const intruder = await api.newAccount();
    const { id } = (await api.call(owner, 'POST', '/api/schedules', { name: 'Private', schedule: officeHours })).json();
    for (const [method, body] of [['GET'], ['PUT', { name: 'Hijacked', schedule: officeHours }], ['DELETE']] as const) {
      const response = await api.call(intruder, method, `/api/schedules/${id}`, body);
      expect([method, response.statusCode, response.json().error.code]).toEqual([method, 404, 'schedule_not_found']);
    }
    expect((await api.call(intruder, 'GET', '/api/schedules')).json()).toEqual({ schedules: [] });
    expect((await api.call(owner, 'GET', `/api/schedules/${id}`)).json().name).toBe('Private');
  });

  it('refuses a request without a valid app token', async () => {
    const response = await api.app().inject({ method: 'GET', url: '/api/schedules' });
    expect([response.statusCode, response.json().error.code]).toEqual([401, 'missing_token']);
  });
});
