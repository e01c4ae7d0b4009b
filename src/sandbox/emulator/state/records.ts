/**
 * The emulator's in-memory records. They hold what Zendesk stores; the JSON Zendesk shows is built from them by
 * the serializers in `../http/json`. Instants are epoch milliseconds on the emulator clock.
 */
export * from './ticket-records';
export * from './account-records';
export * from './rule-records';
export * from './job-records';
