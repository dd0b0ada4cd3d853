// Collects a file's problems in the one error shape, in the operator's language.

import type { Locale, Problem } from '../../../shared/domain/types';
import type { ErrorCode } from '../../../shared/errors/catalogue';
import { problem, type Params } from '../../../shared/errors/problem';

export class Problems {
  readonly list: Problem[] = [];
  constructor(
    readonly locale: Locale,
    readonly file?: string,
  ) {}

  add(code: ErrorCode, params: Params = {}, where: { line?: number; key?: string } = {}): Problem {
    const filled: Params = { file: this.file ?? '—', ...params };
    if (where.line !== undefined && filled.line === undefined) filled.line = where.line;
    const p = problem(code, this.locale, filled, { ...where, ...(this.file ? { file: this.file } : {}) });
    this.list.push(p);
    return p;
  }

  get hasErrors(): boolean {
    return this.list.some((p) => p.severity === 'error');
  }
}
