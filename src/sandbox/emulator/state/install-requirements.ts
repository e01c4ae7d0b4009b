import { recordInvalid } from './api-error';
import { nextId, type EmulatorState } from './emulator-state';
import { isJsonObject, type JsonObject } from './input';
import type { InstallationRecord, RequirementRecord } from './records';
import { createTicketField } from './ticket-fields';
import { createTrigger } from './triggers';
import { createWebhook } from './webhooks';

/** The requirement types the emulator can create; Zendesk knows more (views, macros...) that our app does not use. */
const SUPPORTED = ['ticket_fields', 'webhooks', 'triggers'] as const;

export interface AppInstall {
  readonly requirements: JsonObject;
  readonly appId?: number;
  readonly appName?: string;
}

/**
 * Does what Zendesk does when an admin installs an app with a requirements.json: creates each listed resource from
 * its POST payload and records identifier → id, readable at GET /apps/installations/{id}/requirements. Like
 * Zendesk's install job it is all or nothing: if one resource is refused, none stays.
 */
export function installApp(state: EmulatorState, install: AppInstall, actorId: number, nowMs: number): InstallationRecord {
  const unknownType = Object.keys(install.requirements).find((type) => !(SUPPORTED as readonly string[]).includes(type));
  if (unknownType) {
    throw recordInvalid({ requirements: [{ description: `Requirements: ${unknownType} is not supported by the emulator`, error: 'InvalidValue' }] });
  }
  const created: RequirementRecord[] = [];
  try {
    for (const type of SUPPORTED) {
      const entries = install.requirements[type];
      if (!isJsonObject(entries)) continue;
      for (const [identifier, payload] of Object.entries(entries)) {
        if (!isJsonObject(payload)) throw recordInvalid({ [identifier]: [{ description: 'Requirement must be an object', error: 'InvalidValue' }] });
        created.push({ identifier, requirementType: type, requirementId: createOne(state, type, payload, { actorId, nowMs, appName: install.appName }) });
      }
    }
  } catch (error) {
    for (const requirement of created) removeOne(state, requirement);
    throw error;
  }
  const installation: InstallationRecord = {
    id: nextId(state, 'installation'),
    appId: install.appId ?? 1,
    requirements: created,
    createdAt: nowMs,
  };
  state.installations.set(installation.id, installation);
  return installation;
}

function createOne(
  state: EmulatorState,
  type: (typeof SUPPORTED)[number],
  payload: JsonObject,
  meta: { actorId: number; nowMs: number; appName: string | undefined },
): number | string {
  if (type === 'ticket_fields') return createTicketField(state, payload, meta.nowMs, meta.appName ?? 'SLA').id;
  if (type === 'webhooks') return createWebhook(state, payload, meta.actorId, meta.nowMs).id;
  return createTrigger(state, payload, meta.nowMs).id;
}

function removeOne(state: EmulatorState, requirement: RequirementRecord): void {
  if (requirement.requirementType === 'ticket_fields') state.ticketFields.delete(Number(requirement.requirementId));
  if (requirement.requirementType === 'webhooks') state.webhooks.delete(String(requirement.requirementId));
  if (requirement.requirementType === 'triggers') state.triggers.delete(Number(requirement.requirementId));
}
