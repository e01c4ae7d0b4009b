/**
 * Business-time add (3000 minutes) and between (9 days) on Mon–Fri 09:00–17:00 America/New_York with US federal
 * holidays, side by side in one run with moment-business-time (+ moment-timezone) and dayjs-business-time, on the
 * same 1000 seeded start instants. Reports rates per CPU-second, our ratio to each peer, and agreement to the minute.
 *
 *   npx tsx bench/business-time.bench.ts
 *
 * The peers work in the process's local zone (dayjs-business-time has no zone support, moment-business-time keeps
 * the zone of the moment it gets); the bench runs them with TZ=America/New_York so all three see the same wall
 * clock. Our engine never reads the process zone: its schedule names the zone.
 */
process.env.TZ = 'America/New_York';

import dayjs from 'dayjs';
import dayjsBusinessTime from 'dayjs-business-time';
import moment from 'moment-timezone';
import 'moment-business-time';
import { addBusinessMillis, businessMillisBetween, createSchedule } from '../src/core/schedule';
import { formatRate, opsPerSecond, seededRandom } from './support/measure';

const ZONE = 'America/New_York';
/** US federal holidays 2026–2027 as observed. */
const HOLIDAYS = [
  '2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25',
  '2027-01-01', '2027-01-18', '2027-02-15', '2027-05-31', '2027-06-18', '2027-07-05', '2027-09-06', '2027-10-11', '2027-11-11', '2027-11-25', '2027-12-24', '2027-12-31',
];
const ADD_MINUTES = 3000;
const BETWEEN_MS = 9 * 86_400_000;
const MINUTE = 60_000;

const office = [['09:00', '17:00']] as const;
const schedule = createSchedule({ timeZone: ZONE, week: { mon: office, tue: office, wed: office, thu: office, fri: office }, holidays: HOLIDAYS });

const hours = ['09:00:00', '17:00:00'];
moment.updateLocale('en', { workinghours: { 0: null, 1: hours, 2: hours, 3: hours, 4: hours, 5: hours, 6: null }, holidays: HOLIDAYS } as moment.LocaleSpecification);

dayjs.extend(dayjsBusinessTime);
const day = [{ start: '09:00:00', end: '17:00:00' }];
dayjs.setBusinessTime({ sunday: null, monday: day, tuesday: day, wednesday: day, thursday: day, friday: day, saturday: null });
dayjs.setHolidays(HOLIDAYS);

/** Start instants over 2026, whole minutes (the peers work to the minute), from a seeded generator. */
const random = seededRandom(20261122);
const FROM = Date.UTC(2026, 0, 1);
const SPAN = 330 * 86_400_000;
const starts = Array.from({ length: 1000 }, () => FROM + Math.floor((random() * SPAN) / MINUTE) * MINUTE);

type Engine = { name: string; add: (ms: number) => number; between: (ms: number) => number };
const engines: Engine[] = [
  { name: 'ours (luxon, open-interval index)', add: (ms) => addBusinessMillis(schedule, ms, ADD_MINUTES * MINUTE), between: (ms) => businessMillisBetween(schedule, ms, ms + BETWEEN_MS) / MINUTE },
  {
    // The same engine with nothing cached: a fresh schedule (validation, compilation, index) for every call.
    name: 'ours, cold (new schedule each call)',
    add: (ms) => addBusinessMillis(createSchedule(schedule.kind === 'business' ? schedule.spec : {}), ms, ADD_MINUTES * MINUTE),
    between: (ms) => businessMillisBetween(createSchedule(schedule.kind === 'business' ? schedule.spec : {}), ms, ms + BETWEEN_MS) / MINUTE,
  },
  {
    name: 'moment-business-time',
    add: (ms) => moment.tz(ms, ZONE).addWorkingTime(ADD_MINUTES, 'minutes').valueOf(),
    between: (ms) => moment.tz(ms + BETWEEN_MS, ZONE).workingDiff(moment.tz(ms, ZONE), 'minutes'),
  },
  { name: 'dayjs-business-time', add: (ms) => dayjs(ms).addBusinessMinutes(ADD_MINUTES).valueOf(), between: (ms) => dayjs(ms).businessMinutesDiff(dayjs(ms + BETWEEN_MS)) },
];

export interface BusinessTimeBenchRow {
  readonly engine: string;
  readonly addPerSecond: number;
  readonly betweenPerSecond: number;
  readonly addAgreement: number;
  readonly betweenAgreement: number;
}

export function runBusinessTimeBench(): BusinessTimeBenchRow[] {
  const [ours] = engines as [Engine];
  const expectedAdd = starts.map(ours.add);
  const expectedBetween = starts.map(ours.between);
  return engines.map((engine) => {
    const add = starts.map(engine.add);
    const between = starts.map(engine.between);
    const disagreements = starts.flatMap((s, i) => [
      ...(add[i] === expectedAdd[i] ? [] : [`add from ${new Date(s).toISOString()}: ours ${new Date(expectedAdd[i] as number).toISOString()}, ${engine.name} ${new Date(add[i] as number).toISOString()}`]),
      ...(Math.abs((between[i] as number) - (expectedBetween[i] as number)) < 1e-9 ? [] : [`between from ${new Date(s).toISOString()}: ours ${expectedBetween[i]}, ${engine.name} ${between[i]}`]),
    ]);
    if (disagreements.length > 0) console.log(`${engine.name}: ${disagreements.length} disagreements, e.g.\n  ${disagreements.slice(0, 5).join('\n  ')}`);
    return {
      engine: engine.name,
      addPerSecond: opsPerSecond(starts, engine.add),
      betweenPerSecond: opsPerSecond(starts, engine.between),
      addAgreement: add.filter((v, i) => v === expectedAdd[i]).length / starts.length,
      betweenAgreement: between.filter((v, i) => Math.abs(v - (expectedBetween[i] as number)) < 1e-9).length / starts.length,
    };
  });
}

if (require.main === module) {
  const rows = runBusinessTimeBench();
  const [ours, cold] = rows as [BusinessTimeBenchRow, BusinessTimeBenchRow];
  const times = (a: number, b: number) => `${(a / b).toFixed(a / b < 10 ? 1 : 0)}x`;
  console.log(`business time, ${starts.length} start instants, add ${ADD_MINUTES} min / between 9 days, Mon–Fri 09–17 ${ZONE} + US holidays`);
  for (const row of rows) {
    // Ratios only against the peers: ours on a reused schedule, and ours building a schedule for every call.
    const ratio = row === ours || row === cold ? '' : `   ours is ${times(ours.addPerSecond, row.addPerSecond)} / ${times(ours.betweenPerSecond, row.betweenPerSecond)} (add / between); cold ${times(cold.addPerSecond, row.addPerSecond)} / ${times(cold.betweenPerSecond, row.betweenPerSecond)}`;
    console.log(`  ${row.engine.padEnd(36)} add ${formatRate(row.addPerSecond).padStart(12)}  between ${formatRate(row.betweenPerSecond).padStart(12)}  agree ${(row.addAgreement * 100).toFixed(1)}% / ${(row.betweenAgreement * 100).toFixed(1)}%${ratio}`);
  }
}
