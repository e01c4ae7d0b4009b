/**
 * Faults injected into the next N API requests, optionally only those matching a method and a path pattern:
 * an error status (429 with Retry-After, 500, 503) or a slow answer (real milliseconds, so a client's own timeout
 * can be tested).
 */
export type RequestFault =
  | { readonly kind: 'status'; readonly status: 429 | 500 | 503; readonly retryAfterSeconds?: number }
  | { readonly kind: 'delay'; readonly delayMs: number };

export interface RequestFaultRule {
  readonly fault: RequestFault;
  readonly count: number;
  readonly method?: string;
  /** A regular expression matched against the path without query, e.g. "^/api/v2/tickets/\\d+$". */
  readonly path?: string;
}

export interface RequestFaults {
  add(rule: RequestFaultRule): void;
  /** The fault for this request, if a rule matches; consumes one of that rule's count. */
  take(method: string, path: string): RequestFault | undefined;
  pending(): readonly RequestFaultRule[];
  reset(): void;
}

export function createRequestFaults(): RequestFaults {
  let rules: { rule: RequestFaultRule; left: number; pattern: RegExp | undefined }[] = [];
  return {
    add: (rule) => {
      rules.push({ rule, left: rule.count, pattern: rule.path === undefined ? undefined : new RegExp(rule.path) });
    },
    take: (method, path) => {
      const match = rules.find(
        (entry) =>
          entry.left > 0 &&
          (entry.rule.method === undefined || entry.rule.method.toUpperCase() === method.toUpperCase()) &&
          (entry.pattern === undefined || entry.pattern.test(path)),
      );
      if (!match) return undefined;
      match.left -= 1;
      rules = rules.filter((entry) => entry.left > 0);
      return match.rule.fault;
    },
    pending: () => rules.map((entry) => ({ ...entry.rule, count: entry.left })),
    reset: () => {
      rules = [];
    },
  };
}
