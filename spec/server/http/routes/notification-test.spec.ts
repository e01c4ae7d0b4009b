import { SignJWT } from 'jose';
import type { Account } from '../../../../src/server/store/sla-store';
import { TEST_DIALECTS } from '../../../support/test-database';
import { aPolicyBody, aPipelineWorld, SERVER_USER_EMAIL, type PipelineWorld } from '../../pipeline/support/pipeline-fixture';

/** Monday 23 November 2026, 09:00 in Warsaw. */
const MONDAY_OPEN = '2026-11-23T08:00:00Z';
const APP_SECRET = 'app-shared-secret-that-is-long-enough-for-hs256';
const AGENT_EMAIL = 'alice@sandbox.test';

/**
 * Issue #5: "Send a test" in the Notifications tab. The server makes the triggers send (Zendesk has no "send an
 * email" call) with a ticket it deletes at once; the emulator's outbox shows what was mailed, to whom.
 */
describe.each(TEST_DIALECTS)('POST /api/notification-settings/test against the emulator, on %s', (dialect) => {
  let world: PipelineWorld;
  let account: Account;
  beforeEach(async () => {
    world = await aPipelineWorld(dialect, (scheduleId) => [aPolicyBody({ scheduleId })]);
    world.zendesk.admin.setTime(MONDAY_OPEN);
    await world.server.store.saveAccount({ ...world.account, appSharedSecret: APP_SECRET, now: world.zendesk.clock.now() });
    account = (await world.server.store.findAccount(world.account.id)) as Account;
  });
  afterEach(() => world.close());

  async function sendTest(kind: string, asUserId = String(world.agentId)) {
    const jwt = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(account.subdomain)
      .setSubject(asUserId)
      .setExpirationTime(Math.floor(world.zendesk.clock.now() / 1000) + 300)
      .sign(new TextEncoder().encode(APP_SECRET));
    const response = await fetch(`${world.server.url}/api/notification-settings/test`, {
      method: 'POST',
      headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind }),
    });
    return { status: response.status, body: (await response.json()) as { ticketId?: string; recipients?: string[]; error?: { code: string; message: string } } };
  }

  /** Settings stored but never synced: only a test that syncs first mails lead@acme.test. */
  async function storeSettingsWithoutSync() {
    await world.server.store.saveNotificationSettings({
      accountId: account.id,
      settings: { outOfSla: { requester: false, assignee: true, group: false, addresses: ['lead@acme.test'] }, dueSoon: { assignee: true, group: false, addresses: ['soon@acme.test'] } },
      now: world.zendesk.clock.now(),
    });
  }

  async function expectNothingRecorded(ticketId: string) {
    await world.settle();
    const { store } = world.server;
    expect(await store.listBreaches(account.id, ticketId)).toEqual([]);
    // The inbox leases the ticket (a state row) before reading it; no assessment is ever stored on it.
    expect((await store.getTicketState(account.id, ticketId))?.assessment ?? null).toBeNull();
    expect(await store.listTicketEvents(account.id, ticketId)).toEqual([]);
    const records = await store.listMetricRecords({ accountId: account.id, from: 0, to: world.zendesk.clock.now() + 86_400_000 });
    expect(records.filter((r) => r.ticketId === ticketId)).toEqual([]);
  }

  it('Out of SLA: syncs the saved settings, mails the calling agent and the fixed address, deletes the ticket, records nothing', async () => {
    await storeSettingsWithoutSync();
    const { status, body } = await sendTest('out_of_sla');
    expect(status).toBe(200);
    const ticketId = body.ticketId as string;
    expect(body.recipients).toEqual([AGENT_EMAIL, 'lead@acme.test']);
    const mails = world.zendesk.admin.outbox().filter((m) => String(m.ticketId) === ticketId);
    expect(mails.map((m) => m.to).sort()).toEqual([AGENT_EMAIL, 'lead@acme.test']);
    expect(mails.every((m) => m.subject.includes('[SLA Clock test] Out of SLA notification'))).toBe(true);
    expect((await world.zendesk.call('GET', `/api/v2/tickets/${ticketId}.json`)).status).toBe(404);
    await expectNothingRecorded(ticketId);
  });

  it('due soon: the due-soon triggers only', async () => {
    await storeSettingsWithoutSync();
    const { status, body } = await sendTest('due_soon');
    expect([status, body.recipients]).toEqual([200, [AGENT_EMAIL, 'soon@acme.test']]);
    const mails = world.zendesk.admin.outbox().filter((m) => String(m.ticketId) === body.ticketId);
    expect(mails.map((m) => m.to).sort()).toEqual([AGENT_EMAIL, 'soon@acme.test']);
    expect((await world.zendesk.call('GET', `/api/v2/tickets/${body.ticketId}.json`)).status).toBe(404);
    await expectNothingRecorded(body.ticketId as string);
  });

  it("a caller Zendesk does not know: the server's own user asks, nobody is assigned, the fixed address is mailed", async () => {
    await storeSettingsWithoutSync();
    const { status, body } = await sendTest('out_of_sla', '999999');
    expect([status, body.recipients]).toEqual([200, ['lead@acme.test']]);
    expect(world.zendesk.admin.outbox().some((m) => String(m.ticketId) === body.ticketId && m.to === SERVER_USER_EMAIL)).toBe(false);
    await expectNothingRecorded(body.ticketId as string);
  });

  it('a test ticket read before its deletion gets no assessment, records or breaches (the pipeline guard)', async () => {
    const created = await world.zendesk.call('POST', '/api/v2/tickets.json', {
      ticket: { subject: '[SLA Clock test] x', requester_id: world.agentId, assignee_id: world.agentId, comment: { body: 'test', public: false }, tags: ['sla_out_first_reply_time', 'sla_test_notification'] },
    });
    const ticketId = String(created.body.ticket.id);
    await world.settle();
    world.zendesk.admin.advanceTime(120 * 60_000);
    await world.settle();
    await expectNothingRecorded(ticketId);
    // Nothing was written back either: the tags are what the test set and the triggers added.
    expect((await world.slaOf(Number(ticketId))).fields.sla_status ?? null).toBeNull();
  });

  it('Zendesk failing is a 502 zendesk_unavailable with a message', async () => {
    await world.server.store.saveAccount({ ...account, zendeskUrl: 'http://127.0.0.1:9', now: world.zendesk.clock.now() });
    const { status, body } = await sendTest('out_of_sla');
    expect([status, body.error?.code]).toEqual([502, 'zendesk_unavailable']);
    expect(body.error?.message).toMatch(/Zendesk/);
  });

  it('refuses an unknown kind (422)', async () => {
    expect((await sendTest('everything')).status).toBe(422);
  });
});
