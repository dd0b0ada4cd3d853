// Builders for the readings core's tests: meters, history and raw readings as the contract and the
// importers give them.

import type { AccountRow, MeterReadingRow, MeterRow } from '../../../shared/domain/accounting';
import { createMeterLookup, meterFactsFromExports, type MeterLookup } from '../../../main/readings/meter-lookup';
import type { RawReading } from '../../../main/readings/types';

export function meter(over: Partial<MeterRow> = {}): MeterRow {
  return {
    account_no: '00-0001',
    meter_id: 'M1',
    serial: 'S1',
    radio_id: null,
    medium: 'cold_water',
    tariff_zones: 1,
    register_digits: 5,
    decimals: 3,
    unit: 'm3',
    installed_on: '2020-01-01',
    removed_on: null,
    verification_due: '2030-01-01',
    last_value: null,
    last_date: null,
    automatic: false,
    ...over,
  };
}

/** Monthly readings of a meter on the 10th, from a start month: values as given. */
export function monthly(meterId: string, startPeriod: string, values: string[], zone = 1): MeterReadingRow[] {
  let [y, m] = startPeriod.split('-').map(Number);
  return values.map((value) => {
    const row: MeterReadingRow = { meter_id: meterId, reading_date: `${y}-${String(m).padStart(2, '0')}-10`, zone, value, source: 'inspector' };
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
    return row;
  });
}

export function account(no: string, residents = 2, building = 'B001'): Pick<AccountRow, 'account_no' | 'residents_count' | 'building'> {
  return { account_no: no, residents_count: residents, building };
}

export function lookupOf(meters: MeterRow[], readings: MeterReadingRow[] = [], accounts = [account('00-0001'), account('00-0002')]): MeterLookup {
  return createMeterLookup(meterFactsFromExports({ meters, readings, accounts }));
}

let seq = 0;
export function raw(over: Partial<RawReading> = {}): RawReading {
  seq++;
  return { sourceId: `p${seq}`, source: 'portal', meterId: 'M1', readingDate: '2024-03-10', value: '64', ...over };
}

/** "Now" of the tests: 20 March 2024, midday in Warsaw. */
export const NOW = new Date('2024-03-20T11:00:00Z');
