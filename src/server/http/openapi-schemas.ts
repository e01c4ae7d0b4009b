import { METRIC_NAMES, PRIORITIES, TICKET_STATUSES, TICKET_TYPES, WEEKDAYS } from '../../core';
import { POLICY_APPLY_MODES } from '../store/sla-store';
import { TEMPLATE_LOCALES } from '../notifications/notification-settings';

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1) as plain data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const millis = (description: string): JsonSchema => ({ type: 'integer', description: `${description} (epoch milliseconds, UTC)` });
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const object = (properties: Record<string, JsonSchema>, required: readonly string[] = Object.keys(properties), extra: JsonSchema = {}): JsonSchema => ({
  type: 'object',
  properties,
  required,
  ...extra,
});
const interval: JsonSchema = { type: 'array', prefixItems: [{ type: 'string' }, { type: 'string' }], minItems: 2, maxItems: 2, description: '["HH:MM", "HH:MM"] wall clock; "24:00" ends a day; an end at or before the start runs overnight' };
const emailText = object({ subject: { type: 'string', minLength: 1, maxLength: 255 }, body: { type: 'string', minLength: 1, maxLength: 10000 } });
const policyRef = object({ id: { type: 'string' }, title: { type: 'string' } });
const applyMode: JsonSchema = { enum: [...POLICY_APPLY_MODES], default: 'new_tickets_only', description: 'recompute_open: re-assess open tickets now; new_tickets_only: tickets pick the change up at their next update' };
const policyBodyProperties = {
  title: { type: 'string', minLength: 1, maxLength: 255 },
  description: { type: 'string', maxLength: 5000, default: '' },
  active: { type: 'boolean', default: true },
  filter: object({ all: { type: 'array', items: ref('Condition') }, any: { type: 'array', items: ref('Condition') } }, []),
  targets: { type: 'array', items: ref('PolicyTarget') },
};
const impactKinds = ['newly_applies', 'no_longer_applies', 'newly_breached', 'no_longer_breached', 'earlier', 'later', 'policy_changed'];

