// The readings rules' settings: which catalogue code each rule reports, what happens when it hits
// (reject / hold for review / warn — the "configurable outcome"), the consumption norms,
// the spike factor and the submission window. The service stores these in the store's settings;
// `ReadingRulesSchema.parse({})` gives the defaults, `defaultReadingRules(locale)` the defaults
// for a workspace's country (Polish or Ukrainian norms and time zone).

import { z } from 'zod';
import type { Locale } from '../../shared/domain/types';
import type { RuleAction } from './types';

/**
 * Every reading-level code the rules report, by rule. File-level codes (SAL-2030…2049) are the
 * importers'; these are the verdicts on single readings.
 */
export const RULE_CODES = {
  noMeter: 'SAL-2001',
  meterInactive: 'SAL-2002',
  meterAmbiguous: 'SAL-2003',
  accountMismatch: 'SAL-2004',
  invalidDate: 'SAL-2005',
  futureDate: 'SAL-2006',
  notANumber: 'SAL-2007',
  negative: 'SAL-2008',
  tooManyDecimals: 'SAL-2009',
  registerOverflow: 'SAL-2010',
  zoneInvalid: 'SAL-2011',
  zoneCount: 'SAL-2012',
  typedForAutomatic: 'SAL-2013',
  verificationDue: 'SAL-2014',
  lowerThanPrevious: 'SAL-2015',
  rollover: 'SAL-2016',
  replacement: 'SAL-2017',
  aboveNorm: 'SAL-2018',
  spike: 'SAL-2019',
  outsideWindow: 'SAL-2020',
  alarm: 'SAL-2021',
  firstReading: 'SAL-2022',
  backDated: 'SAL-2023',
  conflictsRecorded: 'SAL-2024',
  alreadyRecorded: 'SAL-2025',
  duplicate: 'SAL-2026',
  superseded: 'SAL-2027',
  unitMismatch: 'SAL-2028',
} as const;

export type RuleName = keyof typeof RULE_CODES;
export type RuleCode = (typeof RULE_CODES)[RuleName];

const ANY: readonly RuleAction[] = ['reject', 'hold', 'warn'];

/**
 * The codes whose outcome the settings may change, the outcomes each allows, and its default.
 * Codes not listed are fixed: a reading they hit cannot be written at all (no meter, not a number,
 * negative, too many decimals or digits, another unit, a zone the meter does not have, an
 * unreadable date), so
 * they always reject; duplicates and superseded readings have their own outcomes.
 * "Lower than previous" and "not active on the date" may be relaxed to hold but never to a warning,
 * because accepting them unseen would write a wrong consumption.
 */
export const CONFIGURABLE_RULES = {
  'SAL-2002': { allowed: ['reject', 'hold'], default: 'reject' },
  'SAL-2006': { allowed: ['reject', 'hold'], default: 'reject' },
  'SAL-2012': { allowed: ANY, default: 'reject' },
  'SAL-2013': { allowed: ANY, default: 'reject' },
  'SAL-2014': { allowed: ANY, default: 'reject' },
  'SAL-2015': { allowed: ['reject', 'hold'], default: 'reject' },
  'SAL-2016': { allowed: ANY, default: 'hold' },
  'SAL-2017': { allowed: ANY, default: 'hold' },
  'SAL-2018': { allowed: ANY, default: 'hold' },
  'SAL-2019': { allowed: ANY, default: 'hold' },
  'SAL-2020': { allowed: ANY, default: 'hold' },
  'SAL-2021': { allowed: ANY, default: 'warn' },
  'SAL-2022': { allowed: ANY, default: 'warn' },
  'SAL-2023': { allowed: ANY, default: 'hold' },
  'SAL-2024': { allowed: ANY, default: 'hold' },
} as const satisfies Partial<Record<RuleCode, { allowed: readonly RuleAction[]; default: RuleAction }>>;

export type ConfigurableCode = keyof typeof CONFIGURABLE_RULES;

/** A non-negative decimal setting (norms, factors), kept as text so no float ever holds it. */
const decimalSetting = z.string().regex(/^\d{1,6}(\.\d{1,4})?$/, 'a decimal number like 3.2 (dot, up to 4 places)');

const actionFor = (code: ConfigurableCode) => {
  const r = CONFIGURABLE_RULES[code];
  return z.enum(r.allowed as unknown as [RuleAction, ...RuleAction[]]).default(r.default);
};

