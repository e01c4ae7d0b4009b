import fs from 'node:fs';
import path from 'node:path';
import { startZendeskEmulator, DEFAULT_SEED, type RunningZendeskEmulator } from '../../../../src/sandbox/emulator';
import { zendeskApi, type ZendeskApi } from '../../../../src/sandbox/desk/api/zendesk-api';
import type { AuditJson, TicketJson } from '../../../../src/sandbox/desk/api/zendesk-json';
import { seedSandbox, SEED_HISTORY_MS, type SandboxSeed } from '../../../../src/sandbox/desk/seed/seed-sandbox';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../../../..');
const requirements = JSON.parse(fs.readFileSync(path.join(ROOT, 'requirements.json'), 'utf8')) as Record<string, unknown>;
const credentials = { email: DEFAULT_SEED.admin.email, apiToken: DEFAULT_SEED.apiTokens[0] as string };
/** A Monday afternoon, in UTC. */
const NOW = Date.parse('2026-11-23T15:00:00Z');

interface Seeded {
  readonly emulator: RunningZendeskEmulator;
  readonly api: ZendeskApi;
  readonly result: SandboxSeed;
}

async function seeded(seed: number): Promise<Seeded> {
  const emulator = await startZendeskEmulator({ clock: { start: NOW - SEED_HISTORY_MS - 3_600_000, mode: 'frozen' } });
  const result = await seedSandbox({ emulatorUrl: emulator.url, credentials, requirements, seed, now: NOW });
  return { emulator, api: zendeskApi(emulator.url, credentials), result };
}

/** Tickets and their audits without the emulator's own address (each run has its own port). */
async function history(api: ZendeskApi): Promise<unknown> {
  const { tickets } = await api.get<{ tickets: (TicketJson & { url?: string })[] }>('/tickets?per_page=100');
  const audits = await Promise.all(tickets.map((t) => api.get<{ audits: AuditJson[] }>(`/tickets/${t.id}/audits`)));
  return JSON.parse(JSON.stringify({ tickets, audits }).replace(/http:\/\/127\.0\.0\.1:\d+/g, 'EMULATOR'));
}

let first: Seeded;
let tickets: TicketJson[];

beforeAll(async () => {
  first = await seeded(1);
  tickets = (await first.api.get<{ tickets: TicketJson[] }>('/tickets?per_page=100')).tickets;
});
afterAll(() => first?.emulator.close());

describe('seedSandbox', () => {
  it('installs the app as a real install does: the SLA fields exist and are named by identifier', () => {
    expect(Object.keys(first.result.requirements)).toEqual(expect.arrayContaining(['sla_status', 'sla_next_due_at', 'sla_server']));
    expect(first.result.installationId).toEqual(expect.any(Number));
  });

  it('creates 3 agents in 2 groups, 3 organizations including VIP, and 10 customers', async () => {
    const { agents, customers, groups, organizations } = first.result;
    expect(agents.map((a) => a.role)).toEqual(['agent', 'agent', 'agent']);
    expect(customers.length).toBeGreaterThanOrEqual(8);
    const groupNames = (await first.api.get<{ groups: { id: number; name: string }[] }>('/groups')).groups.map((g) => g.name);
    expect(groupNames.sort()).toEqual(['Billing', 'Support']);
    expect(Object.keys(groups).sort()).toEqual(['billing', 'support']);
    const org = await first.api.get<{ organization: { name: string } }>(`/organizations/${organizations.vip}`);
    expect(org.organization.name).toBe('VIP');
    expect(customers.some((c) => c.organization_id === organizations.vip)).toBe(true);
  });

  it('creates three dozen tickets in every status and priority, in both groups', () => {
    expect(tickets).toHaveLength(36);
    expect(new Set(tickets.map((t) => t.status))).toEqual(new Set(['new', 'open', 'pending', 'hold', 'solved']));
    expect(new Set(tickets.map((t) => t.priority))).toEqual(new Set(['low', 'normal', 'high', 'urgent']));
    expect(new Set(tickets.map((t) => t.group_id))).toEqual(new Set(Object.values(first.result.groups)));
    expect(tickets.filter((t) => t.status === 'new').every((t) => t.assignee_id === null)).toBe(true);
    expect(tickets.filter((t) => t.status !== 'new').every((t) => t.assignee_id !== null)).toBe(true);
  });

  it('spreads creation over three days, with urgent tickets opened under an hour ago and still unanswered', () => {
    const ages = tickets.map((t) => NOW - Date.parse(t.created_at));
    expect(Math.max(...ages)).toBeLessThanOrEqual(SEED_HISTORY_MS);
    expect(Math.min(...ages)).toBeGreaterThan(0);
    const fresh = tickets.filter((t) => t.priority === 'urgent' && t.status === 'open' && NOW - Date.parse(t.created_at) < 3_600_000);
    expect(fresh.length).toBeGreaterThanOrEqual(2);
  });

  it('writes histories both ways: requester and agent comments, public replies and internal notes', async () => {
    const agentIds = new Set(first.result.agents.map((a) => a.id));
    const comments = (
      await Promise.all(tickets.map((t) => first.api.get<{ audits: AuditJson[] }>(`/tickets/${t.id}/audits`)))
    ).flatMap(({ audits }) => audits.flatMap((a) => a.events.filter((e) => e.type === 'Comment')));
    const byAgent = comments.filter((c) => agentIds.has(c.author_id));
    expect(byAgent.some((c) => c.public)).toBe(true);
    expect(byAgent.some((c) => !c.public)).toBe(true);
    expect(comments.filter((c) => !agentIds.has(c.author_id)).length).toBeGreaterThan(tickets.length);
  });

  it('leaves the emulator clock at now', async () => {
    expect((await first.api.get<{ now: string }>('/__sandbox/clock')).now).toBe('2026-11-23T15:00:00Z');
  });

  it('gives the same account for the same seed, and another for another seed', async () => {
    const again = await seeded(1);
    const other = await seeded(2);
    try {
      expect(await history(again.api)).toEqual(await history(first.api));
      expect(await history(other.api)).not.toEqual(await history(first.api));
    } finally {
      await again.emulator.close();
      await other.emulator.close();
    }
  });

  it('refuses an emulator whose clock is already past the start of the demo history', async () => {
    const emulator = await startZendeskEmulator({ clock: { start: NOW, mode: 'frozen' } });
    try {
      await expect(seedSandbox({ emulatorUrl: emulator.url, credentials, requirements, now: NOW })).rejects.toThrow(/must start at or before/);
    } finally {
      await emulator.close();
    }
  });
});
