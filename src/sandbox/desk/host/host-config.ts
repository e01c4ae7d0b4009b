import { DateTime } from 'luxon';
import type { ZafLocation } from '../../../app/zaf/zaf-client';
import type { DeskDirectory } from '../api/desk-directory';
import type { TicketJson, UserJson } from '../api/zendesk-json';
import type { HostPageConfig } from '../zaf-host/host-page-entry';
import type { HostTicket, HostUser } from '../zaf-host/host-model';
import { publicSettings, type ManifestParameter } from '../zaf-host/public-settings';

/** The installed app, as the desk hosts it. */
export interface HostedApp {
  readonly appId: number;
  readonly installationId: number;
  readonly name: string;
  readonly version: string;
  readonly parameters: readonly ManifestParameter[];
  /** Every setting, secure ones included: only their public part goes into a page. */
  readonly settings: Readonly<Record<string, string | number | boolean>>;
}

export interface HostConfigInput {
  readonly app: HostedApp;
  /** The desk's origin as the browser reached it, e.g. http://127.0.0.1:3000. */
  readonly origin: string;
  readonly subdomain: string;
  readonly location: ZafLocation;
  readonly agent: UserJson;
  readonly directory: DeskDirectory;
  readonly ticket?: TicketJson;
  readonly nowMs: number;
}

/** What a page needs to host the app at one location: context, public metadata, the model `get` answers from. */
export function hostConfig(input: HostConfigInput): HostPageConfig {
  const { app, ticket } = input;
  return {
    appUrl: `${input.origin}/app/assets/iframe.html`,
    // One guid per location of the installation, as Zendesk gives each app location instance its own.
    appGuid: `sandbox-${app.installationId}-${input.location}`,
    context: {
      product: 'support',
      location: input.location,
      account: { subdomain: input.subdomain },
      ...(ticket ? { ticketId: ticket.id } : {}),
    },
    metadata: { appId: app.appId, installationId: app.installationId, name: app.name, version: app.version, settings: publicSettings(app.parameters, app.settings) },
    model: {
      ...(ticket ? { ticket: hostTicket(ticket, input.directory) } : {}),
      currentUser: hostUser(input.agent, input.nowMs),
      requirements: input.directory.sla.requirements,
    },
    proxyUrl: `${input.origin}/zaf-proxy`,
  };
}

export function hostTicket(ticket: TicketJson, directory: DeskDirectory): HostTicket {
  const person = (id: number | null) => {
    const user = id === null ? undefined : directory.users.get(id);
    return user ? { id: user.id, name: user.name, email: user.email } : null;
  };
  const group = ticket.group_id === null ? undefined : directory.groups.get(ticket.group_id);
  const organization = ticket.organization_id === null ? undefined : directory.organizations.get(ticket.organization_id);
  return {
    id: ticket.id,
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    type: ticket.type,
    tags: [...ticket.tags],
    customFields: Object.fromEntries(ticket.custom_fields.map((f) => [f.id, f.value === null || f.value === false ? null : String(f.value)])),
    updatedAt: ticket.updated_at,
    createdAt: ticket.created_at,
    requester: person(ticket.requester_id) ?? { id: ticket.requester_id, name: `User #${ticket.requester_id}` },
    assignee: { user: person(ticket.assignee_id), group: group ? { id: group.id, name: group.name } : null },
    organization: organization ? { id: organization.id, name: organization.name } : null,
  };
}

/** ZAF's currentUser: the signed-in agent, with the time zone's offset at `nowMs` (minutes east of UTC). */
export function hostUser(user: UserJson, nowMs: number): HostUser {
  const ianaName = user.iana_time_zone ?? (user.time_zone === 'UTC' ? 'Etc/UTC' : user.time_zone);
  const zoned = DateTime.fromMillis(nowMs, { zone: ianaName });
  const offset = zoned.isValid ? zoned.offset : 0;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    locale: user.locale ?? 'en-US',
    timeZone: { name: user.time_zone, ianaName, offset, formattedOffset: `GMT${zoned.isValid ? zoned.toFormat('ZZ') : '+00:00'}` },
    role: user.role,
  };
}
