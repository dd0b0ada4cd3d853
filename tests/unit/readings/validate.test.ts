import { describe, expect, it } from 'vitest';
import { ReadingRulesSchema, DEFAULT_READING_RULES, type ReadingRulesInput } from '../../../main/readings/rules';
import { validateReadings } from '../../../main/readings/validate';
import type { RawReading, ReadingDecision } from '../../../main/readings/types';
import { account, lookupOf, meter, monthly, NOW, raw } from './helpers';

// The everyday meter: cold water, 2 residents, 3 decimals, 5 register digits, read on the 10th
// of each month, 4 m³ a month (Sep 2023 … Feb 2024: 40 → 60).
const M1 = meter();
const M1_HISTORY = monthly('M1', '2023-09', ['40', '44', '48', '52', '56', '60']);

function judge(raws: RawReading[], opts: { meters?: ReturnType<typeof meter>[]; history?: ReturnType<typeof monthly>; rules?: ReadingRulesInput; accounts?: ReturnType<typeof account>[] } = {}): ReadingDecision[] {
  const lookup = lookupOf(opts.meters ?? [M1], opts.history ?? M1_HISTORY, opts.accounts);
  const rules = opts.rules ? ReadingRulesSchema.parse(opts.rules) : DEFAULT_READING_RULES;
  return validateReadings(raws, lookup, rules, NOW, 'en');
}

const one = (r: Partial<RawReading>, opts?: Parameters<typeof judge>[1]) => judge([raw(r)], opts)[0];
const codes = (d: ReadingDecision) => d.problems.map((p) => p.code);

describe('validateReadings — an ordinary reading', () => {
  it('accepts it, with the value normalised to the meter’s decimals and the consumption computed exactly', () => {
    const d = one({ value: '64,5' });
    expect(d.outcome).toBe('accepted');
    expect(d.problems).toEqual([]);
    expect(d).toMatchObject({ meterId: 'M1', accountNo: '00-0001', building: 'B001', medium: 'cold_water', zone: 1, value: '64.500', previousValue: '60.000', previousDate: '2024-02-10', consumption: '4.500' });
  });

  it('accepts an equal reading (zero consumption)', () => {
    const d = one({ value: '60' });
    expect(d.outcome).toBe('accepted');
    expect(d.consumption).toBe('0.000');
    expect(d.problems).toEqual([]);
  });

  it('keeps exact decimals where floats would not (0.1 + 0.2 style)', () => {
    const d = one({ value: '60.3' }, { history: monthly('M1', '2024-02', ['60.1']) });
    expect(d.consumption).toBe('0.200');
  });

  it('gives one decision per raw reading, in the same order', () => {
    const raws = [raw({ value: '61' }), raw({ meterId: 'X' }), raw({ value: 'abc' })];
    const ds = judge(raws);
    expect(ds.map((d) => d.raw)).toEqual(raws);
  });
});