const actionsShape = Object.fromEntries(
  (Object.keys(CONFIGURABLE_RULES) as ConfigurableCode[]).map((c) => [c, actionFor(c)]),
) as { [K in ConfigurableCode]: z.ZodDefault<z.ZodEnum<{ [A in RuleAction]: A }>> };

/** Validates an IANA zone name against the runtime's zone database. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSetting = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, 'an IANA time zone like Europe/Warsaw');

/**
 * Norms per person per month, in the meter's unit (m³ for water). Defaults are Polish: the
 * regulation on average water-use norms (Dz.U. 2002 nr 8 poz. 70) gives 2.4–5.4 m³ per person
 * per month in total depending on the flat's equipment; the upper end split 3.2 cold + 2.2 hot, so
 * an ordinary household passes and only a real anomaly is held. Heat, electricity and gas have no
 * per-person norm (null: not checked) — the spike rule watches them.
 */
const normsShape = z
  .object({
    cold_water: decimalSetting.nullable().default('3.2'),
    hot_water: decimalSetting.nullable().default('2.2'),
    heat: decimalSetting.nullable().default(null),
    electricity: decimalSetting.nullable().default(null),
    gas: decimalSetting.nullable().default(null),
  })
  .strict();

export const ReadingRulesSchema = z
  .object({
    /** The outcome of each configurable rule (see CONFIGURABLE_RULES). */
    actions: z.object(actionsShape).strict().prefault({}),
    norms: normsShape.prefault({}),
    /**
     * A premises' monthly consumption above `spikeFactor` × its own average monthly consumption
     * (from the recorded history) is a spike. The average needs at least `spikeMinHistoryDays` of
     * history; consumption under `spikeMinimum` (meter units per month) never counts as a spike,
     * so a near-empty flat with a tiny average is not held for a normal month.
     */
    spikeFactor: decimalSetting.default('3'),
    spikeMinHistoryDays: z.number().int().min(1).max(3660).default(60),
    spikeMinimum: decimalSetting.default('1'),
    /**
     * The days of the month residents may submit on the portal (inclusive, in the premises' time
     * zone). Default 1–25: Ukrainian suppliers take readings "до 25 числа", Polish cooperatives close
     * the month's readings before billing at month end. fromDay > toDay wraps over the month's
     * end (e.g. 20–5). Radio readings are taken when the operator drives by, so by default the
     * window applies to the portal only.
     */
    window: z
      .object({
        fromDay: z.number().int().min(1).max(31).default(1),
        toDay: z.number().int().min(1).max(31).default(25),
        sources: z.array(z.enum(['portal', 'radio'])).max(2).default(['portal']),
      })
      .strict()
      .prefault({}),
    /**
     * A rollover (register wrap at 10^digits) is plausible when the wrapped consumption is within
     * the norm or the spike limit; when neither is known for the meter, within this share of the
     * register's range (a 5-digit register wraps at 100000; share 0.1 allows up to 10000).
     */
    rolloverFallbackShare: decimalSetting.default('0.1'),
    /** The premises' time zone: "today" for the future-date rule and submission times' days. */
    timeZone: timeZoneSetting.default('Europe/Warsaw'),
  })
  .strict();

export type ReadingRules = z.infer<typeof ReadingRulesSchema>;
export type ReadingRulesInput = z.input<typeof ReadingRulesSchema>;

/** The premises' time zone by the workspace's language (Polish → Warsaw, Ukrainian → Kyiv). */
export function timeZoneForLocale(locale: Locale): string {
  return locale === 'uk' ? 'Europe/Kyiv' : 'Europe/Warsaw';
}

/** The Polish defaults (also for an English workspace). */
export const DEFAULT_READING_RULES: ReadingRules = ReadingRulesSchema.parse({});

/**
 * Defaults by the workspace's country. Ukrainian: the social norms (Cabinet of Ministers
 * resolution No. 409 of 1999: 2 m³ cold and 1.6 m³ hot water per person per month) — these are
 * low, so an operator who sees many holds raises them in the settings.
 */
export function defaultReadingRules(locale: Locale): ReadingRules {
  if (locale !== 'uk') return ReadingRulesSchema.parse({});
  return ReadingRulesSchema.parse({ norms: { cold_water: '2', hot_water: '1.6' }, timeZone: 'Europe/Kyiv' });
}

/** The action the settings give a code; fixed codes always reject (duplicates and superseded have their own outcome). */
export function actionOf(rules: ReadingRules, code: RuleCode): RuleAction {
  const configured = (rules.actions as Record<string, RuleAction | undefined>)[code];
  return configured ?? 'reject';
}
