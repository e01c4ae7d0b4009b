import type { WritebackDesired } from '../store/sla-store';
import {
  auditPageSchema,
  incrementalPageSchema,
  jobStatusSchema,
  parseZendesk,
  requirementSchema,
  ticketFieldSchema,
  triggerSchema,
  webhookSchema,
  zendeskAuditSchema,
  zendeskTicketSchema,
  zendeskUserSchema,
  type JobStatus,
  type ZendeskAudit,
  type ZendeskTicket,
  type ZendeskTrigger,
  type ZendeskUser,
} from './zendesk-json';
import { zendeskRequest, type HttpMethod, type ZendeskHttpOptions } from './zendesk-http';
import { isZendeskError } from './zendesk-errors';
import { z } from 'zod';

/** Zendesk's largest cursor page: fewer calls for a long history. */
const PAGE_SIZE = 100;
/** users/show_many takes at most 100 ids. */
const SHOW_MANY_LIMIT = 100;

export interface TicketWrite {
  readonly ticketId: string;
  readonly desired: WritebackDesired;
}

/**
 * The Zendesk calls the server makes, typed, one method each. Failures are `ZendeskError`s (see zendesk-errors.ts);
 * the workers decide what to retry. Nothing here sleeps or retries by itself: a worker holding a ticket's lease
 * should hand the ticket back rather than wait out a rate limit.
 */
export class ZendeskClient {
  constructor(private readonly http: ZendeskHttpOptions) {}

  private call<T>(method: HttpMethod, path: string, body?: unknown): Promise<T> {
    return zendeskRequest<T>(this.http, method, path, body);
  }

  async getTicket(ticketId: string): Promise<ZendeskTicket> {
    const body = await this.call<{ ticket: unknown }>('GET', `/api/v2/tickets/${ticketId}.json`);
    return parseZendesk(zendeskTicketSchema, body?.ticket, `GET ticket ${ticketId}`);
  }

  /** Every audit of the ticket, oldest first (cursor pagination). */
  async listAudits(ticketId: string): Promise<ZendeskAudit[]> {
    const audits: ZendeskAudit[] = [];
    let cursor: string | null = null;
    for (;;) {
      const after: string = cursor === null ? '' : `&page[after]=${encodeURIComponent(cursor)}`;
      const body = await this.call<unknown>('GET', `/api/v2/tickets/${ticketId}/audits.json?page[size]=${PAGE_SIZE}${after}`);
      const page = parseZendesk(auditPageSchema, body, `GET audits of ticket ${ticketId}`);
      audits.push(...page.audits);
      if (!page.meta?.has_more || !page.meta.after_cursor) return audits;
      cursor = page.meta.after_cursor;
    }
  }

  /** Tickets by id, up to 100 a call; deleted or unknown ids are left out. */
  showTickets(ticketIds: readonly string[]): Promise<ZendeskTicket[]> {
    return this.showMany('tickets', ticketIds, zendeskTicketSchema);
  }

  showUsers(userIds: readonly string[]): Promise<ZendeskUser[]> {
    return this.showMany('users', userIds, zendeskUserSchema);
  }

  /** GET /api/v2/<resource>/show_many, 100 ids a call. */
  private async showMany<T>(resource: 'tickets' | 'users', ids: readonly string[], schema: z.ZodType<T>): Promise<T[]> {
    const found: T[] = [];
    for (let i = 0; i < ids.length; i += SHOW_MANY_LIMIT) {
      const page = ids.slice(i, i + SHOW_MANY_LIMIT).join(',');
      const body = await this.call<Record<string, unknown>>('GET', `/api/v2/${resource}/show_many.json?ids=${page}`);
      found.push(...parseZendesk(z.array(schema), body?.[resource], `GET ${resource}/show_many`));
    }
    return found;
  }

  /** The user the server calls Zendesk as (an admin), with its locale: the language its emails default to. */
  async getCurrentUser(): Promise<ZendeskUser & { locale: string | null }> {
    const body = await this.call<{ user: unknown }>('GET', '/api/v2/users/me.json');
    return parseZendesk(zendeskUserSchema.extend({ locale: z.string().nullable().optional().transform((v) => v ?? null) }), body?.user, 'GET users/me');
  }

