import { createHmac } from 'node:crypto';
import { aTicket, anEmulator, type TestEmulator } from './support/emulator-fixture';
import { startWebhookReceiver } from './support/webhook-receiver';

/**
 * DESIGN.md's ticket-update flow, played against the emulator with a stand-in server: Zendesk calls the webhook, the
 * server verifies it, reads the ticket and its audits, writes back with a safe update_many, and the breach trigger
 * mails the assignee once. It shows the server helper which emulator behaviours the flow leans on.
 */
describe('the SLA flow against the emulator', () => {
  let zendesk: TestEmulator;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  afterEach(async () => {
    await zendesk.close();
    await receiver.close();
  });

  it('webhook → read → safe write-back → one breach mail', async () => {
    zendesk = await anEmulator();
    receiver = await startWebhookReceiver();
    const agent = zendesk.admin.addUser({ name: 'Alice Agent', email: 'alice@sandbox.test', role: 'agent', groupIds: [20001] });
    const installation = zendesk.admin.installApp({
      ticket_fields: { sla_next_due_at: { type: 'text', title: 'SLA next due at' } },
      webhooks: {
        sla_events: {
          name: 'SLA events', status: 'active', endpoint: receiver.url, http_method: 'POST', request_format: 'json',
          subscriptions: ['conditional_ticket_events'],
        },
      },
      triggers: {
        breach_mail: {
          title: 'Out of SLA: notify assignee',
          conditions: {
            all: [
              { field: 'current_tags', operator: 'includes', value: 'sla_out_first_reply_time' },
              { field: 'current_tags', operator: 'not_includes', value: 'sla_notified_out_assignee' },
            ],
            any: [],
          },
          actions: [
            { field: 'notification_user', value: ['assignee_id', 'Out of SLA: {{ticket.title}}', 'Hi {{ticket.assignee.first_name}}'] },
            { field: 'current_tags', value: 'sla_notified_out_assignee' },
          ],
        },
      },
    });
    const ids = Object.fromEntries(installation.requirements.map((r) => [r.identifier, r.requirementId]));
    // The server's setup step links its trigger to the webhook after install (requirements cannot reference ids).
    await zendesk.call('POST', '/api/v2/triggers', {
      trigger: {
        title: 'SLA: notify server',
        conditions: { all: [], any: [] },
        actions: [{ field: 'notification_webhook', value: [ids.sla_events, '{"ticket_id":{{ticket.id}},"updated_at":"{{ticket.updated_at_with_timestamp}}"}'] }],
      },
    });
    const secret = (await zendesk.call('GET', `/api/v2/webhooks/${ids.sla_events}/signing_secret`)).body.signing_secret.secret;

    const ticket = await aTicket(zendesk, { assignee_id: agent.id, priority: 'high' });
    await zendesk.admin.settleWebhooks();
    const [delivery] = receiver.received;
    const timestamp = String(delivery!.headers['x-zendesk-webhook-signature-timestamp']);
    expect(delivery!.headers['x-zendesk-webhook-signature']).toBe(createHmac('sha256', secret).update(timestamp + delivery!.body).digest('base64'));
    const payload = JSON.parse(delivery!.body) as { ticket_id: number; updated_at: string };
    expect(payload).toEqual({ ticket_id: ticket.id, updated_at: ticket.updated_at });

    // The server reads what it needs, then an agent gets in first: the safe write-back must fail for that ticket.
    const read = (await zendesk.call('GET', `/api/v2/tickets/${payload.ticket_id}`)).body.ticket;
    const audits = (await zendesk.call('GET', `/api/v2/tickets/${payload.ticket_id}/audits?page[size]=100`)).body.audits;
    expect(audits[0].events[0]).toMatchObject({ type: 'Comment', public: true });
    zendesk.clock.advance(61 * 60_000); // first reply due after 1 hour: breached
    await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { comment: { body: 'Looking', public: false } } });
    const writeBack = (stamp: string) =>
      zendesk.call('PUT', '/api/v2/tickets/update_many', {
        tickets: [{
          id: ticket.id, safe_update: true, updated_stamp: stamp,
          additional_tags: ['sla_out_first_reply_time'], custom_fields: [{ id: ids.sla_next_due_at, value: '2026-11-22T11:00:00Z' }],
        }],
      });
    const conflict = (await writeBack(read.updated_at)).body.job_status.id;
    zendesk.admin.runJobs();
    expect((await zendesk.call('GET', `/api/v2/job_statuses/${conflict}`)).body.job_status.results[0]).toMatchObject({ success: false, error: 'UpdateConflict' });
    expect(zendesk.admin.outbox()).toHaveLength(0);

    // Re-read, recompute, retry: the write lands and the breach trigger mails the assignee, once.
    const fresh = (await zendesk.call('GET', `/api/v2/tickets/${ticket.id}`)).body.ticket;
    await writeBack(fresh.updated_at);
    zendesk.admin.runJobs();
    await writeBack((await zendesk.call('GET', `/api/v2/tickets/${ticket.id}`)).body.ticket.updated_at);
    zendesk.admin.runJobs();
    expect(zendesk.admin.outbox()).toEqual([
      expect.objectContaining({ to: 'alice@sandbox.test', subject: 'Out of SLA: Printer on fire', body: 'Hi Alice' }),
    ]);
    expect(zendesk.state.tickets.get(ticket.id)?.tags).toEqual(['sla_out_first_reply_time', 'sla_notified_out_assignee']);
  });
});
