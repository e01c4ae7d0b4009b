import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import { assessTicket, compareAssessments, snapshotAt, type SlaTransition, type TicketEvent } from '../../core';
import { recordsFromAssessment, type ReportRecord } from '../../core/report';
import type { Clock } from '../clock';
import type { Account, SlaStore, TicketState, ZendeskSetup } from '../store/sla-store';
import type { ZendeskClients } from '../zendesk/zendesk-clients';
import { isZendeskError } from '../zendesk/zendesk-errors';
import type { ZendeskTicket } from '../zendesk/zendesk-json';
import type { AccountRulesCache } from './account-rules';
import { budgetAlertsDue } from './objective-budget-alerts';
import { sameWriteback, slaWriteback, ticketShows } from './sla-writeback';
import type { UserDirectory } from './user-directory';
import { alreadySeen, stampOf } from '../store/seen-through';
import { writebackNotBefore } from './writeback-window';
import { historyOfAudits } from './zendesk-history';

/**
 * Marks the ticket POST /api/notification-settings/test creates to make the email triggers send (issue #5). It is
 * deleted at once, but its creation's webhook may be read before the deletion: such a ticket is no customer's
 * request, so it gets no assessment, metric records or breaches.
 */
export const TEST_NOTIFICATION_TAG = 'sla_test_notification';

export interface PipelineDeps {
  readonly store: SlaStore;
  readonly clock: Clock;
  readonly log: Logger;
  readonly zendesk: ZendeskClients;
  readonly rules: AccountRulesCache;
  readonly users: UserDirectory;
  readonly events?: PipelineEvents;
  /** See writebackNotBefore: how long a write that fires no email may wait to be batched; 0 writes at once. */
  readonly writebackWindowMs?: number;
}

/** What the pipeline reports as it goes (metrics, tests). */
export interface PipelineEvents {
  transitions?(account: Account, ticketId: string, transitions: readonly SlaTransition[]): void;
  writebackQueued?(account: Account, ticketId: string): void;
}

export interface TicketWork {
  readonly accountId: string;
  readonly ticketId: string;
  /** Who holds the ticket's lease. */
  readonly owner: string;
  /**
   * Read the ticket and its audits from Zendesk first (a webhook said it changed, or we have no history yet).
   * A scheduler wake-up only re-assesses the stored history at the new now.
   */
  readonly readZendesk: boolean;
  /**
   * What the deliveries say changed: the latest `updated_at` and who made the changes. When every change was the
   * server's own and we have seen the ticket up to then (see noteOwnWrite), the read is skipped.
   */
  readonly delivered?: { readonly updatedAt: number; readonly byUserIds: readonly string[] } | null;
}

export type TicketOutcome =
  | { readonly kind: 'assessed'; readonly transitions: readonly SlaTransition[]; readonly writeback: boolean }
  /** The ticket is gone from Zendesk: its clocks stop (no next check). */
  | { readonly kind: 'deleted' }
  /** Another worker holds the ticket now (our lease ran out): nothing of ours was saved. */
  | { readonly kind: 'lease_lost' };

/**
 * One ticket through the pipeline: read what changed in Zendesk, append it to the stored history, assess with
 * the core at now, store the assessment, the metric records and new breaches, and queue a write-back only when
 * what Zendesk shows would change. The caller holds the ticket's lease; everything is idempotent, so running it
 * twice (a crash after some steps, a redelivery) gives the same stored state and no second write.
 */
