import { parseTicketSlaSummary, ticketSlaCall } from '../../../src/app/sla-server/ticket-sla';

describe('ticketSlaCall', () => {
  it('GETs the ticket’s SLA', () => {
    expect(ticketSlaCall(42)).toMatchObject({ method: 'GET', path: '/api/tickets/42/sla' });
  });

  it.each([
    [{ policy: { title: 'Gold' } }, { ok: true, value: { policy: { title: 'Gold' } } }],
    [{ policy: null }, { ok: true, value: { policy: null } }],
    [{ policy: { title: 3 } }, { ok: false, detail: '"policy.title" is not a string' }],
    [{}, { ok: false, detail: 'no "policy" in the body' }],
    [null, { ok: false, detail: 'no "policy" in the body' }],
  ])('parses %p', (body, expected) => {
    expect(parseTicketSlaSummary(body)).toEqual(expected);
  });
});
