import type { TicketPriority, TicketStatus } from '../api/zendesk-json';
import { DEMO_AGENTS, DEMO_CUSTOMERS, type GroupKey } from './demo-people';
import { AGENT_REPLIES, CUSTOMER_FOLLOW_UPS, DEMO_TOPICS, INTERNAL_NOTES, type DemoTopic } from './demo-topics';
import type { SeededRandom } from './seeded-random';

/**
 * The demo tickets as a plan: who asked what when, and every later update, at instants relative to `now`. Pure,
 * so that the same seed gives the same account; seed-sandbox.ts plays the plan against the emulator in time order.
 */
export interface TicketPlan {
  readonly index: number;
  readonly createdAt: number;
  readonly subject: string;
  readonly description: string;
  readonly type: 'question' | 'incident' | 'problem' | 'task';
  readonly priority: TicketPriority;
  readonly group: GroupKey;
  readonly tags: readonly string[];
  /** Index into DEMO_CUSTOMERS. */
  readonly requester: number;
  readonly updates: readonly TicketUpdatePlan[];
}

/** One later write: by an agent (index into DEMO_AGENTS) or by the requester (a comment only). */
export interface TicketUpdatePlan {
  readonly at: number;
  readonly by: { readonly kind: 'agent'; readonly agent: number } | { readonly kind: 'requester' };
  readonly comment?: { readonly body: string; readonly public: boolean };
  readonly status?: TicketStatus;
  readonly assignee?: number;
}

/** How long ago the oldest demo activity is: the emulator clock must start at least this far before `now`. */
export const SEED_HISTORY_MS = 72 * 3_600_000;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type Archetype = 'new' | 'due_soon' | 'breached' | 'awaiting_reply' | 'pending' | 'hold' | 'solved';

/** 36 tickets: every status, and a few that are minutes from their first-reply target once policies apply. */
const ARCHETYPES: ReadonlyArray<readonly [Archetype, number]> = [
  ['new', 7], ['due_soon', 5], ['breached', 2], ['awaiting_reply', 8], ['pending', 5], ['hold', 3], ['solved', 6],
];

/** Cycled so that every priority occurs whatever the seed. */
const PRIORITY_CYCLE: readonly TicketPriority[] = ['normal', 'low', 'high', 'normal', 'urgent'];
const TYPES = ['question', 'incident', 'question', 'problem', 'task'] as const;
const VIP_CUSTOMERS = DEMO_CUSTOMERS.flatMap((c, i) => (c.organization === 'vip' ? [i] : []));

export function planDemoTickets(random: SeededRandom, now: number): TicketPlan[] {
  const topics = random.shuffle(DEMO_TOPICS);
  const plans: TicketPlan[] = [];
  let priorityTurn = random.int(0, PRIORITY_CYCLE.length - 1);
  for (const [archetype, count] of ARCHETYPES) {
    for (let n = 0; n < count; n += 1) {
      const index = plans.length;
      const topic = topics[index % topics.length] as DemoTopic;
      const forced = archetype === 'due_soon' ? (n % 2 === 0 ? 'urgent' : 'high') : archetype === 'breached' ? 'urgent' : null;
      const priority = forced ?? (PRIORITY_CYCLE[priorityTurn++ % PRIORITY_CYCLE.length] as TicketPriority);
      const agent = agentFor(random, topic.group);
      // A VIP customer among the tickets about to breach, so the VIP policy has something to show.
      const requester = archetype === 'due_soon' && n === 0 ? random.pick(VIP_CUSTOMERS) : random.int(0, DEMO_CUSTOMERS.length - 1);
      const createdAt = now - createdAgo(random, archetype, priority);
      plans.push({
        index,
        createdAt,
        subject: topic.subject,
        description: topic.description,
        type: random.pick(TYPES),
        priority,
        group: topic.group,
        tags: [topic.tag],
        requester,
        updates: planUpdates(random, archetype, { createdAt, agent, group: topic.group, now }),
      });
    }
  }
  return plans;
}

function agentFor(random: SeededRandom, group: GroupKey): number {
  const candidates = DEMO_AGENTS.flatMap((a, i) => (a.group === group ? [i] : []));
  return random.pick(candidates);
}

function createdAgo(random: SeededRandom, archetype: Archetype, priority: TicketPriority): number {
  switch (archetype) {
    case 'new':
      return random.int(10, 240) * MINUTE;
    case 'due_soon':
      // Just short of the demo targets (urgent 1 h, high 4 h first reply).
      return priority === 'urgent' ? random.int(40, 52) * MINUTE : random.int(200, 228) * MINUTE;
    case 'breached':
      return random.int(26, 30) * HOUR;
    case 'awaiting_reply':
      return random.int(20, 60) * HOUR;
    case 'pending':
      return random.int(6, 48) * HOUR;
    case 'hold':
      return random.int(10, 50) * HOUR;
    case 'solved':
      return random.int(30, 70) * HOUR;
  }
}

function planUpdates(
  random: SeededRandom,
  archetype: Archetype,
  at: { createdAt: number; agent: number; group: GroupKey; now: number },
): TicketUpdatePlan[] {
  const agent = { kind: 'agent', agent: at.agent } as const;
  const requester = { kind: 'requester' } as const;
  // Later steps never reach `now`: the history ends before the demo starts.
  const after = (from: number, minMinutes: number, maxMinutes: number) =>
    Math.min(from + random.int(minMinutes, maxMinutes) * MINUTE, at.now - 2 * MINUTE);
  if (archetype === 'new') return [];
  const assigned = after(at.createdAt, 3, 15);
  const assign: TicketUpdatePlan = { at: assigned, by: agent, assignee: at.agent, status: 'open' };
  const note = (time: number): TicketUpdatePlan => ({ at: time, by: agent, comment: { body: random.pick(INTERNAL_NOTES[at.group]), public: false } });
  switch (archetype) {
    case 'due_soon':
      return random.next() < 0.5 ? [assign] : [assign, note(after(assigned, 1, 5))];
    case 'breached':
      return [assign, note(after(assigned, 30, 90))];
    case 'awaiting_reply': {
      const replied = after(assigned, 20, 180);
      return [
        assign,
        { at: replied, by: agent, comment: { body: random.pick(AGENT_REPLIES.slice(0, 3)), public: true } },
        { at: after(replied, 240, 1200), by: requester, comment: { body: random.pick(CUSTOMER_FOLLOW_UPS.slice(0, 3)), public: true } },
      ];
    }
    case 'pending':
      return [assign, { at: after(assigned, 15, 120), by: agent, comment: { body: AGENT_REPLIES[1] as string, public: true }, status: 'pending' }];
    case 'hold': {
      const noted = after(assigned, 10, 60);
      return [
        assign,
        note(noted),
        { at: after(noted, 5, 30), by: agent, comment: { body: AGENT_REPLIES[2] as string, public: true }, status: 'hold' },
      ];
    }
    case 'solved': {
      const replied = after(assigned, 20, 240);
      const thanked = after(replied, 60, 600);
      return [
        assign,
        { at: replied, by: agent, comment: { body: AGENT_REPLIES[3] as string, public: true } },
        { at: thanked, by: requester, comment: { body: CUSTOMER_FOLLOW_UPS[3] as string, public: true } },
        { at: after(thanked, 10, 90), by: agent, comment: { body: 'Glad to hear it! I am closing this ticket now.', public: true }, status: 'solved' },
      ];
    }
  }
}
