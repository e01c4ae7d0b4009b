import { DateTime } from 'luxon';
import pino from 'pino';
import { replayTicket } from '../../../../../src/core/report';
import type { TicketEvent } from '../../../../../src/core/ticket/ticket-event';
import type { Priority } from '../../../../../src/core/ticket/ticket-snapshot';
import type { RunningSandbox } from '../../../../../src/cli/start-sandbox';
import { compileRules } from '../../../../../src/server/pipeline/account-rules';
import type { MetricRecord } from '../../../../../src/server/store/sla-store';
import { seededRandom } from '../../../../../src/sandbox/desk/seed/seeded-random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const OFFICE_ZONE = 'Europe/Warsaw';

/** First-reply targets of the sandbox's policies (src/cli/sandbox-rules.ts), in business minutes: what "late" means. */
const FIRST_REPLY_TARGET: Readonly<Record<Priority, number>> = { urgent: 60, high: 240, normal: 480, low: 1440 };
const VIP_FIRST_REPLY_TARGET = { urgent: 30, other: 60 };

export interface ReportHistory {
  readonly ticketIds: readonly string[];
  readonly records: number;
  readonly breaches: number;
}

/**
 * A month of support work for the Reports tab, beyond the demo's three days: `count` tickets from the sandbox's
 * customers (some VIP), on weekdays in office hours, answered by its agents on time, late, or not yet; customers
 * writing back, agents pausing (some within minutes of a reply, some without answering), tickets solved or left open.
 * The histories go to the store as the webhook intake writes them, and their metric records are what the pipeline
 * computes from them (`replayTicket` is its assessment: the account's compiled policies and schedules, the ticket as
 * of `now`), so the records, the pause audit and a backtest all read one consistent history.
 */
export async function seedReportHistory(sandbox: RunningSandbox, accountId: string, now: number, count: number): Promise<ReportHistory> {
  const store = sandbox.server.store;
  const random = seededRandom(20_260_601);
  const { agents, customers, groups } = sandbox.seed;
  const vipOrganization = sandbox.seed.organizations.vip;
  const ticketIds: string[] = [];
  const histories: { ticketId: string; history: TicketEvent[] }[] = [];

  for (let i = 0; i < count; i += 1) {
    const ticketId = String(7001 + i);
    const customer = customers[i % customers.length]!;
    const agentIndex = random.int(0, agents.length - 1);
    const agent = agents[agentIndex]!;
    const priority = random.pick<Priority>(['urgent', 'urgent', 'high', 'high', 'high', 'normal', 'normal', 'normal', 'normal', 'low']);
    const vip = customer.organization_id === vipOrganization;
    const target = vip ? (priority === 'urgent' ? VIP_FIRST_REPLY_TARGET.urgent : VIP_FIRST_REPLY_TARGET.other) : FIRST_REPLY_TARGET[priority];
    const createdAt = officeInstant(now, 1 + Math.floor((i * 27) / count), random.int(0, 7 * 60 - 1));
    const events: TicketEvent[] = [
      {
        type: 'created',
        at: createdAt,
        ticket: {
          id: ticketId, status: 'new', priority, type: 'question', groupId: String(agentIndex === 2 ? groups.billing : groups.support),
          assigneeId: String(agent.id), brandId: null, organizationId: customer.organization_id === null ? null : String(customer.organization_id),
          ticketFormId: null, requesterEmail: customer.email, tags: [], via: random.pick(['email', 'web', 'web']), customFields: {},
        },
      },
      { type: 'comment', at: createdAt, public: true, authorRole: 'end_user', authorId: String(customer.id) },
    ];
    // How the first reply goes: mostly on time, a third late, a few still unanswered.
    const luck = random.next();
    let at = createdAt;
    if (luck < 0.08) {
      histories.push({ ticketId, history: events });
      ticketIds.push(ticketId);
      continue;
    }
    at += (luck < 0.6 ? random.int(10, 80) / 100 : random.int(130, 400) / 100) * target * MINUTE;
    events.push({ type: 'comment', at, public: true, authorRole: 'agent', authorId: String(agent.id) }, { type: 'status_changed', at, from: 'new', to: 'open' });
    let status: 'open' | 'pending' = 'open';
    // A customer writes back; the agent answers and pauses, or pauses without answering (within minutes: the audit's case).
    const rounds = random.int(0, 2);
    for (let round = 0; round < rounds; round += 1) {
      if (status === 'pending') {
        at += random.int(2, 30) * HOUR;
        events.push({ type: 'comment', at, public: true, authorRole: 'end_user', authorId: String(customer.id) }, { type: 'status_changed', at, from: 'pending', to: 'open' });
      } else {
        at += random.int(1, 20) * HOUR;
        events.push({ type: 'comment', at, public: true, authorRole: 'end_user', authorId: String(customer.id) });
      }
      status = 'open';
      const style = random.next();
      if (style < 0.25) {
        at += random.int(1, 9) * MINUTE; // paused without answering
      } else {
        at += (style < 0.45 ? random.int(1, 4) : random.int(20, 6 * 60)) * MINUTE;
        events.push({ type: 'comment', at, public: true, authorRole: 'agent', authorId: String(agent.id) });
      }
      events.push({ type: 'status_changed', at, from: 'open', to: 'pending' });
      status = 'pending';
    }
    if (random.next() < 0.75) {
      at += random.int(1, 70) * HOUR;
      events.push({ type: 'comment', at, public: true, authorRole: 'agent', authorId: String(agent.id) }, { type: 'status_changed', at, from: status, to: 'solved' });
    }
    histories.push({ ticketId, history: events.filter((e) => e.at <= now) });
    ticketIds.push(ticketId);
  }

  for (const { ticketId, history } of histories) {
    await store.appendTicketEvents({ accountId, ticketId, events: history.map((event, n) => ({ sourceId: `report-seed:${ticketId}:${n}`, event })) });
  }
  const rules = compileRules(await store.listPolicies(accountId), await store.listSchedules(accountId), pino({ level: 'silent' }));
  const records: MetricRecord[] = histories.flatMap(({ ticketId, history }) => replayTicket({ ticketId, history }, rules, now).records.map((r) => ({ ...r, accountId })));
  await store.saveMetricRecords(records, now);
  return { ticketIds, records: records.length, breaches: records.filter((r) => r.breachedAt !== null).length };
}

/** `daysAgo` weekdays before `now`'s office day, `minute` minutes after 09:00 in the office's zone. */
function officeInstant(now: number, daysAgo: number, minute: number): number {
  let day = DateTime.fromMillis(now, { zone: OFFICE_ZONE }).startOf('day').minus({ days: daysAgo });
  while (day.weekday > 5) day = day.minus({ days: 1 });
  return day.set({ hour: 9 }).plus({ minutes: minute }).toMillis();
}
