// A reading's problems in the report's language. The archive keeps each problem as worded when the
// reading was processed (the workspace's language then, with machine values: "12.300", "m3",
// "2026-09-27"); a report is printed in the language of the day, so the catalogue entry is worded
// again: its {params} are read back out of the stored message (its template in any language) and
// filled into the report language's template, decimals with the locale's mark, dates local.

import { LOCALES, type Locale, type Problem } from '../../../shared/domain/types';
import { CATALOGUE, type ErrorCode } from '../../../shared/errors/catalogue';
import { paramsOf, problem, type Params } from '../../../shared/errors/problem';
import { formatDate } from '../../reports/model';
import { formatDecimal } from './decimal';

/** A machine value as people read it: 12.300 → 12,300 (pl/uk), 2026-09-27 → 27.09.2026, m3 → m³. */
function shown(value: string | number, locale: Locale): string | number {
  if (typeof value !== 'string') return value;
  if (/^-?\d+\.\d+$/.test(value)) return formatDecimal(value, locale);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, locale);
  if (value === 'm3') return 'm³';
  return value;
}

const placeholder = /\{\w+\}/;

/** `p` worded in `locale` from the catalogue; a problem that cannot be read back keeps its words. */
export function problemIn(p: Problem, locale: Locale): Problem {
  if (!Object.prototype.hasOwnProperty.call(CATALOGUE, p.code)) return p;
  const code = p.code as ErrorCode;
  const entry = CATALOGUE[code];
  for (const l of [locale, ...LOCALES.filter((x) => x !== locale)]) {
    const params = paramsOf(entry[l].message, p.message);
    if (!params) continue;
    const again = problem(code, locale, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, shown(v, locale)])));
    if (placeholder.test(again.message) || placeholder.test(again.hint)) break;
    return { ...p, message: again.message, hint: again.hint };
  }
  return p;
}
