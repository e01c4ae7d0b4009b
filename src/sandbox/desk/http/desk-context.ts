import { loadDirectory, type DeskDirectory } from '../api/desk-directory';
import { listAll } from '../api/list-all';
import { nextBreachAt } from '../api/next-breach';
import type { ZendeskApi } from '../api/zendesk-api';
import type { TicketJson, UserJson } from '../api/zendesk-json';
import type { HostedApp } from '../host/host-config';
import type { ClockView } from '../pages/clock-control';

/** What every desk route works with. */
export interface DeskContext {
  /** The emulator's API as the signed-in agent. */
  readonly api: ZendeskApi;
  /** The same API as the account's admin, for what only admins may read (triggers). */
  readonly admin: ZendeskApi;
  readonly agent: () => Promise<UserJson>;
  readonly app: HostedApp | null;
  readonly subdomain: string;
  readonly appDistDir: string;
  directory(): Promise<DeskDirectory>;
  tickets(): Promise<TicketJson[]>;
  /** The emulator clock and where "to next breach" would go, given the tickets (loaded if not given). */
  clock(tickets?: readonly TicketJson[], directory?: DeskDirectory): Promise<ClockView>;
}

export function deskContext(input: { api: ZendeskApi; admin: ZendeskApi; app: HostedApp | null; subdomain: string; appDistDir: string }): DeskContext {
  const { api, app } = input;
  let agent: Promise<UserJson> | null = null;
  const directory = () => loadDirectory(api, app?.installationId ?? null);
  const tickets = () => listAll<TicketJson>(api, '/tickets', 'tickets');
  return {
    ...input,
    agent: () => (agent ??= api.get<{ user: UserJson }>('/users/me').then(({ user }) => user)).catch((error: unknown) => {
      agent = null;
      throw error;
    }),
    directory,
    tickets,
    clock: async (known, knownDirectory) => {
      const [{ now }, list, dir] = await Promise.all([
        api.get<{ now: string }>('/__sandbox/clock'),
        known ?? tickets(),
        knownDirectory ?? directory(),
      ]);
      return { now, nextBreachAt: nextBreachAt(list, dir.sla, Date.parse(now)) };
    },
  };
}
