/**
 * requirements.json, checked as zendesk_apps_support's validations/requirements.rb does (PLATFORM.md §2.2), plus
 * checks of our own that Zendesk would only catch at install time (field types, dropdown options, tag reuse,
 * webhook references from triggers).
 */
import { error, isObject, warning, type Problem } from './problem';

const FILE = 'requirements.json';
const TYPES = ['automations', 'channel_integrations', 'custom_objects', 'macros', 'targets', 'views', 'ticket_fields', 'triggers', 'user_fields', 'organization_fields', 'webhooks', 'custom_objects_v2'];
const NO_TITLE = ['channel_integrations', 'custom_objects', 'webhooks', 'custom_objects_v2'];
const REQUIRED_KEYS: Readonly<Record<string, readonly string[]>> = {
  user_fields: ['key'],
  organization_fields: ['key'],
  webhooks: ['name', 'status', 'endpoint', 'http_method', 'request_format'],
  channel_integrations: ['manifest_url'],
};
const MAX_REQUIREMENTS = 5000;
const MAX_CUSTOM_OBJECTS = 50;
const FIELD_TYPES = ['text', 'textarea', 'checkbox', 'date', 'integer', 'decimal', 'regexp', 'partialcreditcard', 'multiselect', 'tagger', 'lookup'];

export function validateRequirements(requirements: unknown): Problem[] {
  if (!isObject(requirements)) return [error(FILE, '', 'must be a JSON object of resource types')];
  const problems: Problem[] = [];
  let total = 0;
  for (const [type, entries] of Object.entries(requirements)) {
    if (!TYPES.includes(type)) {
      problems.push(error(FILE, type, `is not a requirement type (${TYPES.join(', ')})`));
      continue;
    }
    if (!isObject(entries)) {
      problems.push(error(FILE, type, 'must map identifiers to resources'));
      continue;
    }
    total += Object.keys(entries).length;
    problems.push(...typeProblems(type, entries));
  }
  if (total > MAX_REQUIREMENTS) problems.push(error(FILE, '', `has ${total} requirements; at most ${MAX_REQUIREMENTS}`));
  problems.push(...webhookReferenceProblems(requirements));
  problems.push(...tagReuseProblems(requirements.ticket_fields));
  return problems;
}

function typeProblems(type: string, entries: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const count = Object.keys(entries).length;
  if (type === 'custom_objects' && count > MAX_CUSTOM_OBJECTS) problems.push(error(FILE, type, `at most ${MAX_CUSTOM_OBJECTS}`));
  if (type === 'channel_integrations' && count > 1) problems.push(error(FILE, type, 'at most one channel integration'));
  for (const [identifier, resource] of Object.entries(entries)) {
    const at = `${type}.${identifier}`;
    if (!isObject(resource)) {
      problems.push(error(FILE, at, 'must be an object (the resource as the API creates it)'));
      continue;
    }
    const required = [...(NO_TITLE.includes(type) ? [] : ['title']), ...(REQUIRED_KEYS[type] ?? [])];
    for (const key of required) {
      if (resource[key] === undefined || resource[key] === '') problems.push(error(FILE, `${at}.${key}`, 'is required'));
    }
    if (type === 'targets' && ['http_target', 'url_target_v2'].includes(String(resource.type))) {
      problems.push(error(FILE, `${at}.type`, `${String(resource.type)} targets are not allowed; use a webhook`));
    }
    if (type === 'ticket_fields') problems.push(...ticketFieldProblems(at, resource));
  }
  return problems;
}

function ticketFieldProblems(at: string, field: Record<string, unknown>): Problem[] {
  const type = field.type ?? 'text';
  if (typeof type !== 'string' || !FIELD_TYPES.includes(type)) {
    return [error(FILE, `${at}.type`, `must be one of ${FIELD_TYPES.join(', ')}`)];
  }
  if (type !== 'tagger' && type !== 'multiselect') return [];
  const options = field.custom_field_options;
  if (!Array.isArray(options) || options.length === 0) {
    return [error(FILE, `${at}.custom_field_options`, `a ${type} field needs options`)];
  }
  return options.flatMap((option: unknown, index) =>
    isObject(option) && typeof option.name === 'string' && typeof option.value === 'string' && option.value !== ''
      ? []
      : [error(FILE, `${at}.custom_field_options[${index}]`, 'needs a name and a tag (value)')],
  );
}

/**
 * A trigger's `notification_webhook` must name an existing webhook: Zendesk refuses the trigger otherwise, and a
 * refused requirement fails the whole install. Whether Zendesk turns a requirement identifier of this file into the
 * created webhook's id is unconfirmed (PLATFORM.md §2.2), so naming one is a warning too: create such a trigger
 * from the server once the webhook exists.
 */
function webhookReferenceProblems(requirements: Record<string, unknown>): Problem[] {
  const webhooks = isObject(requirements.webhooks) ? Object.keys(requirements.webhooks) : [];
  const problems: Problem[] = [];
  for (const type of ['triggers', 'automations']) {
    const entries = requirements[type];
    if (!isObject(entries)) continue;
    for (const [identifier, rule] of Object.entries(entries)) {
      const actions = isObject(rule) && Array.isArray(rule.actions) ? (rule.actions as unknown[]) : [];
      actions.forEach((action, index) => {
        if (!isObject(action) || action.field !== 'notification_webhook') return;
        const target = Array.isArray(action.value) ? action.value[0] : undefined;
        const at = `${type}.${identifier}.actions[${index}].value[0]`;
        if (typeof target === 'string' && webhooks.includes(target)) {
          problems.push(warning(FILE, at, `names webhook "${target}" by requirement identifier, which Zendesk may not resolve: create this ${type === 'triggers' ? 'trigger' : 'automation'} from the server`));
        } else if (typeof target !== 'string' || !/^[0-9A-Z]+$/.test(target)) {
          problems.push(warning(FILE, at, 'names no webhook of this file'));
        }
      });
    }
  }
  return problems;
}

/** Zendesk refuses a tag used by two fields' options. */
function tagReuseProblems(ticketFields: unknown): Problem[] {
  if (!isObject(ticketFields)) return [];
  const owner = new Map<string, string>();
  const problems: Problem[] = [];
  for (const [identifier, field] of Object.entries(ticketFields)) {
    const options = isObject(field) && Array.isArray(field.custom_field_options) ? (field.custom_field_options as unknown[]) : [];
    const tags = [...options.map((o) => (isObject(o) ? o.value : undefined)), isObject(field) ? field.tag : undefined];
    for (const tag of tags) {
      if (typeof tag !== 'string' || tag === '') continue;
      const first = owner.get(tag);
      if (first && first !== identifier) problems.push(error(FILE, `ticket_fields.${identifier}`, `tag "${tag}" is already used by ${first}`));
      else owner.set(tag, identifier);
    }
  }
  return problems;
}
