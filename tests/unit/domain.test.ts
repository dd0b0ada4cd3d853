import { describe, expect, it } from 'vitest';
import { formatMoney, parseDecimal, sumMinor, toDecimalString } from '../../shared/domain/money';
import { addMonths, isIsoDate, isPeriod, lastDayOfPeriod, monthsBetween } from '../../shared/domain/period';
import { isValidIban, isValidNrb, makeNrb, makeUaIban } from '../../shared/domain/iban';
import { can, permissionsOf, type Operator } from '../../shared/domain/permissions';

describe('money in minor units', () => {
  it('parses and prints decimals exactly, with a comma or a dot', () => {
    expect(parseDecimal('1234.56')).toBe(123456);
    expect(parseDecimal('12,5')).toBe(1250);
    expect(parseDecimal('-0.05')).toBe(-5);
    expect(toDecimalString(-5)).toBe('-0.05');
    expect(toDecimalString(123456)).toBe('1234.56');
    expect(() => parseDecimal('1.234')).toThrow();
    expect(() => parseDecimal('abc')).toThrow();
  });
  it('sums without float drift (0.1 + 0.2)', () => {
    expect(toDecimalString(sumMinor([parseDecimal('0.10'), parseDecimal('0.20')]))).toBe('0.30');
  });
  it('formats for people per locale', () => {
    expect(formatMoney(123456789, 'pl')).toBe('1\u00a0234\u00a0567,89');
    expect(formatMoney(123456789, 'en')).toBe('1,234,567.89');
    expect(formatMoney(-1050, 'uk')).toBe('−10,50');
  });
  it('refuses amounts beyond exact range', () => {
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow();
  });
});

describe('periods and dates', () => {
  it('validates and moves months across year ends', () => {
    expect(isPeriod('2026-10')).toBe(true);
    expect(isPeriod('2026-13')).toBe(false);
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 13)).toBe('2027-01');
    expect(monthsBetween('2025-11', '2026-02')).toBe(3);
    expect(lastDayOfPeriod('2028-02')).toBe('2028-02-29');
    expect(isIsoDate('2026-02-30')).toBe(false);
  });
});

describe('bank accounts', () => {
  it('builds and checks NRB and UA IBAN (MOD 97-10)', () => {
    const nrb = makeNrb('10201026', '0000123456789012');
    expect(nrb).toHaveLength(26);
    expect(isValidNrb(nrb)).toBe(true);
    const broken = nrb.slice(0, 25) + String((Number(nrb[25]) + 1) % 10);
    expect(isValidNrb(broken)).toBe(false);
    // A published example NRB (PKO BP's IBAN format example).
    expect(isValidIban('PL61 1090 1014 0000 0712 1981 2874')).toBe(true);
    const ua = makeUaIban('305299', '0000026007233566001');
    expect(ua).toHaveLength(29);
    expect(isValidIban(ua)).toBe(true);
    expect(isValidIban('UA213223130000026007233566001')).toBe(true); // the NBU's published example
  });
});

describe('roles', () => {
  const op = (role: Operator['role'], grants: Operator['grants'] = []): Operator => ({ name: 'x', displayName: 'x', role, grants });
  it('gives the exchange to administrators, and to operators only when granted', () => {
    expect(can(op('administrator'), 'exchange.run')).toBe(true);
    expect(can(op('operator'), 'exchange.run')).toBe(false);
    expect(can(op('operator', ['exchange.run']), 'exchange.run')).toBe(true);
  });
  it('keeps auditors read-only even if a grant is stored for them', () => {
    expect(permissionsOf(op('auditor', ['exchange.run']))).not.toContain('exchange.run');
    expect(can(op('auditor'), 'source.read')).toBe(false);
    expect(can(op('auditor'), 'journal.read')).toBe(true);
  });
});
