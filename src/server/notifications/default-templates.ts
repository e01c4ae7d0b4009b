/**
 * The email texts of the triggers in requirements.json, as the defaults of the notification settings (a spec checks
 * they stay equal). `outOfSla` is the agents' text (assignee trigger; the group trigger says the same with the
 * group's name), `outOfSlaRequester` the requester's, `dueSoon` the assignee's. Placeholders are Zendesk's.
 */
export const DEFAULT_TEMPLATES = {
  en: {
    outOfSla: {
      subject: '[Ticket #{{ticket.id}}] Out of SLA: {{ticket.title}}',
      body: 'Ticket #{{ticket.id}} "{{ticket.title}}" has missed an SLA target (priority: {{ticket.priority}}).\n\nTags: {{ticket.tags}}\n\n{{ticket.link}}',
    },
    outOfSlaRequester: {
      subject: '[Ticket #{{ticket.id}}] We are taking longer than promised',
      body: 'Hello {{ticket.requester.first_name}},\n\nyour request "{{ticket.title}}" is taking longer than we promised. We are on it and will reply as soon as we can.\n\n{{ticket.url}}',
    },
    dueSoon: {
      subject: '[Ticket #{{ticket.id}}] SLA due soon: {{ticket.title}}',
      body: 'An SLA target of ticket #{{ticket.id}} "{{ticket.title}}" is due soon (priority: {{ticket.priority}}).\n\n{{ticket.link}}',
    },
  },
} as const;
