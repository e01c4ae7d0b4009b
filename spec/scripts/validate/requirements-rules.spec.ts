import type { Problem } from '../../../scripts/validate/problem';
import { validateRequirements } from '../../../scripts/validate/requirements-rules';

const lines = (problems: Problem[]) => problems.map((p) => `${p.severity} ${p.path}: ${p.message}`);
const webhook = { name: 'Hook', status: 'active', endpoint: 'https://example.com/hook', http_method: 'POST', request_format: 'json' };

describe('validateRequirements', () => {
  it('accepts fields, a webhook and a trigger that calls an existing webhook by id', () => {
    const problems = validateRequirements({
      ticket_fields: {
        due: { type: 'text', title: 'Due at' },
        status: { type: 'tagger', title: 'Status', custom_field_options: [{ name: 'On track', value: 'status_on_track' }] },
      },
      webhooks: { server: webhook },
      triggers: { notify: { title: 'Notify', actions: [{ field: 'notification_webhook', value: ['01GZ7XQ3C5WD', '{}'] }] } },
    });
    expect(problems).toEqual([]);
  });

  it.each([
    ['an unknown resource type', { dashboards: {} }, 'error dashboards: is not a requirement type (automations, channel_integrations, custom_objects, macros, targets, views, ticket_fields, triggers, user_fields, organization_fields, webhooks, custom_objects_v2)'],
    ['a field without title', { ticket_fields: { due: { type: 'text' } } }, 'error ticket_fields.due.title: is required'],
    ['a user field without key', { user_fields: { tier: { type: 'text', title: 'Tier' } } }, 'error user_fields.tier.key: is required'],
    ['a webhook without endpoint', { webhooks: { server: { ...webhook, endpoint: undefined } } }, 'error webhooks.server.endpoint: is required'],
    ['an http target', { targets: { old: { title: 'Old', type: 'http_target' } } }, 'error targets.old.type: http_target targets are not allowed; use a webhook'],
    ['two channel integrations', { channel_integrations: { a: { manifest_url: 'https://a' }, b: { manifest_url: 'https://b' } } }, 'error channel_integrations: at most one channel integration'],
    ['an unknown field type', { ticket_fields: { due: { type: 'datetime', title: 'Due' } } }, 'error ticket_fields.due.type: must be one of text, textarea, checkbox, date, integer, decimal, regexp, partialcreditcard, multiselect, tagger, lookup'],
    ['a dropdown without options', { ticket_fields: { s: { type: 'tagger', title: 'S' } } }, 'error ticket_fields.s.custom_field_options: a tagger field needs options'],
    ['an option without tag', { ticket_fields: { s: { type: 'tagger', title: 'S', custom_field_options: [{ name: 'A' }] } } }, 'error ticket_fields.s.custom_field_options[0]: needs a name and a tag (value)'],
    ['a tag used by two fields', { ticket_fields: { a: { type: 'checkbox', title: 'A', tag: 'x' }, b: { type: 'checkbox', title: 'B', tag: 'x' } } }, 'error ticket_fields.b: tag "x" is already used by a'],
    ['a trigger naming a missing webhook', { triggers: { t: { title: 'T', actions: [{ field: 'notification_webhook', value: ['nope', '{}'] }] } } }, 'warning triggers.t.actions[0].value[0]: names no webhook of this file'],
    ['a trigger naming a webhook of the file by identifier', { webhooks: { server: webhook }, triggers: { t: { title: 'T', actions: [{ field: 'notification_webhook', value: ['server', '{}'] }] } } }, 'warning triggers.t.actions[0].value[0]: names webhook "server" by requirement identifier, which Zendesk may not resolve: create this trigger from the server'],
  ])('reports %s', (_case, requirements, expected) => {
    expect(lines(validateRequirements(requirements))).toContain(expected);
  });

  it('counts requirements across types against the limit of 5000', () => {
    const fields = Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [`f${i}`, { type: 'text', title: `F${i}` }]));
    expect(lines(validateRequirements({ ticket_fields: fields }))).toEqual(['error : has 5001 requirements; at most 5000']);
  });
});
