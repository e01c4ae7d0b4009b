import type { SlaServerCall } from '../../../sla-server/sla-server-api';
import { parseList } from '../api/parse-body';

/** One agent's row of GET /api/reports/pause-audit (the core's AgentPauses). */
export interface AgentPausesView {
  readonly assigneeId: string | null;
  readonly pauses: number;
  readonly quickPauses: number;
  readonly quickPausesWithoutReply: number;
  readonly ticketsPausedRepeatedly: number;
  readonly pausedMinutes: number;
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

export const pauseAuditCall = (query: string): SlaServerCall<AgentPausesView[]> => ({
  method: 'GET',
  path: `/api/reports/pause-audit?${query}`,
  parse: (body) =>
    parseList(body, 'agents', (a) => ({
      assigneeId: typeof a.assigneeId === 'string' ? a.assigneeId : typeof a.assigneeId === 'number' ? String(a.assigneeId) : null,
      pauses: num(a.pauses),
      quickPauses: num(a.quickPauses),
      quickPausesWithoutReply: num(a.quickPausesWithoutReply),
      ticketsPausedRepeatedly: num(a.ticketsPausedRepeatedly),
      pausedMinutes: num(a.pausedMinutes),
    })),
});