  /** One user with the group new tickets of theirs go to (null when Zendesk names none). */
  async getUser(userId: string): Promise<ZendeskUser & { defaultGroupId: string | null }> {
    const body = await this.call<{ user: unknown }>('GET', `/api/v2/users/${userId}.json`);
    const user = parseZendesk(zendeskUserSchema.extend({ default_group_id: z.union([z.string(), z.number()]).nullable().optional() }), body?.user, `GET user ${userId}`);
    return { id: user.id, email: user.email, role: user.role, defaultGroupId: user.default_group_id == null ? null : String(user.default_group_id) };
  }

  /** The users whose email is exactly `email` (Zendesk's search also matches partly; those are left out). */
  async findUsersByEmail(email: string): Promise<ZendeskUser[]> {
    const body = await this.call<{ users: unknown }>('GET', `/api/v2/users/search.json?query=${encodeURIComponent(`email:${email}`)}`);
    const users = parseZendesk(z.array(zendeskUserSchema), body?.users, 'GET users/search');
    return users.filter((user) => user.email?.toLowerCase() === email.toLowerCase());
  }

  async createUser(user: { name: string; email: string; role: 'end-user'; verified: boolean }): Promise<ZendeskUser> {
    const body = await this.call<{ user: unknown }>('POST', '/api/v2/users.json', { user });
    return parseZendesk(zendeskUserSchema, body?.user, 'POST user');
  }

  /**
   * Our fields and tag changes only, never a whole ticket: an agent's concurrent edit of anything else survives.
   * With `updatedStamp`, a safe update: Zendesk answers 409 if the ticket changed since.
   */
  async updateTicket(write: TicketWrite): Promise<{ ticket: ZendeskTicket; audit: ZendeskAudit | null }> {
    const body = await this.call<{ ticket: unknown; audit?: unknown }>('PUT', `/api/v2/tickets/${write.ticketId}.json`, { ticket: ticketPatchOf(write.desired) });
    return {
      ticket: parseZendesk(zendeskTicketSchema, body?.ticket, `PUT ticket ${write.ticketId}`),
      // Zendesk answers with the audit the write made (triggers' changes included); none when nothing changed.
      audit: body?.audit === undefined ? null : parseZendesk(zendeskAuditSchema, body.audit, `PUT ticket ${write.ticketId} (audit)`),
    };
  }

  /** A new ticket, with the audit its creation made (the triggers' changes and notifications included). */
  async createTicket(ticket: Record<string, unknown>): Promise<{ ticket: ZendeskTicket; audit: ZendeskAudit | null }> {
    const body = await this.call<{ ticket: unknown; audit?: unknown }>('POST', '/api/v2/tickets.json', { ticket });
    return {
      ticket: parseZendesk(zendeskTicketSchema, body?.ticket, 'POST ticket'),
      audit: body?.audit === undefined ? null : parseZendesk(zendeskAuditSchema, body.audit, 'POST ticket (audit)'),
    };
  }

  /** Moves the ticket to Zendesk's deleted tickets: gone from views, search and the API (404 from then on). */
  async deleteTicket(ticketId: string): Promise<void> {
    await this.call('DELETE', `/api/v2/tickets/${ticketId}.json`);
  }

  /** Up to 100 tickets in one background job (one call against the update budget). */
  async updateMany(writes: readonly TicketWrite[]): Promise<JobStatus> {
    const tickets = writes.map((w) => ({ id: Number(w.ticketId), ...ticketPatchOf(w.desired) }));
    const body = await this.call<{ job_status: unknown }>('PUT', '/api/v2/tickets/update_many.json', { tickets });
    return parseZendesk(jobStatusSchema, body?.job_status, 'PUT tickets/update_many');
  }

  async getJobStatus(jobId: string): Promise<JobStatus> {
    const body = await this.call<{ job_status: unknown }>('GET', `/api/v2/job_statuses/${encodeURIComponent(jobId)}.json`);
    return parseZendesk(jobStatusSchema, body?.job_status, `GET job status ${jobId}`);
  }

  /** One page of the cursor-based incremental ticket export (from `startTime`, epoch seconds, when no cursor). */
  async exportTickets(position: { cursor: string } | { startTime: number }) {
    const query = 'cursor' in position ? `cursor=${encodeURIComponent(position.cursor)}` : `start_time=${position.startTime}`;
    const body = await this.call<unknown>('GET', `/api/v2/incremental/tickets/cursor.json?${query}`);
    return parseZendesk(incrementalPageSchema, body, 'GET incremental/tickets/cursor');
  }

