import { millisOf, type AccountRow, type NewAccountRow } from './database';
import type { SecretBox } from './secret-box';
import type { Account, AccountInput, JsonObject, ZendeskCredentials, ZendeskSetup } from './sla-store';

export function accountRowToAccount(row: AccountRow, box: SecretBox): Account {
  return {
    id: row.id,
    subdomain: row.subdomain,
    credentials: credentialsOf(row, box),
    webhookSecret: openOrNull(box, row.sealed_webhook_secret),
    appSharedSecret: openOrNull(box, row.sealed_app_secret),
    settings: JSON.parse(row.settings) as JsonObject,
    createdAt: millisOf(row.created_at),
    zendeskUrl: row.zendesk_url ?? `https://${row.subdomain}.zendesk.com`,
    zendeskSetup: row.zendesk_setup === null ? null : (JSON.parse(row.zendesk_setup) as ZendeskSetup),
  };
}

export function accountInputToRow(input: AccountInput, id: string, box: SecretBox): NewAccountRow {
  const credentials = input.credentials;
  return {
    id,
    subdomain: input.subdomain.toLowerCase(),
    auth_kind: credentials.kind,
    zendesk_email: credentials.kind === 'api_token' ? credentials.email : null,
    sealed_api_credential:
      credentials.kind === 'api_token'
        ? box.seal(credentials.token)
        : credentials.kind === 'oauth'
          ? box.seal(credentials.accessToken)
          : null,
    sealed_webhook_secret: sealOrNull(box, input.webhookSecret),
    sealed_app_secret: sealOrNull(box, input.appSharedSecret),
    settings: JSON.stringify(input.settings ?? {}),
    created_at: input.now,
    ...(input.zendeskUrl !== undefined ? { zendesk_url: input.zendeskUrl } : {}),
  };
}

function credentialsOf(row: AccountRow, box: SecretBox): ZendeskCredentials {
  switch (row.auth_kind) {
    case 'sandbox':
      return { kind: 'sandbox' };
    case 'api_token':
      return { kind: 'api_token', email: row.zendesk_email ?? '', token: openRequired(box, row) };
    case 'oauth':
      return { kind: 'oauth', accessToken: openRequired(box, row) };
  }
}

function openRequired(box: SecretBox, row: AccountRow): string {
  if (row.sealed_api_credential === null) throw new Error(`Account ${row.id} (${row.auth_kind}) has no stored credential`);
  return box.open(row.sealed_api_credential);
}

const openOrNull = (box: SecretBox, sealed: string | null): string | null => (sealed === null ? null : box.open(sealed));
const sealOrNull = (box: SecretBox, plain: string | null): string | null => (plain === null ? null : box.seal(plain));
