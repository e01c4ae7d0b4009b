import { formatZendeskTime } from '../../clock/zendesk-time';
import type { EmulatorState } from '../../state/emulator-state';
import type { TicketFieldRecord, TriggerRecord, WebhookRecord } from '../../state/records';

/** Ticket fields, triggers and webhooks: the account configuration our app installs. */
export function ticketFieldJson(state: EmulatorState, field: TicketFieldRecord): Record<string, unknown> {
  const system = ['subject', 'description', 'status', 'tickettype', 'priority', 'group', 'assignee'].includes(field.type);
  return {
    url: `${state.baseUrl}/api/v2/ticket_fields/${field.id}.json`,
    id: field.id,
    type: field.type,
    title: field.title,
    raw_title: field.title,
    description: field.description,
    raw_description: field.description,
    position: field.position,
    active: field.active,
    required: field.required,
    collapsed_for_agents: false,
    regexp_for_validation: field.regexpForValidation,
    title_in_portal: field.title,
    raw_title_in_portal: field.title,
    visible_in_portal: system,
    editable_in_portal: system,
    required_in_portal: false,
    tag: field.tag,
    created_at: formatZendeskTime(field.createdAt),
    updated_at: formatZendeskTime(field.updatedAt),
    removable: !system,
    key: null,
    agent_description: null,
    creator_app_name: field.creatorAppName,
    ...(field.type === 'tagger'
      ? { custom_field_options: field.options.map((o) => ({ id: o.id, name: o.name, raw_name: o.name, value: o.value, default: false })) }
      : {}),
  };
}

export function triggerJson(state: EmulatorState, trigger: TriggerRecord): Record<string, unknown> {
  return {
    url: `${state.baseUrl}/api/v2/triggers/${trigger.id}.json`,
    id: trigger.id,
    title: trigger.title,
    raw_title: trigger.title,
    description: trigger.description,
    active: trigger.active,
    position: trigger.position,
    default: false,
    category_id: '1',
    conditions: trigger.conditions,
    actions: trigger.actions,
    created_at: formatZendeskTime(trigger.createdAt),
    updated_at: formatZendeskTime(trigger.updatedAt),
  };
}

/** Webhooks never show their authentication secrets, only the kind and position. */
export function webhookJson(webhook: WebhookRecord): Record<string, unknown> {
  return {
    id: webhook.id,
    name: webhook.name,
    description: webhook.description,
    status: webhook.status,
    subscriptions: [...webhook.subscriptions],
    endpoint: webhook.endpoint,
    http_method: webhook.httpMethod,
    request_format: webhook.requestFormat,
    ...(webhook.authentication
      ? { authentication: { type: webhook.authentication.type, add_position: webhook.authentication.add_position } }
      : {}),
    created_at: formatZendeskTime(webhook.createdAt),
    created_by: String(webhook.createdBy),
    updated_at: formatZendeskTime(webhook.updatedAt),
    updated_by: String(webhook.updatedBy),
  };
}
