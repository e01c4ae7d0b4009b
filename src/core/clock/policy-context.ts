import { selectPolicy, targetFor, type PolicySelection } from '../policy';
import type { MetricName } from '../policy/metric-name';
import type { PolicyTarget, SlaPolicy } from '../policy/sla-policy';
import type { ConditionField } from '../policy/ticket-filter';
import type { Priority, TicketSnapshot } from '../ticket/ticket-snapshot';

/** The policy in force and the priority at some instant: together they decide every metric's target. */
export interface TargetContext {
  readonly selection: PolicySelection;
  readonly policy: SlaPolicy | null;
  readonly priority: Priority | null;
  /** `targetFor` answers, per metric, filled on first use (undefined = not looked up yet). */
  readonly targets: Map<MetricName, PolicyTarget | null>;
  /**
   * Where one field's change leads from here: by reader (0 is the priority), then by that field's new key. A context
   * stands for exactly one set of read values, so the answer is always the same; see `PolicyContexts.afterChange`.
   */
  readonly next: Map<number, Map<MemoKey, TargetContext>>;
  /**
   * `resolveTarget`'s answers for the schedules they were resolved with (see resolve-target.ts). Held here, not in a
   * WeakMap beside it: a fresh policy list makes fresh contexts on every assessment, and weak tables that fill with
   * short-lived keys cost the garbage collector more than the lookups they save.
   */
  resolved: { readonly schedules: object; readonly byMetric: Map<MetricName, unknown> } | null;
}

export function targetIn(context: TargetContext, metric: MetricName): PolicyTarget | null {
  const cached = context.targets.get(metric);
  if (cached !== undefined) return cached;
  const target = context.policy === null ? null : (targetFor(context.policy, metric, context.priority) ?? null);
  context.targets.set(metric, target);
  return target;
}

/**
 * Chooses the policy for a ticket state, once per distinct state that matters. Replaying a history visits the same
 * few states again and again (open, pending, open, ...), and most changes touch no field any policy looks at, so
 * the choice is memoized by the values of the fields the policies' conditions read, plus the priority, for every
 * assessment that passes the same list (from the list's second use, see `sharedFor`). Each context caches its
 * targets.
 */
export interface PolicyContexts {
  contextFor(snapshot: TicketSnapshot): TargetContext;
  /**
   * The context of `snapshot`, which differs from the snapshot `from` was made for only in `field`: one step from
   * `from` instead of a walk over every field the conditions read. A replay changes one field at a time.
   */
  afterChange(from: TargetContext, field: keyof TicketSnapshot, snapshot: TicketSnapshot): TargetContext;
  /** Whether a change of this snapshot field can change the policy or the target. */
  matters(field: keyof TicketSnapshot): boolean;
}

export function policyContexts(policies: readonly SlaPolicy[]): PolicyContexts {
  const shared = sharedFor(policies);
  // Made once per shared list: its functions hold nothing an assessment changes, and making three closures per
  // assessment (each named at run time under tsx) cost a backtest more than the memo lookups they make.
  return (shared.contexts ??= contextsOf(policies, shared));
}

function contextsOf(policies: readonly SlaPolicy[], shared: SharedByPolicies): PolicyContexts {
  const { readers, fields, readerOfField } = shared;
  const contextFor = (snapshot: TicketSnapshot): TargetContext => {
    // A trie keyed by the priority, then each field value the conditions read: no key string to build.
    let level = shared.memo;
    let value: MemoKey = snapshot.priority;
    for (let i = 0; i < readers.length; i++) {
      let next = level.get(value) as MemoTrie | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(value, next);
      }
      level = next;
      value = (readers[i] as FieldReader).read(snapshot);
    }
    let context = level.get(value) as TargetContext | undefined;
    if (context === undefined) {
      context = newContext(policies, snapshot);
      // A bound, not an eviction policy: distinct ticket states per policy list are few in practice.
      if (++shared.size > MEMO_LIMIT) {
        shared.memo = new Map();
        shared.size = 0;
      }
      level.set(value, context);
    }
    return context;
  };
  return {
    matters: (field) => fields.has(field),
    contextFor,
    afterChange(from, field, snapshot) {
      const reader = field === 'priority' ? 0 : readerOfField.get(field);
      // A field no condition reads changes nothing; one that several read (custom fields) takes the full walk.
      if (reader === undefined) return from;
      if (reader === MANY_READERS) return contextFor(snapshot);
      const key = reader === 0 ? snapshot.priority : (readers[reader - 1] as FieldReader).read(snapshot);
      let byKey = from.next.get(reader);
      if (byKey === undefined) {
        byKey = new Map();
        from.next.set(reader, byKey);
      }
      let to = byKey.get(key);
      if (to === undefined) {
        to = contextFor(snapshot);
        byKey.set(key, to);
      }
      return to;
    },
  };
}

