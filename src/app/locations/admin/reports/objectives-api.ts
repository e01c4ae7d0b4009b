import type { ObjectiveStatus } from '../../../../core/report/objective';
import type { SlaServerCall } from '../../../sla-server/sla-server-api';
import { isObject, noBody, parseList, parseOne, type Parsed } from '../api/parse-body';

/** Budget alerts of an objective, as the server keeps them (issue #6). */
export interface ObjectiveAlertView {
  readonly enabled: boolean;
  readonly thresholdPercent: number;
  readonly recipients: readonly string[];
}

/** What the admin fills in to create (POST) or replace (PUT /api/reports/objectives/:id) an objective. */
export interface ObjectiveInput {
  readonly title: string;
  readonly metric: string;
  readonly priority: string | null;
  readonly targetMinutes: number;
  readonly percent: number;
  readonly period: string;
  readonly timeZone: string;
  /** Not in the form: kept as they were when an objective made through the API is edited. */
  readonly organizationId?: string | null;
  readonly policyId?: string | null;
  readonly alert?: ObjectiveAlertView;
}

/** What the server sends of the core's ObjectiveStatus (the same names and meanings). */
export type ObjectiveStatusView = Pick<
  ObjectiveStatus,
  'periodStart' | 'periodEnd' | 'good' | 'bad' | 'undecided' | 'attainmentPercent' | 'errorBudget' | 'errorBudgetRemaining' | 'burnRate' | 'met'
>;

export interface ObjectiveView {
  readonly id: string;
  readonly objective: ObjectiveInput;
  readonly alert: ObjectiveAlertView;
  readonly status: ObjectiveStatusView;
}

const NO_ALERT: ObjectiveAlertView = { enabled: false, thresholdPercent: 25, recipients: [] };

function alertOf(value: unknown): ObjectiveAlertView {
  if (!isObject(value)) return NO_ALERT;
  return {
    enabled: value.enabled === true,
    thresholdPercent: typeof value.thresholdPercent === 'number' ? value.thresholdPercent : NO_ALERT.thresholdPercent,
    recipients: Array.isArray(value.recipients) ? value.recipients.filter((r): r is string => typeof r === 'string') : [],
  };
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const numOrNull = (v: unknown) => (typeof v === 'number' ? v : null);

function objectiveOf(o: Record<string, unknown>): (ObjectiveInput & { id: string }) | null {
  if (typeof o.id !== 'string' || typeof o.metric !== 'string') return null;
  return {
    id: o.id,
    title: typeof o.title === 'string' ? o.title : '',
    metric: o.metric,
    priority: typeof o.priority === 'string' ? o.priority : null,
    targetMinutes: num(o.targetMinutes),
    percent: num(o.percent),
    period: typeof o.period === 'string' ? o.period : 'month',
    timeZone: typeof o.timeZone === 'string' ? o.timeZone : 'UTC',
    organizationId: typeof o.organizationId === 'string' ? o.organizationId : null,
    policyId: typeof o.policyId === 'string' ? o.policyId : null,
  };
}

function entry(value: Record<string, unknown>): ObjectiveView | null {
  const objective = isObject(value.objective) ? objectiveOf(value.objective) : null;
  const s = isObject(value.status) ? value.status : null;
  if (!objective || !s) return null;
  const { id, ...input } = objective;
  return {
    id,
    objective: input,
    alert: alertOf(value.alert),
    status: {
      periodStart: num(s.periodStart),
      periodEnd: num(s.periodEnd),
      good: num(s.good),
      bad: num(s.bad),
      undecided: num(s.undecided),
      attainmentPercent: numOrNull(s.attainmentPercent),
      errorBudget: num(s.errorBudget),
      errorBudgetRemaining: num(s.errorBudgetRemaining),
      burnRate: numOrNull(s.burnRate),
      met: typeof s.met === 'boolean' ? s.met : null,
    },
  };
}

export const listObjectivesCall: SlaServerCall<ObjectiveView[]> = { method: 'GET', path: '/api/reports/objectives', parse: (body) => parseList(body, 'objectives', entry) };

export const createObjectiveCall = (input: ObjectiveInput): SlaServerCall<{ id: string }> => ({
  method: 'POST',
  path: '/api/reports/objectives',
  body: input,
  parse: (body): Parsed<{ id: string }> => parseOne(body, 'objective', (o) => (typeof o.id === 'string' ? { id: o.id } : null)),
});

export const updateObjectiveCall = (id: string, input: ObjectiveInput): SlaServerCall<{ id: string }> => ({
  method: 'PUT',
  path: `/api/reports/objectives/${encodeURIComponent(id)}`,
  body: input,
  parse: (body): Parsed<{ id: string }> => parseOne(body, 'objective', (o) => (typeof o.id === 'string' ? { id: o.id } : null)),
});

/**
 * An empty JSON object as the body: the signed call always says `Content-Type: application/json`, and Fastify
 * refuses a request that says so with no body at all (400), which a DELETE otherwise has.
 */
export const deleteObjectiveCall = (id: string): SlaServerCall<null> => ({ method: 'DELETE', path: `/api/reports/objectives/${encodeURIComponent(id)}`, body: {}, parse: noBody });
