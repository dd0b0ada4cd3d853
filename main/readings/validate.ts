// The readings rules (issue 5 point 2): every raw reading gets a verdict — accepted, held for
// review, rejected, duplicate or superseded — with every finding in the one error shape.
//
// Order of work, so that 100k readings take well under a second:
//   1. each reading alone: date, meter (by id, radio id or serial, narrowed by account and by the
//      meter being in service on the date), value syntax, decimals, register size, zone, future
//      date, portal reading of a radio meter, verification, submission window, alarm flags;
//   2. same meter + zone + day + value → one reading, the others `duplicate` (and a value the
//      accounting already holds for that day is a duplicate of it);
//   3. per meter + zone, month by month in date order: the latest reading of the month is judged
//      against the previous value (recorded, or last month's winner in the same batch) — lower
//      (rollover? replacement?), above the norm, a spike; if it is rejected the next latest is
//      tried; the month's winner stands, the other readings not rejected are `superseded`.
// Precedence: any reject → rejected; else any hold → held; warnings never change the outcome.
// All problems are kept.

import type { Locale, Problem, Severity } from '../../shared/domain/types';
import type { Params } from '../../shared/errors/problem';
import { CatalogueTexts } from './problem-texts';
import { daysBetween, formatScaled, formatTrim, MONTH_DEN, MONTH_NUM, ONE, parseMeterValue, scaledOf } from './decimal';
import { HistoryIndex, type Recorded } from './history';
import { isIsoDay, localDay } from './import/dates';
import type { MeterLookup } from './meter-lookup';
import { actionOf, RULE_CODES as C, type ReadingRules, type RuleCode } from './rules';

export { CatalogueTexts };
import type { MeterFacts, RawReading, ReadingDecision, RuleAction } from './types';

interface Finding {
  code: RuleCode;
  action: RuleAction | 'info';
  params: Params;
}

interface Work {
  index: number;
  raw: RawReading;
  facts?: MeterFacts;
  zone: number;
  /** The reading's day when it is a real date. */
  day?: string;
  /** The value when it can be judged against the meter (a number, not negative, fits the meter). */
  scaled?: bigint;
  findings: Finding[];
  outcome?: 'duplicate' | 'superseded';
  supersededBy?: string;
  previous?: Recorded;
  consumption?: bigint;
  submittedMs: number;
}

const SEVERITY: Record<RuleAction | 'info', Severity> = { reject: 'error', hold: 'review', warn: 'warning', info: 'warning' };

function worst(findings: Finding[]): RuleAction | undefined {
  let w: RuleAction | undefined;
  for (const f of findings) {
    if (f.action === 'reject') return 'reject';
    if (f.action === 'hold') w = 'hold';
    else if (f.action === 'warn' && !w) w = 'warn';
  }
  return w;
}

function refText(r: RawReading): string {
  const ids = [r.meterId, r.radioId, r.serial].filter((x): x is string => !!x && x.trim() !== '');
  const text = ids.length ? [...new Set(ids)].join(' / ') : '—';
  return r.accountNo ? `${text} (${r.accountNo})` : text;
}

/** Units compared without case, spaces and superscripts (m³ = m3, kwh = kWh). */
function unitKey(u: string): string {
  return u.replace(/\s+/g, '').replace('³', '3').toLowerCase();
}

/** The language of problems when the caller gives none: the premises' country by its time zone. */
function defaultLocale(rules: ReadingRules): Locale {
  return rules.timeZone === 'Europe/Kyiv' || rules.timeZone === 'Europe/Kiev' ? 'uk' : 'pl';
}

