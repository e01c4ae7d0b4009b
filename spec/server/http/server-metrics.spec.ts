import { zendeskStatusClass } from '../../../src/server/http/server-metrics';
import { TEST_DIALECTS } from '../../support/test-database';
import { aPolicyBody, aPipelineWorld, type PipelineWorld } from '../pipeline/support/pipeline-fixture';

/** Monday 23 November 2026, 09:00 in Warsaw; the first reply (60 business minutes) is due at 10:00. */
const MONDAY_OPEN = '2026-11-23T08:00:00Z';
const MINUTE = 60_000;

describe('zendeskStatusClass', () => {
  it.each([
    [200, '2xx'],
    [201, '2xx'],
    [304, '3xx'],
    [404, '4xx'],
    [409, '4xx'],
    [429, '429'],
    [503, '5xx'],
    [null, 'no_response'],
  ] as const)('%s -> %s', (status, statusClass) => expect(zendeskStatusClass(status)).toBe(statusClass));
});

/** Issue #3's metrics, from a real server whose pipeline runs against Zendesk (the emulator). */
describe.each(TEST_DIALECTS)('/metrics after a pipeline run on %s', (dialect) => {
  let world: PipelineWorld;
  beforeEach(async () => {
    world = await aPipelineWorld(dialect, (scheduleId) => [aPolicyBody({ scheduleId })]);
    world.zendesk.admin.setTime(MONDAY_OPEN);
  });
  afterEach(() => world.close());

  /** Each sample of the exposition text, `name{labels}` -> value. */
  async function samples(): Promise<Map<string, number>> {
    const response = await fetch(`${world.server.url}/metrics`);
    const text = await response.text();
    return new Map(text.split('\n').filter((line) => line !== '' && !line.startsWith('#')).map((line) => {
      const at = line.lastIndexOf(' ');
      return [line.slice(0, at), Number(line.slice(at + 1))] as const;
    }));
  }

  it('counts assessments by source, write-backs by outcome, Zendesk answers by class (429s apart), breaches by metric; the queue drains', async () => {
    const before = await samples();
    expect(before.get('sla_breaches_total')).toBeUndefined();
    expect(before.get('sla_writeback_queue_depth')).toBe(0);

    // The first write-back meets Zendesk's rate limit once, then lands.
    world.zendesk.admin.injectRequestFaults({ fault: { kind: 'status', status: 429, retryAfterSeconds: 1 }, count: 1, method: 'PUT', path: '^/api/v2/tickets/\\d+' });
    const customer = (await world.zendesk.call('GET', '/api/v2/users.json?role=end-user')).body.users.find((u: { email: string }) => u.email === world.customerEmail);
    const created = await world.zendesk.call('POST', '/api/v2/tickets.json', {
      ticket: { subject: 'Printer on fire', requester_id: customer.id, assignee_id: world.agentId, group_id: 20001, priority: 'normal', comment: { body: 'Help', author_id: customer.id } },
    });
    const ticketId = created.body.ticket.id as number;
    for (let i = 0; i < 40 && (await world.slaOf(ticketId)).fields.sla_status !== 'sla_status_on_track'; i++) {
      world.zendesk.admin.advanceTime(1_000);
      await sleep(50);
    }
    await world.settle();
    world.zendesk.admin.advanceTime(61 * MINUTE);
    await waitFor(async () => (await world.slaOf(ticketId)).tags.includes('sla_out_first_reply_time'));
    await world.settle();

    const after = await samples();
    expect(after.get('sla_breaches_total{metric="first_reply_time"}')).toBe(1);
    expect(after.get('sla_tickets_assessed_total{source="inbox"}')).toBeGreaterThanOrEqual(2);
    expect(after.get('sla_tickets_assessed_total{source="scheduler"}')).toBeGreaterThanOrEqual(1);
    expect(after.get('sla_writebacks_total{outcome="rate_limited"}')).toBe(1);
    // The new ticket's fields, then the breach tag (queued writes of one ticket may coalesce into one).
    expect(after.get('sla_writebacks_total{outcome="queued"}')).toBeGreaterThanOrEqual(2);
    expect(after.get('sla_writebacks_total{outcome="written"}')).toBeGreaterThanOrEqual(2);
    expect(after.get('sla_zendesk_responses_total{status_class="429"}')).toBe(1);
    expect(after.get('sla_zendesk_responses_total{status_class="2xx"}')).toBeGreaterThan(3);
    expect(after.get('sla_writeback_queue_depth')).toBe(0);
    expect(after.get('sla_inbox_depth')).toBe(0);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
