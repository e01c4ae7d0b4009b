import { orderHistory } from '../../../src/core/clock';
import { agentComment, created, endUserComment, statusChange } from './history-builder';

const C = '2026-03-02T09:00:00+01:00';

describe('orderHistory', () => {
  it('returns a sorted history as it is', () => {
    const history = [created(C), endUserComment(C), agentComment('2026-03-02T09:10:00+01:00')];
    expect(orderHistory(history)).toBe(history);
  });

  it('sorts by instant and keeps the order of events of one instant', () => {
    const reply = agentComment('2026-03-02T09:10:00+01:00');
    const solve = statusChange('2026-03-02T09:10:00+01:00', 'open', 'solved');
    const first = created(C);
    expect(orderHistory([reply, solve, first])).toEqual([first, reply, solve]);
  });

  it('reads events dated before `created` as happening at creation', () => {
    const early = endUserComment('2026-03-02T08:59:00+01:00');
    const first = created(C);
    expect(orderHistory([early, first])).toEqual([first, { ...early, at: first.at }]);
  });

  it.each([
    { name: 'no created event', history: [endUserComment(C)], error: /no `created` event/ },
    { name: 'two created events', history: [created(C), created(C)], error: /more than one `created` event/ },
  ])('throws on $name', ({ history, error }) => {
    expect(() => orderHistory(history)).toThrow(error);
  });
});
