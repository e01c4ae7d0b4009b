/**
 * How many ticket assessments per second one core does on a realistic worst case: 50 policies with varied
 * conditions, a 200-event history (comments both ways, pending/on-hold flips, a priority change, tag and field
 * changes), every target in business hours of a Europe/Warsaw schedule with holidays.
 *
 *   npx tsx bench/assess-ticket.bench.ts
 *
 * Figures beside it, from the same run, as ratios: a new policy array on every call (nothing shared between
 * assessments: the policy choice is memoized per policy array), calendar targets (the cost of business time), and
 * one policy (the cost of choosing among 50). The goal is >= 20,000 assessments/s. Rates are per second of CPU
 * time of this thread, so a busy shared machine slows them less than wall time would.
 */
import { assessTicket, type AssessTicketInput } from '../src/core/clock';
import type { SlaPolicy, PolicyTarget } from '../src/core/policy/sla-policy';
import { METRIC_NAMES } from '../src/core/policy/metric-name';
import type { Condition } from '../src/core/policy/ticket-filter';
import { createSchedule, type Schedule, type ScheduleSpec } from '../src/core/schedule';
import type { TicketEvent } from '../src/core/ticket/ticket-event';
import { PRIORITIES, type TicketSnapshot, type TicketStatus } from '../src/core/ticket/ticket-snapshot';
import { toEpochMillis } from '../src/core/time/instant';

const WARSAW_SPEC: ScheduleSpec = {
  timeZone: 'Europe/Warsaw',
  week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
  holidays: ['01-01', '01-06', '05-01', '05-03', '08-15', '11-01', '11-11', '12-25', '12-26', '2026-04-06', '2026-06-04'],
  exceptions: { '2026-12-24': [['09:00', '13:00']] },
};

const MINUTES: Record<(typeof METRIC_NAMES)[number], number> = {
  first_reply_time: 240,
  next_reply_time: 480,
  periodic_update_time: 960,
  requester_wait_time: 2400,
  agent_work_time: 1440,
  total_resolution_time: 4800,
};

function targets(hours: 'business' | 'calendar', scale: number): PolicyTarget[] {
  return METRIC_NAMES.flatMap((metric) =>
    PRIORITIES.map((priority, p) => ({
      metric,
      priority,
      targetMinutes: Math.round((MINUTES[metric] * scale) / (p + 1)),
      hours,
      scheduleId: hours === 'business' ? 'warsaw' : undefined,
      warnMinutesBefore: 30,
    })),
  );
}

/** Conditions of the kinds admins write: groups, organizations, tags, channels, brands, forms, custom fields. */
function conditionsFor(i: number): { all: Condition[]; any: Condition[] } {
  const pool: Condition[] = [
    { field: 'group_id', operator: 'is', value: `group-${i % 7}` },
    { field: 'organization_id', operator: 'in', value: [`org-${i % 11}`, `org-${(i + 3) % 11}`] },
    { field: 'tags', operator: 'includes', value: [`tier_${i % 5}`] },
    { field: 'via', operator: 'is', value: i % 2 === 0 ? 'email' : 'web' },
    { field: 'brand_id', operator: 'is_not', value: `brand-${i % 3}` },
    { field: 'ticket_form_id', operator: 'is', value: `form-${i % 4}` },
    { field: 'custom_fields_360001', operator: 'is', value: `plan_${i % 6}` },
    { field: 'priority', operator: 'greater_than', value: 'low' },
    { field: 'requester_domain', operator: 'is', value: `customer${i % 9}.example` },
  ];
  const count = i % 4;
  return { all: pool.filter((_, k) => (k + i) % 9 < count), any: i % 5 === 0 ? [pool[(i + 2) % 9] as Condition] : [] };
}

export function benchPolicies(hours: 'business' | 'calendar', count = 50): SlaPolicy[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `policy-${i}`,
    title: `Policy ${i}`,
    description: '',
    position: i + 1,
    active: true,
    filter: i === count - 1 ? { all: [], any: [] } : conditionsFor(i),
    targets: targets(hours, 1 + (i % 3) / 2),
  }));
}

const created: TicketSnapshot = {
  id: '4242',
  status: 'new',
  priority: 'normal',
  type: 'incident',
  groupId: 'group-1',
  assigneeId: null,
  brandId: 'brand-1',
  organizationId: 'org-3',
  ticketFormId: 'form-2',
  requesterEmail: 'ana@customer3.example',
  tags: ['tier_2', 'billing'],
  via: 'email',
  customFields: { '360001': 'plan_2' },
};

/**
 * 200 events over three weeks around Easter (a Warsaw holiday): the customer writes, the agent answers and sets
 * pending, the customer replies (reopening), internal notes, on-hold while a third party works, tags and a
 * group change, and one escalation to urgent.
 */
