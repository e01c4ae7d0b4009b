import { COMPONENT_SCHEMAS, type JsonSchema } from './openapi-schemas';

/** The parts of OpenAPI 3.1 this document uses, typed so a typo in a keyword fails the type check. */
export interface OpenApiOperation {
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly operationId: string;
  readonly security?: readonly Readonly<Record<string, readonly string[]>>[];
  readonly parameters?: readonly OpenApiParameter[];
  readonly requestBody?: { readonly required: boolean; readonly content: Readonly<Record<string, { readonly schema: JsonSchema }>> };
  readonly responses: Readonly<Record<string, OpenApiResponse>>;
}
export interface OpenApiParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required: boolean;
  readonly description?: string;
  readonly schema: JsonSchema;
}
export interface OpenApiResponse {
  readonly description: string;
  readonly content?: Readonly<Record<string, { readonly schema: JsonSchema }>>;
}
type Method = 'get' | 'post' | 'put' | 'delete';
export interface OpenApiDocument {
  readonly openapi: '3.1.0';
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly paths: Readonly<Record<string, Partial<Record<Method, OpenApiOperation>>>>;
  readonly components: { readonly schemas: Readonly<Record<string, JsonSchema>>; readonly securitySchemes: Readonly<Record<string, JsonSchema>> };
}

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const ok = (name: string, description = 'OK'): OpenApiResponse => ({ description, content: json(ref(name)) });
const error = (description: string): OpenApiResponse => ({ description, content: json(ref('Error')) });
const body = (name: string) => ({ required: true, content: json(ref(name)) });
const pathId = (name: string, description: string): OpenApiParameter => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });
const applyQuery: OpenApiParameter = { name: 'apply', in: 'query', required: false, schema: { enum: ['recompute_open', 'new_tickets_only'] } };

/** Every app route: signed by Zendesk's proxy, scoped to the caller's account (another account's ids answer 404). */
const app = (operationId: string, tags: string[], summary: string, responses: Record<string, OpenApiResponse>, extra: Partial<OpenApiOperation> = {}): OpenApiOperation => ({
  operationId,
  tags,
  summary,
  security: [{ appJwt: [] }],
  ...extra,
  responses: { ...responses, '401': error('missing or invalid app token') },
});
const invalid = error('content fails validation: `path` and `problems` name each field');
const noSchedule = error('no such schedule in this account');
const noPolicy = error('no such policy in this account');

