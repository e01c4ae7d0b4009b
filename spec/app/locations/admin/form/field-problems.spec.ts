import { describeProblem, problemsAt, withoutPrefix } from '../../../../../src/app/locations/admin/form/field-problems';
import { tIn } from '../render-markup';

const problem = (path: string, code = 'invalid_time') => ({ path, code, message: `${code} at ${path}` });

describe('field problems', () => {
  it('finds the problems at a path, and with `deep` those below it, never a sibling with a longer name', () => {
    const all = [problem('week.mon[1]'), problem('week.mon[1][0]'), problem('week.mon[10]'), problem('week.monday')];
    expect(problemsAt(all, 'week.mon[1]').map((p) => p.path)).toEqual(['week.mon[1]']);
    expect(problemsAt(all, 'week.mon[1]', { deep: true }).map((p) => p.path)).toEqual(['week.mon[1]', 'week.mon[1][0]']);
    expect(problemsAt(all, 'week.mon', { deep: true }).map((p) => p.path)).toEqual(['week.mon[1]', 'week.mon[1][0]', 'week.mon[10]']);
  });

  it('reads the server’s body paths as the editor’s (schedule.week.mon[1] is week.mon[1])', () => {
    expect(withoutPrefix([problem('schedule.week.mon[1]'), problem('name')], 'schedule').map((p) => p.path)).toEqual(['week.mon[1]', 'name']);
  });

  it('words known codes in the admin’s language and shows the server’s text for others', () => {
    const t = tIn('pl');
    expect(describeProblem(problem('holidays[0]', 'invalid_date'), t)).toBe('Wpisz datę w formacie RRRR-MM-DD albo MM-DD dla każdego roku.');
    expect(describeProblem({ path: 'title', code: 'too_small', message: 'Too small' }, t)).toBe('To pole jest wymagane.');
    expect(describeProblem({ path: 'x', code: 'teapot', message: 'I am a teapot' }, tIn('en'))).toBe('Not accepted: I am a teapot');
  });
});
