import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { BacktestComparison, ComplianceRow, RuleSet } from '../core/report';
import { toEpochMillis } from '../core/time/instant';
import { loadConfig, type Environment } from '../server/config';
import { openStore } from '../server/store/open-store';
import type { SlaStore } from '../server/store/sla-store';
import { draftRules } from '../server/reports/backtest-draft';
import { runBacktest, type BacktestRun } from '../server/reports/backtest-run';

/*
 * sla backtest --from <ISO> --to <ISO> [--policies draft.json] [--verify] [--account <subdomain>] [--as-of <ISO>] [--json]
 *
 * Replays the tickets with metric records in [from, to) from their stored histories under the account's current
 * policies and schedules and under a draft (a file; without one, the current rules again: a check that the replay
 * reproduces the stored records), and prints the two side by side. With a draft, `--verify` makes the same check
 * too (it reads every stored record of the period). Reads DATABASE_URL like `sla serve`.
 */
const USAGE = 'usage: sla backtest --from <ISO instant> --to <ISO instant> [--policies draft.json] [--verify] [--account <subdomain>] [--as-of <ISO instant>] [--json]';

export async function backtestCommand(env: Environment, argv: readonly string[], out: (text: string) => void = (t) => process.stdout.write(t)): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: { help: { type: 'boolean' }, from: { type: 'string' }, to: { type: 'string' }, policies: { type: 'string' }, verify: { type: 'boolean' }, account: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' } },
  });
  if (values.help) return out(`${USAGE}\n`);
  if (!values.from || !values.to) throw new Error(USAGE);
  const from = toEpochMillis(values.from);
  const to = toEpochMillis(values.to);
  const asOf = values['as-of'] ? toEpochMillis(values['as-of']) : undefined;
  const draftJson: unknown = values.policies ? JSON.parse(readFileSync(values.policies, 'utf8')) : undefined;
  const config = loadConfig(env);
  if (!config.ok) throw new Error(`configuration: ${config.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  const store = await openStore(config.value);
  try {
    const accountId = await accountIdOf(store, values.account);
    const started = process.hrtime.bigint();
    const run = await runBacktest({
      store,
      accountId,
      from,
      to,
      ...(asOf !== undefined ? { asOf } : {}),
      ...(draftJson !== undefined ? { draft: (current: RuleSet) => parseDraft(draftJson, current) } : {}),
      ...(values.verify ? { verify: true } : {}),
      onProgress: progressBar(),
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    out(values.json ? `${JSON.stringify(run, null, 2)}\n` : summary(run, seconds, draftJson !== undefined));
  } finally {
    await store.close();
  }
}

function parseDraft(json: unknown, current: RuleSet): RuleSet {
  const draft = draftRules(json, current);
  if (!draft.ok) throw new Error(`the draft is not valid: ${draft.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return draft.rules;
}

async function accountIdOf(store: SlaStore, subdomain: string | undefined): Promise<string> {
  if (subdomain) {
    const account = await store.findAccountBySubdomain(subdomain);
    if (!account) throw new Error(`no account "${subdomain}" in this database`);
    return account.id;
  }
  const [only, ...others] = await store.listAccounts();
  if (!only || others.length > 0) throw new Error('this database holds several accounts (or none): name one with --account <subdomain>');
  return only.id;
}

/** A progress bar on stderr when it is a terminal (stdout stays the report). */
function progressBar(): (done: number, total: number) => void {
  if (!process.stderr.isTTY) return () => undefined;
  return (done, total) => {
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} tickets${done === total ? '\n' : ''}`);
  };
}

const pct = (row: ComplianceRow | null) => (row?.metPercent == null ? '     -' : `${row.metPercent.toFixed(1).padStart(5)}%`);
const count = (row: ComplianceRow | null, field: 'breached' | 'metLate') => (row ? String(row[field]) : '-');

function summary({ comparison, reproduction, policyTitles }: BacktestRun, seconds: number, withDraft: boolean): string {
  const lines = [`${comparison.tickets} tickets replayed twice in ${seconds.toFixed(2)} s (${Math.round(comparison.tickets / Math.max(seconds, 1e-9))} tickets/s)`];
  if (reproduction) {
    const { identical, stored, differing } = reproduction;
    lines.push(`current rules reproduce the stored records: ${identical} of ${stored} identical${differing.length > 0 ? `; differing: ${differing.join(', ')}` : ''}`);
  }
  if (!withDraft) return `${lines.join('\n')}\n`;
  lines.push('', `${'metric / priority'.padEnd(34)} met% now  draft   late now→draft  breached now→draft`);
  for (const row of comparison.byMetric) {
    const name = `${row.key.metric} / ${row.key.priority ?? 'none'}`.padEnd(34);
    lines.push(`${name} ${pct(row.current)}  ${pct(row.draft)}   ${`${count(row.current, 'metLate')}→${count(row.draft, 'metLate')}`.padEnd(15)} ${count(row.current, 'breached')}→${count(row.draft, 'breached')}`);
  }
  lines.push('', `breaches gained: ${comparison.breachesGained.length}, lost: ${comparison.breachesLost.length}; tickets switching policy: ${comparison.policySwitches.length}`);
  lines.push(...switchCounts(comparison, policyTitles).map(([move, n]) => `  ${move}: ${n}`));
  for (const { objective, current, draft } of comparison.objectives) {
    const state = (met: boolean | null, p: number | null) => (met === null ? 'nothing decided' : `${p?.toFixed(1)}% ${met ? 'met' : 'missed'}`);
    lines.push(`objective "${objective.title}": now ${state(current.met, current.attainmentPercent)}, draft ${state(draft.met, draft.attainmentPercent)}`);
  }
  return `${lines.join('\n')}\n`;
}

function switchCounts(comparison: BacktestComparison, titles: Readonly<Record<string, string>>): [string, number][] {
  const counts = new Map<string, number>();
  const name = (id: string | null) => (id === null ? '(none)' : (titles[id] ?? id));
  for (const s of comparison.policySwitches) {
    const move = `${name(s.from)} → ${name(s.to)}`;
    counts.set(move, (counts.get(move) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}
