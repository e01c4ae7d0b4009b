import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { breachTrend, REPORT_DIMENSIONS, type ComplianceRow, type ReportDimension } from '../../../core/report';
import type { BreachKey, BreachSlice } from '../../store/report-queries';
import type { MetricRecord, SlaStore } from '../../store/sla-store';
import { appAuthHook, appCallerOf } from '../app-auth';
import type { HttpDeps } from '../http-deps';
import { csvLine, localTime, toCsv } from './reports-csv';
import { parseChoice, parseCount, parseGroupBy, parseSlice, parseZone, type ReportQueryString } from './reports-query';

/**
 * Breaches a CSV export reads per query: the export carries every breach of the slice, streamed batch by batch, so
 * neither the server's memory nor one query grows with the period.
 */
export const CSV_BATCH_ROWS = 500;

/**
 * The Reports tab's data (issue #6), for the caller's account only:
 *   GET /api/reports/compliance?from&to&groupBy=group,priority&<dimension>=<value|none>&tz&format=csv
 *   GET /api/reports/breaches?from&to&<dimension>=…&limit&offset&bucket=day|week&tz&format=csv
 * `from`/`to` are ISO instants with an offset; compliance reads instances that started in [from, to), breaches
 * those that breached in it. Times come back as epoch millis in JSON (the app formats them in the agent's zone) and
 * as local ISO times in `tz` in CSV. The JSON list is a page (`limit` ≤ 500 from `offset`, with the slice's `total`)
 * in a stable order: newest breach first, ties by ticket, metric and instance. The CSV carries every breach of the
 * slice in that order, streamed.
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
    if (format === 'csv') return sendCsv(reply, 'sla-breaches.csv', Readable.from(breachesCsv(deps.store, slice, zone, now, ticketUrl)));
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

function sendCsv(reply: FastifyReply, filename: string, body: string | Readable) {
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

/** The header, then every breach of the slice in the list's order, read CSV_BATCH_ROWS at a time (keyset). */
async function* breachesCsv(store: SlaStore, slice: BreachSlice, zone: string, now: number, ticketUrl: (id: string) => string): AsyncGenerator<string> {
  const dimensions = REPORT_DIMENSIONS.filter((d) => d !== 'metric');
  yield csvLine(['ticket_id', 'ticket_url', 'metric', 'instance', 'status', ...dimensions, 'started_at', 'due_at', 'breached_at', 'fulfilled_at', 'late_minutes', 'business_minutes']);
  let after: BreachKey | null = null;
  for (;;) {
    const batch: readonly MetricRecord[] = await store.listBreachRecordsAfter({ ...slice, after, limit: CSV_BATCH_ROWS });
    if (batch.length > 0) yield batch.map((r) => csvLine(breachCsvRow(r, zone, now, ticketUrl))).join('');
    const last = batch.at(-1);
    if (batch.length < CSV_BATCH_ROWS || last === undefined || last.breachedAt === null) return;
    after = { breachedAt: last.breachedAt, ticketId: last.ticketId, metric: last.metric, instance: last.instance };
  }
}

function breachCsvRow(r: MetricRecord, zone: string, now: number, ticketUrl: (id: string) => string): (string | number | null)[] {
  return [
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
  ];
}
