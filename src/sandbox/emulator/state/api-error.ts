/**
 * An error the emulator answers with, in Zendesk's own shapes. State functions throw it; the HTTP layer's single
 * error handler turns it into the response, so no state code knows about fastify.
 */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.description === 'string' ? body.description : String(body.error));
  }
}

/** One entry of a RecordInvalid `details` list, as Zendesk writes it. */
export interface FieldErrorDetail {
  readonly description: string;
  readonly error: string;
  readonly field_key?: number;
}

export const notFound = (): ApiError => new ApiError(404, { error: 'RecordNotFound', description: 'Not found' });

export const invalidEndpoint = (): ApiError =>
  new ApiError(404, { error: 'InvalidEndpoint', description: 'Not found' });

export const recordInvalid = (details: Record<string, FieldErrorDetail[]>): ApiError =>
  new ApiError(422, { error: 'RecordInvalid', description: 'Record validation errors', details });

export const badRequest = (error: string, description: string): ApiError => new ApiError(400, { error, description });

export const unauthenticated = (): ApiError => new ApiError(401, { error: "Couldn't authenticate you" });

export const forbidden = (): ApiError =>
  new ApiError(403, {
    error: 'Forbidden',
    description: 'You do not have access to this page. Please contact the account owner of this help desk for further help.',
  });

export const updateConflict = (): ApiError =>
  new ApiError(409, {
    error: 'UpdateConflict',
    description:
      'Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.',
  });

export const tooManyRequests = (
  retryAfterSeconds: number,
  description: string,
  headers: Record<string, string> = {},
): ApiError => new ApiError(429, { error: 'APIRateLimitExceeded', description }, { ...headers, 'retry-after': String(retryAfterSeconds) });
