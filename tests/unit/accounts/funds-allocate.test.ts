// The collected-funds split (main/accounts/funds/allocate.ts): exact parts on awkward amounts — a
// grosz over three services, a grosz with no charges, sums beyond 2^53 in the products, a credit
// brought forward — and many seeded random cases checked against the rule itself: the parts add up
// exactly, none exceeds its debt or charge, and the leftover units went to the largest remainders.

import { describe, expect, it } from 'vitest';
import { allocatePremises, formatBp, largestRemainder, ratioBp, sharesOfTotal, WHOLE_BP, type ServiceBill } from '../../../main/accounts/funds/allocate';
import { Prng } from '../../../main/demo/prng';

const sum = (xs: readonly number[]) => xs.reduce((t, x) => t + x, 0);

describe('largestRemainder', () => {
  it('one grosz over three equal services goes to the first service code', () => {
    expect(largestRemainder(1, [{ key: 'WODA', weight: 100 }, { key: 'CO', weight: 100 }, { key: 'GAZ', weight: 100 }])).toEqual([0, 1, 0]);
    // two groszy: the two smallest codes
    expect(largestRemainder(2, [{ key: 'WODA', weight: 100 }, { key: 'CO', weight: 100 }, { key: 'GAZ', weight: 100 }])).toEqual([0, 1, 1]);
  });

  it('gives the leftover units to the largest remainders, not to the largest weights', () => {
    // 10 over 1:1:1 → 3.33 each, one unit left over → the smallest key
    expect(largestRemainder(10, [{ key: 'b', weight: 1 }, { key: 'a', weight: 1 }, { key: 'c', weight: 1 }])).toEqual([3, 4, 3]);
    // 100 over 6:3:1 (×1/10): 60, 30, 10 exactly
    expect(largestRemainder(100, [{ key: 'x', weight: 6 }, { key: 'y', weight: 3 }, { key: 'z', weight: 1 }])).toEqual([60, 30, 10]);
    // 7 over 5:3:2 → 3.5, 2.1, 1.4 → 3+2+1=6, the unit to the 0.5 remainder
    expect(largestRemainder(7, [{ key: 'z', weight: 5 }, { key: 'y', weight: 3 }, { key: 'x', weight: 2 }])).toEqual([4, 2, 1]);
  });

  it('is exact where floats are not: products beyond 2^53', () => {
    const big = Number.MAX_SAFE_INTEGER; // 90 071 992 547 409.91 in minor units
    const parts = largestRemainder(big, [{ key: 'a', weight: big - 2 }, { key: 'b', weight: 1 }, { key: 'c', weight: 1 }]);
    expect(sum(parts)).toBe(big);
    expect(parts).toEqual([big - 2, 1, 1]);
    const third = largestRemainder(big, [{ key: 'a', weight: 1 }, { key: 'b', weight: 1 }, { key: 'c', weight: 1 }]);
    expect(third).toEqual([3002399751580331, 3002399751580330, 3002399751580330]);
    expect(sum(third)).toBe(big);
  });

  it('zero splits into zeros; weights all zero cannot take money; negatives and fractions are refused', () => {
    expect(largestRemainder(0, [{ key: 'a', weight: 0 }])).toEqual([0]);
    expect(() => largestRemainder(1, [{ key: 'a', weight: 0 }])).toThrow(RangeError);
    expect(() => largestRemainder(-1, [{ key: 'a', weight: 1 }])).toThrow(RangeError);
    expect(() => largestRemainder(1.5, [{ key: 'a', weight: 1 }])).toThrow(RangeError);
    expect(() => largestRemainder(1, [{ key: 'a', weight: -1 }])).toThrow(RangeError);
  });
});

