/**
 * Zendesk's metric names (SLAPolicyMetricObject.metric), plus total resolution time.
 * Semantics are stated in src/core/README.md.
 */
export const METRIC_NAMES = [
  'first_reply_time',
  'next_reply_time',
  'periodic_update_time',
  'requester_wait_time',
  'agent_work_time',
  'total_resolution_time',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];