describe('validateReadings — the meter', () => {
  it('rejects a reading no meter matches (SAL-2001)', () => {
    const d = one({ meterId: 'NOPE' });
    expect(d.outcome).toBe('rejected');
    expect(codes(d)).toEqual(['SAL-2001']);
    expect(d.problems[0]).toMatchObject({ severity: 'error', key: 'NOPE' });
    expect(d.problems[0].message).toContain('NOPE');
  });

  it('rejects a reading on a day the meter is not in service (SAL-2002), or holds it when configured', () => {
    const m = meter({ removed_on: '2024-03-01' });
    const d = one({}, { meters: [m] });
    expect(d.outcome).toBe('rejected');
    expect(codes(d)).toContain('SAL-2002');
    const held = one({}, { meters: [m], rules: { actions: { 'SAL-2002': 'hold' } } });
    expect(held.outcome).toBe('held');
    expect(held.problems.find((p) => p.code === 'SAL-2002')?.severity).toBe('review');
  });

  it('takes the final reading on the removal day itself', () => {
    expect(one({ readingDate: '2024-03-01', value: '63' }, { meters: [meter({ removed_on: '2024-03-01' })] }).outcome).toBe('accepted');
  });

  it('matches a radio reading by radio id, which differs from the serial (leading zeros aside)', () => {
    const m = meter({ serial: 'ZR-998877', radio_id: '00123456', automatic: true });
    const d = one({ source: 'radio', meterId: undefined, radioId: '123456', value: '61' }, { meters: [m] });
    expect(d.outcome).toBe('accepted');
    expect(d.meterId).toBe('M1');
  });

  it('matches a radio id against serials when the meter has no radio id on record', () => {
    const d = one({ source: 'radio', meterId: undefined, radioId: 's1', value: '61' });
    expect(d.meterId).toBe('M1');
  });

  it('rejects a reading whose meter belongs to another premises than the reading names (SAL-2004)', () => {
    const d = one({ accountNo: '00-0002' });
    expect(d.outcome).toBe('rejected');
    expect(codes(d)).toEqual(['SAL-2004']);
    expect(d.problems[0].message).toContain('00-0002');
  });

  it('rejects a serial that names meters of several premises (SAL-2003), and resolves it with the account', () => {
    const meters = [M1, meter({ meter_id: 'M2', account_no: '00-0002', serial: 'S1' })];
    const d = one({ source: 'radio', meterId: undefined, serial: 'S1', value: '61' }, { meters });
    expect(d.outcome).toBe('rejected');
    expect(codes(d)).toEqual(['SAL-2003']);
    expect(d.problems[0].message).toContain('M1, M2');
    const withAccount = one({ source: 'radio', meterId: undefined, serial: 'S1', accountNo: '00-0002', value: '1' }, { meters });
    expect(withAccount.meterId).toBe('M2');
  });

  it('picks, among meters with the same serial over time, the one in service on the date', () => {
    const old = meter({ meter_id: 'OLD', serial: 'S1', removed_on: '2023-12-31' });
    const cur = meter({ meter_id: 'NEW', serial: 'S1', installed_on: '2023-12-31' });
    const d = one({ source: 'radio', meterId: undefined, serial: 'S1', value: '5' }, { meters: [old, cur], history: monthly('NEW', '2024-01', ['1', '3']) });
    expect(d.meterId).toBe('NEW');
    expect(d.outcome).toBe('accepted');
  });
});