describe('allocatePremises: the stated rule', () => {
  const bill = (...lines: Array<[string, number, number]>): ServiceBill[] => lines.map(([service, debt, charge]) => ({ service, debt, charge }));

  it('oldest debt first, in proportion to the debts; then this month, in proportion to the charges', () => {
    const b = bill(['CO', 3000, 10000], ['WODA', 1000, 5000], ['GAZ', 0, 5000]);
    // 2000 < debt 4000: only the debts, 3:1
    expect(allocatePremises(2000, b)).toEqual({ parts: [{ service: 'CO', debt: 1500, current: 0 }, { service: 'WODA', debt: 500, current: 0 }, { service: 'GAZ', debt: 0, current: 0 }], overpayment: 0 });
    // 14000: the debts whole (4000), then 10000 of 20000 this month, 2:1:1
    expect(allocatePremises(14000, b)).toEqual({ parts: [{ service: 'CO', debt: 3000, current: 5000 }, { service: 'WODA', debt: 1000, current: 2500 }, { service: 'GAZ', debt: 0, current: 2500 }], overpayment: 0 });
    // 25000: everything, 1000 over
    expect(allocatePremises(25000, b).overpayment).toBe(1000);
    expect(allocatePremises(25000, b).parts.map((p) => p.debt + p.current)).toEqual([13000, 6000, 5000]);
  });

  it('one grosz over three services with equal charges: to the smallest service code', () => {
    const a = allocatePremises(1, bill(['WODA', 0, 4200], ['CO', 0, 4200], ['GAZ', 0, 4200]));
    expect(a.parts.map((p) => p.current)).toEqual([0, 1, 0]);
    expect(a.overpayment).toBe(0);
  });

  it('0.01 with no charges at all is an overpayment; so is any money for a premises without a bill', () => {
    expect(allocatePremises(1, bill(['CO', 0, 0], ['WODA', 0, 0]))).toEqual({ parts: [{ service: 'CO', debt: 0, current: 0 }, { service: 'WODA', debt: 0, current: 0 }], overpayment: 1 });
    expect(allocatePremises(12345, [])).toEqual({ parts: [], overpayment: 12345 });
  });

  it('a credit brought forward (negative debt) is no debt, and pays its own service first', () => {
    // CO has 50.00 credit: of its 100.00 charge only 50.00 is due; WODA owes 20.00 old debt.
    const a = allocatePremises(10000, bill(['CO', -5000, 10000], ['WODA', 2000, 3000]));
    expect(a.parts).toEqual([
      { service: 'CO', debt: 0, current: 5000 },
      { service: 'WODA', debt: 2000, current: 3000 },
    ]);
    expect(a.overpayment).toBe(0);
    // A credit larger than the charge: nothing due on that service at all.
    const b = allocatePremises(100, bill(['CO', -20000, 10000], ['WODA', 0, 100]));
    expect(b.parts).toEqual([{ service: 'CO', debt: 0, current: 0 }, { service: 'WODA', debt: 0, current: 100 }]);
    // The whole premises in credit: every payment is an advance.
    expect(allocatePremises(5000, bill(['CO', -20000, 10000])).overpayment).toBe(5000);
  });

  it('a negative recalculation that makes a charge negative takes nothing', () => {
    const a = allocatePremises(300, bill(['CO', 0, -500], ['WODA', 0, 300]));
    expect(a.parts).toEqual([{ service: 'CO', debt: 0, current: 0 }, { service: 'WODA', debt: 0, current: 300 }]);
  });

  it('large sums stay exact', () => {
    const a = allocatePremises(9_007_199_254_740_000, bill(['A', 3_000_000_000_000_001, 1], ['B', 3_000_000_000_000_001, 1], ['C', 3_000_000_000_000_001, 7]));
    expect(sum(a.parts.map((p) => p.debt + p.current)) + a.overpayment).toBe(9_007_199_254_740_000);
    expect(a.parts.map((p) => p.debt)).toEqual([3_000_000_000_000_001, 3_000_000_000_000_001, 3_000_000_000_000_001]);
    expect(a.parts.map((p) => p.current)).toEqual([1, 1, 7]);
    expect(a.overpayment).toBe(9_007_199_254_740_000 - 9_000_000_000_000_012);
  });
});

