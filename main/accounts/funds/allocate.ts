// Collected funds by provider (issue 7 point 4, seed 001): how one premises' money is split over its
// services, and how a whole is split into exact parts. Pure functions over integer minor units; the
// products are taken in BigInt, so no amount within the safe integer range can lose a grosz.
//
// THE RULE (printed on the report, README "Collected funds"):
//   For each premises, the money it paid in the period is allocated, in this order,
//   1. to its oldest debt: the debt brought forward of each service (only positive ones — a
//      service in credit has no debt), in proportion to those debts, at most their sum;
//   2. then to this month's charges: per service the amount plus recalculation, less that service's
//      credit brought forward (a negative debt pays its own service first), never below zero; in
//      proportion to those sums, at most their total;
//   3. whatever is left is an overpayment (an advance), a line of its own, not any provider's money.
//   Every split is in whole minor units by the largest-remainder rule: each part gets the whole
//   units of its exact share, and the units left over go one each to the parts with the largest
//   fractional remainders, ties broken by the key in ascending order (the service code). So the
//   parts always add up exactly to what was split, and no part exceeds its debt or charge.

import type { Minor } from '../../../shared/domain/money';

export interface Weighted {
  /** What ties are broken by (ascending): a service code, a provider code. */
  key: string;
  /** A non-negative whole number (minor units, basis points …). */
  weight: number;
}

const cmpKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function checkWhole(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0 within the exact range, not ${n}`);
}

/**
 * Splits `amount` (a whole number ≥ 0) over `parts` in proportion to their weights, exactly: the
 * answer (in the order given) adds up to `amount`. Largest remainder, ties by key ascending (then by
 * position, for equal keys). All weights zero: nothing can be split in proportion — RangeError,
 * unless the amount is zero too.
 */
export function largestRemainder(amount: number, parts: readonly Weighted[]): number[] {
  checkWhole(amount, 'the amount');
  let total = 0n;
  for (const p of parts) {
    checkWhole(p.weight, `the weight of ${p.key}`);
    total += BigInt(p.weight);
  }
  if (amount === 0) return parts.map(() => 0);
  if (total === 0n) throw new RangeError('cannot split an amount over parts whose weights are all zero');
  const a = BigInt(amount);
  const base: bigint[] = [];
  const rem: bigint[] = [];
  let given = 0n;
  for (const p of parts) {
    const exact = a * BigInt(p.weight);
    base.push(exact / total);
    rem.push(exact % total);
    given += exact / total;
  }
  let left = Number(a - given); // < parts.length
  const order = parts.map((_, i) => i).sort((i, j) => (rem[j] > rem[i] ? 1 : rem[j] < rem[i] ? -1 : cmpKey(parts[i].key, parts[j].key) || i - j));
  for (const i of order) {
    if (left === 0) break;
    base[i] += 1n;
    left--;
  }
  return base.map(Number);
}

/** One service's line of a premises' bill (export_charges), summed when an account has several premises. */
export interface ServiceBill {
  service: string;
  /** Debt brought forward for this service: positive a debt, negative a credit. */
  debt: Minor;
  /** This month's charge: amount + recalculation (a recalculation may make it negative). */
  charge: Minor;
}

export interface ServicePart {
  service: string;
  /** Paid towards the service's debt brought forward. */
  debt: Minor;
  /** Paid towards this month's charge. */
  current: Minor;
}

export interface PremisesAllocation {
  /** In the order of the bill's lines. */
  parts: ServicePart[];
  overpayment: Minor;
}

/** The money one premises paid (≥ 0), over the lines of its bill, by THE RULE above. */
export function allocatePremises(paid: Minor, bill: readonly ServiceBill[]): PremisesAllocation {
  checkWhole(paid, 'the payment');
  for (const b of bill) {
    if (!Number.isSafeInteger(b.debt) || !Number.isSafeInteger(b.charge)) throw new RangeError(`service ${b.service}: amounts must be whole minor units`);
  }
  const debts = bill.map((b) => ({ key: b.service, weight: Math.max(0, b.debt) }));
  const dues = bill.map((b) => ({ key: b.service, weight: Math.max(0, b.charge + Math.min(0, b.debt)) }));
  const totalDebt = debts.reduce((t, d) => t + d.weight, 0);
  const totalDue = dues.reduce((t, d) => t + d.weight, 0);
  if (!Number.isSafeInteger(totalDebt) || !Number.isSafeInteger(totalDue)) throw new RangeError('the bill is out of the exact range');
  const toDebt = Math.min(paid, totalDebt);
  const toCurrent = Math.min(paid - toDebt, totalDue);
  const d = largestRemainder(toDebt, debts);
  const c = largestRemainder(toCurrent, dues);
  return {
    parts: bill.map((b, i) => ({ service: b.service, debt: d[i], current: c[i] })),
    overpayment: paid - toDebt - toCurrent,
  };
}

/** Hundredths of a percent (basis points) in one hundred percent. */
export const WHOLE_BP = 10_000;

/**
 * Each part's share of the total in basis points (hundredths of a percent), summing to exactly
 * 10 000 (100.00 %) when the total is positive — largest remainder, ties by key. A zero total
 * gives zeros. Negative parts are not shares of anything: RangeError.
 */
export function sharesOfTotal(parts: readonly Weighted[]): number[] {
  const total = parts.reduce((t, p) => t + p.weight, 0);
  if (total === 0) return parts.map(() => 0);
  return largestRemainder(WHOLE_BP, parts);
}

/**
 * `part / whole` in basis points, rounded half up (exact, in BigInt); null when the whole is not
 * positive (no share of nothing). May exceed 10 000 (more collected than charged).
 */
export function ratioBp(part: Minor, whole: Minor): number | null {
  if (!Number.isSafeInteger(part) || !Number.isSafeInteger(whole)) throw new RangeError('amounts must be whole minor units');
  if (whole <= 0) return null;
  const num = BigInt(part) * BigInt(WHOLE_BP);
  const w = BigInt(whole);
  const neg = num < 0n;
  const abs = neg ? -num : num;
  const q = (abs * 2n + w) / (2n * w); // half up, away from zero
  return Number(neg ? -q : q);
}

/** Basis points as a percentage with two decimals: 1234 → "12.34" (en) / "12,34" (pl, uk). */
export function formatBp(bp: number, locale: 'pl' | 'uk' | 'en'): string {
  const neg = bp < 0;
  const abs = Math.abs(bp);
  const s = `${Math.floor(abs / 100)}${locale === 'en' ? '.' : ','}${String(abs % 100).padStart(2, '0')}`;
  return neg ? `−${s}` : s;
}