describe('validateReadings — value, date and zone checks (reject)', () => {
  it.each([
    ['abc', 'SAL-2007'],
    ['', 'SAL-2007'],
    ['1e3', 'SAL-2007'],
    ['12,3,4', 'SAL-2007'],
    ['-1', 'SAL-2008'],
    ['64,1234', 'SAL-2009'],
    ['100000', 'SAL-2010'],
  ])('rejects the value %j (%s)', (value, code) => {
    const d = one({ value });
    expect(d.outcome).toBe('rejected');
    expect(codes(d)).toContain(code);
  });

  it('does not count trailing zeros as decimals, and reads grouped thousands', () => {
    expect(one({ value: '64,1230' }).value).toBe('64.123');
    expect(one({ value: '1 064,5' }, { history: monthly('M1', '2024-02', ['1060']) }).value).toBe('1064.500');
  });

  it('rejects a date that is not a calendar day (SAL-2005) and a date in the future (SAL-2006)', () => {
    expect(codes(one({ readingDate: '2024-02-30' }))).toContain('SAL-2005');
    const future = one({ readingDate: '2024-03-21' });
    expect(future.outcome).toBe('rejected');
    expect(codes(future)).toContain('SAL-2006');
    // Today (in Warsaw) is not the future.
    expect(one({ readingDate: '2024-03-20' }).outcome).toBe('accepted');
  });

  it('rejects a zone the meter does not have (SAL-2011) and a zone count that does not match (SAL-2012)', () => {
    const e = meter({ meter_id: 'E1', medium: 'electricity', unit: 'kWh', tariff_zones: 2, decimals: 1, register_digits: 6 });
    const hist = [...monthly('E1', '2024-01', ['1000', '1100']), ...monthly('E1', '2024-01', ['500', '550'], 2)];
    const both = judge(
      [raw({ meterId: 'E1', zone: 1, zonesGiven: 2, value: '1200' }), raw({ meterId: 'E1', zone: 2, zonesGiven: 2, value: '600' })],
      { meters: [e], history: hist },
    );
    expect(both.map((d) => d.outcome)).toEqual(['accepted', 'accepted']);
    expect(both.map((d) => d.consumption)).toEqual(['100.0', '50.0']);

    const single = one({ meterId: 'E1', value: '1200' }, { meters: [e], history: hist });
    expect(single.outcome).toBe('rejected');
    expect(codes(single)).toEqual(['SAL-2012']);

    const zone3 = one({ meterId: 'E1', zone: 3, zonesGiven: 2, value: '1' }, { meters: [e], history: hist });
    expect(codes(zone3)).toContain('SAL-2011');
    expect(codes(one({ zone: 2, zonesGiven: 1 }))).toContain('SAL-2011');
  });

  it('counts a portal batch’s zones of one meter and day when the source gives no count', () => {
    const e = meter({ meter_id: 'E1', medium: 'electricity', unit: 'kWh', tariff_zones: 2, decimals: 1, register_digits: 6 });
    const both = judge([raw({ meterId: 'E1', zone: 1, value: '10' }), raw({ meterId: 'E1', zone: 2, value: '5' })], { meters: [e], history: [] });
    expect(both.every((d) => !codes(d).includes('SAL-2012'))).toBe(true);
    const onlyOne = judge([raw({ meterId: 'E1', zone: 1, value: '10' })], { meters: [e], history: [] });
    expect(codes(onlyOne[0])).toContain('SAL-2012');
  });

  it('rejects a value in another unit than the meter’s (SAL-2028): kWh from the radio, GJ in accounting', () => {
    const heat = meter({ meter_id: 'H1', medium: 'heat', unit: 'GJ', radio_id: '55775511', automatic: true });
    const d = one({ source: 'radio', meterId: undefined, radioId: '55775511', value: '3781', unit: 'kWh' }, { meters: [heat], history: [] });
    expect(d.outcome).toBe('rejected');
    expect(codes(d)).toEqual(['SAL-2028']);
    expect(one({ source: 'radio', meterId: undefined, radioId: '55775511', value: '13.6', unit: 'gj' }, { meters: [heat], history: [] }).outcome).toBe('accepted');
    expect(one({ value: '64', unit: 'm³' }).outcome).toBe('accepted');
  });

  it('rejects a reading a resident typed in for a radio meter (SAL-2013); the radio reading of it passes', () => {
    const m = meter({ automatic: true, radio_id: '77' });
    const typed = one({ source: 'portal' }, { meters: [m] });
    expect(typed.outcome).toBe('rejected');
    expect(codes(typed)).toEqual(['SAL-2013']);
    expect(one({ source: 'radio', meterId: undefined, radioId: '77' }, { meters: [m] }).outcome).toBe('accepted');
  });

  it('rejects a meter past its verification date (SAL-2014) by default; a warning when configured', () => {
    const m = meter({ verification_due: '2024-03-01' });
    const d = one({}, { meters: [m] });
    expect(d.outcome).toBe('rejected');
    expect(codes(d)).toEqual(['SAL-2014']);
    const warned = one({}, { meters: [m], rules: { actions: { 'SAL-2014': 'warn' } } });
    expect(warned.outcome).toBe('accepted');
    expect(warned.problems).toMatchObject([{ code: 'SAL-2014', severity: 'warning' }]);
  });
});