describe('allocatePremises: many random cases', () => {
  const codes = ['CO', 'CW', 'EE', 'GAZ', 'KAN', 'SMIECI', 'WINDA', 'WODA', 'ZW'];

  /** The largest-remainder property, checked with rationals: every unit given went to a remainder at least as large. */
  function checkSplit(amount: number, weights: number[], keys: string[], parts: number[]): void {
    const W = BigInt(sum(weights));
    expect(sum(parts)).toBe(amount);
    if (amount === 0) return expect(parts.every((p) => p === 0)).toBe(true);
    const rems = weights.map((w) => (BigInt(amount) * BigInt(w)) % W);
    const floors = weights.map((w) => (BigInt(amount) * BigInt(w)) / W);
    const bumped = parts.map((p, i) => BigInt(p) - floors[i]);
    for (const b of bumped) expect(b === 0n || b === 1n).toBe(true);
    // no part exceeds its debt or charge (when the amount is at most their sum, as the rule splits it)
    if (BigInt(amount) <= W) parts.forEach((p, i) => expect(p).toBeLessThanOrEqual(weights[i]));
    for (let i = 0; i < parts.length; i++) {
      for (let j = 0; j < parts.length; j++) {
        if (bumped[i] === 1n && bumped[j] === 0n) {
          const ahead = rems[i] > rems[j] || (rems[i] === rems[j] && (keys[i] < keys[j] || (keys[i] === keys[j] && i < j)));
          expect(ahead, `unit to ${keys[i]} (remainder ${rems[i]}) before ${keys[j]} (remainder ${rems[j]})`).toBe(true);
        }
      }
    }
  }

  it('5 000 premises: the parts add up exactly to each payment and follow the rule', () => {
    const rng = new Prng('funds-allocate');
    for (let n = 0; n < 5000; n++) {
      const k = rng.int(0, codes.length);
      const chosen = [...codes].sort(() => rng.next() - 0.5).slice(0, k);
      const scale = rng.pick([1, 10, 100, 10_000, 1_000_000, 1_000_000_000_000]);
      const bill: ServiceBill[] = chosen.map((service) => ({
        service,
        debt: rng.chance(0.5) ? 0 : rng.int(-3 * scale, 5 * scale),
        charge: rng.chance(0.1) ? rng.int(-scale, 0) : rng.int(0, 5 * scale),
      }));
      const due = sum(bill.map((b) => Math.max(0, b.debt) + Math.max(0, b.charge + Math.min(0, b.debt))));
      const paid = rng.pick([0, 1, rng.int(0, due + 1), due, due + rng.int(1, scale), rng.int(0, 3)]);
      const a = allocatePremises(paid, bill);
      expect(sum(a.parts.map((p) => p.debt + p.current)) + a.overpayment).toBe(paid);
      expect(a.overpayment).toBeGreaterThanOrEqual(0);
      const debts = bill.map((b) => Math.max(0, b.debt));
      const dues = bill.map((b) => Math.max(0, b.charge + Math.min(0, b.debt)));
      const toDebt = Math.min(paid, sum(debts));
      const toCurrent = Math.min(paid - toDebt, sum(dues));
      if (sum(debts) > 0) checkSplit(toDebt, debts, chosen, a.parts.map((p) => p.debt));
      if (sum(dues) > 0) checkSplit(toCurrent, dues, chosen, a.parts.map((p) => p.current));
      // nothing goes to this month while an old debt is unpaid; nothing is an advance while anything is due
      if (paid < sum(debts)) expect(sum(a.parts.map((p) => p.current))).toBe(0);
      if (a.overpayment > 0) expect(paid).toBe(sum(debts) + sum(dues) + a.overpayment);
    }
  });

  it('shares of the total always add up to 100.00 %', () => {
    const rng = new Prng('funds-shares');
    for (let n = 0; n < 2000; n++) {
      const parts = Array.from({ length: rng.int(1, 12) }, (_, i) => ({ key: `P${String(i).padStart(2, '0')}`, weight: rng.int(0, rng.pick([3, 1000, 10_000_000])) }));
      const shares = sharesOfTotal(parts);
      if (sum(parts.map((p) => p.weight)) === 0) expect(shares.every((s) => s === 0)).toBe(true);
      else {
        expect(sum(shares)).toBe(WHOLE_BP);
        checkSplit(WHOLE_BP, parts.map((p) => p.weight), parts.map((p) => p.key), shares);
      }
    }
  });
});

describe('percentages', () => {
  it('ratioBp rounds half up exactly, and has no share of nothing', () => {
    expect(ratioBp(1, 3)).toBe(3333);
    expect(ratioBp(2, 3)).toBe(6667);
    expect(ratioBp(1, 8)).toBe(1250);
    expect(ratioBp(1, 80_000)).toBe(0); // 0.125 bp rounds down
    expect(ratioBp(1, 20_000)).toBe(1); // exactly 0.5 bp: half up
    expect(ratioBp(3, 2)).toBe(15000); // more collected than charged
    expect(ratioBp(5, 0)).toBeNull();
    expect(ratioBp(5, -10)).toBeNull();
    expect(ratioBp(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 1)).toBe(10000);
  });

  it('prints with two decimals in the locale', () => {
    expect(formatBp(1234, 'pl')).toBe('12,34');
    expect(formatBp(1234, 'en')).toBe('12.34');
    expect(formatBp(5, 'uk')).toBe('0,05');
    expect(formatBp(10000, 'en')).toBe('100.00');
  });
});
