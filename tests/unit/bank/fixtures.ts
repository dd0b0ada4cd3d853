// Test helpers for the bank parsers: the hand-written fixtures in tests/fixtures/bank (each in the
// encoding its bank uses; see the README there) and a parse shortcut.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Locale } from '../../../shared/domain/types';
import { parseStatementFile, type ParseOptions } from '../../../main/bank/parse/index';
import type { ParsedFile, StatementEntry } from '../../../main/bank/types';

const DIR = join(__dirname, '..', '..', 'fixtures', 'bank');

export function fixture(name: string): Buffer {
  return readFileSync(join(DIR, name));
}

/** Every problem must read as a finished sentence: no placeholder left unfilled. */
function checked(f: ParsedFile): ParsedFile {
  for (const p of f.problems) if (/\{\w+\}/.test(p.message + p.hint)) throw new Error(`unfilled placeholder in ${p.code}: ${p.message}`);
  return f;
}

export function parseFixture(name: string, opts: Partial<ParseOptions> = {}): ParsedFile {
  return checked(parseStatementFile(fixture(name), { locale: 'en' as Locale, fileName: name, ...opts }));
}

/** Text → bytes in a real code page, for small inline statements. */
export function bytes(text: string, encoding = 'utf-8'): Buffer {
  return encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, encoding);
}

export function parseText(text: string, opts: Partial<ParseOptions> & { encoding?: string } = {}, encoding = 'utf-8'): ParsedFile {
  return checked(parseStatementFile(bytes(text, encoding), { locale: 'en', fileName: 'inline', ...opts }));
}

export const codes = (f: ParsedFile) => f.problems.map((p) => p.code);
export const errors = (f: ParsedFile) => f.problems.filter((p) => p.severity === 'error');
export const entries = (f: ParsedFile): StatementEntry[] => f.statements.flatMap((s) => s.entries);
