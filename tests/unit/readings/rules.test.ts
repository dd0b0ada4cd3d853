import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../shared/errors/catalogue';
import { CONFIGURABLE_RULES, DEFAULT_READING_RULES, RULE_CODES, ReadingRulesSchema, actionOf, defaultReadingRules, timeZoneForLocale } from '../../../main/readings/rules';

describe('ReadingRules settings', () => {
  it('has Polish defaults: 3.2 + 2.2 m³ per person per month, spike ×3, window 1–25 for the portal, Warsaw', () => {
    expect(DEFAULT_READING_RULES.norms).toEqual({ cold_water: '3.2', hot_water: '2.2', heat: null, electricity: null, gas: null });
    expect(DEFAULT_READING_RULES).toMatchObject({ spikeFactor: '3', window: { fromDay: 1, toDay: 25, sources: ['portal'] }, timeZone: 'Europe/Warsaw' });
    expect(ReadingRulesSchema.parse({})).toEqual(DEFAULT_READING_RULES);
  });

  it('has Ukrainian defaults: the social norms (2 m³ cold, 1.6 m³ hot) and Kyiv', () => {
    const uk = defaultReadingRules('uk');
    expect(uk.norms).toMatchObject({ cold_water: '2', hot_water: '1.6' });
    expect(uk.timeZone).toBe('Europe/Kyiv');
    expect(defaultReadingRules('en')).toEqual(DEFAULT_READING_RULES);
    expect(timeZoneForLocale('uk')).toBe('Europe/Kyiv');
  });

  it('gives each configurable rule its default outcome = the catalogue severity', () => {
    const sev = { reject: 'error', hold: 'review', warn: 'warning' } as const;
    for (const [code, r] of Object.entries(CONFIGURABLE_RULES)) {
      expect(DEFAULT_READING_RULES.actions[code as keyof typeof CONFIGURABLE_RULES]).toBe(r.default);
      expect(CATALOGUE[code as keyof typeof CATALOGUE].severity).toBe(sev[r.default]);
    }
    // Every rule code has a catalogue entry.
    for (const code of Object.values(RULE_CODES)) expect(CATALOGUE[code]).toBeDefined();
  });

  it('changes one rule’s outcome, keeps the others, and refuses outcomes a rule does not allow', () => {
    const r = ReadingRulesSchema.parse({ actions: { 'SAL-2018': 'warn' } });
    expect(actionOf(r, 'SAL-2018')).toBe('warn');
    expect(actionOf(r, 'SAL-2019')).toBe('hold');
    expect(actionOf(r, 'SAL-2001')).toBe('reject'); // fixed
    expect(ReadingRulesSchema.safeParse({ actions: { 'SAL-2002': 'warn' } }).success).toBe(false);
    expect(ReadingRulesSchema.safeParse({ actions: { 'SAL-2001': 'hold' } }).success).toBe(false);
  });

  it('keeps norms and factors as decimal text, and refuses floats, bad zones and bad windows', () => {
    expect(ReadingRulesSchema.safeParse({ norms: { cold_water: 2.5 } }).success).toBe(false);
    expect(ReadingRulesSchema.safeParse({ norms: { cold_water: '2,5' } }).success).toBe(false);
    expect(ReadingRulesSchema.safeParse({ spikeFactor: '2.5' }).success).toBe(true);
    expect(ReadingRulesSchema.safeParse({ timeZone: 'Europe/Nowhere' }).success).toBe(false);
    expect(ReadingRulesSchema.safeParse({ window: { fromDay: 0 } }).success).toBe(false);
    expect(ReadingRulesSchema.parse({ window: { toDay: 5, fromDay: 20 } }).window).toEqual({ fromDay: 20, toDay: 5, sources: ['portal'] });
  });
});

describe('the rules’ problem texts', () => {
  it('are exactly what problem() builds from the catalogue, in every language', async () => {
    const { CatalogueTexts } = await import('../../../main/readings/validate');
    const { problem } = await import('../../../shared/errors/problem');
    const params = { ref: 'S1 (00-1)', meter: 'M1', date: '2024-03-10', value: '1,5', previous: '2.000', previousDate: '2024-02-10', consumption: '3', unit: 'm3', limit: '6.4', norm: '3.2', residents: 2, months: '1', extra: 'x' };
    for (const locale of ['pl', 'uk', 'en'] as const) {
      const t = new CatalogueTexts(locale);
      for (const code of Object.values(RULE_CODES)) {
        const p = problem(code, locale, params);
        expect(t.message(code, params)).toBe(p.message);
        expect(t.hint(code, params)).toBe(p.hint);
      }
    }
  });
});
