// Finds the meter a reading names. Sources name meters differently: the portal by the contract's
// meter_id, the radio operator's file by the printed serial or by the radio id, which can differ
// from the serial (wM-Bus ids are often the serial, but not always, and the accounting system may
// not know the radio id at all). Everything is indexed in Maps once, so matching 100k readings
// never scans the meter list.

import type { AccountRow, MeterReadingRow, MeterRow } from '../../shared/domain/accounting';
import type { MeterFacts } from './types';
import { runSteps, type Steps } from './import/csv-parse';

/** Meters handled between two pauses of the stepwise builders. */
const STEP_METERS = 2000;

/** How a reading names its meter (any of the identifiers; the account narrows when given). */
export interface MeterRef {
  meterId?: string;
  serial?: string;
  radioId?: string;
  accountNo?: string;
}

/** What the identifiers matched, before the reading's date is considered. */
export interface MeterMatch {
  /** Meters the identifiers name, narrowed to the account when the reading gives one. */
  candidates: MeterFacts[];
  /** Meters the identifiers name that belong to another premises than the reading's account. */
  otherAccounts: MeterFacts[];
}

export interface MeterLookup {
  /** The meter with this contract meter_id. */
  byId(meterId: string): MeterFacts | undefined;
  /**
   * Every meter the reference names. meter_id is authoritative when given; otherwise the radio id
   * is matched against radio_id and then, when no meter has it as radio id, against serials (and
   * a serial against serials, then radio ids) — operators' files mix them up.
   */
  find(ref: MeterRef): MeterMatch;
  /** How many meters are indexed. */
  readonly size: number;
}

/** Serials and radio ids compared without case, spaces and (for all-digit radio ids) leading zeros. */
export function normaliseSerial(s: string): string {
  // Most identifiers are already upper-case ASCII without spaces: returned as they are.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || (c >= 97 && c <= 122) || c > 126) return s.replace(/\s+/g, '').toUpperCase();
  }
  return s;
}

export function normaliseRadioId(s: string): string {
  const n = normaliseSerial(s);
  return /^\d+$/.test(n) ? n.replace(/^0+(?=\d)/, '') : n;
}

function push<K, V>(map: Map<K, V[]>, key: K, v: V): void {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}

export function createMeterLookup(facts: Iterable<MeterFacts>): MeterLookup {
  return runSteps(createMeterLookupSteps(facts));
}

/** createMeterLookup, pausing every few thousand meters (see runPaced in pace.ts). */
export function* createMeterLookupSteps(facts: Iterable<MeterFacts>): Steps<MeterLookup> {
  let n = 0;
  const byId = new Map<string, MeterFacts>();
  const bySerial = new Map<string, MeterFacts[]>();
  const byRadio = new Map<string, MeterFacts[]>();
  // Radio ids are also looked up among serials (and vice versa): index serials by the radio-id
  // normalisation too, so "00123456" in a wM-Bus file finds serial "123456".
  const bySerialAsRadio = new Map<string, MeterFacts[]>();
  for (const f of facts) {
    if (++n % STEP_METERS === 0) yield;
    byId.set(f.meter.meter_id, f);
    push(bySerial, normaliseSerial(f.meter.serial), f);
    push(bySerialAsRadio, normaliseRadioId(f.meter.serial), f);
    if (f.meter.radio_id) push(byRadio, normaliseRadioId(f.meter.radio_id), f);
  }
  const none: MeterFacts[] = [];

  function byRadioId(id: string): MeterFacts[] {
    const k = normaliseRadioId(id);
    return byRadio.get(k) ?? bySerialAsRadio.get(k) ?? none;
  }
  function bySerialNo(s: string): MeterFacts[] {
    return bySerial.get(normaliseSerial(s)) ?? byRadio.get(normaliseRadioId(s)) ?? none;
  }

  return {
    byId: (id) => byId.get(id),
    get size() {
      return byId.size;
    },
    find(ref) {
      let found: MeterFacts[];
      if (ref.meterId) {
        const f = byId.get(ref.meterId.trim());
        found = f ? [f] : none;
      } else {
        const radio = ref.radioId ? byRadioId(ref.radioId) : none;
        const serial = ref.serial ? bySerialNo(ref.serial) : none;
        if (radio.length && serial.length) {
          // Both given and both known: they must name the same meter(s); when they disagree the
          // union is returned and the validator reports the ambiguity.
          const both = radio.filter((f) => serial.includes(f));
          found = both.length ? both : [...new Set([...radio, ...serial])];
        } else found = radio.length ? radio : serial;
      }
      if (!ref.accountNo) return { candidates: found, otherAccounts: none };
      const account = ref.accountNo.trim();
      const candidates: MeterFacts[] = [];
      const otherAccounts: MeterFacts[] = [];
      for (const f of found) (f.meter.account_no === account ? candidates : otherAccounts).push(f);
      return { candidates, otherAccounts };
    },
  };
}

/**
 * Builds MeterFacts from the exchange contract's exports: meters (export_meters), their recorded
 * readings (export_meter_readings) and the premises (export_accounts, for residents and
 * building). A meter's `replaced` list holds the earlier meters of the same premises and medium
 * that were removed on or before it was installed.
 */
export function meterFactsFromExports(input: {
  meters: MeterRow[];
  readings: MeterReadingRow[];
  accounts: Pick<AccountRow, 'account_no' | 'residents_count' | 'building'>[];
}): MeterFacts[] {
  const accounts = new Map<string, Pick<AccountRow, 'residents_count' | 'building'>>();
  for (const a of input.accounts) if (a.account_no) accounts.set(a.account_no, a);
  const history = new Map<string, MeterReadingRow[]>();
  for (const r of input.readings) push(history, r.meter_id, r);
  return runSteps(meterFactsSteps(input.meters, history, accounts));
}

const readingOrder = (a: MeterReadingRow, b: MeterReadingRow) => (a.reading_date < b.reading_date ? -1 : a.reading_date > b.reading_date ? 1 : a.zone - b.zone);

/**
 * meterFactsFromExports over readings already grouped by meter (the lists are taken over and put
 * in date order) and accounts by number, pausing every few thousand meters.
 */
export function* meterFactsSteps(
  meters: readonly MeterRow[],
  history: Map<string, MeterReadingRow[]>,
  accounts: Map<string, Pick<AccountRow, 'residents_count' | 'building'>>,
): Steps<MeterFacts[]> {
  const byPremisesMedium = new Map<string, MeterRow[]>();
  for (const m of meters) push(byPremisesMedium, `${m.account_no}\u0000${m.medium}`, m);
  const none: MeterRow[] = [];
  const out: MeterFacts[] = new Array(meters.length);
  for (let i = 0; i < meters.length; i++) {
    if (i % STEP_METERS === STEP_METERS - 1) yield;
    const meter = meters[i];
    const h = history.get(meter.meter_id) ?? [];
    // The export gives them in this order already: sorting is only needed when it did not.
    for (let k = 1; k < h.length; k++) {
      if (readingOrder(h[k - 1], h[k]) > 0) {
        h.sort(readingOrder);
        break;
      }
    }
    const siblings = byPremisesMedium.get(`${meter.account_no}\u0000${meter.medium}`) ?? none;
    const replaced = siblings.length > 1 ? siblings.filter((m) => m !== meter && m.removed_on !== null && m.removed_on <= meter.installed_on) : none;
    const account = accounts.get(meter.account_no);
    out[i] = {
      meter,
      history: h,
      residents: account?.residents_count ?? 0,
      building: account?.building ?? '',
      replaced: replaced === none ? [] : replaced,
    };
  }
  return out;
}