  async listRequirements(installationId: string) {
    const body = await this.call<{ requirements: unknown }>('GET', `/api/v2/apps/installations/${installationId}/requirements.json`);
    return parseZendesk(z.array(requirementSchema), body?.requirements, 'GET installation requirements');
  }

  async getTicketField(fieldId: string) {
    const body = await this.call<{ ticket_field: unknown }>('GET', `/api/v2/ticket_fields/${fieldId}.json`);
    return parseZendesk(ticketFieldSchema, body?.ticket_field, `GET ticket field ${fieldId}`);
  }

  async createTicketField(field: Record<string, unknown>) {
    const body = await this.call<{ ticket_field: unknown }>('POST', '/api/v2/ticket_fields.json', { ticket_field: field });
    return parseZendesk(ticketFieldSchema, body?.ticket_field, 'POST ticket field');
  }

  async getWebhook(webhookId: string) {
    const body = await this.call<{ webhook: unknown }>('GET', `/api/v2/webhooks/${webhookId}`);
    return parseZendesk(webhookSchema, body?.webhook, `GET webhook ${webhookId}`);
  }

  async createWebhook(webhook: Record<string, unknown>) {
    const body = await this.call<{ webhook: unknown }>('POST', '/api/v2/webhooks', { webhook });
    return parseZendesk(webhookSchema, body?.webhook, 'POST webhook');
  }

  async patchWebhook(webhookId: string, changes: Record<string, unknown>): Promise<void> {
    await this.call('PATCH', `/api/v2/webhooks/${webhookId}`, { webhook: changes });
  }

  async getSigningSecret(webhookId: string): Promise<string> {
    const body = await this.call<unknown>('GET', `/api/v2/webhooks/${webhookId}/signing_secret`);
    return parseZendesk(z.object({ signing_secret: z.object({ secret: z.string() }) }), body, 'GET webhook signing secret').signing_secret.secret;
  }

  async listTriggers(): Promise<ZendeskTrigger[]> {
    const triggers: ZendeskTrigger[] = [];
    let path: string | null = '/api/v2/triggers.json?per_page=100';
    while (path !== null) {
      const body: unknown = await this.call<unknown>('GET', path);
      const page = parseZendesk(z.object({ triggers: z.array(triggerSchema), next_page: z.string().nullable().optional() }), body, 'GET triggers');
      triggers.push(...page.triggers);
      path = page.next_page ? new URL(page.next_page).pathname + new URL(page.next_page).search : null;
    }
    return triggers;
  }

  async getTrigger(triggerId: string): Promise<ZendeskTrigger> {
    const body = await this.call<{ trigger: unknown }>('GET', `/api/v2/triggers/${triggerId}.json`);
    return parseZendesk(triggerSchema, body?.trigger, `GET trigger ${triggerId}`);
  }

  async createTrigger(trigger: Record<string, unknown>): Promise<ZendeskTrigger> {
    const body = await this.call<{ trigger: unknown }>('POST', '/api/v2/triggers.json', { trigger });
    return parseZendesk(triggerSchema, body?.trigger, 'POST trigger');
  }

  async updateTrigger(triggerId: string, trigger: Record<string, unknown>): Promise<ZendeskTrigger> {
    const body = await this.call<{ trigger: unknown }>('PUT', `/api/v2/triggers/${triggerId}.json`, { trigger });
    return parseZendesk(triggerSchema, body?.trigger, `PUT trigger ${triggerId}`);
  }

  /** Deletes a trigger; one already gone counts as deleted. */
  async deleteTrigger(triggerId: string): Promise<void> {
    try {
      await this.call('DELETE', `/api/v2/triggers/${triggerId}.json`);
    } catch (error) {
      if (!isZendeskError(error, 'not_found')) throw error;
    }
  }
}

function ticketPatchOf(desired: WritebackDesired): Record<string, unknown> {
  return {
    custom_fields: Object.entries(desired.customFields).map(([fieldId, value]) => ({ id: Number(fieldId), value })),
    ...(desired.addTags.length + (desired.onceTags?.length ?? 0) > 0 ? { additional_tags: [...desired.addTags, ...(desired.onceTags ?? [])] } : {}),
    ...(desired.removeTags.length > 0 ? { remove_tags: desired.removeTags } : {}),
    ...(desired.updatedStamp ? { safe_update: true, updated_stamp: desired.updatedStamp } : {}),
  };
}
