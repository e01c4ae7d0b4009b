import { formatZendeskTime } from '../../clock/zendesk-time';
import type { EmulatorState } from '../../state/emulator-state';
import type { UserRecord } from '../../state/records';

/** Zendesk's ids of the locales whose id its public locale list shows (GET /api/v2/locales/public.json). */
const LOCALE_IDS: Readonly<Record<string, number>> = { 'en-us': 1, es: 2, de: 8, 'zh-tw': 9, 'zh-cn': 10, pl: 13 };

/** A user as Zendesk shows it to an agent (UserForAdmin). */
export function userJson(state: EmulatorState, user: UserRecord): Record<string, unknown> {
  return {
    id: user.id,
    url: `${state.baseUrl}/api/v2/users/${user.id}.json`,
    name: user.name,
    email: user.email,
    created_at: formatZendeskTime(user.createdAt),
    updated_at: formatZendeskTime(user.updatedAt),
    time_zone: user.timeZone,
    iana_time_zone: user.timeZone === 'UTC' ? 'Etc/UTC' : user.timeZone,
    phone: null,
    shared_phone_number: null,
    photo: null,
    locale_id: LOCALE_IDS[user.locale.toLowerCase()] ?? null,
    locale: user.locale,
    organization_id: user.organizationId,
    role: user.role,
    verified: true,
    external_id: null,
    tags: [],
    alias: '',
    active: true,
    shared: false,
    shared_agent: false,
    last_login_at: null,
    two_factor_auth_enabled: false,
    signature: null,
    details: '',
    notes: '',
    role_type: null,
    custom_role_id: null,
    moderator: user.role !== 'end-user',
    ticket_restriction: user.role === 'end-user' ? 'requested' : null,
    only_private_comments: false,
    restricted_agent: false,
    suspended: false,
    default_group_id: user.defaultGroupId,
    report_csv: user.role === 'admin',
    user_fields: {},
  };
}
