/**
 * The Zendesk emulator: an HTTP stand-in for the part of Zendesk's Support API our product uses, for `npm start`
 * without an account and as the ground truth of end-to-end tests. See README.md beside this file.
 */
export { buildZendeskEmulator, type BuiltZendeskEmulator, type ZendeskEmulatorOptions } from './build-zendesk-emulator';
export { startZendeskEmulator, type RunningZendeskEmulator, type StartZendeskEmulatorOptions } from './start-zendesk-emulator';
export { createEmulatorClock, type EmulatorClock, type EmulatorClockOptions } from './clock/emulator-clock';
export { formatZendeskTime } from './clock/zendesk-time';
export type { EmulatorAdmin } from './emulator-admin';
export { DEFAULT_RATE_LIMITS, type RateLimitSettings } from './http/rate-limits';
export type { RequestFault, RequestFaultRule } from './http/request-faults';
export type { WebhookFaultRequest } from './webhooks/webhook-faults';
export type { DeliveryAttempt } from './webhooks/webhook-dispatcher';
export { signWebhookBody } from './webhooks/webhook-signature';
export { DEFAULT_SEED, type AccountSeed } from './state/seed-account';
export type { EmulatorState } from './state/emulator-state';
export type { OutboxMail, UserRecord, TicketRecord } from './state/records';
export { ticketJson } from './http/json/ticket-json';
export { userJson } from './http/json/user-json';
export { auditJson, commentJson } from './http/json/audit-json';
export { TEST_SIGNING_SECRET } from './http/routes/webhook-test';
