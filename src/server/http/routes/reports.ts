import type { FastifyInstance, FastifyReply } from 'fastify';
import { breachTrend, REPORT_DIMENSIONS, type ComplianceRow, type ReportDimension } from '../../../core/report';
import type { MetricRecord } from '../../store/sla-store';
import { appAuthHook, appCallerOf } from '../app-auth';
import type { HttpDeps } from '../http-deps';
import { localTime, toCsv } from './reports-csv';
import { parseChoice, parseCount, parseGroupBy, parseSlice, parseZone, type ReportQueryString } from './reports-query';

/** The most breaches one CSV export carries; the JSON list pages through with limit/offset. */
const CSV_MAX_ROWS = 100_000;

/**
 * The Reports tab's data (issue #6), for the caller's account only:
 *   GET /api/reports/compliance?from&to&groupBy=group,priority&<dimension>=<value|none>&tz&format=csv
 *   GET /api/reports/breaches?from&to&<dimension>=…&limit&offset&bucket=day|week&tz&format=csv
 * `from`/`to` are ISO instants with an offset; compliance reads instances that started in [from, to), breaches
 * those that breached in it. Times come back as epoch millis in JSON (the app formats them in the agent's zone) and
 * as local ISO times in `tz` in CSV.
 */
export async function reportRoutes(app: FastifyInstance, { deps }: { deps: HttpDeps }) {
  app.addHook('onRequest', appAuthHook(deps));

  app.get<{ Querystring: ReportQueryString }>('/api/reports/compliance', async (request, reply) => {
    const { accountId } = appCallerOf(request);
    const slice = parseSlice(accountId, request.query);
    const groupBy = parseGroupBy(request.query);
    const format = parseChoice(request.query, 'format', ['json', 'csv'], 'json');
    const rows = await deps.store.complianceReport({ ...slice, groupBy });
    if (format === 'csv') return sendCsv(reply, 'sla-compliance.csv', complianceCsv(rows, groupBy));
    return { from: slice.from, to: slice.to, groupBy, filters: slice.filters, rows };
  });

  app.get<{ Querystring: ReportQueryString }>('/api/reports/breaches', async (request, reply) => {
    const { accountId, subdomain } = appCallerOf(request);
    const slice = parseSlice(accountId, request.query);
    const zone = parseZone(request.query);
    const format = parseChoice(request.query, 'format', ['json', 'csv'], 'json');
    const now = deps.clock.now();
    const ticketUrl = (ticketId: string) => `https://${subdomain}.zendesk.com/agent/tickets/${ticketId}`;
    if (format === 'csv') {
      const page = await deps.store.listBreachRecords({ ...slice, limit: CSV_MAX_ROWS, offset: 0 });
      return sendCsv(reply, 'sla-breaches.csv', breachesCsv(page.records, zone, now, ticketUrl));
    }
    const limit = parseCount(request.query, 'limit', 50, 500);
    const offset = parseCount(request.query, 'offset', 0, 10_000_000);
    const bucket = parseChoice(request.query, 'bucket', ['day', 'week'], 'day');
    const [page, instants] = await Promise.all([deps.store.listBreachRecords({ ...slice, limit, offset }), deps.store.listBreachInstants(slice)]);
    return {
      from: slice.from,
      to: slice.to,
      filters: slice.filters,
      total: page.total,
      limit,
      offset,
      breaches: page.records.map((r) => ({ ...withoutAccount(r), ticketUrl: ticketUrl(r.ticketId), lateMinutes: lateMinutes(r, now) })),
      trend: { bucket, zone, points: breachTrend({ breachedAt: instants, from: slice.from, to: slice.to, zone, bucket }) },
    };
  });
}

function withoutAccount({ accountId: _accountId, ...record }: MetricRecord) {
  return record;
}

/** How late, in wall-clock minutes: from the due time to the fulfilment, or to now while still unfulfilled. */
function lateMinutes(record: MetricRecord, now: number): number | null {
  if (record.dueAt === null) return null;
  return ((record.fulfilledAt ?? now) - record.dueAt) / 60_000;
}

function sendCsv(reply: FastifyReply, filename: string, body: string) {
  return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(body);
}

const round = (n: number | null, digits = 2) => (n === null ? null : Number(n.toFixed(digits)));

function complianceCsv(rows: readonly ComplianceRow[], groupBy: readonly ReportDimension[]): string {
  const header = [...groupBy, 'tickets', 'instances', 'met', 'met_late', 'breached', 'running', 'met_percent', 'met_late_percent', 'breached_percent', 'median_business_minutes', 'p90_business_minutes'];
  return toCsv(
    header,
    rows.map((r) => [
      ...groupBy.map((d) => r.key[d] ?? null),
      r.tickets,
      r.instances,
      r.met,
      r.metLate,
      r.breached,
      r.running,
      round(r.metPercent),
      round(r.metLatePercent),
      round(r.breachedPercent),
      round(r.medianBusinessMinutes),
      round(r.p90BusinessMinutes),
    ]),
  );
}

function breachesCsv(records: readonly MetricRecord[], zone: string, now: number, ticketUrl: (id: string) => string): string {
  const dimensions = REPORT_DIMENSIONS.filter((d) => d !== 'metric');
  const header = ['ticket_id', 'ticket_url', 'metric', 'instance', 'status', ...dimensions, 'started_at', 'due_at', 'breached_at', 'fulfilled_at', 'late_minutes', 'business_minutes'];
  return toCsv(
    header,
    records.map((r) => [
      r.ticketId,
      ticketUrl(r.ticketId),
      r.metric,
      r.instance,
      r.status,
      r.policyId,
      r.priority,
      r.groupId,
      r.assigneeId,
      r.brandId,
      r.via,
      r.organizationId,
      localTime(r.startedAt, zone),
      localTime(r.dueAt, zone),
      localTime(r.breachedAt, zone),
      localTime(r.fulfilledAt, zone),
      round(lateMinutes(r, now)),
      round(r.businessMinutes),
    ]),
  );
}