export const OPENAPI_DOCUMENT: OpenApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'SLA Clock companion server',
    version: '1',
    description:
      'The API the Zendesk app calls through Zendesk\'s proxy (HS256 JWT signed with the app\'s shared secret; `iss` is the subdomain), the webhook Zendesk calls, and health. Instants are epoch milliseconds. Errors are always `{ error: { code, message, path?, problems?, details? } }`.',
  },
  paths: {
    '/api/schedules': {
      get: app('listSchedules', ['schedules'], "The account's schedules, by name", { '200': { description: 'OK', content: json({ type: 'object', properties: { schedules: { type: 'array', items: ref('Schedule') } }, required: ['schedules'] }) } }),
      post: app('createSchedule', ['schedules'], 'Create a schedule', { '201': ok('Schedule', 'Created'), '409': error('duplicate_name'), '422': invalid }, { requestBody: body('ScheduleInput') }),
    },
    '/api/schedules/{id}': {
      get: app('getSchedule', ['schedules'], 'One schedule', { '200': ok('Schedule'), '404': noSchedule }, { parameters: [pathId('id', 'schedule id')] }),
      put: app('replaceSchedule', ['schedules'], 'Rename or replace a schedule', { '200': ok('Schedule'), '404': noSchedule, '409': error('duplicate_name'), '422': invalid }, { parameters: [pathId('id', 'schedule id')], requestBody: body('ScheduleInput') }),
      delete: app('deleteSchedule', ['schedules'], 'Delete a schedule no policy target uses', { '204': { description: 'Deleted' }, '404': noSchedule, '409': error('schedule_in_use: details.policies lists them') }, { parameters: [pathId('id', 'schedule id')] }),
    },
    '/api/policies': {
      get: app('listPolicies', ['policies'], "The account's policies in the admin's order, with lint warnings", { '200': ok('PolicyListing') }),
      post: app('createPolicy', ['policies'], 'Create a policy (at the end of the list)', { '201': ok('PolicySaved', 'Created'), '422': invalid }, { requestBody: body('PolicySaveInput') }),
    },
    '/api/policies/order': {
      put: app('reorderPolicies', ['policies'], "Set the admin's order", { '200': { description: 'The new listing', content: json({ allOf: [ref('PolicyListing'), { type: 'object', properties: { ticketsMarkedForReassessment: { type: 'integer' } } }] }) }, '409': error('policies_changed meanwhile'), '422': invalid }, { requestBody: body('PolicyOrderInput') }),
    },
    '/api/policies/preview-impact': {
      post: app('previewPolicyImpact', ['policies'], 'What a draft policy list would change on open tickets now', { '200': ok('ImpactResponse'), '422': invalid }, { requestBody: body('ImpactRequest') }),
    },
    '/api/policies/{id}': {
      get: app('getPolicy', ['policies'], 'One policy (current version)', { '200': ok('Policy'), '404': noPolicy }, { parameters: [pathId('id', 'policy id')] }),
      put: app('savePolicy', ['policies'], 'Save a new version', { '200': ok('PolicySaved'), '404': noPolicy, '409': error('version_conflict: details.currentVersion'), '422': invalid }, { parameters: [pathId('id', 'policy id')], requestBody: body('PolicySaveInput') }),
      delete: app('deletePolicy', ['policies'], 'Delete a policy and its versions', { '204': { description: 'Deleted' }, '404': noPolicy, '422': invalid }, { parameters: [pathId('id', 'policy id'), applyQuery] }),
    },
    '/api/policies/{id}/versions': {
      get: app('listPolicyVersions', ['policies'], 'Every saved version, newest first', { '200': { description: 'OK', content: json({ type: 'object', properties: { versions: { type: 'array', items: ref('Policy') } }, required: ['versions'] }) }, '404': noPolicy }, { parameters: [pathId('id', 'policy id')] }),
    },
    '/api/notification-settings': {
      get: app('getNotificationSettings', ['notifications'], 'Recipients and email texts (defaults until saved)', { '200': ok('NotificationSettings') }),
      put: app('saveNotificationSettings', ['notifications'], 'Replace the settings (parts left out take defaults); sync the Zendesk email triggers', { '200': ok('NotificationSettingsSaved'), '422': invalid }, { requestBody: body('NotificationSettings') }),
    },
    '/api/notification-settings/test': {
      post: app(
        'sendTestNotification',
        ['notifications'],
        'Send the chosen emails once, as on a real breach: sync the triggers, create a ticket that fires them (requester and assignee: the caller), delete it',
        {
          '200': { description: 'Sent; `recipients` when Zendesk names who was mailed', content: json({ type: 'object', properties: { ticketId: { type: 'string' }, recipients: { type: 'array', items: { type: 'string' } } }, required: ['ticketId'] }) },
          '409': error('not_connected: the account has no Zendesk connection yet'),
          '422': invalid,
          '502': error('zendesk_unavailable: Zendesk failed; the message says at which step'),
        },
        { requestBody: { required: true, content: json({ type: 'object', properties: { kind: { enum: ['out_of_sla', 'due_soon'] } }, required: ['kind'] }) } },
      ),
    },
    '/api/tickets/{ticketId}/sla': {
      get: app('getTicketSla', ['tickets'], "The ticket's SLA assessment now, with the inputs it was made from", { '200': ok('TicketSla'), '400': error('invalid_ticket_id') }, { parameters: [pathId('ticketId', 'Zendesk ticket id')] }),
    },
    '/api/tickets/{ticketId}/sla/what-if': {
      post: app('whatIfTicketSla', ['tickets'], 'The SLA if these changes were saved now', { '200': ok('WhatIfResponse'), '400': error('invalid_ticket_id'), '404': error('ticket_not_found'), '422': invalid }, { parameters: [pathId('ticketId', 'Zendesk ticket id')], requestBody: body('WhatIfRequest') }),
    },
    ...REPORT_PATHS(),
    '/api/openapi.json': {
      get: { operationId: 'getOpenApi', tags: ['meta'], summary: 'This document (no auth)', responses: { '200': { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } } },
    },
    '/zendesk/webhooks/{accountId}': {
      post: {
        operationId: 'receiveZendeskWebhook',
        tags: ['zendesk'],
        summary: 'A ticket changed (Zendesk trigger webhook)',
        description: 'Signed by Zendesk: X-Zendesk-Webhook-Signature = base64(HMAC-SHA256(secret, timestamp + raw body)). Stored in the inbox; nothing is computed on the request path.',
        parameters: [
          pathId('accountId', 'the account id the setup step put in the webhook URL'),
          { name: 'X-Zendesk-Webhook-Signature', in: 'header', required: true, schema: { type: 'string' } },
          { name: 'X-Zendesk-Webhook-Signature-Timestamp', in: 'header', required: true, schema: { type: 'string' } },
        ],
        requestBody: { required: true, content: json({ type: 'object', properties: { ticket_id: { type: ['string', 'integer'] } } }) },
        responses: {
          '202': { description: 'Stored', content: json({ type: 'object', properties: { accepted: { const: true }, duplicate: { type: 'boolean' } }, required: ['accepted', 'duplicate'] }) },
          '400': error('malformed body or no ticket id'),
          '401': error('signature missing, stale or wrong'),
          '404': error('unknown account'),
          '413': error('body too large'),
        },
      },
    },
    '/healthz': { get: { operationId: 'liveness', tags: ['health'], summary: 'The process answers', responses: { '200': { description: 'OK', content: json({ type: 'object', properties: { status: { const: 'ok' } } }) } } } },
    '/readyz': { get: { operationId: 'readiness', tags: ['health'], summary: 'Database reachable and migrated', responses: { '200': { description: 'Ready' }, '503': error('not_ready') } } },
    '/metrics': { get: { operationId: 'metrics', tags: ['health'], summary: 'Prometheus metrics', responses: { '200': { description: 'Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } } } } },
  },
  components: {
    schemas: COMPONENT_SCHEMAS,
    securitySchemes: { appJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: "HS256, signed by Zendesk's proxy with the app's shared secret; iss = subdomain, sub = agent id" } },
  },
};

/** The Reports tab's routes (issue #6; shapes in src/server/http/routes/reports*.ts), listed so the document is whole. */
function REPORT_PATHS(): OpenApiDocument['paths'] {
  const report = { description: 'OK (JSON, or CSV with format=csv)', content: { 'application/json': { schema: { type: 'object' } }, 'text/csv': { schema: { type: 'string' } } } };
  const query = (name: string, description: string): OpenApiParameter => ({ name, in: 'query', required: false, description, schema: { type: 'string' } });
  const slice = [query('from', 'ISO instant with offset'), query('to', 'ISO instant with offset'), query('tz', 'IANA zone for local times'), query('format', 'json | csv')];
  const objective = { description: 'OK', content: json({ type: 'object' }) };
  const objectiveId = pathId('objectiveId', 'objective id');
  return {
    '/api/reports/compliance': { get: app('complianceReport', ['reports'], 'Targets met, per dimension', { '200': report, '400': error('invalid query') }, { parameters: [...slice, query('groupBy', 'comma-separated dimensions')] }) },
    '/api/reports/breaches': { get: app('breachReport', ['reports'], 'Breaches, paged (newest breach first, ties by ticket, metric, instance) with the total and a trend; format=csv: every breach of the slice, streamed', { '200': report, '400': error('invalid query') }, { parameters: [...slice, query('limit', 'page size, 0 to 500 (default 50)'), query('offset', 'page start'), query('bucket', 'day | week')] }) },
    '/api/reports/pause-audit': { get: app('pauseAudit', ['reports'], 'Pauses per agent, those soon after a customer reply, minutes taken off the clock (at most 93 days)', { '200': objective, '400': error('invalid query') }, { parameters: [query('from', 'ISO instant with offset'), query('to', 'ISO instant with offset'), query('quickMinutes', 'a pause this soon after a customer reply counts as quick: 1 to 1440 minutes (default 5)')] }) },
    '/api/reports/backtest': {
      post: app('backtest', ['reports'], 'Replay a draft policy list against the current one over [from, to) (at most 92 days)', { '200': objective, '400': error('invalid_period or invalid_draft, with problems') }, { requestBody: { required: true, content: json({ type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' }, policies: { type: 'array', items: ref('DraftPolicy') }, schedules: { type: 'object', additionalProperties: ref('ScheduleSpec') }, verify: { type: 'boolean', description: 'also check that replaying the current rules gives back the stored records (reads them all)' } }, required: ['from', 'to', 'policies'] }) } }),
    },
    '/api/reports/objectives': {
      get: app('listObjectives', ['reports'], 'Objectives with their standing now', { '200': objective }),
      post: app('createObjective', ['reports'], 'Create an objective', { '201': objective, '400': error('invalid objective'), '422': invalid }, { requestBody: { required: true, content: json({ type: 'object' }) } }),
    },
    '/api/reports/objectives/{objectiveId}': {
      put: app('saveObjective', ['reports'], 'Replace an objective', { '200': objective, '400': error('invalid objective'), '404': error('no such objective'), '422': invalid }, { parameters: [objectiveId], requestBody: { required: true, content: json({ type: 'object' }) } }),
      delete: app('deleteObjective', ['reports'], 'Delete an objective', { '204': { description: 'Deleted' }, '404': error('no such objective') }, { parameters: [objectiveId] }),
    },
  };
}