describe('validateReadings — lower than the previous reading', () => {
  it('rejects a value lower than the previous one (SAL-2015)', () => {
    const d = one({ value: '59' });
    expect(d.outcome).toBe('rejected');
    expect(codes(d)).toEqual(['SAL-2015']);
    expect(d.problems[0].message).toContain('60.000');
  });

  it('holds a plausible register rollover (SAL-2016) with the wrapped consumption', () => {
    const m = meter({ meter_id: 'R1', serial: 'R1' });
    const d = one({ meterId: 'R1', value: '3' }, { meters: [m], history: monthly('R1', '2023-11', ['99986', '99990', '99994', '99998']) });
    expect(d.outcome).toBe('held');
    expect(codes(d)).toEqual(['SAL-2016']);
    expect(d.consumption).toBe('5.000');
    expect(d.problems[0].severity).toBe('review');
  });

  it('rejects a "rollover" whose wrapped consumption is implausible', () => {
    const m = meter({ meter_id: 'R1', serial: 'R1' });
    const d = one({ meterId: 'R1', value: '500' }, { meters: [m], history: monthly('R1', '2023-11', ['99986', '99990', '99994', '99998']) });
    expect(d.outcome).toBe('rejected');
    expect(codes(d)).toEqual(['SAL-2015']);
  });

  it('holds a lower value when the meter was replaced since the previous reading (SAL-2017)', () => {
    const old = meter({ meter_id: 'OLD', serial: 'A', removed_on: '2024-02-15' });
    const cur = meter({ meter_id: 'NEW', serial: 'B', installed_on: '2024-02-15' });
    const d = one({ meterId: 'NEW', value: '3' }, { meters: [old, cur], history: monthly('OLD', '2023-12', ['450', '480', '500']) });
    expect(d.outcome).toBe('held');
    expect(codes(d)).toEqual(['SAL-2017']);
    expect(d.previousValue).toBe('500.000');
    expect(d.problems[0].message).toContain('OLD');
    // Not lower than the old meter's value: simply the new meter's first reading.
    const first = one({ meterId: 'NEW', value: '600' }, { meters: [old, cur], history: monthly('OLD', '2023-12', ['450', '480', '500']) });
    expect(first.outcome).toBe('accepted');
    expect(codes(first)).toEqual(['SAL-2022']);
  });

  it('holds a lower value whose previous reading predates the meter’s installation (device swapped under the same id)', () => {
    const m = meter({ installed_on: '2024-02-15' });
    const d = one({ value: '3' }, { meters: [m], history: monthly('M1', '2024-01', ['500']) });
    expect(d.outcome).toBe('held');
    expect(codes(d)).toEqual(['SAL-2017']);
  });

  it('can be relaxed to hold, never to a silent warning', () => {
    expect(one({ value: '59' }, { rules: { actions: { 'SAL-2015': 'hold' } } }).outcome).toBe('held');
    expect(ReadingRulesSchema.safeParse({ actions: { 'SAL-2015': 'warn' } }).success).toBe(false);
  });
});