export function validateReadings(
  raws: RawReading[],
  lookup: MeterLookup,
  rules: ReadingRules,
  now: Date,
  locale: Locale = defaultLocale(rules),
): ReadingDecision[] {
  const history = new HistoryIndex(lookup);
  const today = localDay(now.getTime(), rules.timeZone);
  // The settings' decimals, parsed once (not once per reading).
  const spikeFactor = scaledOf(rules.spikeFactor);
  const spikeMinimum = scaledOf(rules.spikeMinimum);
  const norms = new Map<string, bigint | undefined>();
  function normOf(medium: string): bigint | undefined {
    if (!norms.has(medium)) {
      const norm = rules.norms[medium as keyof typeof rules.norms];
      norms.set(medium, norm === null || norm === undefined ? undefined : scaledOf(norm));
    }
    return norms.get(medium);
  }

  const add = (w: Work, code: RuleCode, params: Params) => w.findings.push({ code, action: actionOf(rules, code), params });
  const info = (w: Work, code: RuleCode, params: Params) => w.findings.push({ code, action: 'info', params });

  // Portal items give one zone each; the zone count of a meter's day is read off the batch.
  const zonesByRefDay = new Map<string, Set<number>>();
  const refDay = (r: RawReading) => `${r.meterId ?? ''}\u0000${r.radioId ?? ''}\u0000${r.serial ?? ''}\u0000${r.accountNo ?? ''}\u0000${r.readingDate}`;
  for (const r of raws) {
    if (r.zone === undefined || r.zonesGiven !== undefined) continue;
    const k = refDay(r);
    let s = zonesByRefDay.get(k);
    if (!s) zonesByRefDay.set(k, (s = new Set()));
    s.add(r.zone);
  }

  // ---- 1. each reading alone ----
  const works: Work[] = raws.map((raw, index) => {
    // Every field from the start: one object shape for 100k readings keeps the rules' reads fast.
    const w: Work = {
      index,
      raw,
      facts: undefined,
      zone: raw.zone ?? 1,
      day: undefined,
      scaled: undefined,
      findings: [],
      outcome: undefined,
      supersededBy: undefined,
      previous: undefined,
      consumption: undefined,
      submittedMs: raw.submittedAt ? Date.parse(raw.submittedAt) : NaN,
    };
    judgeAlone(w);
    return w;
  });

  function judgeAlone(w: Work): void {
    const r = w.raw;
    const dayOk = isIsoDay(r.readingDate);
    if (dayOk) w.day = r.readingDate;
    else add(w, C.invalidDate, { date: r.readingDate });

    // The meter.
    const match = lookup.find(r);
    if (!match.candidates.length) {
      if (match.otherAccounts.length) {
        const m = match.otherAccounts[0].meter;
        add(w, C.accountMismatch, { meter: m.meter_id, meterAccount: m.account_no, account: r.accountNo ?? '' });
      } else add(w, C.noMeter, { ref: refText(r) });
    } else {
      const active = w.day ? match.candidates.filter((f) => f.meter.installed_on <= w.day! && (f.meter.removed_on === null || w.day! <= f.meter.removed_on)) : match.candidates;
      if (active.length === 1) w.facts = active[0];
      else if (active.length > 1) add(w, C.meterAmbiguous, { ref: refText(r), meters: active.map((f) => f.meter.meter_id).join(', ') });
      else if (match.candidates.length === 1 || new Set(match.candidates.map((f) => f.meter.account_no)).size === 1) {
        // Not in service on the date: judged against the meter nearest to the date (the settings may hold it).
        const near = [...match.candidates].sort((a, b) => (a.meter.installed_on < b.meter.installed_on ? 1 : -1));
        const f = near.find((x) => x.meter.installed_on <= (w.day ?? '9999')) ?? near[near.length - 1];
        w.facts = f;
        add(w, C.meterInactive, { meter: f.meter.meter_id, date: r.readingDate, installed: f.meter.installed_on, removed: f.meter.removed_on ?? '—' });
      } else add(w, C.meterAmbiguous, { ref: refText(r), meters: match.candidates.map((f) => f.meter.meter_id).join(', ') });
    }
    const m = w.facts?.meter;

    // The value.
    const v = parseMeterValue(r.value);
    if (!v.ok) add(w, C.notANumber, { value: r.value });
    else if (v.negative) add(w, C.negative, { value: r.value.trim() });
    else if (m) {
      let fits = true;
      if (v.decimals > m.decimals) {
        add(w, C.tooManyDecimals, { value: r.value.trim(), decimals: v.decimals, meter: m.meter_id, allowed: m.decimals });
        fits = false;
      }
      if (m.register_digits > 0 && v.scaled >= 10n ** BigInt(m.register_digits) * ONE) {
        add(w, C.registerOverflow, { value: r.value.trim(), meter: m.meter_id, digits: m.register_digits });
        fits = false;
      }
      if (r.unit && unitKey(r.unit) !== unitKey(m.unit)) {
        add(w, C.unitMismatch, { value: r.value.trim(), given: r.unit, meter: m.meter_id, unit: m.unit });
        fits = false;
      }
      if (fits) w.scaled = v.scaled;
    }
    if (!m) return;

    // Zones.
    if (w.zone < 1 || w.zone > m.tariff_zones) add(w, C.zoneInvalid, { zone: w.zone, meter: m.meter_id, zones: m.tariff_zones });
    const given = r.zonesGiven ?? (r.zone === undefined ? 1 : (zonesByRefDay.get(refDay(r))?.size ?? 1));
    if (given !== m.tariff_zones) add(w, C.zoneCount, { meter: m.meter_id, given, zones: m.tariff_zones });

    if (w.day && w.day > today) add(w, C.futureDate, { date: w.day, today });
    if (r.source === 'portal' && m.automatic) add(w, C.typedForAutomatic, { meter: m.meter_id });
    if (w.day && m.verification_due && w.day > m.verification_due) add(w, C.verificationDue, { meter: m.meter_id, due: m.verification_due, date: w.day });

    if (rules.window.sources.includes(r.source)) {
      const submitted = Number.isFinite(w.submittedMs) ? localDay(w.submittedMs, rules.timeZone) : w.day;
      if (submitted) {
        const d = +submitted.slice(8, 10);
        const { fromDay, toDay } = rules.window;
        const inside = fromDay <= toDay ? d >= fromDay && d <= toDay : d >= fromDay || d <= toDay;
        if (!inside) add(w, C.outsideWindow, { date: submitted, from: fromDay, to: toDay });
      }
    }
    if (r.alarms?.length) add(w, C.alarm, { meter: m.meter_id, alarms: r.alarms.join(', ') });
  }

  // ---- 2 + 3. per meter and zone ----
  const groups = new Map<string, Work[]>();
  for (const w of works) {
    if (!w.facts || w.day === undefined || w.scaled === undefined) continue;
    const k = `${w.facts.meter.meter_id}\u0000${w.zone}`;
    const g = groups.get(k);
    if (g) g.push(w);
    else groups.set(k, [w]);
  }
  const later = (a: Work, b: Work): number => {
    if (a.day! !== b.day!) return a.day! < b.day! ? -1 : 1;
    const sa = Number.isFinite(a.submittedMs) ? a.submittedMs : -Infinity;
    const sb = Number.isFinite(b.submittedMs) ? b.submittedMs : -Infinity;
    if (sa !== sb) return sa < sb ? -1 : 1;
    return a.index - b.index;
  };

  for (const group of groups.values()) {
    const f = group[0].facts!;
    const h = history.zone(f, group[0].zone);
    // Duplicates: same day and value → the first in the source wins; a value already recorded for
    // that day in the accounting system is a duplicate of the record.
    const firstOf = new Map<string, Work>();
    for (const w of [...group].sort((a, b) => a.index - b.index)) {
      const k = `${w.day}\u0000${w.scaled}`;
      const winner = firstOf.get(k);
      if (winner) {
        w.outcome = 'duplicate';
        w.supersededBy = winner.raw.sourceId;
        info(w, C.duplicate, sameParams(w));
      } else if (history.onDay(h, w.day!).some((rec) => rec.scaled === w.scaled)) {
        w.outcome = 'duplicate';
        info(w, C.alreadyRecorded, sameParams(w));
        firstOf.set(k, w);
      } else firstOf.set(k, w);
    }

    const live = group.filter((w) => !w.outcome && worst(w.findings) !== 'reject').sort(later);
    const months = new Map<string, Work[]>();
    for (const w of live) {
      const mk = w.day!.slice(0, 7);
      const list = months.get(mk);
      if (list) list.push(w);
      else months.set(mk, [w]);
    }
    let carried: Recorded | undefined;
    for (const [period, list] of [...months.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      let winner: Work | undefined;
      for (let i = list.length - 1; i >= 0; i--) {
        const w = list[i];
        judgeConsumption(w, carried);
        if (!winner && worst(w.findings) !== 'reject') {
          winner = w;
          continue;
        }
        if (winner && worst(w.findings) !== 'reject') {
          w.outcome = 'superseded';
          w.supersededBy = winner.raw.sourceId;
          info(w, C.superseded, { meter: f.meter.meter_id, date: winner.day!, period });
        }
      }
      if (winner) carried = { date: winner.day!, scaled: winner.scaled!, meterId: f.meter.meter_id };
    }
    // Readings already rejected on their own are still measured against the recorded previous
    // value, so the operator sees every problem a reading has, not only the first.
    for (const w of group) {
      const zoneOk = w.zone >= 1 && w.zone <= f.meter.tariff_zones;
      if (zoneOk && !w.outcome && worst(w.findings) === 'reject' && w.consumption === undefined && !w.previous) judgeConsumption(w, undefined);
    }
  }

  function sameParams(w: Work): Params {
    return { meter: w.facts!.meter.meter_id, value: formatScaled(w.scaled!, w.facts!.meter.decimals), date: w.day! };
  }

  function judgeConsumption(w: Work, carried: Recorded | undefined): void {
    const f = w.facts!;
    const m = f.meter;
    const day = w.day!;
    const h = history.zone(f, w.zone);
    const dec = m.decimals;
    const fmt = (x: bigint) => formatScaled(x, dec);

    const sameDay = history.onDay(h, day);
    if (sameDay.length) add(w, C.conflictsRecorded, { meter: m.meter_id, date: day, recorded: sameDay.map((r) => fmt(r.scaled)).join(', '), value: fmt(w.scaled!) });
    const last = history.last(h);
    if (last && last > day) add(w, C.backDated, { date: day, lastDate: last, meter: m.meter_id });

    let prev: Recorded | undefined = history.latestBefore(h, day);
    if (carried && carried.date < day && (!prev || carried.date > prev.date)) prev = carried;

    if (!prev) {
      const old = history.replacedBefore(f, w.zone, day);
      if (old && w.scaled! < old.scaled) {
        w.previous = old;
        add(w, C.replacement, { value: fmt(w.scaled!), previous: fmt(old.scaled), previousDate: old.date, previousMeter: old.meterId, meter: m.meter_id });
      } else add(w, C.firstReading, { meter: m.meter_id });
      return;
    }
    w.previous = prev;
    const days = Math.max(daysBetween(prev.date, day), 0);
    const normLimit = normLimitOf(f, days);
    const avg = history.average(f, w.zone, day);
    // The spike limit for this interval: factor × average per month × months (at least one).
    const spikeLimit = avg && avg.days >= rules.spikeMinHistoryDays ? (spikeFactor * avg.total * BigInt(Math.max(days * 16, 487))) / (ONE * BigInt(avg.days) * 16n) : undefined;

    const diff = w.scaled! - prev.scaled;
    if (diff < 0n) {
      if (prev.date < m.installed_on) {
        add(w, C.replacement, { value: fmt(w.scaled!), previous: fmt(prev.scaled), previousDate: prev.date, previousMeter: prev.meterId, meter: m.meter_id });
        return;
      }
      if (m.register_digits > 0) {
        const range = 10n ** BigInt(m.register_digits) * ONE;
        const wrapped = diff + range;
        const limits = [normLimit, spikeLimit].filter((x): x is bigint => x !== undefined);
        const limit = limits.length ? limits.reduce((a, b) => (a > b ? a : b)) : (range * scaledOf(rules.rolloverFallbackShare)) / ONE;
        if (wrapped <= limit) {
          w.consumption = wrapped;
          add(w, C.rollover, { value: fmt(w.scaled!), previous: fmt(prev.scaled), digits: m.register_digits, consumption: fmt(wrapped), unit: m.unit });
          return;
        }
      }
      add(w, C.lowerThanPrevious, { value: fmt(w.scaled!), meter: m.meter_id, previous: fmt(prev.scaled), previousDate: prev.date });
      return;
    }
    w.consumption = diff;
    if (normLimit !== undefined && diff > normLimit) {
      const norm = rules.norms[m.medium]!;
      add(w, C.aboveNorm, {
        consumption: fmt(diff),
        unit: m.unit,
        limit: formatTrim(normLimit, 3),
        norm,
        residents: Math.max(1, f.residents),
        months: formatTrim((BigInt(Math.max(days * 16, 487)) * ONE) / 487n, 1),
      });
    }
    if (spikeLimit !== undefined && diff > spikeLimit) {
      const monthsScaled = BigInt(Math.max(days * 16, 487)); // months × 487
      const perMonth = (diff * 487n) / monthsScaled;
      if (perMonth > spikeMinimum) {
        const average = (avg!.total * 487n) / (BigInt(avg!.days) * 16n);
        add(w, C.spike, { perMonth: formatTrim(perMonth, 3), unit: m.unit, factor: rules.spikeFactor, average: formatTrim(average, 3) });
      }
    }
  }

  /** norm × residents (at least one: an empty flat using water is what the norm should catch) × months (at least one). */
  function normLimitOf(f: MeterFacts, days: number): bigint | undefined {
    const norm = normOf(f.meter.medium);
    if (norm === undefined) return undefined;
    const perMonth = norm * BigInt(Math.max(1, f.residents));
    return (perMonth * BigInt(Math.max(days * Number(MONTH_NUM), Number(MONTH_DEN)))) / MONTH_DEN;
  }

  // ---- the decisions, in the order of the raws ----
  const texts = new CatalogueTexts(locale);
  return works.map((w): ReadingDecision => {
    const m = w.facts?.meter;
    const key = m?.meter_id ?? refText(w.raw);
    const problems: Problem[] = w.findings.map((fd) => {
      const p: Problem = { code: fd.code, severity: SEVERITY[fd.action], message: texts.message(fd.code, fd.params), hint: texts.hint(fd.code, fd.params), key };
      if (w.raw.file !== undefined) p.file = w.raw.file;
      if (w.raw.line !== undefined) p.line = w.raw.line;
      return p;
    });
    const act = worst(w.findings);
    const outcome = w.outcome ?? (act === 'reject' ? 'rejected' : act === 'hold' ? 'held' : 'accepted');
    const d: ReadingDecision = { raw: w.raw, outcome, zone: w.zone, problems };
    if (m && w.facts) {
      d.meterId = m.meter_id;
      d.accountNo = m.account_no;
      d.building = w.facts.building;
      d.medium = m.medium;
      if (w.scaled !== undefined) d.value = formatScaled(w.scaled, m.decimals);
    }
    if (w.previous && m) {
      d.previousValue = formatScaled(w.previous.scaled, m.decimals);
      d.previousDate = w.previous.date;
    }
    if (w.consumption !== undefined && m) d.consumption = formatScaled(w.consumption, m.decimals);
    if (w.supersededBy) d.supersededBy = w.supersededBy;
    return d;
  });
}
