// Archived readings of one run, as the readings service lists them (ReadingView), for the report
// tests: three buildings, several media and units, every outcome, readings decided on review, and
// a reading that matched no meter. `manyReadings` makes a run long enough to span several pages.

import type { RunRecord } from '../../shared/domain/types';
import { problem, type Params } from '../../shared/errors/problem';
import type { ErrorCode } from '../../shared/errors/catalogue';
import type { ReadingView } from '../../shared/ipc/contract-readings';

export const READINGS_ORG = {
  name: 'Spółdzielnia Mieszkaniowa „Zielone Wzgórze”',
  address: 'ul. Źródlana 12, 31-555 Kraków',
  taxId: '676-123-45-67',
};

export function readingsRun(over: Partial<RunRecord> = {}): RunRecord {
  return {
    id: 57,
    started: '2026-11-03T08:12:00.000Z',
    finished: '2026-11-03T08:12:09.000Z',
    operator: 'k.wisniewska',
    kind: 'readings-import',
    period: '2026-10',
    mode: 'file',
    status: 'completed',
    counts: { read: 12, accepted: 5, held: 3, rejected: 2, duplicates: 1, superseded: 1 },
    durationMs: 9000,
    totals: {},
    problems: [],
    ...over,
  };
}

/** A finding as the service archives it: worded from the catalogue in the workspace's language (Polish). */
export const p = (code: ErrorCode, params: Params, key?: string) => problem(code, 'pl', params, key ? { key } : {});

let nextKey = 1000;
function view(over: Partial<ReadingView> & Pick<ReadingView, 'outcome'>): ReadingView {
  const key = String(nextKey++);
  return {
    key,
    runId: 57,
    source: 'radio',
    sourceId: `0a1b2c3d4e5f6a7b:${key}`,
    zone: 1,
    readingDate: '2026-10-28',
    value: '0',
    problems: [],
    file: 'odczyty-radiowe-2026-10.csv',
    line: Number(key) - 998,
    ...over,
  };
}

