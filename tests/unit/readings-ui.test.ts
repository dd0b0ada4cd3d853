// The readings tab's plain helpers: the contract's lists and limit as the window holds them (kept
// out of the contract module so zod stays out of the renderer), decimals on screen, the format a
// dropped file's name suggests; and the feature's strings, the same placeholders in each language.

import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, READING_ENCODINGS, READING_FORMATS } from '../../shared/ipc/contract-readings';
import { ENCODINGS, FORMATS, MAX_FILE_BYTES as WINDOW_MAX } from '../../renderer/src/readings/limits';
import { formatBytes, formatDecimal, unitLabel } from '../../renderer/src/readings/format';
import { formatForName } from '../../renderer/src/readings/store';
import { READINGS_UI } from '../../shared/i18n/ui-readings';
import { READINGS_REPORTS } from '../../shared/i18n/reports-readings';

describe('readings tab helpers', () => {
  it('holds the same formats, encodings and file limit as the contract', () => {
    expect(FORMATS).toEqual(READING_FORMATS);
    expect(ENCODINGS).toEqual(READING_ENCODINGS);
    expect(WINDOW_MAX).toBe(MAX_FILE_BYTES);
  });

  it('shows meter values with the locale’s decimal mark, never through a float', () => {
    expect(formatDecimal('12.300', 'pl')).toBe('12,300');
    expect(formatDecimal('99995.1000', 'uk')).toBe('99\u00a0995,1000');
    expect(formatDecimal('1234.5', 'en')).toBe('1,234.5');
    expect(formatDecimal('-0.5', 'pl')).toBe('−0,5');
    expect(formatDecimal('błąd', 'pl')).toBe('błąd');
    expect(formatDecimal(undefined, 'pl')).toBe('');
    expect(unitLabel('m3')).toBe('m³');
    expect(unitLabel('kWh')).toBe('kWh');
    expect(formatBytes(2048, 'pl')).toBe('2 KB');
    expect(formatBytes(3.5 * 1024 * 1024, 'pl')).toBe('3,5 MB');
  });

  it('takes the format a file’s name suggests', () => {
    expect(formatForName('wmbus-2026-11.json', 'csv')).toBe('wmbus-json');
    expect(formatForName('odczyty.CSV', 'wmbus-json')).toBe('csv');
    expect(formatForName('odczyty.csv', 'wmbus-csv')).toBe('wmbus-csv');
    expect(formatForName('odczyty.txt', 'csv')).toBe('csv');
  });
});

describe('readings strings', () => {
  const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  const texts = (v: unknown): string[] => (typeof v === 'string' ? [v] : Object.values(v as Record<string, string>));

  for (const [name, cat] of [
    ['window', READINGS_UI],
    ['reports', READINGS_REPORTS],
  ] as const) {
    it(`has the same placeholders in Polish, Ukrainian and English (${name})`, () => {
      const en = cat.en as Record<string, unknown>;
      for (const key of Object.keys(en)) {
        for (const l of ['pl', 'uk'] as const) {
          const other = (cat[l] as Record<string, unknown>)[key];
          expect(other, `${l} ${key}`).toBeDefined();
          const want = holes(texts(en[key])[0]);
          for (const s of texts(other)) expect(holes(s), `${l} ${key}: ${s}`).toEqual(want);
          for (const s of texts(other)) expect(s.trim(), `${l} ${key}`).not.toBe('');
        }
      }
    });
  }
});
