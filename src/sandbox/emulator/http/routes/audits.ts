import type { FastifyInstance } from 'fastify';
import { notFound } from '../../state/api-error';
import type { AuditEvent, AuditRecord } from '../../state/records';
import { idParam, pathUrl, queryOf, type EmulatorRuntime } from '../emulator-runtime';
import { auditJson, commentJson } from '../json/audit-json';
import { paginate } from '../pagination';

/** A ticket's audits and comments, oldest first, with cursor or offset pagination. */
export function registerAuditRoutes(app: FastifyInstance, runtime: EmulatorRuntime): void {
  const auditsOf = (ticketId: number): AuditRecord[] => {
    const audits = runtime.state.tickets.has(ticketId) ? runtime.state.audits.get(ticketId) : undefined;
    if (!audits) throw notFound();
    return audits;
  };

  app.get('/api/v2/tickets/:id/audits', async (request) => {
    const page = paginate(auditsOf(idParam(request)), queryOf(request), pathUrl(runtime, request));
    return { audits: page.items.map(auditJson), ...page.body };
  });

  app.get('/api/v2/tickets/:id/audits/:audit_id', async (request) => {
    const audit = auditsOf(idParam(request)).find((a) => a.id === idParam(request, 'audit_id'));
    if (!audit) throw notFound();
    return { audit: auditJson(audit) };
  });

  app.get('/api/v2/tickets/:id/comments', async (request) => {
    const comments = auditsOf(idParam(request)).flatMap((audit) =>
      audit.events
        .filter((event): event is Extract<AuditEvent, { type: 'Comment' }> => event.type === 'Comment')
        .map((event) => ({ id: event.id, json: commentJson(audit, event) })),
    );
    const page = paginate(comments, queryOf(request), pathUrl(runtime, request));
    return { comments: page.items.map((comment) => comment.json), ...page.body };
  });
}
