import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../shared/errors/catalogue';
import { problem, fill } from '../../shared/errors/problem';
import { LOCALES } from '../../shared/domain/types';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('error catalogue', () => {
  const entries = Object.entries(CATALOGUE);

  it('has codes in the documented ranges', () => {
    expect(entries.length).toBeGreaterThan(10);
    for (const [code] of entries) expect(code).toMatch(/^SAL-[1-69]\d{3}$/);
  });

  it.each(entries)('%s has a severity, and a message and a hint in every language', (_code, e) => {
    expect(['error', 'review', 'warning']).toContain(e.severity);
    for (const l of LOCALES) {
      const t = (e as unknown as Record<string, { message: string; hint: string }>)[l];
      expect(t, `language ${l}`).toBeDefined();
      expect(t.message.trim().length, `${l} message`).toBeGreaterThan(5);
      expect(t.hint.trim().length, `${l} hint`).toBeGreaterThan(5);
    }
  });

  it.each(entries)('%s uses the same placeholders in every language, and is really translated', (_code, e) => {
    const en = e.en;
    for (const l of ['pl', 'uk'] as const) {
      expect(placeholders(e[l].message)).toEqual(placeholders(en.message));
      expect(placeholders(e[l].hint)).toEqual(placeholders(en.hint));
      expect(e[l].message).not.toEqual(en.message);
    }
    expect(e.uk.message + e.uk.hint).toMatch(/[а-яіїєґ]/i);
  });

  it('builds the one error shape, with placeholders filled and whom to call for support-only codes', () => {
    const p = problem('SAL-5002', 'pl', { object: 'export_accounts', detail: 'area_m2' }, { key: '00-0001' });
    expect(p).toMatchObject({ code: 'SAL-5002', severity: 'error', key: '00-0001' });
    expect(p.message).toContain('export_accounts');
    expect(p.message).not.toMatch(/\{\w+\}/);
    expect(p.hint).toContain('dostawca systemu księgowego');
    expect(Object.keys(problem('SAL-6012', 'en', { period: 'x' })).sort()).toEqual(['code', 'hint', 'message', 'severity']);
  });

  it('leaves unknown placeholders visible rather than inventing text', () => {
    expect(fill('a {x} b {y}', { x: 1 })).toBe('a 1 b {y}');
  });
});
