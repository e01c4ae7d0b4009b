import type { SlaServerCall } from '../../../sla-server/sla-server-api';
import { isObject, parseList } from '../api/parse-body';

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

export interface PauseAuditView {
  /** The threshold the server applied (it echoes `quickMinutes`). */
  readonly quickMinutes: number;
  readonly agents: readonly AgentPausesView[];
}

/** The pause audit of a period (`from`, `to`), with quick pauses counted within `quickMinutes` of a customer reply. */
export const pauseAuditCall = (query: string, quickMinutes: number): SlaServerCall<PauseAuditView> => ({
  method: 'GET',
  path: `/api/reports/pause-audit?${query}&quickMinutes=${quickMinutes}`,
  parse: (body) => {
    const agents = parseList(body, 'agents', (a) => ({
      assigneeId: typeof a.assigneeId === 'string' ? a.assigneeId : typeof a.assigneeId === 'number' ? String(a.assigneeId) : null,
      pauses: num(a.pauses),
      quickPauses: num(a.quickPauses),
      quickPausesWithoutReply: num(a.quickPausesWithoutReply),
      ticketsPausedRepeatedly: num(a.ticketsPausedRepeatedly),
      pausedMinutes: num(a.pausedMinutes),
    }));
    if (!agents.ok) return agents;
    return { ok: true, value: { quickMinutes: isObject(body) && typeof body.quickMinutes === 'number' ? body.quickMinutes : quickMinutes, agents: agents.value } };
  },
});
