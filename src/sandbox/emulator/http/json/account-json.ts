import { formatZendeskTime } from '../../clock/zendesk-time';
import type { EmulatorState } from '../../state/emulator-state';
import type { GroupMembershipRecord, GroupRecord, OrganizationRecord } from '../../state/records';

/** Groups, group memberships and organizations (GroupObject, GroupMembershipObject, OrganizationObject). */
export function groupJson(state: EmulatorState, group: GroupRecord): Record<string, unknown> {
  return {
    id: group.id,
    url: `${state.baseUrl}/api/v2/groups/${group.id}.json`,
    name: group.name,
    description: group.description,
    default: group.isDefault,
    deleted: false,
    is_public: true,
    created_at: formatZendeskTime(group.createdAt),
    updated_at: formatZendeskTime(group.updatedAt),
  };
}

export function groupMembershipJson(state: EmulatorState, membership: GroupMembershipRecord): Record<string, unknown> {
  return {
    id: membership.id,
    url: `${state.baseUrl}/api/v2/group_memberships/${membership.id}.json`,
    user_id: membership.userId,
    group_id: membership.groupId,
    default: state.users.get(membership.userId)?.defaultGroupId === membership.groupId,
    created_at: formatZendeskTime(membership.createdAt),
    updated_at: formatZendeskTime(membership.createdAt),
  };
}

export function organizationJson(state: EmulatorState, organization: OrganizationRecord): Record<string, unknown> {
  return {
    id: organization.id,
    url: `${state.baseUrl}/api/v2/organizations/${organization.id}.json`,
    name: organization.name,
    shared_tickets: false,
    shared_comments: false,
    external_id: null,
    created_at: formatZendeskTime(organization.createdAt),
    updated_at: formatZendeskTime(organization.updatedAt),
    domain_names: [...organization.domainNames],
    details: null,
    notes: null,
    group_id: organization.groupId,
    tags: [],
    organization_fields: {},
  };
}
