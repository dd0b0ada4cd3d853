// What a step adds to the run it is part of: counts, money totals (integer minor units until the
// run is closed, then decimal strings), problems and per-record outcomes.

import { toDecimalString, type Minor } from '../../shared/domain/money';
import type { Problem } from '../../shared/domain/types';
import type { Journal, RecordOutcome } from '../store/journal';

/** Problems kept in full in the run row; every one is also a run_records row. */
const MAX_PROBLEMS_IN_RUN = 500;

export class RunScope {
  readonly counts: Record<string, number> = {};
  private readonly totalsMinor: Record<string, Minor> = {};
  readonly problems: Problem[] = [];
  problemCount = 0;
  private pending: RecordOutcome[] = [];

  constructor(
    readonly runId: number,
    private readonly journal: Journal,
  ) {}

  count(key: string, n = 1): void {
    this.counts[key] = (this.counts[key] ?? 0) + n;
  }

  addMoney(key: string, minor: Minor): void {
    const t = (this.totalsMinor[key] ?? 0) + minor;
    if (!Number.isSafeInteger(t)) throw new RangeError(`total ${key} out of exact range`);
    this.totalsMinor[key] = t;
  }

  problem(p: Problem, category: string): void {
    this.problemCount++;
    if (this.problems.length < MAX_PROBLEMS_IN_RUN) this.problems.push(p);
    this.pending.push({ category, key: p.key ?? null, outcome: p.severity, code: p.code, detail: p.message });
    if (this.pending.length >= 1000) this.flush();
  }

  flush(): void {
    if (this.pending.length) this.journal.addRecords(this.runId, this.pending);
    this.pending = [];
  }

  totals(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.totalsMinor).map(([k, v]) => [k, toDecimalString(v)]));
  }
}