/**
 * A new context for a ticket state. The selection explains itself lazily from the snapshot it was given, and this
 * context is shared by every later assessment with the same read values: it gets a copy, never a replay's working
 * snapshot, which goes on changing.
 */
function newContext(policies: readonly SlaPolicy[], snapshot: TicketSnapshot): TargetContext {
  const selection = selectPolicy(policies, { ...snapshot });
  const policy = selection.kind === 'selected' ? selection.policy : null;
  return { selection, policy, priority: snapshot.priority, targets: new Map(), next: new Map(), resolved: null };
}

/** `readerOfField` marks a snapshot field that more than one reader reads. */
const MANY_READERS = -1;

function shareablesOf(policies: readonly SlaPolicy[]): SharedByPolicies {
  const readers = readersFor(policies);
  const fields = new Set<keyof TicketSnapshot>(['priority', ...readers.map((r) => r.field)]);
  const readerOfField = new Map<keyof TicketSnapshot, number>();
  readers.forEach((reader, i) => readerOfField.set(reader.field, readerOfField.has(reader.field) ? MANY_READERS : i + 1));
  return { readers, fields, readerOfField, memo: new Map(), size: 0, contexts: null };
}

type MemoKey = string | number | boolean | null;
type MemoTrie = Map<MemoKey, MemoTrie | TargetContext>;

/**
 * Everything derived from a policy list alone, shared by every assessment that passes the same list (the server
 * loads an account's policies once; the sidebar re-assesses every second). Policy lists are immutable data: a
 * changed list is a new array, with a fresh memo.
 */
interface SharedByPolicies {
  readonly readers: readonly FieldReader[];
  readonly fields: ReadonlySet<keyof TicketSnapshot>;
  /** For each snapshot field some condition reads: its reader's number (readers[n - 1]), or MANY_READERS. */
  readonly readerOfField: ReadonlyMap<keyof TicketSnapshot, number>;
  memo: MemoTrie;
  size: number;
  contexts: PolicyContexts | null;
}

/**
 * A list's memo is kept from its second use on. A list seen once (a server that loads the policies per request)
 * leaves only a small marker behind: a weak table whose values hold large graphs keeps them alive through the
 * collector's young-generation passes, which made assessing with a fresh list more than twice as slow.
 */
const sharedByPolicies = new WeakMap<readonly SlaPolicy[], { shared: SharedByPolicies | null }>();

function sharedFor(policies: readonly SlaPolicy[]): SharedByPolicies {
  const entry = sharedByPolicies.get(policies);
  if (entry === undefined) {
    sharedByPolicies.set(policies, { shared: null });
    return shareablesOf(policies);
  }
  entry.shared ??= shareablesOf(policies);
  return entry.shared;
}
const MEMO_LIMIT = 10_000;

interface FieldReader {
  readonly field: keyof TicketSnapshot;
  read(snapshot: TicketSnapshot): MemoKey;
}

function readersFor(policies: readonly SlaPolicy[]): readonly FieldReader[] {
  const byField = new Map<string, FieldReader>();
  for (const policy of policies) {
    for (const condition of [...policy.filter.all, ...policy.filter.any]) {
      if (!byField.has(condition.field)) byField.set(condition.field, readerFor(condition.field));
    }
  }
  return [...byField.values()];
}

// One small function per field, so each property read stays monomorphic (a shared `s[name]` would not).
const READERS: Record<string, FieldReader> = {
  priority: { field: 'priority', read: (s) => s.priority },
  status: { field: 'status', read: (s) => s.status },
  type: { field: 'type', read: (s) => s.type },
  group_id: { field: 'groupId', read: (s) => s.groupId },
  assignee_id: { field: 'assigneeId', read: (s) => s.assigneeId },
  brand_id: { field: 'brandId', read: (s) => s.brandId },
  organization_id: { field: 'organizationId', read: (s) => s.organizationId },
  requester_email: { field: 'requesterEmail', read: (s) => s.requesterEmail },
  requester_domain: { field: 'requesterEmail', read: (s) => s.requesterEmail },
  tags: { field: 'tags', read: (s) => s.tags.join('\u0002') },
  via: { field: 'via', read: (s) => s.via },
  ticket_form_id: { field: 'ticketFormId', read: (s) => s.ticketFormId },
};

function readerFor(field: ConditionField): FieldReader {
  const known = READERS[field];
  if (known) return known;
  // Custom fields, and (defensively) any field this version does not know: keyed by every custom field.
  const id = field.startsWith('custom_fields_') ? field.slice('custom_fields_'.length) : null;
  return {
    field: 'customFields',
    read: (s) => (id === null ? JSON.stringify(s.customFields) : customFieldKey(s.customFields[id])),
  };
}

function customFieldKey(value: TicketSnapshot['customFields'][string] | undefined): MemoKey {
  if (value === undefined || value === null) return null;
  return typeof value === 'object' ? `[${value.join('\u0002')}]` : value;
}
