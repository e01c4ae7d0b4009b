/** The server's only source of "now" (epoch milliseconds); tests and the sandbox pass their own. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
