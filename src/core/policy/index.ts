export * from './metric-name';
export * from './sla-policy';
export * from './ticket-filter';
export { operatorsFor, allowedValues } from './condition-fields';
export * from './evaluate-condition';
export * from './match-filter';
export * from './select-policy';
export * from './target-for';
export * from './validate-policy';