describe('validateReadings — consumption checks (hold)', () => {
  it('holds consumption above the norm (SAL-2018): 3.2 m³ × 2 persons × 1 month = 6.4', () => {
    const ok = one({ value: '66.4' });
    expect(ok.outcome).toBe('accepted');
    const d = one({ value: '66.401' });
    expect(d.outcome).toBe('held');
    expect(codes(d)).toEqual(['SAL-2018']);
    expect(d.problems[0].message).toContain('6.4');
  });

  it('scales the norm with the months since the previous reading', () => {
    // Previous 2024-01-10 (history ends there): 60 days ≈ 1.97 months → limit 12.6 m³.
    const d = one({ value: '62', readingDate: '2024-03-10' }, { history: monthly('M1', '2023-11', ['42', '46', '50']) });
    expect(d.outcome).toBe('accepted');
    expect(one({ value: '63', readingDate: '2024-03-10' }, { history: monthly('M1', '2023-11', ['42', '46', '50']) }).outcome).toBe('held');
  });

  it('uses the configured norms; a medium without a norm is not checked against one', () => {
    expect(one({ value: '66.401' }, { rules: { norms: { cold_water: '5' } } }).outcome).toBe('accepted');
    expect(one({ value: '66.401' }, { rules: { norms: { cold_water: null } } }).outcome).toBe('accepted');
  });

  it('holds a spike far above the premises’ own average (SAL-2019)', () => {
    const heat = meter({ meter_id: 'H1', medium: 'heat', unit: 'GJ', decimals: 3 });
    const hist = monthly('H1', '2023-09', ['10', '11', '12', '13', '14', '15']); // 1 GJ a month
    expect(one({ meterId: 'H1', value: '17.9' }, { meters: [heat], history: hist }).outcome).toBe('accepted');
    const d = one({ meterId: 'H1', value: '18.5' }, { meters: [heat], history: hist });
    expect(d.outcome).toBe('held');
    expect(codes(d)).toEqual(['SAL-2019']);
    // Too little history for an average: no spike rule.
    expect(one({ meterId: 'H1', value: '18.5' }, { meters: [heat], history: monthly('H1', '2024-01', ['14', '15']) }).outcome).toBe('accepted');
  });

  it('holds a portal reading submitted outside the window (SAL-2020); radio readings are not held', () => {
    const late = one({ submittedAt: '2024-03-26T09:00:00+01:00', readingDate: '2024-03-10' });
    expect(late.outcome).toBe('held');
    expect(codes(late)).toEqual(['SAL-2020']);
    expect(one({ source: 'radio', readingDate: '2024-02-28', value: '62', meterId: undefined, serial: 'S1' }, { history: monthly('M1', '2023-12', ['56', '58', '60']) }).outcome).toBe('accepted');
    // A window over the month's end (20–5): the 26th is inside, the 10th is not.
    expect(one({ submittedAt: '2024-03-26T09:00:00+01:00' }, { rules: { window: { fromDay: 20, toDay: 5 } } }).outcome).toBe('accepted');
    expect(one({ submittedAt: '2024-03-10T09:00:00+01:00' }, { rules: { window: { fromDay: 20, toDay: 5 } } }).outcome).toBe('held');
  });

  it('reads the submission day in the premises’ time zone', () => {
    // 25 March 23:30 UTC is already the 26th in Warsaw.
    expect(one({ submittedAt: '2024-03-25T23:30:00Z' }).outcome).toBe('held');
    expect(one({ submittedAt: '2024-03-25T21:30:00Z' }).outcome).toBe('accepted');
  });

  it('holds a back-dated reading (SAL-2023) and a different value for a recorded day (SAL-2024)', () => {
    const back = one({ readingDate: '2024-02-05', value: '59' });
    expect(back.outcome).toBe('held');
    expect(codes(back)).toEqual(['SAL-2023']);
    expect(back.previousValue).toBe('56.000');
    const conflict = one({ readingDate: '2024-02-10', value: '61' });
    expect(conflict.outcome).toBe('held');
    expect(codes(conflict)).toEqual(['SAL-2024']);
  });
});

describe('validateReadings — warnings', () => {
  it('passes alarm flags on as a warning (SAL-2021)', () => {
    const d = one({ source: 'radio', meterId: undefined, serial: 'S1', alarms: ['LEAK', 'DRY'] });
    expect(d.outcome).toBe('accepted');
    expect(d.problems).toMatchObject([{ code: 'SAL-2021', severity: 'warning' }]);
    expect(d.problems[0].message).toContain('LEAK, DRY');
  });

  it('warns on a meter’s first reading (SAL-2022)', () => {
    const d = one({}, { history: [] });
    expect(d.outcome).toBe('accepted');
    expect(codes(d)).toEqual(['SAL-2022']);
    expect(d.consumption).toBeUndefined();
  });

  it('uses the contract’s last value when the history window holds no reading', () => {
    const d = one({ value: '64' }, { meters: [meter({ last_value: '61.5', last_date: '2023-01-10' })], history: [] });
    expect(d.previousValue).toBe('61.500');
    expect(d.consumption).toBe('2.500');
  });
});

