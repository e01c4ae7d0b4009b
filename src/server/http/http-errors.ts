import type { FieldError } from '../../core/result';

/**
 * The one mapping from errors to HTTP answers: `{ error: { code, message, path? } }` and a status. Nothing below the
 * HTTP layer knows status codes; routes throw `RequestRejected` for what they refuse, and everything unexpected
 * becomes a 500 whose body says nothing of the internals (no stack, no SQL).
 */
export type Rejection =
  | { readonly kind: 'invalid'; readonly code: string; readonly message: string; readonly problems?: readonly FieldError[] }
  /** Well-formed JSON whose content fails validation (a schedule, a policy): 422, each problem with its path. */
  | { readonly kind: 'unprocessable'; readonly code: string; readonly message: string; readonly problems?: readonly FieldError[] }
  | { readonly kind: 'unauthorized'; readonly code: string; readonly message: string }
  | { readonly kind: 'not_found'; readonly code: string; readonly message: string }
  | { readonly kind: 'conflict'; readonly code: string; readonly message: string; readonly path?: string; readonly details?: ConflictDetails };

/** What a client needs to resolve a conflict: the current version, the policies that use a schedule, ... */
export type ConflictDetails = Readonly<Record<string, unknown>>;

export class RequestRejected extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.message);
    this.name = 'RequestRejected';
  }
}

export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly path?: string;
    readonly problems?: readonly FieldError[];
    readonly details?: ConflictDetails;
  };
}

export interface ErrorResponse {
  readonly status: number;
  readonly body: ErrorBody;
  /** True for the 500s: the caller logs those with the error itself. */
  readonly unexpected: boolean;
}

const STATUS_OF_KIND: Record<Rejection['kind'], number> = { invalid: 400, unprocessable: 422, unauthorized: 401, not_found: 404, conflict: 409 };

/** Fastify's own request errors that are the client's fault, by Fastify error code. */
const FASTIFY_CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body_too_large', message: 'Request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', message: 'Unsupported content type' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_json', message: 'Body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_json', message: 'Body is not valid JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_content_length', message: 'Content-Length does not match the body' },
};

export function errorResponse(error: unknown): ErrorResponse {
  if (error instanceof RequestRejected) {
    const { kind, code, message } = error.rejection;
    const problems = error.rejection.kind === 'invalid' || error.rejection.kind === 'unprocessable' ? error.rejection.problems : undefined;
    const details = error.rejection.kind === 'conflict' ? error.rejection.details : undefined;
    const path = error.rejection.kind === 'conflict' ? error.rejection.path : problems?.[0]?.path;
    const body = { code, message, ...(path !== undefined ? { path } : {}), ...(problems ? { problems } : {}), ...(details ? { details } : {}) };
    return { status: STATUS_OF_KIND[kind], body: { error: body }, unexpected: false };
  }
  const fastifyCode = (error as { code?: unknown } | null)?.code;
  const known = typeof fastifyCode === 'string' ? FASTIFY_CLIENT_ERRORS[fastifyCode] : undefined;
  if (known) return { status: known.status, body: { error: { code: known.code, message: known.message } }, unexpected: false };
  // Fastify's JSON parser throws a SyntaxError with statusCode 400 for malformed bodies.
  if (error instanceof SyntaxError && (error as { statusCode?: unknown }).statusCode === 400) {
    return { status: 400, body: { error: { code: 'malformed_json', message: 'Body is not valid JSON' } }, unexpected: false };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'Internal server error' } }, unexpected: true };
}

export const notFoundBody: ErrorBody = { error: { code: 'route_not_found', message: 'No such route' } };

export const rejected = {
  invalid: (code: string, message: string, problems?: readonly FieldError[]) =>
    new RequestRejected({ kind: 'invalid', code, message, ...(problems ? { problems } : {}) }),
  unprocessable: (code: string, message: string, problems?: readonly FieldError[]) =>
    new RequestRejected({ kind: 'unprocessable', code, message, ...(problems ? { problems } : {}) }),
  unauthorized: (code: string, message: string) => new RequestRejected({ kind: 'unauthorized', code, message }),
  notFound: (code: string, message: string) => new RequestRejected({ kind: 'not_found', code, message }),
  conflict: (code: string, message: string, details?: ConflictDetails, path?: string) =>
    new RequestRejected({ kind: 'conflict', code, message, ...(details ? { details } : {}), ...(path !== undefined ? { path } : {}) }),
};
