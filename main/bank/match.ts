// Matching each bank entry to a premises (issue 6 point 2), strongest evidence first:
// 1. the virtual account the money was paid to (entry.virtualAccount, NRB/IBAN checksum verified):
//    every premises has its own, so it names the premises without doubt;
// 2. else an account number found in the title by a configurable pattern, verified to exist (a
//    title naming two existing premises is ambiguous and matches neither);
// 3. else a suggestion from payer history: the same payer account paid for exactly one premises
//    before — shown to the operator, never booked on its own;
// else unmatched, waiting for the operator. Money out and bank fees are listed apart; a reversal of
// a credit (money taken back) that still names a premises is matched as a negative booking, so the
// accounting system takes back what it booked, and is otherwise listed as money out.

import { formatMoney } from '../../shared/domain/money';
import type { Locale, Problem } from '../../shared/domain/types';
import { problem } from '../../shared/errors/problem';
import { accountKey, isValidBankAccount, type PremisesIndex, type PremisesInfo } from './premises';
import type { MatchedItem, StatementEntry } from './types';

/** Who paid for which premises before: payer account key → account no → payments. */
export interface PayerHistory {
  get(payerKey: string): ReadonlyMap<string, number> | undefined;
  /** A booking made now counts for the entries after it (a payer's second payment in the same file). */
  learn(payerKey: string, accountNo: string): void;
}

/**
 * The history of one import: what the store knew before (read once per payer, on demand) plus what
 * this import booked so far. Learning is one counter per payer and premises, so matching 100,000
 * entries costs no store query and no copy for the payers that never need a suggestion.
 */
export class MemoryPayerHistory implements PayerHistory {
  /** Most payers pay for one premises: kept as one object, a map only for the few who pay for more. */
  private readonly own = new Map<string, { accountNo: string; payments: number } | Map<string, number>>();
  private readonly before = new Map<string, ReadonlyMap<string, number> | undefined>();
  constructor(private readonly base?: (payerKey: string) => ReadonlyMap<string, number> | undefined) {}
  get(payerKey: string): ReadonlyMap<string, number> | undefined {
    let b = this.before.get(payerKey);
    if (b === undefined && !this.before.has(payerKey)) {
      b = this.base?.(payerKey);
      this.before.set(payerKey, b);
    }
    const o = this.own.get(payerKey);
    if (!o) return b;
    const merged = new Map(b ?? []);
    for (const [k, v] of o instanceof Map ? o : [[o.accountNo, o.payments] as const]) merged.set(k, (merged.get(k) ?? 0) + v);
    return merged;
  }
  learn(payerKey: string, accountNo: string): void {
    const o = this.own.get(payerKey);
    if (!o) this.own.set(payerKey, { accountNo, payments: 1 });
    else if (o instanceof Map) o.set(accountNo, (o.get(accountNo) ?? 0) + 1);
    else if (o.accountNo === accountNo) o.payments++;
    else this.own.set(payerKey, new Map([[o.accountNo, o.payments], [accountNo, 1]]));
  }
}

export interface MatchOptions {
  /** The title pattern (saldo.json bank.titlePattern); its first group, or the whole match, is an account number. */
  titlePattern: string;
  locale: Locale;
  /** Put on each problem (the file the entry came from). */
  file?: string;
}

export interface Matcher {
  match(entry: StatementEntry, statementId: string): MatchedItem;
}

