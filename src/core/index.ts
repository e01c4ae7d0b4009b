/**
 * The SLA core's public surface: the app and the server import from here only.
 * Each area keeps its own barrel so that its exports are listed beside its code.
 */
export * from './result';
export * from './time/instant';
export * from './ticket/ticket-snapshot';
export * from './ticket/ticket-event';
export * from './schedule';
export * from './policy';
export * from './clock';
export * from './report';
