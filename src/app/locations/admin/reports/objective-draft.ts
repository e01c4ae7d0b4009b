import type { FieldError } from '../../../../core';
import type { ObjectiveInput } from './objectives-api';

/** The objective form as typed: numbers stay text until checked, so "9O" can be shown back with its problem. */
export interface ObjectiveDraft {
  readonly title: string;
  readonly metric: string;
  /** '' = every priority. */
  readonly priority: string;
  readonly targetMinutes: string;
  readonly percent: string;
  readonly period: string;
}

export const emptyObjectiveDraft: ObjectiveDraft = { title: '', metric: 'first_reply_time', priority: '', targetMinutes: '', percent: '95', period: 'month' };

/**
 * The browser's check before POST, with the server's paths and codes (its zod schema: title 1…200 characters,
 * 0 < targetMinutes ≤ a year, 0 < percent < 100), so both show the same way beside the field.
 */
export function objectiveOf(draft: ObjectiveDraft, timeZone: string): { ok: true; value: ObjectiveInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const title = draft.title.trim();
  if (title === '') errors.push({ path: 'title', code: 'required', message: 'title is required' });
  const number = (path: string, text: string, max: number, inclusiveMax: boolean): number => {
    const value = Number(text.trim().replace(',', '.'));
    if (text.trim() === '' || !Number.isFinite(value)) errors.push({ path, code: text.trim() === '' ? 'required' : 'not_a_number', message: `${path} must be a number` });
    else if (value <= 0) errors.push({ path, code: 'too_small', message: `${path} must be greater than 0` });
    else if (inclusiveMax ? value > max : value >= max) errors.push({ path, code: 'too_big', message: `${path} must be less than ${max}` });
    return value;
  };
  const targetMinutes = number('targetMinutes', draft.targetMinutes, 525_600, true);
  const percent = number('percent', draft.percent, 100, false);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { title, metric: draft.metric, priority: draft.priority || null, targetMinutes, percent, period: draft.period, timeZone } };
}
