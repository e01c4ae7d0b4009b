import { SignJWT } from 'jose';
import pino from 'pino';
import type { Account } from '../../../src/server/store/sla-store';
import { setUpAccount } from '../../../src/server/zendesk/account-setup';
import { syncNotificationTriggers } from '../../../src/server/zendesk/sync-notification-triggers';
import { ZendeskClients } from '../../../src/server/zendesk/zendesk-clients';
import { DEFAULT_NOTIFICATION_SETTINGS } from '../../../src/server/notifications/notification-settings';
import { TEST_DIALECTS } from '../../support/test-database';
import { aPolicyBody, aPipelineWorld, REQUIREMENTS, type PipelineWorld } from '../pipeline/support/pipeline-fixture';

/** Monday 23 November 2026, 09:00 in Warsaw; the first reply (60 business minutes) is due at 10:00. */
const MONDAY_OPEN = '2026-11-23T08:00:00Z';
const MINUTE = 60_000;
const APP_SECRET = 'app-shared-secret-that-is-long-enough-for-hs256';
const log = pino({ level: 'silent' });

/**
 * Issue #3: the admin's notification settings reach Zendesk's email triggers, and the mails Zendesk (the emulator)
 * then sends on a breach are the ones the settings describe. Settings go through PUT /api/notification-settings,
 * as the admin page saves them.
 */
