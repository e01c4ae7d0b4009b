/** Users, groups, group memberships and organizations, as the emulator stores them. */
export type UserRole = 'end-user' | 'agent' | 'admin';

export interface UserRecord {
  readonly id: number;
  name: string;
  email: string;
  role: UserRole;
  organizationId: number | null;
  defaultGroupId: number | null;
  timeZone: string;
  /** The language the user reads Zendesk in (and apps get as ZAF's currentUser.locale): `en-US`, `ja`, `zh-cn`… */
  locale: string;
  readonly createdAt: number;
  updatedAt: number;
}

export interface GroupRecord {
  readonly id: number;
  name: string;
  description: string;
  isDefault: boolean;
  readonly createdAt: number;
  updatedAt: number;
}

export interface GroupMembershipRecord {
  readonly id: number;
  readonly userId: number;
  readonly groupId: number;
  readonly createdAt: number;
}

export interface OrganizationRecord {
  readonly id: number;
  name: string;
  domainNames: string[];
  groupId: number | null;
  readonly createdAt: number;
  updatedAt: number;
}