describe('validateReadings — duplicates and several readings in a period', () => {
  it('collapses duplicates (same meter, value and day) into one; the others point at it', () => {
    const a = raw({ value: '64' });
    const b = raw({ value: '64,000', source: 'radio', meterId: undefined, serial: 'S1' });
    const c = raw({ value: '64' });
    const [da, db, dc] = judge([a, b, c]);
    expect(da.outcome).toBe('accepted');
    expect(db).toMatchObject({ outcome: 'duplicate', supersededBy: a.sourceId });
    expect(dc).toMatchObject({ outcome: 'duplicate', supersededBy: a.sourceId });
    expect(codes(db)).toEqual(['SAL-2026']);
  });

  it('treats a value the accounting system already holds for that day as a duplicate (SAL-2025)', () => {
    const d = one({ readingDate: '2024-02-10', value: '60' });
    expect(d.outcome).toBe('duplicate');
    expect(codes(d)).toEqual(['SAL-2025']);
  });

  it('lets the latest reading of the month win; the others are superseded', () => {
    const early = raw({ readingDate: '2024-03-05', value: '62' });
    const late = raw({ readingDate: '2024-03-12', value: '65' });
    const [dl, de] = judge([late, early]);
    expect(dl).toMatchObject({ outcome: 'accepted', consumption: '5.000' });
    expect(de).toMatchObject({ outcome: 'superseded', supersededBy: late.sourceId });
    expect(codes(de)).toEqual(['SAL-2027']);
  });

  it('orders readings of the same day by submission time', () => {
    const first = raw({ value: '62', submittedAt: '2024-03-10T08:00:00+01:00' });
    const second = raw({ value: '63', submittedAt: '2024-03-10T09:00:00+01:00' });
    const [d1, d2] = judge([second, first]);
    expect(d1.outcome).toBe('accepted');
    expect(d2).toMatchObject({ outcome: 'superseded', supersededBy: second.sourceId });
  });

  it('does not let a rejected reading supersede a good one', () => {
    const good = raw({ readingDate: '2024-03-05', value: '62' });
    const bad = raw({ readingDate: '2024-03-12', value: '50' });
    const [dg, db] = judge([good, bad]);
    expect(dg.outcome).toBe('accepted');
    expect(db.outcome).toBe('rejected');
    expect(codes(db)).toEqual(['SAL-2015']);
  });

  it('measures a later month from the batch’s own earlier month', () => {
    const march = raw({ readingDate: '2024-03-10', value: '64', source: 'radio' });
    const april = raw({ readingDate: '2024-04-10', value: '67', source: 'radio' });
    const [dm, da] = validateReadings([april, march], lookupOf([M1], M1_HISTORY), DEFAULT_READING_RULES, new Date('2024-04-15T10:00:00Z'), 'en');
    expect(dm).toMatchObject({ outcome: 'accepted', previousValue: '64.000', consumption: '3.000' });
    expect(da).toMatchObject({ outcome: 'accepted', previousValue: '60.000', consumption: '4.000' });
  });
});

describe('validateReadings — precedence and the error shape', () => {
  it('rejects when a reject and a hold hit together, and keeps both problems', () => {
    const d = one({ value: '80', submittedAt: '2024-03-27T10:00:00+01:00' }, { meters: [meter({ verification_due: '2024-03-01' })] });
    expect(d.outcome).toBe('rejected');
    expect(codes(d).sort()).toEqual(['SAL-2014', 'SAL-2018', 'SAL-2019', 'SAL-2020']);
    expect(d.problems.find((p) => p.code === 'SAL-2018')?.severity).toBe('review');
  });

  it('holds when a hold and a warning hit together', () => {
    const d = one({ source: 'radio', meterId: undefined, serial: 'S1', value: '70', alarms: ['LEAK'] });
    expect(d.outcome).toBe('held');
    expect(codes(d).sort()).toEqual(['SAL-2018', 'SAL-2021']);
  });

  it('puts the meter, the file and the line on every problem, in the asked language', () => {
    const d = validateReadings([raw({ value: 'x', file: 'radio.csv', line: 7 })], lookupOf([M1], M1_HISTORY), DEFAULT_READING_RULES, NOW, 'uk')[0];
    expect(d.problems[0]).toMatchObject({ code: 'SAL-2007', key: 'M1', file: 'radio.csv', line: 7 });
    expect(d.problems[0].message).toMatch(/[а-яії]/);
    expect(Object.keys(d.problems[0]).sort()).toEqual(['code', 'file', 'hint', 'key', 'line', 'message', 'severity']);
  });

  it('speaks the premises’ language by default (Polish for Warsaw, Ukrainian for Kyiv)', () => {
    const lookup = lookupOf([M1], M1_HISTORY);
    const pl = validateReadings([raw({ value: 'x' })], lookup, DEFAULT_READING_RULES, NOW)[0];
    expect(pl.problems[0].message).toContain('nie jest liczbą');
    const uk = validateReadings([raw({ value: 'x' })], lookup, ReadingRulesSchema.parse({ timeZone: 'Europe/Kyiv' }), NOW)[0];
    expect(uk.problems[0].message).toContain('не є числом');
  });
});
