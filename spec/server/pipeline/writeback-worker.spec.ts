import pino from 'pino';
import { AccountRulesCache } from '../../../src/server/pipeline/account-rules';
import type { PipelineDeps } from '../../../src/server/pipeline/process-ticket';
import { UserDirectory } from '../../../src/server/pipeline/user-directory';
import { drainWritebacks } from '../../../src/server/pipeline/writeback-worker';
import { budgetTag } from '../../../src/server/pipeline/managed-tags';
import { syncBudgetTriggers } from '../../../src/server/zendesk/objective-alert-triggers';
import { ZendeskClients } from '../../../src/server/zendesk/zendesk-clients';
import { anObjectiveBody } from '../../support/an-objective';
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
  describe('a budget alert whose write-back was claimed by a worker that died', () => {
    const RECIPIENT = 'budget-lead@example.test';
    const budgetMails = () => world.zendesk.admin.outbox().filter((m) => m.to === RECIPIENT);

    /** An alerting objective, its trigger, and a ticket's write-back carrying the objective's alert, claimed by "dead". */
    async function claimedByDeadWorker() {
      const saved = await world.server.store.saveObjective({ accountId: world.account.id, body: anObjectiveBody(), alert: { enabled: true, thresholdPercent: 25, recipients: [RECIPIENT] }, now: world.zendesk.clock.now() });
      const objectiveId = saved!.objective.id;
      await syncBudgetTriggers({ client: deps.zendesk.for(world.account), store: world.server.store, accountId: world.account.id, log: deps.log });
      const t = await ticket();
      const tag = budgetTag(objectiveId);
      const alert = { tag, objectiveId, periodStart: world.zendesk.clock.now(), ticketId: String(t.id), attainmentPercent: 90, budget: 2, budgetRemaining: 0.5, sentAt: world.zendesk.clock.now() };
      const desired = { customFields: { [world.fieldIds.sla_status as string]: 'sla_status_breached' }, addTags: ['sla_out_first_reply_time'], removeTags: [], onceTags: [tag], updatedStamp: t.updated_at };
      await world.server.store.enqueueWriteback({ accountId: world.account.id, ticketId: String(t.id), desired, now: world.zendesk.clock.now(), alerts: [alert] });
      const [claim] = await world.server.store.claimWritebacks({ owner: 'dead', now: world.zendesk.clock.now(), leaseMs: 30_000, limit: 1 });
      return { ticketId: t.id, claim: claim!, tag };
    }

    it('does not mail it again when Zendesk took the tag before the worker died', async () => {
      const { ticketId, claim, tag } = await claimedByDeadWorker();
      world.zendesk.admin.advanceTime(1_000);
      // The dead worker's write landed (the trigger mailed the alert and took the tag off); then it died.
      await deps.zendesk.for(world.account).updateTicket({ ticketId: claim.ticketId, desired: claim.desired });
      expect(budgetMails()).toHaveLength(1);
      world.zendesk.admin.advanceTime(31_000);
      await expect(drainWritebacks(deps, options)).resolves.toBe('idle');
      expect(budgetMails()).toHaveLength(1);
      const shown = await world.slaOf(ticketId);
      expect(shown.fields.sla_status).toBe('sla_status_breached');
      expect(shown.tags).not.toContain(tag);
      await expect(world.server.store.writebackStats()).resolves.toMatchObject({ pending: 0 });
    });

    it('mails it when the worker died before writing', async () => {
      const { ticketId } = await claimedByDeadWorker();
      world.zendesk.admin.advanceTime(31_000);
      await drainWritebacks(deps, options);
      expect(budgetMails().map((m) => m.ticketId)).toEqual([ticketId]);
      await expect(world.server.store.writebackStats()).resolves.toMatchObject({ pending: 0 });
    });
  });
});
