import pino from 'pino';
import type { Account } from '../../../src/server/store/sla-store';
import { NOTIFY_TRIGGER_TITLE, setUpAccount } from '../../../src/server/zendesk/account-setup';
import { ZendeskClients } from '../../../src/server/zendesk/zendesk-clients';
import { TEST_DIALECTS } from '../../support/test-database';
import { aPolicyBody, aPipelineWorld, REQUIREMENTS, type PipelineWorld } from '../pipeline/support/pipeline-fixture';

const MONDAY_OPEN = '2026-11-23T08:00:00Z';
const log = pino({ level: 'silent' });

/**
 * Issue #3: "setting up an account (fields, webhook, triggers) is idempotent and repairs what an admin deleted",
 * also when two server processes set up the same account at once.
 */
describe.each(TEST_DIALECTS)('setting up an account in Zendesk, on %s', (dialect) => {
  let world: PipelineWorld;
  beforeEach(async () => {
    world = await aPipelineWorld(dialect, (scheduleId) => [aPolicyBody({ scheduleId })]);
    world.zendesk.admin.setTime(MONDAY_OPEN);
  });
  afterEach(() => world.close());

  async function setUp() {
    const account = (await world.server.store.findAccount(world.account.id)) as Account;
    return setUpAccount({
      store: world.server.store,
      client: new ZendeskClients(world.zendesk.clock).for(account),
      account,
      installationId: account.zendeskSetup?.installationId as string,
      publicUrl: world.server.url,
      requirements: REQUIREMENTS,
      now: world.zendesk.clock.now(),
      log,
    });
  }
  const notifyTriggers = async () =>
    ((await world.zendesk.call('GET', '/api/v2/triggers.json')).body.triggers as { id: number; title: string }[]).filter((t) => t.title === NOTIFY_TRIGGER_TITLE);

  /**
   * A new ticket, and how many triggers delivered each of its changes to the server (its creation, and the echo of
   * our write-back).
   */
  async function ticketDeliveries(): Promise<{ ticketId: number; deliveries: number }> {
    const created = await world.zendesk.call('POST', '/api/v2/tickets.json', { ticket: { subject: 'Printer on fire', priority: 'normal', comment: { body: 'Help' } } });
    const ticketId = created.body.ticket.id as number;
    await world.settle();
    const deliveries = new Set(world.zendesk.admin.webhookAttempts().filter((a) => a.ticketId === ticketId).map((a) => a.triggerId)).size;
    return { ticketId, deliveries };
  }

  it('a second run adds nothing: one notify trigger, the same ids', async () => {
    const first = world.account.zendeskSetup;
    const again = await setUp();
    expect(again).toMatchObject({ webhookId: first?.webhookId, notifyTriggerId: first?.notifyTriggerId, fieldIds: first?.fieldIds });
    expect(await notifyTriggers()).toHaveLength(1);
  });

  it('recreates the notify trigger and the webhook an admin deleted, and the server hears of changes again', async () => {
    const before = world.account.zendeskSetup;
    await world.zendesk.call('DELETE', `/api/v2/triggers/${before?.notifyTriggerId}.json`);
    await world.zendesk.call('DELETE', `/api/v2/webhooks/${before?.webhookId}`);
    const silent = await ticketDeliveries();
    expect(silent.deliveries).toBe(0);

    const repaired = await setUp();
    expect(repaired.webhookId).not.toBe(before?.webhookId);
    expect((await notifyTriggers()).map((t) => String(t.id))).toEqual([repaired.notifyTriggerId]);
    const heard = await ticketDeliveries();
    expect(heard.deliveries).toBe(1);
    expect((await world.slaOf(heard.ticketId)).fields.sla_policy).toBe('Standard');
  });

  it('keeps one notify trigger when two setups each made one: every change is delivered once', async () => {
    const [kept] = await notifyTriggers();
    const original = (await world.zendesk.call('GET', `/api/v2/triggers/${kept?.id}.json`)).body.trigger;
    await world.zendesk.call('POST', '/api/v2/triggers.json', { trigger: { title: original.title, active: true, conditions: original.conditions, actions: original.actions } });
    expect(await notifyTriggers()).toHaveLength(2);
    expect((await ticketDeliveries()).deliveries).toBe(2);

    const repaired = await setUp();
    expect(repaired.notifyTriggerId).toBe(String(kept?.id));
    expect((await notifyTriggers()).map((t) => t.id)).toEqual([kept?.id]);
    expect((await ticketDeliveries()).deliveries).toBe(1);
  });
});
