/** update_many jobs, app installations and the mail outbox. */
/** One ticket's outcome, in request order. No `index`: with it a result would also match Zendesk's create-result shape. */
export interface JobResult {
  readonly id: number;
  readonly action: 'update';
  readonly success: boolean;
  readonly status?: 'Updated';
  readonly error?: string;
  readonly details?: string;
}

export type JobState = 'queued' | 'working' | 'completed' | 'failed';

export interface JobStatusRecord {
  readonly id: string;
  readonly jobType: 'bulk_update';
  readonly total: number;
  readonly createdAt: number;
  readonly work: readonly TicketUpdateWork[];
  readonly actorId: number;
  status: JobState;
  progress: number;
  /** Null until the job has finished, as Zendesk shows it. */
  results: JobResult[] | null;
  message: string | null;
}

/** One ticket's share of an update_many job: the ticket id and the ticket input to apply. */
export interface TicketUpdateWork {
  readonly ticketId: number;
  readonly input: Record<string, unknown>;
}

export interface InstallationRecord {
  readonly id: number;
  readonly appId: number;
  readonly requirements: RequirementRecord[];
  readonly createdAt: number;
}

export interface RequirementRecord {
  readonly identifier: string;
  readonly requirementId: number | string;
  readonly requirementType: 'ticket_fields' | 'triggers' | 'webhooks';
}

export interface OutboxMail {
  readonly id: number;
  readonly to: string;
  readonly userId: number;
  readonly subject: string;
  readonly body: string;
  readonly ticketId: number;
  readonly triggerId: number;
  readonly at: string;
}
