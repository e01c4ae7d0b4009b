import { useEffect, useState } from 'react';
import type { ZafClient } from '../../../zaf/zaf-client';
import { useZafClient } from '../../../zaf/use-zaf-client';
import { isObject } from './parse-body';

export interface DirectoryOption {
  readonly value: string;
  readonly label: string;
}

/** A custom ticket field as conditions can use it: its type narrows the operators, a dropdown's options the values. */
export interface CustomFieldInfo {
  readonly id: string;
  readonly title: string;
  readonly type: string;
  readonly options: readonly DirectoryOption[];
}

/**
 * What the condition builder offers from the admin's Zendesk account. Each list is null while loading or when
 * Zendesk refused (a plan without brands or forms): the builder then asks for the id as text.
 */
export interface AccountDirectory {
  readonly groups: readonly DirectoryOption[] | null;
  readonly brands: readonly DirectoryOption[] | null;
  readonly ticketForms: readonly DirectoryOption[] | null;
  readonly organizations: readonly DirectoryOption[] | null;
  readonly assignees: readonly DirectoryOption[] | null;
  readonly customFields: readonly CustomFieldInfo[] | null;
}

export const EMPTY_DIRECTORY: AccountDirectory = { groups: null, brands: null, ticketForms: null, organizations: null, assignees: null, customFields: null };

/** Zendesk's own fields in GET /ticket_fields: conditions name them by their own field, not as custom fields. */
const SYSTEM_FIELD_TYPES = new Set(['subject', 'description', 'status', 'custom_status', 'tickettype', 'priority', 'group', 'assignee', 'brand']);

/** `{ <key>: [{ id, name }] }` (Zendesk's list answers) as choices, value the id as text. */
export const named = (key: string) => (body: unknown): DirectoryOption[] => {
  const list = isObject(body) && Array.isArray(body[key]) ? (body[key] as unknown[]) : [];
  return list.filter(isObject).map((item) => ({ value: String(item.id), label: String(item.name ?? item.id) }));
};

/** The active custom ticket fields of GET /ticket_fields (Zendesk's own fields left out), with a dropdown's options. */
export function customFields(body: unknown): CustomFieldInfo[] {
  const list = isObject(body) && Array.isArray(body.ticket_fields) ? (body.ticket_fields as unknown[]) : [];
  return list
    .filter(isObject)
    .filter((f) => !SYSTEM_FIELD_TYPES.has(String(f.type)) && f.active !== false)
    .map((f) => ({
      id: String(f.id),
      title: String(f.title ?? f.id),
      type: String(f.type),
      options: (Array.isArray(f.custom_field_options) ? f.custom_field_options : []).filter(isObject).map((o) => ({ value: String(o.value), label: String(o.name ?? o.value) })),
    }));
}

/** Zendesk API requests as the signed-in admin (relative URLs go to the account with the agent's session). */
async function load<T>(client: ZafClient, url: string, read: (body: unknown) => T): Promise<T | null> {
  try {
    return read(await client.request({ url, type: 'GET' }));
  } catch {
    return null;
  }
}

/** Loads the account's groups, brands, forms, organizations, agents and custom fields once (first 100 of each). */
export function useAccountDirectory(): AccountDirectory {
  const client = useZafClient();
  const [directory, setDirectory] = useState<AccountDirectory>(EMPTY_DIRECTORY);
  useEffect(() => {
    let current = true;
    const set = <K extends keyof AccountDirectory>(key: K) => (value: AccountDirectory[K] | null) => {
      if (current) setDirectory((d) => ({ ...d, [key]: value }));
    };
    void load(client, '/api/v2/groups.json?per_page=100', named('groups')).then(set('groups'));
    void load(client, '/api/v2/brands.json?per_page=100', named('brands')).then(set('brands'));
    void load(client, '/api/v2/ticket_forms.json', named('ticket_forms')).then(set('ticketForms'));
    void load(client, '/api/v2/organizations.json?per_page=100', named('organizations')).then(set('organizations'));
    void load(client, '/api/v2/users.json?role[]=agent&role[]=admin&per_page=100', named('users')).then(set('assignees'));
    void load(client, '/api/v2/ticket_fields.json', customFields).then(set('customFields'));
    return () => {
      current = false;
    };
  }, [client]);
  return directory;
}
