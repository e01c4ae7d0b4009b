import { badRequest } from './api-error';
import type { EmulatorState } from './emulator-state';
import type { TicketRecord } from './records';

/** Zendesk leaves out the most recent minute so that tickets still being written are not half-exported. */
export const EXPORT_LAG_MS = 60_000;

/** A ticket as the export lists it: deleted ones too, stamped with their deletion time. */
export interface ExportedTicket {
  readonly ticket: TicketRecord;
  readonly updatedAt: number;
  readonly deleted: boolean;
}

export interface ExportPage {
  readonly tickets: ExportedTicket[];
  readonly afterCursor: string;
  readonly endOfStream: boolean;
}

interface ExportPosition {
  /** updated_at of the last exported ticket, epoch ms. */
  readonly updatedAt: number;
  readonly id: number;
}

/**
 * Cursor-based incremental ticket export: tickets whose updated_at is at or after the start, in (updated_at, id)
 * order, excluding the last minute. A ticket updated again after it was exported comes again, later in the
 * stream. `start_time` is epoch seconds and must be at least a minute old; the cursor resumes after the last
 * ticket returned, and stays valid at end of stream so a client can poll again later.
 */
export function exportTickets(
  state: EmulatorState,
  query: { readonly startTime?: string; readonly cursor?: string; readonly perPage: number },
  nowMs: number,
): ExportPage {
  const from = query.cursor !== undefined ? decodeCursor(query.cursor) : startPosition(query.startTime, nowMs);
  const horizon = nowMs - EXPORT_LAG_MS;
  const live = [...state.tickets.values()].map((ticket) => ({ ticket, updatedAt: ticket.updatedAt, deleted: false }));
  const deleted = [...state.deletedTickets.values()].map(({ ticket, deletedAt }) => ({ ticket, updatedAt: deletedAt, deleted: true }));
  const candidates = [...live, ...deleted]
    .filter((entry) => entry.updatedAt < horizon && isAfter({ updatedAt: entry.updatedAt, id: entry.ticket.id }, from))
    .sort((a, b) => a.updatedAt - b.updatedAt || a.ticket.id - b.ticket.id);
  const tickets = candidates.slice(0, query.perPage);
  const last = tickets.at(-1);
  const position = last ? { updatedAt: last.updatedAt, id: last.ticket.id } : from;
  return { tickets, afterCursor: encodeCursor(position), endOfStream: candidates.length <= query.perPage };
}

function isAfter(ticket: ExportPosition, from: ExportPosition): boolean {
  return ticket.updatedAt > from.updatedAt || (ticket.updatedAt === from.updatedAt && ticket.id > from.id);
}

function startPosition(raw: string | undefined, nowMs: number): ExportPosition {
  if (raw === undefined || !/^\d+$/.test(raw)) {
    throw badRequest('InvalidValue', 'start_time or cursor is required; start_time is epoch seconds');
  }
  const startMs = Number(raw) * 1000;
  if (startMs > nowMs - EXPORT_LAG_MS) {
    throw badRequest('InvalidValue', 'Too recent start_time. Use a start_time older than 1 minute');
  }
  // "At or after start_time": the position just before that millisecond, so every ticket at the instant is included.
  return { updatedAt: startMs - 1, id: Number.MAX_SAFE_INTEGER };
}

function encodeCursor(position: ExportPosition): string {
  return Buffer.from(JSON.stringify([position.updatedAt, position.id])).toString('base64url');
}

function decodeCursor(cursor: string): ExportPosition {
  try {
    const [updatedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof updatedAt === 'number' && typeof id === 'number') return { updatedAt, id };
  } catch {
    // fall through to the error below: a cursor we did not issue
  }
  throw badRequest('InvalidCursor', 'The cursor is invalid');
}
