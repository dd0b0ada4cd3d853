// What the rules need to know about the meters, read from the accounting exchange contract for a
// period: export_meters (every meter in service since the history window's start, so a meter
// replaced since then is known as replaced), export_meter_readings (the history,
// for previous value, rollover and spike), export_accounts (residents for the norm, building and
// address for the grids). Streamed, indexed in Maps once.

import type { AccountRow, MeterReadingRow, MeterRow } from '../../shared/domain/accounting';
import { addMonths, isIsoDate, lastDayOfPeriod, periodOfDate } from '../../shared/domain/period';
import type { AccountingGateway } from '../accounting/port';
import { createMeterLookupSteps, meterFactsSteps, type MeterLookup } from './meter-lookup';
import { Pace, runPaced } from './pace';
import type { RawReading } from './types';

/** Months of recorded history read for the previous-value, rollover and spike rules. */
export const HISTORY_MONTHS = 13;

export interface PremisesInfo {
  building: string;
  address: string;
}

export interface Facts {
  period: string;
  lookup: MeterLookup;
  premises: Map<string, PremisesInfo>;
  meters: number;
}

/**
 * The period whose meters judge the readings: the one asked for; else the month most of the
 * readings are dated in (a stray date — a typo, a reading dated years ahead — must not move the
 * whole import to another month; on a tie the later month); else the latest period the
 * accounting data has.
 */
export function periodFor(raws: readonly RawReading[], asked: string | undefined, latest: string | undefined): string {
  if (asked) return asked;
  const months = new Map<string, number>();
  for (const r of raws) if (isIsoDate(r.readingDate)) months.set(periodOfDate(r.readingDate), (months.get(periodOfDate(r.readingDate)) ?? 0) + 1);
  let best: string | undefined;
  let most = 0;
  for (const [p, n] of months) if (n > most || (n === most && best !== undefined && p > best)) [best, most] = [p, n];
  if (best) return best;
  if (latest) return latest;
  return periodOfDate(new Date().toISOString());
}

function premisesLabel(a: AccountRow): string {
  return a.unit ? `${a.address} / ${a.unit}` : a.address;
}

/** The exports read, for the progress bar (counting their rows first would read them twice). */
export const FACT_STEPS = 3;

export async function loadFacts(gw: AccountingGateway, period: string, signal: AbortSignal, onRow: () => void, onStep: (done: number) => void = () => {}): Promise<Facts> {
  lastDayOfPeriod(period); // validates
  // One export at the history window's start: the contract's export_meters gives every meter not
  // removed before its month starts (sql/mssql/03-procedures.sql), so this holds the meters in
  // service now and those replaced within the window — which the replacement rule needs. Their
  // last values are only the fallback for a meter with no reading in the window, so they are the same.
  const meters = new Map<string, MeterRow>();
  const windowStart = addMonths(period, 1 - HISTORY_MONTHS);
  for await (const m of gw.export('export_meters', { period: windowStart }, signal)) {
    onRow();
    meters.set(m.meter_id, m);
  }
  onStep(1);
  // Grouped by meter as they stream (the export is ordered by meter), not held as one long list.
  const history = new Map<string, MeterReadingRow[]>();
  let list: MeterReadingRow[] | undefined;
  let listOf = '';
  for await (const r of gw.export('export_meter_readings', { period, months: HISTORY_MONTHS }, signal)) {
    onRow();
    if (r.meter_id !== listOf || !list) {
      list = history.get(r.meter_id);
      if (!list) history.set(r.meter_id, (list = []));
      listOf = r.meter_id;
    }
    list.push(r);
  }
  onStep(2);
  const accounts = new Map<string, Pick<AccountRow, 'residents_count' | 'building'>>();
  const premises = new Map<string, PremisesInfo>();
  for await (const a of gw.export('export_accounts', { period }, signal)) {
    onRow();
    if (!a.account_no) continue;
    accounts.set(a.account_no, { residents_count: a.residents_count, building: a.building });
    premises.set(a.account_no, { building: a.building, address: premisesLabel(a) });
  }
  onStep(3);
  // Indexing 100k meters takes a while: done in steps, yielding to the event loop by time.
  const pace = new Pace(signal);
  const facts = await runPaced(meterFactsSteps([...meters.values()], history, accounts), pace);
  const lookup = await runPaced(createMeterLookupSteps(facts), pace);
  return { period, lookup, premises, meters: meters.size };
}