export function benchHistory(): TicketEvent[] {
  let at = toEpochMillis('2026-03-25T08:40:00+01:00');
  let status: TicketStatus = 'new';
  const events: TicketEvent[] = [{ type: 'created', at, ticket: created }, { type: 'comment', at, public: true, authorRole: 'end_user' }];
  const step = (minutes: number): number => (at += minutes * 60_000);
  const setStatus = (to: TicketStatus): void => {
    events.push({ type: 'status_changed', at, from: status, to });
    status = to;
  };
  for (let cycle = 0; events.length < 200; cycle++) {
    step(35 + (cycle % 4) * 20);
    if (cycle % 3 === 0) events.push({ type: 'comment', at, public: false, authorRole: 'agent' });
    step(10);
    events.push({ type: 'comment', at, public: true, authorRole: 'agent' });
    if (status === 'new') setStatus('open');
    setStatus(cycle % 5 === 4 ? 'hold' : 'pending');
    step(180 + (cycle % 6) * 90);
    if (cycle === 6) events.push({ type: 'priority_changed', at, from: 'normal', to: 'urgent' });
    if (cycle % 7 === 3) events.push({ type: 'tags_changed', at, added: [`seen_${cycle}`], removed: [] });
    if (cycle === 9) events.push({ type: 'field_changed', at, field: 'groupId', from: 'group-1', to: 'group-2' });
    events.push({ type: 'comment', at, public: true, authorRole: 'end_user' });
    setStatus('open');
  }
  return events.slice(0, 200);
}

function finalSnapshot(history: readonly TicketEvent[]): TicketSnapshot {
  let ticket = created;
  for (const e of history) {
    if (e.type === 'status_changed') ticket = { ...ticket, status: e.to };
    if (e.type === 'priority_changed') ticket = { ...ticket, priority: e.to };
    if (e.type === 'field_changed' && e.field === 'groupId') ticket = { ...ticket, groupId: e.to };
    if (e.type === 'tags_changed') ticket = { ...ticket, tags: [...ticket.tags, ...e.added] };
  }
  return ticket;
}

/** Assessments per second of CPU time on this thread (other processes on a shared machine do not count). */
function assessmentsPerSecond(input: () => AssessTicketInput, seconds: number): number {
  for (let i = 0; i < 500; i++) assessTicket(input());
  let count = 0;
  const cpuStart = process.cpuUsage();
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    for (let i = 0; i < 100; i++) assessTicket(input());
    count += 100;
  }
  const cpu = process.cpuUsage(cpuStart);
  return count / ((cpu.user + cpu.system) / 1e6);
}

export interface AssessTicketBenchResult {
  readonly events: number;
  readonly policies: number;
  /** The headline: business-hours targets on the Warsaw schedule, 50 policies. */
  readonly assessmentsPerSecond: number;
  /** The same with calendar targets (every minute counts). */
  readonly calendarTargetsPerSecond: number;
  /** Calendar targets, a new policy array on every call, so nothing is shared between assessments. */
  readonly unsharedPoliciesPerSecond: number;
  /** Calendar targets, one policy. */
  readonly onePolicyPerSecond: number;
}

export function runAssessTicketBench(seconds = 3): AssessTicketBenchResult {
  const history = benchHistory();
  const ticket = finalSnapshot(history);
  const now = (history[history.length - 1] as TicketEvent).at + 30 * 60_000;
  const schedules: Record<string, Schedule> = { warsaw: createSchedule(WARSAW_SPEC) };
  const business = benchPolicies('business');
  const calendar = benchPolicies('calendar');
  const one = benchPolicies('calendar', 1);
  const input = (policies: SlaPolicy[]) => (): AssessTicketInput => ({ ticket, history, policies, schedules, now });
  return {
    events: history.length,
    policies: business.length,
    assessmentsPerSecond: assessmentsPerSecond(input(business), seconds),
    calendarTargetsPerSecond: assessmentsPerSecond(input(calendar), seconds),
    unsharedPoliciesPerSecond: assessmentsPerSecond(() => ({ ticket, history, policies: [...calendar], schedules, now }), seconds),
    onePolicyPerSecond: assessmentsPerSecond(input(one), seconds),
  };
}

if (require.main === module) {
  const r = runAssessTicketBench();
  const f = (n: number): string => Math.round(n).toLocaleString('en-US');
  const x = (n: number): string => `${(n / r.calendarTargetsPerSecond).toFixed(2)}x`;
  console.log(`assessTicket: ${r.policies} policies, ${r.events}-event history, per second of CPU on one core (goal 20,000)`);
  console.log(`  business hours (Europe/Warsaw, holidays)    ${f(r.assessmentsPerSecond)}/s   (${x(r.assessmentsPerSecond)})`);
  console.log(`  calendar targets                            ${f(r.calendarTargetsPerSecond)}/s`);
  console.log(`  calendar, new policy array every call       ${f(r.unsharedPoliciesPerSecond)}/s   (${x(r.unsharedPoliciesPerSecond)})`);
  console.log(`  calendar, one policy                        ${f(r.onePolicyPerSecond)}/s   (${x(r.onePolicyPerSecond)})`);
}
