import type { ZendeskApi } from '../api/zendesk-api';
import type { NamedJson, UserJson } from '../api/zendesk-json';
import { DEMO_AGENTS, DEMO_CUSTOMERS, DEMO_ORGANIZATIONS, type GroupKey, type OrganizationKey } from './demo-people';

/** The demo account's groups, organizations, agents and customers, created through the API as an admin would. */
export async function createGroups(api: ZendeskApi): Promise<Record<GroupKey, number>> {
  // Every account starts with a default "Support" group.
  const { groups } = await api.get<{ groups: NamedJson[] }>('/groups');
  const support = groups.find((g) => g.name === 'Support') ?? (await api.post<{ group: NamedJson }>('/groups', { group: { name: 'Support' } })).group;
  const billing = (await api.post<{ group: NamedJson }>('/groups', { group: { name: 'Billing' } })).group;
  return { support: support.id, billing: billing.id };
}

export async function createOrganizations(api: ZendeskApi): Promise<Record<OrganizationKey, number>> {
  const ids: Partial<Record<OrganizationKey, number>> = {};
  for (const [key, { name, domain }] of Object.entries(DEMO_ORGANIZATIONS) as [OrganizationKey, { name: string; domain: string }][]) {
    ids[key] = (await api.post<{ organization: NamedJson }>('/organizations', { organization: { name, domain_names: [domain] } })).organization.id;
  }
  return ids as Record<OrganizationKey, number>;
}

export async function createAgents(api: ZendeskApi, groups: Record<GroupKey, number>): Promise<UserJson[]> {
  const agents: UserJson[] = [];
  for (const agent of DEMO_AGENTS) {
    const { user } = await api.post<{ user: UserJson }>('/users', { user: { name: agent.name, email: agent.email, role: 'agent', time_zone: agent.timeZone } });
    await api.post('/group_memberships', { group_membership: { user_id: user.id, group_id: groups[agent.group] } });
    agents.push(user);
  }
  return agents;
}

export async function createCustomers(api: ZendeskApi, organizations: Record<OrganizationKey, number>): Promise<UserJson[]> {
  const customers: UserJson[] = [];
  for (const customer of DEMO_CUSTOMERS) {
    const organizationId = customer.organization ? organizations[customer.organization] : null;
    const body = { user: { name: customer.name, email: customer.email, role: 'end-user', organization_id: organizationId } };
    customers.push((await api.post<{ user: UserJson }>('/users', body)).user);
  }
  return customers;
}
