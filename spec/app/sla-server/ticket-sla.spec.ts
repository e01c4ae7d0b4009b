import { parseTicketSla, ticketSlaCall } from '../../../src/app/sla-server/ticket-sla';
import { assessAt } from '../../../src/app/locations/ticket-sidebar/live-sla';
import { liveInputs, monday, slaInputs } from '../locations/ticket-sidebar/sla-fixture';

/** A body as the server sends it: JSON, with the assessment the core made from the inputs. */
const body = () => JSON.parse(JSON.stringify({
  ticketId: '42',
  serverNow: monday('10:00'),
  policy: { id: 'standard', title: 'Standard' },
  assessment: assessAt(liveInputs(), monday('10:00')),
  inputs: slaInputs(),
})) as Record<string, unknown>;

describe('ticketSlaCall', () => {
  it('GETs the ticket’s SLA', () => {
    expect(ticketSlaCall(42)).toMatchObject({ method: 'GET', path: '/api/tickets/42/sla' });
  });

  it('accepts what the server sends, whole', () => {
    const sent = body();
    expect(parseTicketSla(sent)).toEqual({ ok: true, value: sent });
  });

  it('accepts a ticket the server has no history for', () => {
    const sent = { ticketId: '42', serverNow: 1, policy: null, assessment: null, inputs: null };
    expect(parseTicketSla(sent)).toEqual({ ok: true, value: sent });
  });

  it.each([
    [null, '(body): '],
    [{ ...body(), serverNow: '2026-03-02' }, 'serverNow: '],
    [{ ...body(), policy: { title: 3 } }, 'policy.id: '],
    [{ ...body(), assessment: { ...(body().assessment as object), kind: 'preview' } }, 'assessment.kind: '],
    [{ ...body(), inputs: { ...(body().inputs as object), history: [{ type: 'created', at: '09:30' }] } }, 'inputs.history.0.at: '],
    [{ ...body(), inputs: null }, 'assessment and inputs must both be present or both null'],
  ])('refuses %p, naming the path', (sent, detail) => {
    const parsed = parseTicketSla(sent);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.detail).toContain(detail);
  });
});
