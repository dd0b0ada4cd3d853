// Builds the one error shape (DESIGN.md §5) from a catalogue code, in the operator's language.

import type { Locale, Problem } from '../domain/types';
import { CATALOGUE, type CatalogueEntry, type ErrorCode } from './catalogue';

export type Params = Record<string, string | number>;

export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The {params} of `message` if it was made from `template` by fill(), else null. Used to re-word a
 * problem made in the workspace's language into the reader's (window, report) from the catalogue.
 */
export function paramsOf(template: string, message: string): Params | null {
  const names: string[] = [];
  const pattern = template
    .split(/(\{\w+\})/)
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (!m) return escapeRegExp(part);
      names.push(m[1]);
      return '(.+?)';
    })
    .join('');
  const match = new RegExp(`^${pattern}$`, 's').exec(message);
  if (!match) return null;
  const params: Params = {};
  names.forEach((n, i) => {
    params[n] = match[i + 1];
  });
  return params;
}

const RESOLVER_NOTE: Record<Locale, Record<'support' | 'vendor', string>> = {
  pl: { support: 'Rozwiązuje: pomoc techniczna Saldo.', vendor: 'Rozwiązuje: dostawca systemu księgowego.' },
  uk: { support: 'Вирішує: служба підтримки Saldo.', vendor: 'Вирішує: постачальник облікової системи.' },
  en: { support: 'Resolved by: Saldo support.', vendor: 'Resolved by: the accounting system vendor.' },
};

export function entryOf(code: ErrorCode): CatalogueEntry {
  return CATALOGUE[code];
}

export function problem(
  code: ErrorCode,
  locale: Locale,
  params: Params = {},
  where: Pick<Problem, 'key' | 'file' | 'line'> = {},
): Problem {
  const entry: CatalogueEntry = CATALOGUE[code];
  const text = entry[locale];
  let hint = fill(text.hint, params);
  if (entry.resolvedBy) hint = `${hint} ${RESOLVER_NOTE[locale][entry.resolvedBy]}`;
  const p: Problem = { code, severity: entry.severity, message: fill(text.message, params), hint };
  if (where.key !== undefined) p.key = where.key;
  if (where.file !== undefined) p.file = where.file;
  if (where.line !== undefined) p.line = where.line;
  return p;
}

/** An Error that carries a Problem, for code paths deep in services; the dispatcher and CLI turn it back into a value. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.code}: ${problem.message}`);
    this.name = 'ProblemError';
  }
}

export function fail(code: ErrorCode, locale: Locale, params: Params = {}, where: Pick<Problem, 'key' | 'file' | 'line'> = {}): never {
  throw new ProblemError(problem(code, locale, params, where));
}

export function isProblem(x: unknown): x is Problem {
  return typeof x === 'object' && x !== null && typeof (x as Problem).code === 'string' && typeof (x as Problem).message === 'string';
}