/** A matcher for one import: the premises, the history, and the compiled title pattern. */
export function makeMatcher(premises: PremisesIndex, history: PayerHistory, opts: MatchOptions): Matcher {
  const pattern = new RegExp(opts.titlePattern, 'gu');
  const { locale } = opts;

  const where = (e: StatementEntry, statementId: string): Pick<Problem, 'key' | 'file' | 'line'> => {
    const w: Pick<Problem, 'key' | 'file' | 'line'> = { key: e.bankReference || `${statementId}#${e.seq}` };
    if (opts.file) w.file = opts.file;
    if (e.line) w.line = e.line;
    return w;
  };

  const booked = (e: StatementEntry, statementId: string, p: PremisesInfo, method: MatchedItem['method'], problems: Problem[]): MatchedItem => {
    if (p.status === 'closed') problems.push(problem('SAL-3070', locale, { account: p.accountNo }, where(e, statementId)));
    const payer = e.counterparty.account ? accountKey(e.counterparty.account) : '';
    if (payer && e.amount > 0) history.learn(payer, p.accountNo);
    return { entry: e, statementId, status: 'matched', accountNo: p.accountNo, premisesKind: p.kind, address: p.address, method, problems };
  };

  const inTitle = (title: string): string[] => {
    const found: string[] = [];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(title); m; m = pattern.exec(title)) {
      if (m[0] === '') pattern.lastIndex++; // a pattern that can match nothing must still move on
      const no = m[1] ?? m[0];
      if (no && !found.includes(no)) found.push(no);
    }
    return found;
  };

  return {
    match(e, statementId) {
      if (e.fee) return { entry: e, statementId, status: 'fee', problems: [] };
      const problems: Problem[] = [];
      const incoming = e.amount > 0;
      // A reversal of a credit takes a resident's payment back: it can name the premises too.
      const takenBack = !incoming && e.mark === 'RC';
      if (!incoming && !takenBack) return { entry: e, statementId, status: 'outgoing', problems };

      // 1. the virtual account
      if (e.virtualAccount) {
        const va = accountKey(e.virtualAccount);
        const whole = /^\d{26}$/.test(va) || /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(va);
        if (whole && !isValidBankAccount(va)) {
          problems.push(problem('SAL-3054', locale, { iban: e.virtualAccount }, where(e, statementId)));
        } else {
          // A whole NRB/IBAN names its premises; a short id (ID IPH) must end exactly one premises' account.
          const p = whole ? premises.byVirtualAccount(va) : /^\d{6,25}$/.test(va) ? premises.byVirtualSuffix(va) : undefined;
          if (p) return booked(e, statementId, p, 'virtual-account', problems);
          problems.push(problem('SAL-3055', locale, { iban: e.virtualAccount }, where(e, statementId)));
        }
      }

      // 2. an account number in the title
      const named = inTitle(e.title);
      const existing = named.filter((no) => premises.byAccountNo(no).length > 0);
      // One number of one premises; a number two premises share (a data defect) names neither.
      if (existing.length === 1 && premises.byAccountNo(existing[0]).length === 1) return booked(e, statementId, premises.byAccountNo(existing[0])[0], 'title', problems);
      if (existing.length >= 1) problems.push(problem('SAL-3056', locale, { accounts: existing.join(', ') }, where(e, statementId)));
      else if (named.length) problems.push(problem('SAL-3071', locale, { account: named[0] }, where(e, statementId)));

      if (takenBack) return { entry: e, statementId, status: 'outgoing', problems };

      // 3. payer history: a suggestion only
      const payer = e.counterparty.account ? accountKey(e.counterparty.account) : '';
      const paid = payer ? history.get(payer) : undefined;
      const payerLabel = e.counterparty.name || e.counterparty.account || '—';
      if (paid && existing.length <= 1) {
        const known = [...paid].filter(([no]) => premises.byAccountNo(no).length > 0);
        if (known.length === 1) {
          const [accountNo, payments] = known[0];
          problems.push(problem('SAL-3058', locale, { payer: payerLabel, account: accountNo, count: payments }, where(e, statementId)));
          return { entry: e, statementId, status: 'suggested', suggestion: { accountNo, payments }, problems };
        }
        if (known.length > 1) problems.push(problem('SAL-3059', locale, { payer: payerLabel, count: known.length }, where(e, statementId)));
      }
      problems.push(problem('SAL-3057', locale, { amount: formatMoney(e.amount, locale), payer: payerLabel }, where(e, statementId)));
      return { entry: e, statementId, status: 'unmatched', problems };
    },
  };
}

/** Matches a statement's entries in order (a payer's earlier booking can suggest a later payment). */
export function matchEntries(entries: readonly StatementEntry[], statementId: string, premises: PremisesIndex, history: PayerHistory, opts: MatchOptions): MatchedItem[] {
  const m = makeMatcher(premises, history, opts);
  return entries.map((e) => m.match(e, statementId));
}
