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
 * the choice is memoized by the values of the fields the policies' conditions read, plus the priority. Each context
 * caches its targets.
 */
export interface PolicyContexts {
  contextFor(snapshot: TicketSnapshot): TargetContext;
  /** Whether a change of this snapshot field can change the policy or the target. */
  matters(field: keyof TicketSnapshot): boolean;
}

export function policyContexts(policies: readonly SlaPolicy[]): PolicyContexts {
  let shared = sharedByPolicies.get(policies);
  if (!shared) {
    const readers = readersFor(policies);
    const fields = new Set<keyof TicketSnapshot>(['priority', ...readers.map((r) => r.field)]);
    shared = { readers, fields, memo: new Map(), size: 0 };
    sharedByPolicies.set(policies, shared);
  }
  const { readers, fields } = shared;
  return {
    matters: (field) => fields.has(field),
    contextFor(snapshot) {
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
        const selection = selectPolicy(policies, snapshot);
        const policy = selection.kind === 'selected' ? selection.policy : null;
        context = { selection, policy, priority: snapshot.priority, targets: new Map() };
        // A bound, not an eviction policy: distinct ticket states per policy list are few in practice.
        if (++shared.size > MEMO_LIMIT) {
          shared.memo = new Map();
          shared.size = 0;
        }
        level.set(value, context);
      }
      return context;
    },
  };
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
  memo: MemoTrie;
  size: number;
}

const sharedByPolicies = new WeakMap<readonly SlaPolicy[], SharedByPolicies>();
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