/** The component schemas of the app API's OpenAPI document (openapi.ts). */
export const COMPONENT_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  Error: object({
    error: object(
      {
        code: { type: 'string', description: 'stable machine code, e.g. invalid_schedule, duplicate_name, version_conflict' },
        message: { type: 'string', description: 'English, for logs and developers; the app translates `code`' },
        path: { type: 'string', description: 'the field at fault, e.g. policy.targets[2].targetMinutes' },
        problems: { type: 'array', items: ref('FieldError'), description: 'every validation problem (400/422)' },
        details: { type: 'object', description: 'what resolves a conflict (409): currentVersion, policies, name' },
      },
      ['code', 'message'],
    ),
  }),
  FieldError: object({ path: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' }, params: { type: 'object' } }, ['path', 'code', 'message']),
  ScheduleSpec: object(
    {
      timeZone: { type: 'string', description: 'IANA zone, e.g. Europe/Warsaw' },
      week: object(Object.fromEntries(WEEKDAYS.map((d) => [d, { type: 'array', items: interval }])), [], { additionalProperties: false }),
      holidays: { type: 'array', items: { type: 'string', description: 'YYYY-MM-DD, or MM-DD every year' } },
      exceptions: { type: 'object', additionalProperties: { type: 'array', items: interval }, description: 'date -> hours replacing the weekly hours' },
    },
    ['timeZone'],
    { additionalProperties: false },
  ),
  ScheduleInput: object({ name: { type: 'string', minLength: 1, maxLength: 100 }, schedule: ref('ScheduleSpec'), apply: { ...applyMode, description: `on PUT: ${String(applyMode.description)}` } }, ['name', 'schedule']),
  Schedule: object({ id: { type: 'string' }, name: { type: 'string' }, schedule: ref('ScheduleSpec'), createdAt: millis('created'), updatedAt: millis('last saved') }),
  Condition: object({ field: { type: 'string' }, operator: { type: 'string' }, value: { anyOf: [{ type: ['string', 'number', 'boolean', 'null'] }, { type: 'array', items: { type: 'string' } }] } }),
  PolicyTarget: object(
    {
      metric: { enum: [...METRIC_NAMES] },
      priority: { enum: [...PRIORITIES, 'any'] },
      targetMinutes: { type: 'number', exclusiveMinimum: 0, maximum: 525600 },
      hours: { enum: ['business', 'calendar'] },
      scheduleId: { type: 'string', description: 'required for business hours: a schedule of the account' },
      warnMinutesBefore: { type: 'number', minimum: 0 },
    },
    ['metric', 'priority', 'targetMinutes', 'hours'],
  ),
  PolicyBody: object(policyBodyProperties, ['title', 'targets']),
  DraftPolicy: object({ id: { type: 'string' }, position: { type: 'integer', minimum: 0 }, ...policyBodyProperties }, ['id', 'position', 'title', 'targets']),
  Policy: object({
    id: { type: 'string' },
    position: { type: 'integer', description: "place in the admin's list, lower first (breaks ties)" },
    version: { type: 'integer', minimum: 1 },
    body: ref('PolicyBody'),
    savedAt: millis('this version saved'),
    authorId: nullable({ type: 'string', description: "the saving agent's Zendesk user id" }),
    apply: nullable({ enum: [...POLICY_APPLY_MODES] }),
  }),
  LintWarning: object({ policyId: { type: 'string' }, path: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' }, params: { type: 'object' } }, ['policyId', 'path', 'code', 'message']),
  PolicyListing: object({ policies: { type: 'array', items: ref('Policy') }, warnings: { type: 'array', items: ref('LintWarning') } }),
  PolicySaveInput: object({ policy: ref('PolicyBody'), expectedVersion: { type: 'integer', minimum: 1, description: '409 version_conflict if the policy is no longer at this version' }, apply: applyMode }, ['policy']),
  PolicySaved: object({ policy: ref('Policy'), warnings: { type: 'array', items: ref('LintWarning') }, ticketsMarkedForReassessment: { type: 'integer' } }),
  PolicyOrderInput: object({ ids: { type: 'array', items: { type: 'string' }, description: "every policy id of the account exactly once, in the new order" }, apply: applyMode }, ['ids']),
  NotificationSettings: object({
    outOfSla: object({ requester: { type: 'boolean' }, assignee: { type: 'boolean' }, group: { type: 'boolean' }, addresses: { type: 'array', items: { type: 'string', format: 'email' } } }),
    dueSoon: object({ assignee: { type: 'boolean' }, group: { type: 'boolean' }, addresses: { type: 'array', items: { type: 'string', format: 'email' } } }),
    templates: object(
      Object.fromEntries(TEMPLATE_LOCALES.map((l) => [l, object({ outOfSla: emailText, dueSoon: emailText, outOfSlaRequester: emailText }, ['outOfSla', 'dueSoon'])])),
      [],
      { additionalProperties: false, description: 'email texts per locale (Zendesk placeholders); en defaults to requirements.json' },
    ),
  }),
  NotificationSettingsSaved: object(
    {
      settings: ref('NotificationSettings'),
      triggerSync: {
        oneOf: [
          object({ state: { const: 'synced' }, triggersWritten: { type: 'integer', minimum: 0 } }, ['state', 'triggersWritten']),
          object(
            { state: { const: 'pending' }, reason: { enum: ['not_connected', 'zendesk_unavailable', 'zendesk_refused', 'triggers_missing'] }, message: { type: 'string' } },
            ['state', 'reason', 'message'],
            { description: 'saved, but Zendesk does not send by it yet; the hourly setup step syncs the triggers again' },
          ),
        ],
      },
    },
    ['settings', 'triggerSync'],
  ),
  ImpactRequest: object({ policies: { type: 'array', items: ref('DraftPolicy') }, schedules: { type: 'object', additionalProperties: ref('ScheduleSpec'), description: 'draft schedules by id (new or replacing)' } }, ['policies']),
  ImpactChange: object({
    metric: { enum: [...METRIC_NAMES] },
    change: { enum: impactKinds },
    dueBefore: nullable(millis('due time under the policies in force')),
    dueAfter: nullable(millis('due time under the draft')),
    policyBefore: nullable(policyRef),
    policyAfter: nullable(policyRef),
  }),
  TicketImpact: { allOf: [ref('ImpactChange'), object({ ticketId: { type: 'string' } })] },
  ImpactResponse: object({
    assessedAt: millis('now'),
    scanned: { type: 'integer' },
    truncated: { type: 'boolean', description: 'true when the account has more open tickets than one call scans (1,000)' },
    changes: { type: 'array', items: ref('TicketImpact') },
    summary: object(Object.fromEntries(impactKinds.map((k) => [k, { type: 'integer' }]))),
  }),
  WhatIfRequest: object({
    changes: object(
      {
        priority: nullable({ enum: [...PRIORITIES] }),
        status: { enum: [...TICKET_STATUSES] },
        type: nullable({ enum: [...TICKET_TYPES] }),
        groupId: nullable({ type: 'string' }),
        assigneeId: nullable({ type: 'string' }),
      },
      [],
      { additionalProperties: false },
    ),
  }),
  Assessment: object(
    { kind: { enum: ['assessment', 'preview'] }, ticketId: { type: 'string' }, assessedAt: millis('assessed at'), policy: { type: 'object' }, metrics: { type: 'object' }, timeline: { type: 'array' }, nextCheckAt: nullable(millis('next change')) },
    ['kind', 'ticketId', 'assessedAt', 'policy', 'metrics', 'timeline', 'nextCheckAt'],
    { description: "the core's TicketSlaAssessment / TicketSlaPreview (src/core/clock/ticket-sla-assessment.ts)" },
  ),
  WhatIfResponse: object({ ticketId: { type: 'string' }, preview: ref('Assessment'), changes: { type: 'array', items: ref('ImpactChange') } }),
  TicketSla: object({ ticketId: { type: 'string' }, serverNow: millis('server now'), policy: nullable(policyRef), assessment: nullable(ref('Assessment')), inputs: nullable({ type: 'object' }) }),
};