/** One run: what each report must list, and the figures its totals must show. */
export function sampleReadings(): ReadingView[] {
  nextKey = 1000;
  const b1 = { building: 'B001', address: 'ul. Lipowa 3, 31-555 Kraków' };
  const b2 = { building: 'B002', address: 'ul. Źródlana 7, 31-555 Kraków' };
  const b10 = { building: 'B010', address: 'os. Słoneczne 10, 31-560 Kraków' };
  return [
    // B001: cold and hot water accepted; consumption 3.125 + 4.5 = 7.625 m³ cold, 1.2 m³ hot
    view({ ...b1, outcome: 'accepted', accountNo: '0001/001', meterId: 'WZ-10001', serial: '19100001', medium: 'cold_water', unit: 'm3', value: '123,125', normalized: '123.125', previousValue: '120.000', previousDate: '2026-09-27', consumption: '3.125' }),
    view({ ...b1, outcome: 'accepted', accountNo: '0001/002', meterId: 'WZ-10002', serial: '19100002', medium: 'cold_water', unit: 'm3', value: '54.5', normalized: '54.500', previousValue: '50.000', previousDate: '2026-09-27', consumption: '4.5' }),
    view({
      ...b1,
      outcome: 'accepted',
      accountNo: '0001/002',
      meterId: 'WC-20002',
      medium: 'hot_water',
      unit: 'm3',
      value: '31.2',
      normalized: '31.200',
      previousValue: '30.000',
      previousDate: '2026-09-27',
      consumption: '1.2',
      problems: [p('SAL-2021', { meter: 'WC-20002', alarms: 'LEAK' }, 'WC-20002')],
    }),
    // B001: accepted on review (was above the norm)
    view({
      ...b1,
      outcome: 'accepted',
      accountNo: '0001/003',
      meterId: 'WZ-10003',
      medium: 'cold_water',
      unit: 'm3',
      value: '88.000',
      normalized: '88.000',
      previousValue: '70.000',
      previousDate: '2026-09-27',
      consumption: '18',
      problems: [
        p('SAL-2018', { consumption: '18.000', unit: 'm3', limit: '9.6', norm: '2.4', residents: 4, months: 1 }, 'WZ-10003'),
        p('SAL-2059', { operator: 'k.wisniewska', note: 'Remont łazienki — potwierdzone telefonicznie' }, 'WZ-10003'),
      ],
      decidedBy: 'Katarzyna Wiśniewska',
      decidedAt: '2026-11-03T09:40:00.000Z',
      note: 'Remont łazienki — potwierdzone telefonicznie',
    }),
    // B002: electricity with two zones
    view({ ...b2, outcome: 'accepted', source: 'portal', sourceId: 'p-1', file: undefined, line: undefined, accountNo: '0002/001', meterId: 'EE-3001', medium: 'electricity', unit: 'kWh', zone: 1, value: '1502,5', normalized: '1502.5', previousValue: '1402.5', previousDate: '2026-09-30', consumption: '100.0' }),
    view({ ...b2, outcome: 'accepted', source: 'portal', sourceId: 'p-2', file: undefined, line: undefined, accountNo: '0002/001', meterId: 'EE-3001', medium: 'electricity', unit: 'kWh', zone: 2, value: '800', normalized: '800.0', previousValue: '760.0', previousDate: '2026-09-30', consumption: '40.0' }),
    // B002: held, awaiting a decision (rollover explained)
    view({
      ...b2,
      outcome: 'held',
      accountNo: '0002/004',
      meterId: 'WZ-10024',
      medium: 'cold_water',
      unit: 'm3',
      value: '00012,300',
      normalized: '12.300',
      previousValue: '99995.100',
      previousDate: '2026-09-27',
      consumption: '17.200',
      problems: [p('SAL-2016', { value: '12.300', previous: '99995.100', digits: 5, consumption: '17.200', unit: 'm3' }, 'WZ-10024')],
    }),
    // B010: held and then rejected on review
    view({
      ...b10,
      outcome: 'rejected',
      accountNo: '0010/017',
      meterId: 'WC-21017',
      medium: 'hot_water',
      unit: 'm3',
      value: '140.000',
      normalized: '140.000',
      previousValue: '100.000',
      previousDate: '2026-09-27',
      consumption: '40',
      problems: [
        p('SAL-2019', { perMonth: '40.000', unit: 'm3', factor: 3, average: '2.1' }, 'WC-21017'),
        p('SAL-2058', { operator: 'k.wisniewska', note: 'Błąd wpisu, mieszkaniec poda nowy odczyt' }, 'WC-21017'),
      ],
      decidedBy: 'Katarzyna Wiśniewska',
      decidedAt: '2026-11-03T09:42:00.000Z',
      note: 'Błąd wpisu, mieszkaniec poda nowy odczyt',
    }),
    // B010: held, pending, heat in GJ
    view({ ...b10, outcome: 'held', accountNo: '0010/018', meterId: 'CO-5018', medium: 'heat', unit: 'GJ', value: '12.75', normalized: '12.750', previousValue: '10.250', previousDate: '2026-09-27', consumption: '2.5', problems: [p('SAL-2020', { date: '2026-10-28', from: 1, to: 25 }, 'CO-5018')] }),
    // B010: rejected (lower than previous, no explanation)
    view({
      ...b10,
      outcome: 'rejected',
      accountNo: '0010/019',
      meterId: 'WZ-10119',
      medium: 'cold_water',
      unit: 'm3',
      value: '45.1',
      normalized: '45.100',
      previousValue: '47.300',
      previousDate: '2026-09-27',
      problems: [p('SAL-2015', { value: '45.100', meter: 'WZ-10119', previous: '47.300', previousDate: '2026-09-27' }, 'WZ-10119')],
    }),
    // no meter matched: no building
    view({ outcome: 'rejected', serial: '99999999', radioId: '7F0001AA', value: '12.5', problems: [p('SAL-2001', { ref: '99999999' }, '99999999')] }),
    view({ ...b1, outcome: 'duplicate', accountNo: '0001/001', meterId: 'WZ-10001', medium: 'cold_water', unit: 'm3', value: '123.125', normalized: '123.125' }),
    view({ ...b1, outcome: 'superseded', accountNo: '0001/002', meterId: 'WZ-10002', medium: 'cold_water', unit: 'm3', value: '54.0', normalized: '54.000', readingDate: '2026-10-20' }),
  ];
}

/** A long run: `n` accepted cold-water readings over `buildings` buildings, each consuming 1.001 m³. */
export function manyReadings(n: number, buildings: number): ReadingView[] {
  nextKey = 5000;
  const out: ReadingView[] = [];
  for (let i = 0; i < n; i++) {
    const b = (i % buildings) + 1;
    const building = `B${String(b).padStart(3, '0')}`;
    out.push(
      view({
        outcome: i % 10 === 9 ? 'rejected' : 'accepted',
        building,
        address: `ul. Długa ${b}, 31-555 Kraków`,
        accountNo: `${String(b).padStart(4, '0')}/${String(Math.floor(i / buildings) + 1).padStart(3, '0')}`,
        meterId: `WZ-${String(i).padStart(5, '0')}`,
        medium: 'cold_water',
        unit: 'm3',
        value: `${100 + i}.001`,
        normalized: `${100 + i}.001`,
        previousValue: `${99 + i}.000`,
        previousDate: '2026-09-27',
        consumption: '1.001',
        problems: i % 10 === 9 ? [p('SAL-2015', { value: `${100 + i}.001`, meter: `WZ-${String(i).padStart(5, '0')}`, previous: `${101 + i}.000`, previousDate: '2026-09-27' })] : [],
      }),
    );
  }
  return out;
}
