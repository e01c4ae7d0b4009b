import { z } from 'zod';

/**
 * The parts of Zendesk's JSON the server reads (shapes from support-api-oas.yaml), checked at the edge so that a
 * surprise from Zendesk fails one ticket with a clear message instead of writing nonsense. Unknown properties
 * are ignored; ids may be numbers or strings and become strings.
 */
const id = z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(String);
const nullableId = id.nullable().optional().transform((v) => v ?? null);

const customFieldValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);

export const zendeskTicketSchema = z.object({
  id,
  status: z.enum(['new', 'open', 'pending', 'hold', 'solved', 'closed', 'deleted']),
  priority: z.enum(['low', 'normal', 'high', 'urgent']).nullable().optional().transform((v) => v ?? null),
  type: z.enum(['question', 'incident', 'problem', 'task']).nullable().optional().transform((v) => v ?? null),
  group_id: nullableId,
  assignee_id: nullableId,
  requester_id: nullableId,
  organization_id: nullableId,
  brand_id: nullableId,
  ticket_form_id: nullableId,
  tags: z.array(z.string()).default([]),
  via: z.object({ channel: z.union([z.string(), z.number()]).transform(String) }).partial().nullable().optional(),
  custom_fields: z.array(z.object({ id, value: customFieldValue.optional().transform((v) => v ?? null) })).default([]),
  created_at: z.string(),
  updated_at: z.string(),
});
export type ZendeskTicket = z.infer<typeof zendeskTicketSchema>;

const auditEventSchema = z
  .object({
    id,
    type: z.string(),
    field_name: z.union([z.string(), z.number()]).transform(String).optional(),
    value: z.unknown().optional(),
    previous_value: z.unknown().optional(),
    public: z.boolean().optional(),
    author_id: nullableId,
  })
  .passthrough();
export type ZendeskAuditEvent = z.infer<typeof auditEventSchema>;

export const zendeskAuditSchema = z.object({
  id,
  ticket_id: id,
  created_at: z.string(),
  author_id: nullableId,
  via: z.object({ channel: z.union([z.string(), z.number()]).transform(String) }).partial().nullable().optional(),
  events: z.array(auditEventSchema),
});
export type ZendeskAudit = z.infer<typeof zendeskAuditSchema>;

export const auditPageSchema = z.object({
  audits: z.array(zendeskAuditSchema),
  meta: z.object({ has_more: z.boolean(), after_cursor: z.string().nullable().optional() }).optional(),
});

export const zendeskUserSchema = z.object({
  id,
  email: z.string().nullable().optional().transform((v) => v ?? null),
  role: z.string(),
});
export type ZendeskUser = z.infer<typeof zendeskUserSchema>;

export const jobStatusSchema = z.object({
  id: z.string(),
  status: z.string(),
  results: z
    .array(z.object({ id: id.optional(), status: z.string().optional(), success: z.boolean().optional(), error: z.string().optional(), details: z.string().optional() }).passthrough())
    .nullable()
    .optional(),
});
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const incrementalPageSchema = z.object({
  tickets: z.array(z.object({ id, updated_at: z.string(), status: z.string() }).passthrough()),
  after_cursor: z.string().nullable(),
  end_of_stream: z.boolean(),
});

/** Webhook ids are strings (`01GFXH...`), the other requirement ids numbers. */
export const requirementSchema = z.object({ identifier: z.string(), requirement_id: z.union([z.number(), z.string()]).transform(String), requirement_type: z.string() });

export const ticketFieldSchema = z.object({ id, type: z.string(), title: z.string(), active: z.boolean().optional() }).passthrough();

export const triggerSchema = z
  .object({ id, title: z.string(), active: z.boolean(), conditions: z.unknown(), actions: z.array(z.object({ field: z.string(), value: z.unknown() })) })
  .passthrough();
export type ZendeskTrigger = z.infer<typeof triggerSchema>;

export const webhookSchema = z.object({ id: z.string(), endpoint: z.string(), status: z.string(), name: z.string() }).passthrough();

/** Parses with a message that names the call, so a log line says which answer was unexpected. */
export function parseZendesk<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`Unexpected Zendesk answer to ${what}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
}