export async function processTicket(deps: PipelineDeps, work: TicketWork): Promise<TicketOutcome> {
  const { store, clock } = deps;
  const account = await store.findAccount(work.accountId);
  if (!account) throw new Error(`No account ${work.accountId}`);
  const setup = account.zendeskSetup;
  if (!setup) throw new Error(`Account ${account.subdomain} is not set up yet (no Zendesk field ids)`);
  const state = await store.getTicketState(account.id, work.ticketId);
  let zendeskTicket: ZendeskTicket | null = null;
  let stored = await store.listTicketEvents(account.id, work.ticketId);
  if ((work.readZendesk && !onlyOwnChangesSeen(work, state, setup)) || stored.length === 0) {
    const read = await readFromZendesk(deps, account, setup, work.ticketId);
    // A notification test's ticket counts as gone, whether or not its deletion has reached Zendesk yet.
    if (read === 'deleted' || read.ticket.tags.includes(TEST_NOTIFICATION_TAG)) return finishDeleted(deps, account, work, state);
    zendeskTicket = read.ticket;
    if ((await store.appendTicketEvents({ accountId: account.id, ticketId: work.ticketId, events: read.events })) > 0) {
      stored = await store.listTicketEvents(account.id, work.ticketId);
    }
  }
  const history: TicketEvent[] = stored.map((s) => s.event);
  if (!history.some((e) => e.type === 'created')) throw new Error(`Ticket ${work.ticketId} has no creation audit`);

  const now = clock.now();
  const rules = await deps.rules.load(account.id);
  const ticket = snapshotAt(history, now);
  const assessment = assessTicket({ ticket, history, policies: rules.policies, schedules: rules.schedules, now });
  const transitions = compareAssessments(state?.assessment ?? null, assessment);

  const records = recordsFromAssessment(ticket, assessment);
  await store.saveMetricRecords(records.map((r) => ({ ...r, accountId: account.id })), now);
  const newlyBreached: ReportRecord[] = [];
  for (const t of transitions) {
    if (t.kind !== 'breached') continue;
    const policyId = assessment.policy.kind === 'selected' ? assessment.policy.policy.id : null;
    await store.recordBreach({ accountId: account.id, ticketId: work.ticketId, metric: t.metric, instance: t.instance, policyId, breachedAt: t.at, recordedAt: now });
    // Recorded already or not: after a crash before the state was saved, this retry sees the transition again
    // and must still check the budgets (an alert is recorded once per period whatever the retries).
    newlyBreached.push(...records.filter((r) => r.metric === t.metric && r.instance === t.instance));
  }
  // Objectives whose error budget these breaches brought to the alert threshold: their tags go out in this write
  // (none on a closed ticket, which takes no write: the objective's next breach elsewhere sends the alert).
  const alerts = ticket.status === 'closed' ? [] : await budgetAlertsDue(deps, account, newlyBreached, now);
  deps.events?.transitions?.(account, work.ticketId, transitions);

  const shows = slaWriteback(assessment, setup);
  // A budget tag goes out once, with this write or a newer one that replaces it before it is written; the ticket
  // shows no budget tag afterwards (its trigger removes it).
  const desired = alerts.length === 0 ? shows : { ...shows, onceTags: alerts.map((a) => a.tag) };
  const shownNow = zendeskTicket ? (ticketShows(zendeskTicket, desired) ? desired : null) : (state?.shown ?? null);
  const zendeskUpdatedAt = zendeskTicket ? DateTime.fromISO(zendeskTicket.updated_at, { zone: 'utc' }).toMillis() : (state?.zendeskUpdatedAt ?? null);
  // Zendesk refuses any update to a closed ticket: what it shows stays as it was when the ticket closed.
  const writeback = ticket.status !== 'closed' && !sameWriteback(shownNow, desired);
  if (writeback) {
    const updatedStamp = zendeskTicket?.updated_at ?? (zendeskUpdatedAt === null ? null : stampOf(zendeskUpdatedAt));
    const tags = zendeskTicket?.tags ?? state?.shown?.addTags ?? [];
    const notBefore = writebackNotBefore({ now, windowMs: deps.writebackWindowMs ?? 0, accountId: account.id, tags, desired });
    const queued = await store.enqueueWriteback({ accountId: account.id, ticketId: work.ticketId, desired: { ...desired, updatedStamp }, now, notBefore, ...(alerts.length > 0 ? { alerts } : {}) });
    for (const alert of alerts.filter((a) => queued.alertTags?.includes(a.tag))) {
      deps.log.info({ accountId: account.id, objectiveId: alert.objectiveId, periodStart: alert.periodStart, remaining: alert.budgetRemaining }, 'objective budget alert');
    }
    deps.events?.writebackQueued?.(account, work.ticketId);
  }
  const toSave = {
    owner: work.owner,
    accountId: account.id,
    ticketId: work.ticketId,
    assessment,
    // Once queued, the write-back is what Zendesk will show; a failed write is healed by the next read.
    shown: writeback ? shows : shownNow,
    policyId: assessment.policy.kind === 'selected' ? assessment.policy.policy.id : null,
    nextCheckAt: assessment.nextCheckAt,
    zendeskUpdatedAt,
    now,
  };
  if ((await store.saveTicketState(toSave)) === 'lease_lost') return { kind: 'lease_lost' };
  // An admin who saved a policy while we assessed with the old one asked for open tickets to be re-assessed, and
  // our save has just replaced that request's next_check_at: ask again, so the new rules reach this ticket.
  if ((await deps.rules.load(account.id)) !== rules) await store.saveTicketState({ ...toSave, nextCheckAt: clock.now(), now: clock.now() });
  return { kind: 'assessed', transitions, writeback };
}

/** Every delivered change was made by the server's own Zendesk user, and the ticket was seen up to the latest. */
function onlyOwnChangesSeen(work: TicketWork, state: TicketState | null, setup: ZendeskSetup): boolean {
  const delivered = work.delivered;
  if (!delivered || !setup.apiUserId || state?.zendeskUpdatedAt == null) return false;
  return delivered.byUserIds.every((id) => id === setup.apiUserId) && alreadySeen(delivered.updatedAt, state.zendeskUpdatedAt);
}

async function readFromZendesk(deps: PipelineDeps, account: Account, setup: ZendeskSetup, ticketId: string) {
  const client = deps.zendesk.for(account);
  let ticket: ZendeskTicket;
  try {
    ticket = await client.getTicket(ticketId);
  } catch (error) {
    if (isZendeskError(error, 'not_found')) return 'deleted' as const;
    throw error;
  }
  if (ticket.status === 'deleted') return 'deleted' as const;
  const audits = await client.listAudits(ticketId);
  const people = new Set<string>();
  if (ticket.requester_id) people.add(ticket.requester_id);
  for (const audit of audits) {
    for (const event of audit.events) {
      if (event.type === 'Comment') {
        const author = event.author_id ?? audit.author_id;
        if (author) people.add(author);
      }
      if (event.field_name === 'requester_id') {
        for (const value of [event.value, event.previous_value]) if (typeof value === 'string' && /^\d+$/.test(value)) people.add(value);
      }
    }
  }
  const users = await deps.users.resolve(account.id, client, people);
  const ownFieldIds = new Set(Object.values(setup.fieldIds));
  return { ticket, events: historyOfAudits({ ticket, audits, users, ownFieldIds }) };
}

/** A deleted ticket keeps its history and records (reports count what happened) but is never checked again. */
async function finishDeleted(deps: PipelineDeps, account: Account, work: TicketWork, state: TicketState | null): Promise<TicketOutcome> {
  if (state?.assessment) {
    const saved = await deps.store.saveTicketState({
      owner: work.owner,
      accountId: account.id,
      ticketId: work.ticketId,
      assessment: state.assessment,
      shown: state.shown,
      policyId: state.policyId,
      nextCheckAt: null,
      zendeskUpdatedAt: state.zendeskUpdatedAt,
      now: deps.clock.now(),
    });
    if (saved === 'lease_lost') return { kind: 'lease_lost' };
  }
  return { kind: 'deleted' };
}
