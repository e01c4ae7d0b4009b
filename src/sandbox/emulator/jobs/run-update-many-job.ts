import { DateTime } from 'luxon';
import { ApiError } from '../state/api-error';
import type { EmulatorState } from '../state/emulator-state';
import type { JobResult, JobStatusRecord } from '../state/records';
import { checkSafeUpdate, requireWritableTicket, updateWithPatch } from '../state/ticket-writes';
import { readTicketPatch } from '../state/ticket-patch';
import type { WebhookCall } from '../triggers/run-triggers';

/**
 * Moves an update_many job one step along Zendesk's lifecycle: queued → working → completed. The tickets are
 * written in the second step, each on its own: one ticket's refusal (not found, safe-update conflict, invalid
 * value) becomes a failed result and does not stop the others. Returns the webhook calls the triggers made.
 */
export function stepUpdateManyJob(state: EmulatorState, job: JobStatusRecord, nowMs: number): WebhookCall[] {
  if (job.status === 'queued') {
    job.status = 'working';
    return [];
  }
  if (job.status !== 'working') return [];
  const actor = state.users.get(job.actorId);
  const calls: WebhookCall[] = [];
  const results: JobResult[] = job.work.map(({ ticketId, input }) => {
    try {
      if (!actor) throw new ApiError(403, { error: 'Forbidden', description: 'The job owner no longer exists' });
      const ticket = requireWritableTicket(state, ticketId);
      checkSafeUpdate(ticket, input);
      const result = updateWithPatch({ state, nowMs, actor }, ticket, readTicketPatch(state, input, actor.id));
      calls.push(...result.webhookCalls);
      return { id: ticketId, action: 'update', success: true, status: 'Updated' };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return { id: ticketId, action: 'update', success: false, error: String(error.body.error), details: error.message };
    }
  });
  job.status = 'completed';
  job.progress = job.total;
  job.results = results;
  job.message = `Completed at ${DateTime.fromMillis(nowMs, { zone: 'utc' }).toFormat("yyyy-MM-dd HH:mm:ss '+0000'")}`;
  return calls;
}
