import { pauseAudit } from '../../../src/core/report';
import type { TicketEvent } from '../../../src/core/ticket/ticket-event';
import { agentComment, at, created, endUserComment, statusChange } from '../clock/history-builder';

const reassign = (iso: string, from: string | null, to: string | null): TicketEvent => ({ type: 'field_changed', at: at(iso), field: 'assigneeId', from, to });
const audit = (histories: TicketEvent[][], until = '2026-03-03T00:00:00Z') =>
  pauseAudit({ tickets: histories.map((history) => ({ history })), from: at('2026-03-01T00:00:00Z'), to: at('2026-03-03T00:00:00Z'), until: at(until), quickMinutes: 5 });

describe('pauseAudit', () => {
  it('counts quick pauses after a customer reply, with or without an answer, and the time they took off the clock', () => {
    const history = [
      created('2026-03-02T09:00:00Z', { assigneeId: 'ana', status: 'open' }),
      endUserComment('2026-03-02T10:00:00Z'),
      statusChange('2026-03-02T10:03:00Z', 'open', 'pending'), // quick, unanswered
      endUserComment('2026-03-02T11:00:00Z'),
      statusChange('2026-03-02T11:00:00Z', 'pending', 'open'), // 57 minutes paused
      endUserComment('2026-03-02T12:00:00Z'),
      agentComment('2026-03-02T12:01:00Z'),
      statusChange('2026-03-02T12:02:00Z', 'open', 'hold'), // quick, answered
      statusChange('2026-03-02T12:30:00Z', 'hold', 'pending'), // the same pause
      statusChange('2026-03-02T13:02:00Z', 'pending', 'solved'), // 60 minutes paused
    ];
    expect(audit([history])).toEqual([{ assigneeId: 'ana', pauses: 2, quickPauses: 2, quickPausesWithoutReply: 1, ticketsPausedRepeatedly: 1, pausedMinutes: 117 }]);
  });

  it('charges each pause to the assignee at that moment, counts a running pause up to `until`, and skips pauses outside the period', () => {
    const first = [
      created('2026-02-28T09:00:00Z', { assigneeId: 'ana', status: 'open' }),
      statusChange('2026-02-28T10:00:00Z', 'open', 'pending'), // before the period
      statusChange('2026-03-01T10:00:00Z', 'pending', 'open'),
      reassign('2026-03-02T09:00:00Z', 'ana', 'bo'),
      endUserComment('2026-03-02T09:00:00Z'),
      statusChange('2026-03-02T09:30:00Z', 'open', 'hold'), // not quick (30 minutes), still paused at until
    ];
    const second = [created('2026-03-02T08:00:00Z', { assigneeId: null, status: 'new' }), statusChange('2026-03-02T08:00:00Z', 'new', 'pending')];
    expect(audit([first, second], '2026-03-02T10:30:00Z')).toEqual([
      { assigneeId: null, pauses: 1, quickPauses: 0, quickPausesWithoutReply: 0, ticketsPausedRepeatedly: 0, pausedMinutes: 150 },
      { assigneeId: 'bo', pauses: 1, quickPauses: 0, quickPausesWithoutReply: 0, ticketsPausedRepeatedly: 0, pausedMinutes: 60 },
    ]);
  });
});
