import type { MetricName } from '../../core/policy/metric-name';
import type { Priority } from '../../core/ticket/ticket-snapshot';
import { millisOf, optionalMillisOf, type MetricRecordRow, type NewMetricRecordRow } from './database';
import type { MetricRecord } from './sla-store';

export function metricRecordRowToRecord(row: MetricRecordRow): MetricRecord {
  return {
    accountId: row.account_id,
    ticketId: row.ticket_id,
    metric: row.metric as MetricName,
    instance: row.instance,
    policyId: row.policy_id,
    priority: row.priority as Priority | null,
    groupId: row.group_id,
    assigneeId: row.assignee_id,
    brandId: row.brand_id,
    organizationId: row.organization_id,
    via: row.via,
    status: row.status,
    startedAt: millisOf(row.started_at),
    dueAt: optionalMillisOf(row.due_at),
    fulfilledAt: optionalMillisOf(row.fulfilled_at),
    breachedAt: optionalMillisOf(row.breached_at),
    businessMinutes: row.business_minutes,
    calendarMinutes: row.calendar_minutes,
  };
}

export function metricRecordToRow(record: MetricRecord, now: number): NewMetricRecordRow {
  return {
    account_id: record.accountId,
    ticket_id: record.ticketId,
    metric: record.metric,
    instance: record.instance,
    policy_id: record.policyId,
    priority: record.priority,
    group_id: record.groupId,
    assignee_id: record.assigneeId,
    brand_id: record.brandId,
    organization_id: record.organizationId,
    via: record.via,
    status: record.status,
    started_at: record.startedAt,
    due_at: record.dueAt,
    fulfilled_at: record.fulfilledAt,
    breached_at: record.breachedAt,
    business_minutes: record.businessMinutes,
    calendar_minutes: record.calendarMinutes,
    updated_at: now,
  };
}
