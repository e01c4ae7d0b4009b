/** Who works and who writes in the demo account. Emails use example.com domains (RFC 2606), never real ones. */
export type GroupKey = 'support' | 'billing';
export type OrganizationKey = 'acme' | 'globex' | 'vip';

export interface DemoAgent {
  readonly name: string;
  readonly email: string;
  readonly group: GroupKey;
  readonly timeZone: string;
}

export interface DemoCustomer {
  readonly name: string;
  readonly email: string;
  readonly organization: OrganizationKey | null;
}

export const DEMO_AGENTS: readonly DemoAgent[] = [
  { name: 'Maya Patel', email: 'maya.patel@sandbox.test', group: 'support', timeZone: 'Europe/London' },
  { name: 'Tom Becker', email: 'tom.becker@sandbox.test', group: 'support', timeZone: 'Europe/Berlin' },
  { name: 'Lena Kowalski', email: 'lena.kowalski@sandbox.test', group: 'billing', timeZone: 'Europe/Warsaw' },
];

/** "VIP" is the organization the demo's VIP policy names (the server's setup seeds that policy). */
export const DEMO_ORGANIZATIONS: Readonly<Record<OrganizationKey, { readonly name: string; readonly domain: string }>> = {
  acme: { name: 'Acme Inc.', domain: 'acme.example.com' },
  globex: { name: 'Globex', domain: 'globex.example.com' },
  vip: { name: 'VIP', domain: 'vip.example.com' },
};

export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  { name: 'Olivia Martin', email: 'olivia@acme.example.com', organization: 'acme' },
  { name: 'Noah Schmidt', email: 'noah@acme.example.com', organization: 'acme' },
  { name: 'Emma Rossi', email: 'emma@acme.example.com', organization: 'acme' },
  { name: 'Liam Nguyen', email: 'liam@globex.example.com', organization: 'globex' },
  { name: 'Sofia Garcia', email: 'sofia@globex.example.com', organization: 'globex' },
  { name: 'Hiro Tanaka', email: 'hiro@vip.example.com', organization: 'vip' },
  { name: 'Chloé Dubois', email: 'chloe@vip.example.com', organization: 'vip' },
  { name: 'Jan Nowak', email: 'jan.nowak@example.com', organization: null },
  { name: 'Ana Silva', email: 'ana.silva@example.com', organization: null },
  { name: 'Ben Carter', email: 'ben.carter@example.com', organization: null },
];
