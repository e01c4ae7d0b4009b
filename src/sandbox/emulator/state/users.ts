import { recordInvalid, notFound } from './api-error';
import { nextId, type EmulatorState } from './emulator-state';
import type { UserRecord, UserRole } from './records';

export interface NewUser {
  readonly name: string;
  readonly email: string;
  readonly role?: UserRole;
  readonly organizationId?: number | null;
  readonly defaultGroupId?: number | null;
  readonly groupIds?: readonly number[];
  readonly timeZone?: string;
  readonly locale?: string;
}

/** What an Update User call may change here. */
export interface UserChanges {
  readonly name?: string;
  readonly timeZone?: string;
  readonly locale?: string;
}

/** A language tag as Zendesk's locales are named: `en-US`, `ja`, `zh-cn`, `pt-br`, `es-419`. */
const LOCALE = /^[a-z]{2,3}(-[a-z0-9]{2,4})?$/i;

function requireLocale(locale: string): string {
  if (!LOCALE.test(locale)) throw recordInvalid({ locale: [{ description: `Locale: ${locale} is not a valid locale`, error: 'InvalidValue' }] });
  return locale;
}

/** Creates a user; emails are unique per account, as in Zendesk. */
export function createUser(state: EmulatorState, input: NewUser, nowMs: number): UserRecord {
  if (input.name.trim() === '') {
    throw recordInvalid({ name: [{ description: 'Name: is too short (minimum one character)', error: 'BlankValue' }] });
  }
  if (!/^[^\s@]+@[^\s@]+$/.test(input.email)) {
    throw recordInvalid({ email: [{ description: `Email: ${input.email} is not properly formatted`, error: 'InvalidFormat' }] });
  }
  if (findUserByEmail(state, input.email)) {
    throw recordInvalid({ email: [{ description: `Email: ${input.email} is already being used by another user`, error: 'DuplicateValue' }] });
  }
  const user: UserRecord = {
    id: nextId(state, 'user'),
    name: input.name,
    email: input.email.toLowerCase(),
    role: input.role ?? 'end-user',
    organizationId: input.organizationId ?? null,
    defaultGroupId: input.defaultGroupId ?? input.groupIds?.[0] ?? null,
    timeZone: input.timeZone ?? 'UTC',
    locale: requireLocale(input.locale ?? 'en-US'),
    createdAt: nowMs,
    updatedAt: nowMs,
  };
  state.users.set(user.id, user);
  for (const groupId of input.groupIds ?? []) addGroupMembership(state, user.id, groupId, nowMs);
  return user;
}

/** Applies an Update User call's changes; a blank name or a malformed locale is refused, as Zendesk does. */
export function updateUser(state: EmulatorState, id: number, changes: UserChanges, nowMs: number): UserRecord {
  const user = requireUser(state, id);
  if (changes.name !== undefined && changes.name.trim() === '') {
    throw recordInvalid({ name: [{ description: 'Name: is too short (minimum one character)', error: 'BlankValue' }] });
  }
  const locale = changes.locale === undefined ? user.locale : requireLocale(changes.locale);
  if (changes.name !== undefined) user.name = changes.name;
  if (changes.timeZone !== undefined) user.timeZone = changes.timeZone;
  user.locale = locale;
  user.updatedAt = nowMs;
  return user;
}

export function findUserByEmail(state: EmulatorState, email: string): UserRecord | undefined {
  const wanted = email.toLowerCase();
  return [...state.users.values()].find((user) => user.email === wanted);
}

export function requireUser(state: EmulatorState, id: number): UserRecord {
  const user = state.users.get(id);
  if (!user) throw notFound();
  return user;
}

export const isAgent = (user: UserRecord | undefined): boolean => user?.role === 'agent' || user?.role === 'admin';

/** Puts an agent in a group; group notifications go to a group's members. */
export function addGroupMembership(state: EmulatorState, userId: number, groupId: number, nowMs: number): void {
  if (!state.groups.has(groupId)) throw notFound();
  const exists = [...state.groupMemberships.values()].some((m) => m.userId === userId && m.groupId === groupId);
  if (exists) return;
  const id = nextId(state, 'groupMembership');
  state.groupMemberships.set(id, { id, userId, groupId, createdAt: nowMs });
}

export function groupMemberIds(state: EmulatorState, groupId: number): number[] {
  return [...state.groupMemberships.values()].filter((m) => m.groupId === groupId).map((m) => m.userId);
}
