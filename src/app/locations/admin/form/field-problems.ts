import type { FieldError } from '../../../../core';
import type { Translate } from '../../../i18n/translate';

/**
 * Problems at one path (`targets[2].warnMinutesBefore`), or also below it with `deep` (`week.mon` takes
 * `week.mon[1]` and `week.mon[1][0]`): what an editor shows beside the field the path names.
 */
export function problemsAt(problems: readonly FieldError[], path: string, options: { deep?: boolean } = {}): FieldError[] {
  return problems.filter((p) => p.path === path || (options.deep === true && (p.path.startsWith(`${path}[`) || p.path.startsWith(`${path}.`))));
}

/** Problems no field of the editor claims (`claimed` lists the paths it shows), for a list above the form. */
export function unclaimedProblems(problems: readonly FieldError[], claimed: (path: string) => boolean): FieldError[] {
  return problems.filter((p) => !claimed(p.path));
}

/** The server names fields inside its request body (`schedule.week.mon[1]`, `policy.title`); editors name them without. */
export function withoutPrefix(problems: readonly FieldError[], prefix: string): FieldError[] {
  return problems.map((p) => (p.path === prefix ? { ...p, path: '' } : p.path.startsWith(`${prefix}.`) ? { ...p, path: p.path.slice(prefix.length + 1) } : p));
}

/** Codes from the core's validators and our server that translations word; anything else shows the server's text. */
const WORDED = new Set([
  'invalid_time', 'overlapping_intervals', 'invalid_date', 'unknown_time_zone', 'no_open_time', 'duplicate_date',
  'operator_not_allowed', 'list_required', 'single_value_required', 'value_required', 'unknown_value',
  'schedule_required', 'warning_too_early', 'duplicate_target', 'unknown_schedule', 'missing_schedule',
  'duplicate_name', 'schedule_in_use', 'version_conflict', 'required', 'not_a_number', 'too_small', 'too_big', 'invalid_email',
]);

/** Zod's generic codes said for the field they concern: an empty title is "required", NaN minutes "not a number". */
function refine(problem: FieldError): string {
  if (problem.code === 'too_small' && /(^|\.)(title|name)$/.test(problem.path)) return 'required';
  if (problem.code === 'invalid_type' && /(Minutes|MinutesBefore)$/.test(problem.path)) return 'not_a_number';
  return problem.code;
}

/** One sentence, in the admin's language, for a problem with a field. */
export function describeProblem(problem: FieldError, t: Translate): string {
  const code = refine(problem);
  if (!WORDED.has(code)) return t('admin.problems.other', { message: problem.message || code });
  const params = Object.fromEntries(Object.entries(problem.params ?? {}).map(([k, v]) => [k, String(v)]));
  return t(`admin.problems.${code}`, params);
}
