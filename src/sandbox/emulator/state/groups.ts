import { notFound, recordInvalid } from './api-error';
import { nextId, type EmulatorState } from './emulator-state';
import type { GroupRecord } from './records';

export function createGroup(
  state: EmulatorState,
  input: { readonly name: string; readonly description?: string },
  nowMs: number,
): GroupRecord {
  if (input.name.trim() === '') {
    throw recordInvalid({ name: [{ description: 'Name: cannot be blank', error: 'BlankValue' }] });
  }
  const group: GroupRecord = {
    id: nextId(state, 'group'),
    name: input.name,
    description: input.description ?? '',
    isDefault: state.groups.size === 0,
    createdAt: nowMs,
    updatedAt: nowMs,
  };
  state.groups.set(group.id, group);
  return group;
}

export function requireGroup(state: EmulatorState, id: number): GroupRecord {
  const group = state.groups.get(id);
  if (!group) throw notFound();
  return group;
}
