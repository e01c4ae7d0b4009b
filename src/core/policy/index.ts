export * from './metric-name';
export * from './sla-policy';
export * from './ticket-filter';
