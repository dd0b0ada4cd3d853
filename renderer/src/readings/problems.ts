// A reading's problem as the operator reads it: main words it in the workspace's language with
// machine values ("12.300", "m3", "2026-09-27"); the window shows it in its own language with the
// locale's decimal mark, local dates and m³. The parameters are read back out of main's message
// (its catalogue template, in any language) and the entry is worded again; a problem that cannot
// be read back is shown as main worded it (in the window's language where possible).

import { LOCALES, type Problem } from '../../../shared/domain/types';
import { CATALOGUE, type ErrorCode } from '../../../shared/errors/catalogue';
import { paramsOf, problem, type Params } from '../../../shared/errors/problem';
import { problemInWindowLanguage } from '../auth/problems';
import type { Translator } from '../i18n';
import { formatDecimal } from './format';

function shown(value: string | number, t: Translator): string | number {
  if (typeof value !== 'string') return value;
  if (/^-?\d+\.\d+$/.test(value)) return formatDecimal(value, t.locale);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return t.date(value);
  if (value === 'm3') return 'm³';
  return value;
}

const placeholder = /\{\w+\}/;
const cache = new Map<string, Problem>();

export function readingProblem(p: Problem, t: Translator): Problem {
  if (!Object.prototype.hasOwnProperty.call(CATALOGUE, p.code)) return p;
  const memo = `${t.locale}\u0000${p.code}\u0000${p.message}`;
  const hit = cache.get(memo);
  if (hit) return { ...p, message: hit.message, hint: hit.hint };
  const code = p.code as ErrorCode;
  let out: Problem | null = null;
  for (const l of [t.locale, ...LOCALES.filter((x) => x !== t.locale)]) {
    const params = paramsOf(CATALOGUE[code][l].message, p.message);
    if (!params) continue;
    const again = problem(code, t.locale, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, shown(v, t)])));
    if (!placeholder.test(again.message) && !placeholder.test(again.hint)) out = { ...p, message: again.message, hint: again.hint };
    break;
  }
  out ??= problemInWindowLanguage(p, t);
  // The grids re-render often: a few thousand distinct messages are worth remembering.
  if (cache.size > 5000) cache.clear();
  cache.set(memo, out);
  return out;
}
