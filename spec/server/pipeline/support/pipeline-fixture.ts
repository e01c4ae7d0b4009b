import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import type { PolicyBody } from '../../../../src/server/store/sla-store';
import type { ScheduleSpec } from '../../../../src/core';
import { loadConfig } from '../../../../src/server/config';
import { startServer, type RunningServer } from '../../../../src/server/main';
import { startPipeline } from '../../../../src/server/pipeline/start-pipeline';
import type { Account } from '../../../../src/server/store/sla-store';
import { setUpAccount, type Requirements } from '../../../../src/server/zendesk/account-setup';
import { ZendeskClients } from '../../../../src/server/zendesk/zendesk-clients';
import { anEmulator, type TestEmulator } from '../../../sandbox/emulator/support/emulator-fixture';
import { createTestDatabase, type TestDatabase, type TestDialect } from '../../../support/test-database';

export const REQUIREMENTS = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../requirements.json'), 'utf8')) as Requirements;

export const SERVER_USER_EMAIL = 'sla-clock@sandbox.test';

/** Mon–Fri 09:00–17:00 in Warsaw. */
export const OFFICE: ScheduleSpec = {
  timeZone: 'Europe/Warsaw',
  week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
};

export interface PipelineWorld {
  readonly zendesk: TestEmulator;
  readonly server: RunningServer;
  readonly account: Account;
  /** Zendesk field id by requirement identifier (`sla_status`, ...). */
  readonly fieldIds: Readonly<Record<string, string>>;
  readonly agentId: number;
  readonly customerEmail: string;
  /** Waits until Zendesk has delivered every webhook and the server has processed and written back everything. */
  /** Waits until the inbox is empty and no write-back can go yet; throws after `timeoutMs` (default 60 s). */
  settle(timeoutMs?: number): Promise<void>;
  /** Our fields on the ticket as Zendesk shows them, by requirement identifier, and its tags. */
  slaOf(ticketId: number): Promise<{ fields: Record<string, unknown>; tags: string[]; updatedAt: string }>;
  close(): Promise<void>;
}

/**
 * The real thing, end to end: the Zendesk emulator with the app installed from requirements.json, our server on a
 * real database with its pipeline loops running on the emulator's clock, connected by the setup step (webhook,
 * signing secret, notify trigger), and the given policies.
 */
export async function aPipelineWorld(
  dialect: TestDialect,
  policies: (scheduleId: string) => PolicyBody[],
  options: { readonly loops?: boolean; readonly writebackWindowMs?: number } = {},
): Promise<PipelineWorld> {
  // update_many jobs run by themselves, as in Zendesk (the emulator fixture steps them by hand by default).
  const zendesk = await anEmulator({ jobs: { autoRun: true, stepDelayMs: 10 } });
  const database: TestDatabase = await createTestDatabase(dialect);
  let server: RunningServer | null = null;
  const close = async () => {
    await server?.stop();
    await zendesk.close();
    await database.drop();
  };
  try {
    const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
    const url = database.database.kind === 'postgres' ? database.database.url : `sqlite:${database.database.file}`;
    const config = loadConfig({ PORT: '0', DATABASE_URL: url });
    if (!config.ok) throw new Error(config.errors.map((e) => e.message).join('; '));
    server = await startServer(config.value, {
      log,
      clock: zendesk.clock,
      startJobs: (context) =>
        options.loops === false ? [] : startPipeline(context, {
              inboxIntervalMs: 10,
              schedulerIntervalMs: 20,
              writebackIntervalMs: 10,
              reconcileIntervalMs: 0,
              writebackWindowMs: options.writebackWindowMs ?? 0,
            }),
    });
    return await connect(zendesk, server, policies, log, close);
  } catch (error) {
    await close();
    throw error;
  }
}

