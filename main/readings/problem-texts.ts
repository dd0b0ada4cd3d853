// The rules' problem texts, straight from the catalogue, fast: a batch of 100k readings makes as
// many problems, and problem()'s regular-expression fill for each was a measurable share of the
// validation time.

import type { Locale } from '../../shared/domain/types';
import { CATALOGUE, type ErrorCode } from '../../shared/errors/catalogue';
import type { Params } from '../../shared/errors/problem';
import type { RuleCode } from './rules';

type Part = string | { p: string };

/**
 * The catalogue's texts for the rule codes, with the templates split once into literal text and
 * placeholders (a batch makes a hundred thousand problems). The rule codes need no "resolved by"
 * note; the texts are exactly what problem() gives (a test checks it).
 */
export class CatalogueTexts {
  private readonly cache = new Map<string, { message: Part[]; hint: Part[] }>();
  constructor(private readonly locale: Locale) {}

  private parts(code: RuleCode) {
    let c = this.cache.get(code);
    if (!c) {
      const text = CATALOGUE[code as ErrorCode][this.locale];
      const split = (t: string) => t.split(/(\{\w+\})/).filter((x) => x !== '').map((x) => (/^\{\w+\}$/.test(x) ? { p: x.slice(1, -1) } : x));
      c = { message: split(text.message), hint: split(text.hint) };
      this.cache.set(code, c);
    }
    return c;
  }

  private static join(parts: Part[], params: Params): string {
    let out = '';
    for (const x of parts) out += typeof x === 'string' ? x : x.p in params ? String(params[x.p]) : `{${x.p}}`;
    return out;
  }

  message(code: RuleCode, params: Params): string {
    return CatalogueTexts.join(this.parts(code).message, params);
  }

  hint(code: RuleCode, params: Params): string {
    return CatalogueTexts.join(this.parts(code).hint, params);
  }
}
