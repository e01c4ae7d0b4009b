/**
 * What the UI knows about something it loads: each state carries only what is true in it (STYLE §6.5), so there is
 * no "ready with an error" and no "loading with stale data" by accident.
 */
export type LoadState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: AppError }
  | { readonly status: 'ready'; readonly value: T };

/**
 * Why a call to our server failed, in terms the UI can word (translations/ `error.*`):
 * - `unreachable`: no answer from our server itself (no HTTP response, or a 502/503/504 from the proxy in front);
 * - `http`: our server, or Zendesk's proxy in front of it, answered with a non-2xx status;
 * - `invalid_response`: a 2xx whose body is not what the call expects.
 */
export type AppError =
  | { readonly kind: 'unreachable'; readonly detail: string }
  | { readonly kind: 'http'; readonly status: number; readonly code?: string }
  | { readonly kind: 'invalid_response'; readonly detail: string };

/** The outcome of one call, ready to become a LoadState (`loadStateOf`). */
export type CallResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export const loadStateOf = <T>(result: CallResult<T>): LoadState<T> =>
  result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error };
