import { zendeskApi, ZendeskApiError, type ZendeskApi, type ZendeskCredentials } from '../api/zendesk-api';
import type { TicketJson, UserJson } from '../api/zendesk-json';
import type { GroupKey, OrganizationKey } from './demo-people';
import { planDemoTickets, SEED_HISTORY_MS, type TicketPlan, type TicketUpdatePlan } from './demo-tickets';
import { seededRandom } from './seeded-random';
import { createAgents, createCustomers, createGroups, createOrganizations } from './seed-people';

export { SEED_HISTORY_MS };

export interface SeedSandboxOptions {
  /** The emulator's origin, e.g. http://127.0.0.1:4010. */
  readonly emulatorUrl: string;
  /** An admin of the emulated account. */
  readonly credentials: ZendeskCredentials;
  /** requirements.json as installed by a real app install. */
  readonly requirements: Record<string, unknown>;
  readonly appName?: string;
  /** Same seed, same account. Default 1. */
  readonly seed?: number;
  /**
   * Epoch ms where the demo history ends. The emulator clock must stand at least SEED_HISTORY_MS before it (its
   * clock only moves forward); it is left at `now`, or later if seeding took longer.
   */
  readonly now: number;
}

/** What the seed made, by role, so that later setup (the server's policies, the desk's login) can name it. */
export interface SandboxSeed {
  readonly installationId: number;
  readonly appId: number;
  /** Requirement identifier → id, e.g. `sla_status` → its ticket field id. */
  readonly requirements: Readonly<Record<string, number>>;
  readonly groups: Readonly<Record<GroupKey, number>>;
  readonly organizations: Readonly<Record<OrganizationKey, number>>;
  readonly agents: readonly UserJson[];
  readonly customers: readonly UserJson[];
  readonly ticketIds: readonly number[];
}

/**
 * Seeds an empty emulated account as a newcomer's demo: installs the app from requirements.json, creates groups
 * (Support, Billing), organizations (one "VIP"), agents and customers, then plays the demo tickets through the
 * Tickets API at their own emulator times, so that audits and timestamps look like a real history.
 *
 * The server's setup (the "SLA: notify server" trigger, the webhook endpoint, default schedule and policies)
 * is a separate step run after this one, on the same account (see src/cli/start-sandbox.ts).
 */
export async function seedSandbox(options: SeedSandboxOptions): Promise<SandboxSeed> {
  const admin = zendeskApi(options.emulatorUrl, options.credentials);
  const plans = planDemoTickets(seededRandom(options.seed ?? 1), options.now);
  const earliest = Math.min(...plans.map((plan) => plan.createdAt));
  const clockNow = await readClock(admin);
  if (clockNow > earliest) {
    throw new Error(`the emulator clock must start at or before ${new Date(options.now - SEED_HISTORY_MS).toISOString()} to seed the demo history`);
  }
  const installation = await installApp(admin, options);
  const groups = await createGroups(admin);
  const organizations = await createOrganizations(admin);
  const agents = await createAgents(admin, groups);
  const customers = await createCustomers(admin, organizations);
  const people = { admin, groups, agents, customers };
  const ticketIds = new Map<number, number>();
  for (const step of timeline(plans)) {
    await moveClockTo(admin, step.at);
    if (step.kind === 'create') ticketIds.set(step.plan.index, await createTicket(people, step.plan));
    else await updateTicket(people, ticketIds.get(step.plan.index) as number, step.plan, step.update);
  }
  await moveClockTo(admin, options.now);
  return { ...installation, groups, organizations, agents, customers, ticketIds: [...ticketIds.values()] };
}

type Step =
  | { readonly kind: 'create'; readonly at: number; readonly plan: TicketPlan }
  | { readonly kind: 'update'; readonly at: number; readonly plan: TicketPlan; readonly update: TicketUpdatePlan };

/** Every write of every ticket, in time order (ties keep plan order, so a ticket's own steps never swap). */
function timeline(plans: readonly TicketPlan[]): Step[] {
  const steps: Step[] = plans.flatMap((plan) => [
    { kind: 'create' as const, at: plan.createdAt, plan },
    ...plan.updates.map((update) => ({ kind: 'update' as const, at: update.at, plan, update })),
  ]);
  return steps.map((step, order) => ({ step, order })).sort((a, b) => a.step.at - b.step.at || a.order - b.order).map(({ step }) => step);
}

async function readClock(api: ZendeskApi): Promise<number> {
  return Date.parse((await api.get<{ now: string }>('/__sandbox/clock')).now);
}

/**
 * Forward only: a step planned for an instant the clock has already passed runs at the clock's time. The clock
 * may be running (`npm start`), so asking first could race it; its refusal to go back is the answer instead.
 */
async function moveClockTo(api: ZendeskApi, at: number): Promise<void> {
  try {
    await api.post('/__sandbox/clock', { set: new Date(at).toISOString() });
  } catch (error) {
    if (!(error instanceof ZendeskApiError && error.status === 400 && /only moves forward/.test(JSON.stringify(error.body)))) throw error;
  }
}

async function installApp(api: ZendeskApi, options: SeedSandboxOptions) {
  const { installation } = await api.post<{ installation: { id: number; app_id: number; requirements: { identifier: string; requirement_id: number }[] } }>(
    '/__sandbox/apps/install',
    { requirements: options.requirements, app_name: options.appName ?? 'SLA Clock' },
  );
  return {
    installationId: installation.id,
    appId: installation.app_id,
    requirements: Object.fromEntries(installation.requirements.map((r) => [r.identifier, r.requirement_id])),
  };
}

interface People {
  readonly admin: ZendeskApi;
  readonly groups: Record<GroupKey, number>;
  readonly agents: readonly UserJson[];
  readonly customers: readonly UserJson[];
}

/** The customer writes in (by mail): the ticket's first comment is theirs. */
async function createTicket(people: People, plan: TicketPlan): Promise<number> {
  const requester = people.customers[plan.requester] as UserJson;
  const { ticket } = await people.admin.post<{ ticket: TicketJson }>('/tickets', {
    ticket: {
      subject: plan.subject,
      comment: { body: plan.description, public: true, author_id: requester.id },
      requester_id: requester.id,
      priority: plan.priority,
      type: plan.type,
      group_id: people.groups[plan.group],
      tags: plan.tags,
      via: { channel: 'email' },
    },
  });
  return ticket.id;
}

/** Agents write as themselves; a requester's reply is posted by an agent with the requester as author (Zendesk's way for API clients). */
async function updateTicket(people: People, ticketId: number, plan: TicketPlan, update: TicketUpdatePlan): Promise<void> {
  const requester = people.customers[plan.requester] as UserJson;
  const actor = update.by.kind === 'agent' ? (people.agents[update.by.agent] as UserJson) : null;
  const api = actor ? people.admin.as(actor.email) : people.admin;
  const comment = update.comment && { ...update.comment, author_id: actor?.id ?? requester.id };
  const assigneeId = update.assignee === undefined ? undefined : (people.agents[update.assignee] as UserJson).id;
  await api.put(`/tickets/${ticketId}`, {
    ticket: { ...(comment ? { comment } : {}), ...(update.status ? { status: update.status } : {}), ...(assigneeId ? { assignee_id: assigneeId } : {}) },
  });
}
