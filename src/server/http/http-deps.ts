import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { ServerConfig } from '../config';
import type { SlaStore } from '../store/sla-store';

/** What the HTTP server, the jobs and the tests all receive (DESIGN: a plain object, no DI container). */
export interface HttpDeps {
  readonly config: ServerConfig;
  readonly store: SlaStore;
  readonly clock: Clock;
  readonly log: Logger;
}