async function connect(
  zendesk: TestEmulator,
  server: RunningServer,
  policies: (scheduleId: string) => PolicyBody[],
  log: pino.Logger,
  close: () => Promise<void>,
): Promise<PipelineWorld> {
  const agent = zendesk.admin.addUser({ name: 'Alice Agent', email: 'alice@sandbox.test', role: 'agent', groupIds: [20001] });
  const customerEmail = 'carol@customer.test';
  zendesk.admin.addUser({ name: 'Carol Customer', email: customerEmail, role: 'end-user' });
  const installation = zendesk.admin.installApp(REQUIREMENTS as never, { appName: 'SLA Clock' });
  // The server calls Zendesk as a user of its own, as the README asks: the tests' people act as the admin.
  zendesk.admin.addUser({ name: 'SLA Clock', email: SERVER_USER_EMAIL, role: 'admin' });
  let account = await server.store.saveAccount({
    subdomain: 'acme',
    credentials: { kind: 'api_token', email: SERVER_USER_EMAIL, token: 'sandbox-api-token' },
    webhookSecret: null,
    appSharedSecret: null,
    zendeskUrl: zendesk.url,
    now: zendesk.clock.now(),
  });
  const setup = await setUpAccount({
    store: server.store,
    client: new ZendeskClients(zendesk.clock).for(account),
    account,
    installationId: String(installation.id),
    publicUrl: server.url,
    requirements: REQUIREMENTS,
    now: zendesk.clock.now(),
    log,
  });
  account = (await server.store.findAccount(account.id)) as Account;
  const schedule = await server.store.saveSchedule({ accountId: account.id, name: 'Office', spec: OFFICE, now: zendesk.clock.now() });
  if (schedule.kind !== 'saved') throw new Error(schedule.kind);
  for (const body of policies(schedule.value.id)) {
    await server.store.savePolicy({ accountId: account.id, body, authorId: null, now: zendesk.clock.now() });
  }
  const { store } = server;
  // Write-backs waiting for their window (until the clock is moved past it) count as settled.
  const outboxIdle = (outbox: { pending: number; earliestNotBefore: number | null }) =>
    outbox.pending === 0 || (outbox.earliestNotBefore !== null && outbox.earliestNotBefore > zendesk.clock.now());
  const settle = async (timeoutMs = 60_000) => {
    // A deadline, not a count of rounds: a hundred tickets' echoes take a while on a loaded machine.
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
      await zendesk.admin.settleWebhooks();
      const [inbox, outbox] = await Promise.all([store.inboxStats(), store.writebackStats()]);
      if (inbox.pending === 0 && outboxIdle(outbox)) {
        // Our own write-back calls the webhook again: settled only when that round found nothing more to do.
        await new Promise((resolve) => setTimeout(resolve, 30));
        await zendesk.admin.settleWebhooks();
        const again = await Promise.all([store.inboxStats(), store.writebackStats()]);
        if (again[0].pending === 0 && outboxIdle(again[1])) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const [inbox, outbox] = await Promise.all([store.inboxStats(), store.writebackStats()]);
    throw new Error(`pipeline did not settle: inbox ${JSON.stringify(inbox)}, outbox ${JSON.stringify(outbox)} at ${zendesk.clock.now()}`);
  };
  const byId = new Map(Object.entries(setup.fieldIds).map(([identifier, id]) => [id, identifier]));
  return {
    zendesk,
    server,
    account,
    fieldIds: setup.fieldIds,
    agentId: agent.id,
    customerEmail,
    settle,
    async slaOf(ticketId) {
      const ticket = (await zendesk.call('GET', `/api/v2/tickets/${ticketId}.json`)).body.ticket;
      const fields: Record<string, unknown> = {};
      for (const field of ticket.custom_fields as { id: number; value: unknown }[]) {
        const identifier = byId.get(String(field.id));
        if (identifier) fields[identifier] = field.value;
      }
      return { fields, tags: ticket.tags as string[], updatedAt: ticket.updated_at as string };
    },
    close,
  };
}

/** A catch-all policy body: first reply (60 business minutes, urgent 30) and requester wait (8 h) on `scheduleId`. */
export function aPolicyBody(overrides: Partial<PolicyBody> & { scheduleId: string }): PolicyBody {
  const { scheduleId, ...rest } = overrides;
  return {
    title: 'Standard',
    description: '',
    active: true,
    filter: { all: [], any: [] },
    targets: [
      { metric: 'first_reply_time', priority: 'any', targetMinutes: 60, hours: 'business', scheduleId, warnMinutesBefore: 15 },
      { metric: 'first_reply_time', priority: 'urgent', targetMinutes: 30, hours: 'business', scheduleId, warnMinutesBefore: 10 },
      { metric: 'requester_wait_time', priority: 'any', targetMinutes: 8 * 60, hours: 'business', scheduleId },
    ],
    ...rest,
  } as PolicyBody;
}

/** Polls until `condition` holds: the scheduler works in its own loop, which `settle` does not wait for. */
export async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * An admin's trigger that raises the priority to urgent once our SLA status field is set: a change made by a
 * trigger our own write fires, which the server must read from the echo.
 */
export async function addEscalationTrigger(world: PipelineWorld): Promise<void> {
  const trigger = await world.zendesk.call('POST', '/api/v2/triggers.json', {
    trigger: {
      title: 'Escalate once the SLA clock runs',
      active: true,
      conditions: { all: [{ field: `custom_fields_${world.fieldIds.sla_status}`, operator: 'changed' }], any: [] },
      actions: [{ field: 'priority', value: 'urgent' }],
    },
  });
  if (trigger.status !== 201) throw new Error(`trigger: ${trigger.status} ${JSON.stringify(trigger.body)}`);
}

/**
 * That the SLA followed addEscalationTrigger's change for a ticket from Monday's opening (08:00Z): aPolicyBody's
 * first reply is due in 60 business minutes, 30 when urgent, so at 08:30Z, in the server's state and in Zendesk.
 */
export async function expectEscalatedFirstReply(world: PipelineWorld, ticketId: number): Promise<void> {
  const state = await world.server.store.getTicketState(world.account.id, String(ticketId));
  expect(state?.assessment?.metrics.first_reply_time.state).toMatchObject({ kind: 'active', dueAt: Date.parse('2026-11-23T08:30:00Z') });
  expect((await world.slaOf(ticketId)).fields.sla_due_first_reply_time).toBe('2026-11-23T08:30:00Z');
}
