/** Report math over metric records: compliance, percentiles, objectives, breach trends, backtests. Pure. */
export * from './report-record';
export * from './percentile';
export * from './compliance';
export * from './objective';
export * from './breach-trend';
export * from './records-from-assessment';
export * from './backtest';
export * from './backtest-comparison';
export * from './pause-audit';
