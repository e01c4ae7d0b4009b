import pino from 'pino';
import { AccountRulesCache } from '../../../src/server/pipeline/account-rules';
import type { PipelineDeps } from '../../../src/server/pipeline/process-ticket';
import { UserDirectory } from '../../../src/server/pipeline/user-directory';
import { drainWritebacks } from '../../../src/server/pipeline/writeback-worker';
import { ZendeskClients } from '../../../src/server/zendesk/zendesk-clients';
import { TEST_DIALECTS } from '../../support/test-database';
import { aPolicyBody, aPipelineWorld, type PipelineWorld } from './support/pipeline-fixture';

/** The write-back worker on its own (no loops running), so each round is ours to start and look at. */
describe.each(TEST_DIALECTS)('write-backs on %s', (dialect) => {
  let world: PipelineWorld;
  let deps: PipelineDeps;
  beforeEach(async () => {
    world = await aPipelineWorld(dialect, (scheduleId) => [aPolicyBody({ scheduleId })], { loops: false });
    const log = pino({ level: 'silent' });
    deps = { store: world.server.store, clock: world.zendesk.clock, log, zendesk: new ZendeskClients(world.zendesk.clock), rules: new AccountRulesCache(world.server.store, log), users: new UserDirectory() };
  });
  afterEach(() => world.close());

  const options = { owner: 'test-worker', leaseMs: 30_000, batch: 20, concurrency: 4 };
  const ticket = async () => (await world.zendesk.call('POST', '/api/v2/tickets.json', { ticket: { subject: 'Hi', comment: { body: 'x' } } })).body.ticket as { id: number; updated_at: string };

  it('writes several tickets of one account with one update_many, each only its own tags and fields', async () => {
    const tickets = [await ticket(), await ticket(), await ticket(), await ticket()];
    await world.zendesk.call('PUT', `/api/v2/tickets/${tickets[0]?.id}.json`, { ticket: { additional_tags: ['agent_tag'] } });
    for (const t of tickets) {
      await world.server.store.enqueueWriteback({
        accountId: world.account.id,
        ticketId: String(t.id),
        desired: { customFields: { [world.fieldIds.sla_status as string]: 'sla_status_breached' }, addTags: ['sla_out_first_reply_time'], removeTags: ['sla_due_soon'] },
        now: world.zendesk.clock.now(),
      });
    }
    await expect(drainWritebacks(deps, options)).resolves.toBe('idle');
    const jobs = (await world.zendesk.call('GET', '/api/v2/job_statuses.json')).body.job_statuses as { total: number; status: string }[];
    expect(jobs.map((j) => [j.total, j.status])).toEqual([[4, 'completed']]);
    for (const t of tickets) {
      const sla = await world.slaOf(t.id);
      expect(sla.fields.sla_status).toBe('sla_status_breached');
      expect(sla.tags).toContain('sla_out_first_reply_time');
    }
    expect((await world.slaOf(tickets[0]?.id as number)).tags).toContain('agent_tag');
    await expect(world.server.store.writebackStats()).resolves.toMatchObject({ pending: 0 });
  });

  it('falls back to a safe single write for the ticket an agent changed meanwhile (409 inside the job)', async () => {
    const tickets = [await ticket(), await ticket(), await ticket()];
    for (const t of tickets) {
      await world.server.store.enqueueWriteback({
        accountId: world.account.id,
        ticketId: String(t.id),
        desired: { customFields: { [world.fieldIds.sla_status as string]: 'sla_status_on_track' }, addTags: [], removeTags: [], updatedStamp: t.updated_at },
        now: world.zendesk.clock.now(),
      });
    }
    world.zendesk.admin.advanceTime(5_000);
    await world.zendesk.call('PUT', `/api/v2/tickets/${tickets[1]?.id}.json`, { ticket: { priority: 'high' } });
    await drainWritebacks(deps, options);
    for (const t of tickets) expect((await world.slaOf(t.id)).fields.sla_status).toBe('sla_status_on_track');
    const changed = (await world.zendesk.call('GET', `/api/v2/tickets/${tickets[1]?.id}.json`)).body.ticket;
    expect(changed.priority).toBe('high');
    await expect(world.server.store.writebackStats()).resolves.toMatchObject({ pending: 0 });
  });
});
