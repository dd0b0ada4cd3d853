// Damaged input never throws: every fixture cut at many points and with bytes flipped gives a
// ParsedFile — statements or problems in the one error shape. Self-closing formats (camt XML,
// 1C with КонецФайла) cut short always carry an error.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStatementFile } from '../../../main/bank/parse/index';
import { fixture } from './fixtures';

const names = readdirSync(join(__dirname, '..', '..', 'fixtures', 'bank')).filter((n) => !n.endsWith('.md'));

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

describe('damaged statement files', () => {
  it.each(names)('%s: cut anywhere or with flipped bytes, the parser answers with values, never throws', (name) => {
    const whole = fixture(name);
    const r = rng(whole.length);
    for (let i = 0; i < 40; i++) {
      const cut = whole.subarray(0, Math.floor(r() * whole.length));
      const f = parseStatementFile(cut, { locale: 'pl', fileName: name });
      expect(Array.isArray(f.statements)).toBe(true);
      for (const p of f.problems) expect(p.message).not.toMatch(/\{\w+\}/);
      const selfClosing = name.endsWith('.xml') || name.startsWith('1c-');
      if (selfClosing && cut.toString('latin1').trimEnd().length < whole.toString('latin1').trimEnd().length) {
        expect(f.problems.some((p) => p.severity === 'error')).toBe(true);
      }
      const flipped = Buffer.from(whole);
      for (let k = 0; k < 5; k++) flipped[Math.floor(r() * flipped.length)] = Math.floor(r() * 256);
      expect(() => parseStatementFile(flipped, { locale: 'uk', fileName: name })).not.toThrow();
    }
  });

  it('random bytes are an unknown format, not a crash', () => {
    const r = rng(7);
    const junk = Buffer.from(Array.from({ length: 4096 }, () => Math.floor(r() * 256)));
    const f = parseStatementFile(junk, { locale: 'en' });
    expect(f.statements).toEqual([]);
    expect(f.problems.map((p) => p.severity)).toContain('error');
  });
});
