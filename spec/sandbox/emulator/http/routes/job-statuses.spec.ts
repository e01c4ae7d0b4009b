import { aTicket, anEmulator, type TestEmulator } from '../../support/emulator-fixture';

describe('update_many and job statuses', () => {
  let zendesk: TestEmulator;
  beforeEach(async () => {
    zendesk = await anEmulator();
  });
  afterEach(() => zendesk.close());

  const jobStatus = async (id: string) => (await zendesk.call('GET', `/api/v2/job_statuses/${id}.json`)).body.job_status;

  it('queues an update_many job that goes queued → working → completed, then the tickets have changed', async () => {
    const a = await aTicket(zendesk, { tags: ['keep', 'old'] });
    const b = await aTicket(zendesk, { tags: ['old'] });
    const reply = await zendesk.call('PUT', `/api/v2/tickets/update_many.json?ids=${a.id},${b.id}`, {
      ticket: { additional_tags: ['sla_out_first_reply_time'], remove_tags: ['old'] },
    });
    expect(reply.status).toBe(200);
    const queued = reply.body.job_status;
    expect(queued).toMatchObject({ status: 'queued', total: 2, progress: 0, results: null, url: expect.stringContaining(`/api/v2/job_statuses/${queued.id}.json`) });
    expect((await zendesk.call('GET', `/api/v2/tickets/${a.id}`)).body.ticket.tags).toEqual(['keep', 'old']);
    zendesk.admin.stepJobs();
    expect((await jobStatus(queued.id)).status).toBe('working');
    zendesk.admin.stepJobs();
    expect(await jobStatus(queued.id)).toMatchObject({
      status: 'completed',
      progress: 2,
      results: [
        { id: a.id, action: 'update', success: true, status: 'Updated' },
        { id: b.id, action: 'update', success: true, status: 'Updated' },
      ],
    });
    expect((await zendesk.call('GET', `/api/v2/tickets/${a.id}`)).body.ticket.tags).toEqual(['keep', 'sla_out_first_reply_time']);
    expect((await zendesk.call('GET', `/api/v2/tickets/${b.id}`)).body.ticket.tags).toEqual(['sla_out_first_reply_time']);
  });

  it('applies per-ticket changes from {tickets: [...]} and reports each ticket that failed', async () => {
    const field = (await zendesk.call('POST', '/api/v2/ticket_fields', { ticket_field: { type: 'text', title: 'Due at' } })).body.ticket_field;
    const a = await aTicket(zendesk);
    const b = await aTicket(zendesk);
    zendesk.clock.advance(1_000);
    await zendesk.call('PUT', `/api/v2/tickets/${b.id}`, { ticket: { priority: 'low' } });
    const reply = await zendesk.call('PUT', '/api/v2/tickets/update_many', {
      tickets: [
        { id: a.id, custom_fields: [{ id: field.id, value: '2026-11-22T12:00:00Z' }], safe_update: true, updated_stamp: a.updated_at },
        { id: b.id, priority: 'high', safe_update: true, updated_stamp: b.updated_at },
        { id: 4242, priority: 'high' },
      ],
    });
    zendesk.admin.runJobs();
    const done = await jobStatus(reply.body.job_status.id);
    expect(done.results).toEqual([
      expect.objectContaining({ id: a.id, success: true }),
      expect.objectContaining({ id: b.id, success: false, error: 'UpdateConflict' }),
      expect.objectContaining({ id: 4242, success: false, error: 'RecordNotFound' }),
    ]);
    expect((await zendesk.call('GET', `/api/v2/tickets/${a.id}`)).body.ticket.custom_fields).toContainEqual({ id: field.id, value: '2026-11-22T12:00:00Z' });
    expect((await zendesk.call('GET', `/api/v2/tickets/${b.id}`)).body.ticket.priority).toBe('low');
  });

  it('runs jobs in the background when auto-run is on', async () => {
    await zendesk.close();
    zendesk = await anEmulator({ jobs: { autoRun: true, stepDelayMs: 5 } });
    const ticket = await aTicket(zendesk);
    const reply = await zendesk.call('PUT', `/api/v2/tickets/update_many?ids=${ticket.id}`, { ticket: { status: 'open' } });
    let status = reply.body.job_status.status;
    for (let i = 0; i < 100 && status !== 'completed'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      status = (await jobStatus(reply.body.job_status.id)).status;
    }
    expect(status).toBe('completed');
  });

  it('refuses more than 100 tickets per job and more than 30 pending jobs', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => i + 1).join(',');
    expect((await zendesk.call('PUT', `/api/v2/tickets/update_many?ids=${ids}`, { ticket: { status: 'open' } })).status).toBe(400);
    const ticket = await aTicket(zendesk);
    for (let i = 0; i < 30; i += 1) {
      expect((await zendesk.call('PUT', `/api/v2/tickets/update_many?ids=${ticket.id}`, { ticket: { status: 'open' } })).status).toBe(200);
    }
    const refused = await zendesk.call('PUT', `/api/v2/tickets/update_many?ids=${ticket.id}`, { ticket: { status: 'open' } });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toBe('TooManyJobs');
  });
});
