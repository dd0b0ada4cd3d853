import { describe, expect, it } from 'vitest';
import { createMeterLookup, meterFactsFromExports } from '../../../main/readings/meter-lookup';
import { account, meter, monthly } from './helpers';

describe('meterFactsFromExports + createMeterLookup', () => {
  const meters = [
    meter({ meter_id: 'M1', serial: 'ZW 001', radio_id: '0012345678' }),
    meter({ meter_id: 'M2', serial: '12345678', account_no: '00-0002' }), // a serial equal to M1's radio id
    meter({ meter_id: 'OLD', serial: 'CW-9', account_no: '00-0003', removed_on: '2024-01-15' }),
    meter({ meter_id: 'NEW', serial: 'CW-10', account_no: '00-0003', installed_on: '2024-01-15' }),
    meter({ meter_id: 'HOT', serial: 'HW-1', account_no: '00-0003', medium: 'hot_water' }),
  ];
  const readings = [...monthly('NEW', '2024-02', ['2', '1']).reverse(), ...monthly('OLD', '2023-11', ['10', '11'])];
  const facts = meterFactsFromExports({ meters, readings, accounts: [account('00-0001', 3, 'B1'), account('00-0003', 1, 'B7')] });
  const lookup = createMeterLookup(facts);

  it('indexes every meter, with its premises’ residents and building, history oldest first', () => {
    expect(lookup.size).toBe(5);
    const m1 = lookup.byId('M1')!;
    expect([m1.residents, m1.building]).toEqual([3, 'B1']);
    expect(lookup.byId('M2')).toMatchObject({ residents: 0, building: '' });
    expect(lookup.byId('NEW')!.history.map((r) => r.reading_date)).toEqual(['2024-02-10', '2024-03-10']);
  });

  it('knows which meters a meter replaced: same premises and medium, removed by its installation', () => {
    expect(lookup.byId('NEW')!.replaced.map((m) => m.meter_id)).toEqual(['OLD']);
    expect(lookup.byId('HOT')!.replaced).toEqual([]);
    expect(lookup.byId('OLD')!.replaced).toEqual([]);
  });

  it('finds by meter id first, by radio id (leading zeros, case and spaces aside), then by serial', () => {
    expect(lookup.find({ meterId: 'M2', radioId: '12345678' }).candidates.map((f) => f.meter.meter_id)).toEqual(['M2']);
    // A radio id names the meter with that radio id, not the other meter whose serial looks the same.
    expect(lookup.find({ radioId: '12345678' }).candidates.map((f) => f.meter.meter_id)).toEqual(['M1']);
    expect(lookup.find({ serial: 'zw001' }).candidates.map((f) => f.meter.meter_id)).toEqual(['M1']);
    expect(lookup.find({ radioId: 'cw-10' }).candidates.map((f) => f.meter.meter_id)).toEqual(['NEW']);
    expect(lookup.find({ serial: 'nothing' }).candidates).toEqual([]);
  });

  it('narrows by the account the reading names, and reports the meters of other premises', () => {
    const m = lookup.find({ serial: 'ZW 001', accountNo: '00-0009' });
    expect(m.candidates).toEqual([]);
    expect(m.otherAccounts.map((f) => f.meter.meter_id)).toEqual(['M1']);
    expect(lookup.find({ serial: 'ZW 001', accountNo: '00-0001' }).candidates.map((f) => f.meter.meter_id)).toEqual(['M1']);
  });

  it('when serial and radio id name different meters, returns both (the rules call it ambiguous)', () => {
    expect(lookup.find({ radioId: '12345678', serial: 'CW-10' }).candidates.map((f) => f.meter.meter_id).sort()).toEqual(['M1', 'NEW']);
    expect(lookup.find({ radioId: '12345678', serial: 'ZW001' }).candidates.map((f) => f.meter.meter_id)).toEqual(['M1']);
  });
});
