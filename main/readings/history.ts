// A meter's recorded history per tariff zone, parsed once into exact values and searched by date
// with a binary search (no per-reading scans), and the premises' own average monthly consumption
// for the spike rule.

import type { MeterFacts } from './types';
import type { MeterLookup } from './meter-lookup';
import { daysBetween, parseMeterValue } from './decimal';

export interface ZoneHistory {
  meterId: string;
  dates: string[];
  values: bigint[];
}

export interface Recorded {
  meterId: string;
  date: string;
  scaled: bigint;
}

export class HistoryIndex {
  private readonly zones = new Map<string, ZoneHistory>();
  private readonly averages = new Map<string, { upTo: string; avg: Average | undefined }>();

  constructor(private readonly lookup: MeterLookup) {}

  zone(f: MeterFacts, zone: number): ZoneHistory {
    const key = `${f.meter.meter_id}\u0000${zone}`;
    let h = this.zones.get(key);
    if (!h) {
      h = { meterId: f.meter.meter_id, dates: [], values: [] };
      // A single-zone history already oldest first (as meterFactsFromExports gives it) is used as it is.
      const asIs = f.history.every((r, i) => r.zone === zone && (i === 0 || f.history[i - 1].reading_date <= r.reading_date));
      const rows = asIs ? f.history : f.history.filter((r) => r.zone === zone).sort((a, b) => (a.reading_date < b.reading_date ? -1 : a.reading_date > b.reading_date ? 1 : 0));
      for (const r of rows) {
        const p = parseMeterValue(r.value);
        if (!p.ok) continue;
        h.dates.push(r.reading_date);
        h.values.push(p.scaled);
      }
      // The contract's last_value/last_date stand in when the history window holds nothing older.
      const m = f.meter;
      if (!h.dates.length && zone === 1 && m.last_value !== null && m.last_date) {
        const p = parseMeterValue(m.last_value);
        if (p.ok) {
          h.dates.push(m.last_date);
          h.values.push(p.scaled);
        }
      }
      this.zones.set(key, h);
    }
    return h;
  }

  /** The latest recorded reading strictly before the day. */
  latestBefore(h: ZoneHistory, day: string): Recorded | undefined {
    let lo = 0;
    let hi = h.dates.length; // first index with date >= day
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (h.dates[mid] < day) lo = mid + 1;
      else hi = mid;
    }
    const i = lo - 1;
    return i >= 0 ? { meterId: h.meterId, date: h.dates[i], scaled: h.values[i] } : undefined;
  }

  /** Recorded values on the day. */
  onDay(h: ZoneHistory, day: string): Recorded[] {
    const out: Recorded[] = [];
    for (let i = h.dates.length - 1; i >= 0 && h.dates[i] >= day; i--) {
      if (h.dates[i] === day) out.push({ meterId: h.meterId, date: day, scaled: h.values[i] });
    }
    return out;
  }

  last(h: ZoneHistory): string | undefined {
    return h.dates.length ? h.dates[h.dates.length - 1] : undefined;
  }

  /** The latest reading before the day of the meters this meter replaced (same premises and medium). */
  replacedBefore(f: MeterFacts, zone: number, day: string): Recorded | undefined {
    let best: Recorded | undefined;
    for (const m of f.replaced) {
      const rf = this.lookup.byId(m.meter_id);
      if (!rf) continue;
      const r = this.latestBefore(this.zone(rf, zone), day);
      if (r && (!best || r.date > best.date)) best = r;
    }
    return best;
  }

  /**
   * The premises' own consumption before the day: the sum of every non-negative step between
   * consecutive readings of this meter and the meters it replaced, and the days those steps span
   * (a step that went down — a rollover or a correction — counts neither).
   */
  average(f: MeterFacts, zone: number, before: string): Average | undefined {
    const key = `${f.meter.meter_id}\u0000${zone}`;
    const cached = this.averages.get(key);
    if (cached && cached.upTo < before) return cached.avg;
    const sources = [f, ...f.replaced.map((m) => this.lookup.byId(m.meter_id)).filter((x): x is MeterFacts => !!x)];
    let total = 0n;
    let days = 0;
    for (const s of sources) {
      const h = this.zone(s, zone);
      for (let i = 1; i < h.dates.length && h.dates[i] < before; i++) {
        const step = h.values[i] - h.values[i - 1];
        if (step < 0n) continue;
        total += step;
        days += daysBetween(h.dates[i - 1], h.dates[i]);
      }
    }
    const avg = days > 0 ? { total, days } : undefined;
    // Valid for any later day: no recorded reading lies between lastDay and it.
    const maxRecorded = sources.reduce((m, s) => {
      const l = this.last(this.zone(s, zone));
      return l && l > m ? l : m;
    }, '');
    if (maxRecorded < before) this.averages.set(key, { upTo: maxRecorded, avg });
    return avg;
  }
}

export interface Average {
  /** Consumption (scaled) over `days` days of recorded history. */
  total: bigint;
  days: number;
}
