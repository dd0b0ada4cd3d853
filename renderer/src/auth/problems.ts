// Sign-in and operator problems in the window's language. Main words a problem in the workspace's
// language and fills its parameters with machine values (an ISO instant, a role or permission
// key). Before sign-in the operator may have chosen another language, and an accountant should
// read "locked until 14:05 CET", not "2026-10-04T13:05:00.000Z". For the codes below, the
// parameters are read back out of main's message (its catalogue template, in any language) and the
// problem is worded again, with the values shown the way the rest of the window shows them.

import type { Locale, Problem } from '../../../shared/domain/types';
import { CATALOGUE, type ErrorCode } from '../../../shared/errors/catalogue';
import { paramsOf, problem, type Params } from '../../../shared/errors/problem';
import { LOCALES } from '../../../shared/domain/types';
import type { Translator } from '../i18n';

const REWORDED = new Set<string>(['SAL-6003', 'SAL-6020', 'SAL-6021', 'SAL-6022', 'SAL-6023', 'SAL-6024', 'SAL-6026', 'SAL-6027', 'SAL-6028', 'SAL-6029']);

function readParams(code: ErrorCode, message: string, first: Locale): Params | null {
  for (const l of [first, ...LOCALES.filter((x) => x !== first)]) {
    const p = paramsOf(CATALOGUE[code][l].message, message);
    if (p) return p;
  }
  return null;
}

/** `p` worded in the translator's language, with instants, roles and permissions shown for people. */
export function localiseProblem(p: Problem, t: Translator): Problem {
  if (!REWORDED.has(p.code) || !(p.code in CATALOGUE)) return p;
  const code = p.code as ErrorCode;
  const params = readParams(code, p.message, t.locale);
  if (!params) return p;
  const shown: Params = { ...params };
  if (typeof params.until === 'string') shown.until = t.dateTimeShort(params.until);
  if (typeof params.role === 'string') shown.role = t.label('role_', params.role);
  if (typeof params.permission === 'string') shown.permission = t.label('perm_', params.permission);
  const again = problem(code, t.locale, shown);
  return { ...p, message: again.message, hint: again.hint };
}

/**
 * Any catalogue problem in the translator's language: its parameters are read back out of main's
 * message and the entry is worded again (values as main gave them). A problem that cannot be read
 * back, or whose hint needs a value the message does not carry, stays as main worded it.
 */
export function problemInWindowLanguage(p: Problem, t: Translator): Problem {
  if (REWORDED.has(p.code)) return localiseProblem(p, t);
  if (!(p.code in CATALOGUE)) return p;
  const code = p.code as ErrorCode;
  if (CATALOGUE[code][t.locale].message === p.message) return p;
  const params = readParams(code, p.message, t.locale);
  if (!params) return p;
  const again = problem(code, t.locale, params);
  if (/\{\w+\}/.test(again.message) || /\{\w+\}/.test(again.hint)) return p;
  return { ...p, message: again.message, hint: again.hint };
}
