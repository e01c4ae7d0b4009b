import { notFound, recordInvalid } from './api-error';
import { nextId, type EmulatorState } from './emulator-state';
import type { OrganizationRecord } from './records';

export function createOrganization(
  state: EmulatorState,
  input: { readonly name: string; readonly domainNames?: readonly string[]; readonly groupId?: number | null },
  nowMs: number,
): OrganizationRecord {
  if (input.name.trim() === '') {
    throw recordInvalid({ name: [{ description: 'Name: cannot be blank', error: 'BlankValue' }] });
  }
  const taken = [...state.organizations.values()].some((o) => o.name.toLowerCase() === input.name.toLowerCase());
  if (taken) throw recordInvalid({ name: [{ description: 'Name: has already been taken', error: 'DuplicateValue' }] });
  const organization: OrganizationRecord = {
    id: nextId(state, 'organization'),
    name: input.name,
    domainNames: [...(input.domainNames ?? [])],
    groupId: input.groupId ?? null,
    createdAt: nowMs,
    updatedAt: nowMs,
  };
  state.organizations.set(organization.id, organization);
  return organization;
}

export function requireOrganization(state: EmulatorState, id: number): OrganizationRecord {
  const organization = state.organizations.get(id);
  if (!organization) throw notFound();
  return organization;
}
