import fc from 'fast-check';
import { evaluateCondition, type Condition } from '../../../src/core/policy';
import { matcherFor } from '../../../src/core/policy/condition-matcher';
import type { TicketSnapshot } from '../../../src/core/ticket/ticket-snapshot';
import { aTicket } from '../../support/a-ticket';

const FIELDS = ['priority', 'status', 'type', 'group_id', 'assignee_id', 'brand_id', 'organization_id', 'requester_email', 'requester_domain', 'tags', 'via', 'ticket_form_id', 'custom_fields_1', 'custom_fields_2'] as const;
const OPERATORS = ['is', 'is_not', 'in', 'not_in', 'includes', 'includes_all', 'not_includes', 'contains', 'not_contains', 'less_than', 'greater_than'] as const;

/** Words that collide on purpose: ranks, numbers in text, case and padding, dates, separators. */
const word = fc.constantFrom('', ' ', 'low', 'normal', 'urgent', 'open', 'solved', 'vip', 'gold', 'VIP', ' vip ', '10', '9', '010', '1e3', '-2', 'NaN', 'Infinity', '2026-01-02', 'a@b.com', 'Ana@Example.com', '@example.com', 'example.com', 'x@y@z', 'true');
const value = fc.oneof(word, fc.constant(null), fc.integer({ min: -20, max: 20 }), fc.double({ noNaN: false }), fc.boolean(), fc.array(word, { maxLength: 3 }), fc.constantFrom('vip gold', '  gold  vip '));
const scalarOrList = fc.oneof(word, fc.constant(null), fc.integer({ min: -20, max: 20 }), fc.boolean(), fc.array(word, { maxLength: 3 }));

const condition: fc.Arbitrary<Condition> = fc.record({
  field: fc.constantFrom<Condition['field']>(...FIELDS),
  operator: fc.constantFrom<Condition['operator']>(...OPERATORS),
  value: value as fc.Arbitrary<Condition['value']>,
});

const ticket: fc.Arbitrary<TicketSnapshot> = fc
  .record({
    priority: fc.constantFrom(null, 'low', 'normal', 'high', 'urgent'),
    status: fc.constantFrom('new', 'open', 'pending', 'hold', 'solved', 'closed'),
    groupId: fc.oneof(fc.constant(null), word),
    requesterEmail: fc.oneof(fc.constant(null), word),
    tags: fc.array(word, { maxLength: 4 }),
    via: fc.oneof(fc.constant(null), word),
    custom1: fc.option(scalarOrList, { nil: undefined }),
    custom2: fc.option(scalarOrList, { nil: undefined }),
  })
  .map(({ custom1, custom2, ...fields }) => {
    const customFields: Record<string, TicketSnapshot['customFields'][string]> = {};
    if (custom1 !== undefined) customFields['1'] = custom1;
    if (custom2 !== undefined) customFields['2'] = custom2;
    return aTicket({ ...(fields as Partial<TicketSnapshot>), customFields });
  });

describe('matcherFor', () => {
  it('answers as evaluateCondition does, for any condition and ticket', () => {
    fc.assert(
      fc.property(condition, fc.array(ticket, { minLength: 1, maxLength: 4 }), (c, tickets) => {
        // Several tickets through one matcher: what it prepared from the condition must not depend on the first.
        const matcher = matcherFor(c);
        return tickets.every((t) => matcher(t) === Boolean(evaluateCondition(c, t)));
      }),
      { numRuns: 5000 },
    );
  });

  it('is made once per condition object', () => {
    const c: Condition = { field: 'tags', operator: 'includes', value: 'vip gold' };
    expect(matcherFor(c)).toBe(matcherFor(c));
    expect(matcherFor(c)(aTicket({ tags: ['gold'] }))).toBe(true);
  });
});