describe.each(TEST_DIALECTS)('email triggers synced with the notification settings, on %s', (dialect) => {
  let world: PipelineWorld;
  let account: Account;
  beforeEach(async () => {
    world = await aPipelineWorld(dialect, (scheduleId) => [aPolicyBody({ scheduleId })]);
    world.zendesk.admin.setTime(MONDAY_OPEN);
    await world.server.store.saveAccount({ ...world.account, appSharedSecret: APP_SECRET, now: world.zendesk.clock.now() });
    account = (await world.server.store.findAccount(world.account.id)) as Account;
  });
  afterEach(() => world.close());

  async function saveSettings(settings: Record<string, unknown>) {
    const jwt = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(account.subdomain)
      .setSubject('10001')
      .setExpirationTime(Math.floor(world.zendesk.clock.now() / 1000) + 300)
      .sign(new TextEncoder().encode(APP_SECRET));
    const response = await fetch(`${world.server.url}/api/notification-settings`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
      body: JSON.stringify(settings),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { settings: unknown; triggerSync: { state: string; triggersWritten?: number; reason?: string; message?: string } };
  }

  /** A customer's ticket that misses its first reply; the mails Zendesk sent for it, once the breach is written. */
  async function breachedTicketMails() {
    const customer = (await world.zendesk.call('GET', '/api/v2/users.json?role=end-user')).body.users.find((u: { email: string }) => u.email === world.customerEmail);
    const created = await world.zendesk.call('POST', '/api/v2/tickets.json', {
      ticket: { subject: 'Printer on fire', requester_id: customer.id, assignee_id: world.agentId, group_id: 20001, priority: 'normal', comment: { body: 'Help', author_id: customer.id } },
    });
    const ticketId = created.body.ticket.id as number;
    await world.settle();
    world.zendesk.admin.advanceTime(61 * MINUTE);
    await waitFor(async () => (await world.slaOf(ticketId)).tags.includes('sla_out_first_reply_time'));
    await world.settle();
    // Time goes on and the scheduler wakes again: a breach mails once.
    world.zendesk.admin.advanceTime(30 * MINUTE);
    await sleep(100);
    await world.settle();
    return world.zendesk.admin.outbox().filter((m) => m.ticketId === ticketId && !m.subject.includes('due soon'));
  }

  const triggerId = (key: string) => account.zendeskSetup?.emailTriggerIds[key];

  it('turning the requester on mails the requester once on a breach', async () => {
    const saved = await saveSettings({ outOfSla: { requester: true, assignee: true, group: true, addresses: [] } });
    expect(saved.triggerSync).toEqual({ state: 'synced', triggersWritten: 1 });
    const mails = await breachedTicketMails();
    expect(mails.filter((m) => m.to === world.customerEmail).map((m) => m.subject)).toEqual([`[Ticket #${mails[0]?.ticketId}] We are taking longer than promised`]);
  });

  it("a changed subject is the sent mail's subject", async () => {
    await saveSettings({
      templates: {
        en: {
          outOfSla: { subject: 'LATE #{{ticket.id}}: {{ticket.title}}', body: 'Ticket {{ticket.id}} missed its SLA.' },
          dueSoon: { subject: 'Soon: {{ticket.title}}', body: 'Due soon.' },
        },
      },
    });
    const mails = await breachedTicketMails();
    const ticketId = mails[0]?.ticketId;
    expect(mails.map((m) => [m.to, m.subject]).sort()).toEqual([
      ['admin@sandbox.test', `LATE #${ticketId}: Printer on fire`],
      ['alice@sandbox.test', `LATE #${ticketId}: Printer on fire`],
      ['alice@sandbox.test', `LATE #${ticketId}: Printer on fire`],
    ]);
  });

  it('mails each fixed address once, as a Zendesk user made for it; saving the same again writes nothing', async () => {
    const settings = { outOfSla: { requester: false, assignee: false, group: false, addresses: ['lead@acme.test', 'Boss@acme.test'] } };
    expect((await saveSettings(settings)).triggerSync).toEqual({ state: 'synced', triggersWritten: 3 });
    const users = (await world.zendesk.call('GET', '/api/v2/users.json')).body.users.length;
    expect((await saveSettings(settings)).triggerSync).toEqual({ state: 'synced', triggersWritten: 0 });
    expect((await world.zendesk.call('GET', '/api/v2/users.json')).body.users.length).toBe(users);
    const mails = await breachedTicketMails();
    expect(mails.map((m) => m.to).sort()).toEqual(['boss@acme.test', 'lead@acme.test']);
    const addressesId = (await world.server.store.findAccount(account.id))?.zendeskSetup?.emailTriggerIds.sla_out_notify_addresses;
    expect(mails.every((m) => String(m.triggerId) === addressesId)).toBe(true);
  });

  it('turning the assignee off sends no assignee mail; the group is still mailed', async () => {
    await saveSettings({ outOfSla: { requester: false, assignee: false, group: true, addresses: [] } });
    const mails = await breachedTicketMails();
    expect(mails.filter((m) => String(m.triggerId) === triggerId('sla_out_notify_assignee'))).toEqual([]);
    expect(mails.filter((m) => String(m.triggerId) === triggerId('sla_out_notify_group')).map((m) => m.to).sort()).toEqual(['admin@sandbox.test', 'alice@sandbox.test']);
  });

  it('saves even when Zendesk fails, says the sync is pending, and the next setup run syncs', async () => {
    world.zendesk.admin.injectRequestFaults({ fault: { kind: 'status', status: 503 }, count: 1, method: 'GET', path: '^/api/v2/triggers' });
    const saved = await saveSettings({ outOfSla: { requester: true, assignee: true, group: true, addresses: [] } });
    expect(saved.triggerSync).toEqual({ state: 'pending', reason: 'zendesk_unavailable', message: expect.stringContaining('within the hour') });
    expect(saved.settings).toMatchObject({ outOfSla: { requester: true } });
    const requesterTrigger = async () => (await world.zendesk.call('GET', `/api/v2/triggers/${triggerId('sla_out_notify_requester')}.json`)).body.trigger;
    expect((await requesterTrigger()).active).toBe(false);

    await setUpAgain();
    expect((await requesterTrigger()).active).toBe(true);
  });

  it('the setup step changes no trigger when Zendesk already matches the settings', async () => {
    await saveSettings({ outOfSla: { requester: true, assignee: false, group: true, addresses: ['lead@acme.test'] }, dueSoon: { assignee: true, group: true, addresses: ['lead@acme.test'] } });
    const stamps = async () => ((await world.zendesk.call('GET', '/api/v2/triggers.json')).body.triggers as { id: number; updated_at: string }[]).map((t) => `${t.id} ${t.updated_at}`);
    const before = await stamps();
    world.zendesk.admin.advanceTime(MINUTE);
    await setUpAgain();
    expect(await stamps()).toEqual(before);
    const client = new ZendeskClients(world.zendesk.clock).for(account);
    const fresh = (await world.server.store.findAccount(account.id)) as Account;
    const settings = { ...DEFAULT_NOTIFICATION_SETTINGS, outOfSla: { requester: true, assignee: false, group: true, addresses: ['lead@acme.test'] }, dueSoon: { assignee: true, group: true, addresses: ['lead@acme.test'] } };
    expect((await syncNotificationTriggers({ client, setup: fresh.zendeskSetup!, settings, log })).written).toEqual([]);
  });

  it('switches off a second addresses trigger (two syncs at once each made one), so an address is mailed once', async () => {
    await saveSettings({ outOfSla: { requester: false, assignee: false, group: false, addresses: ['lead@acme.test'] } });
    const kept = (await world.server.store.findAccount(account.id))?.zendeskSetup?.emailTriggerIds.sla_out_notify_addresses;
    const original = (await world.zendesk.call('GET', `/api/v2/triggers/${kept}.json`)).body.trigger;
    const twin = (await world.zendesk.call('POST', '/api/v2/triggers.json', { trigger: { title: original.title, active: true, conditions: original.conditions, actions: original.actions } })).body.trigger;
    await setUpAgain();
    expect((await world.zendesk.call('GET', `/api/v2/triggers/${twin.id}.json`)).body.trigger.active).toBe(false);
    const mails = await breachedTicketMails();
    expect(mails.map((m) => [m.to, String(m.triggerId)])).toEqual([['lead@acme.test', kept]]);
  });

  /** What the hourly setup loop runs. */
  async function setUpAgain() {
    const fresh = (await world.server.store.findAccount(account.id)) as Account;
    await setUpAccount({
      store: world.server.store,
      client: new ZendeskClients(world.zendesk.clock).for(fresh),
      account: fresh,
      installationId: fresh.zendeskSetup?.installationId as string,
      publicUrl: world.server.url,
      requirements: REQUIREMENTS,
      now: world.zendesk.clock.now(),
      log,
    });
  }
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
