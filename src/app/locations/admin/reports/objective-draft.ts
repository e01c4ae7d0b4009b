import type { FieldError } from '../../../../core';
import type { ObjectiveInput, ObjectiveView } from './objectives-api';

/** The objective form as typed: numbers stay text until checked, so "9O" can be shown back with its problem. */
export interface ObjectiveDraft {
  readonly title: string;
  readonly metric: string;
  /** '' = every priority. */
  readonly priority: string;
  readonly targetMinutes: string;
  readonly percent: string;
  readonly period: string;
  /** Budget alerts: on/off, the threshold in % of the period's budget, addresses separated by commas or lines. */
  readonly alertEnabled: boolean;
  readonly alertThreshold: string;
  readonly alertRecipients: string;
}

export const emptyObjectiveDraft: ObjectiveDraft = {
  title: '',
  metric: 'first_reply_time',
  priority: '',
  targetMinutes: '',
  percent: '95',
  period: 'month',
  alertEnabled: false,
  alertThreshold: '25',
  alertRecipients: '',
};

/** The form filled with a stored objective, to edit it. */
export function draftOf({ objective: o, alert }: Pick<ObjectiveView, 'objective' | 'alert'>): ObjectiveDraft {
  return {
    title: o.title,
    metric: o.metric,
    priority: o.priority ?? '',
    targetMinutes: String(o.targetMinutes),
    percent: String(o.percent),
    period: o.period,
    alertEnabled: alert.enabled,
    alertThreshold: String(alert.thresholdPercent),
    alertRecipients: alert.recipients.join(', '),
  };
}

const splitAddresses = (text: string): string[] => text.split(/[\s,;]+/).filter(Boolean);
/** Something@somewhere.tld: a typo check, not RFC 5322 (Zendesk checks deliverability itself). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The browser's check before POST or PUT, with the server's paths and codes (its zod schema: title 1…200
 * characters, 0 < targetMinutes ≤ a year, 0 < percent < 100, 0 < alert.thresholdPercent ≤ 100, recipients that
 * are addresses and at least one when alerts are on), so both show the same way beside the field. `keep` carries
 * what the form does not show (the zone, organization and policy of an objective being edited).
 */
export function objectiveOf(
  draft: ObjectiveDraft,
  timeZone: string,
  keep: Pick<ObjectiveInput, 'organizationId' | 'policyId'> = {},
): { ok: true; value: ObjectiveInput } | { ok: false; errors: FieldError[] } {
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
  const thresholdPercent = number('alert.thresholdPercent', draft.alertThreshold, 100, true);
  const recipients = splitAddresses(draft.alertRecipients);
  recipients.forEach((address, i) => {
    if (!EMAIL.test(address)) errors.push({ path: `alert.recipients.${i}`, code: 'invalid_email', message: `"${address}" is not an email address`, params: { address } });
  });
  if (draft.alertEnabled && recipients.length === 0) errors.push({ path: 'alert.recipients', code: 'required', message: 'at least one recipient when alerts are on' });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      title,
      metric: draft.metric,
      priority: draft.priority || null,
      targetMinutes,
      percent,
      period: draft.period,
      timeZone,
      ...keep,
      alert: { enabled: draft.alertEnabled, thresholdPercent, recipients },
    },
  };
}
