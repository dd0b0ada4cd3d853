import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReadingsFile } from '../../../main/readings/import';

// Fixtures follow wmbusmeters' own driver test vectors (multical21, izar, kamheat): the field
// names, the JSON number style, UTC timestamps in JSON and local ones in --format=fields.
const FIXTURES = join(__dirname, '../../fixtures/readings');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

const json = (text: string, locale: 'pl' | 'uk' | 'en' = 'pl', fileName = 'wmbus.json') =>
  importReadingsFile({ bytes: Buffer.from(text, 'utf8'), fileName, format: 'wmbus-json', locale });
const fields = (text: string, opts: { fields?: string[]; locale?: 'pl' | 'uk' } = {}) =>
  importReadingsFile({ bytes: Buffer.from(text, 'utf8'), fileName: 'wmbus.txt', format: 'wmbus-csv', locale: opts.locale ?? 'pl', wmbus: { fields: opts.fields } });

describe('wmbusmeters JSON', () => {
  it('reads one telegram per line: radio id, exact value, local day, alarm flags', () => {
    const r = importReadingsFile({ bytes: fixture('wmbusmeters-lines.json'), fileName: 'meter_readings.json', format: 'wmbus-json', locale: 'pl' });
    expect(r).toMatchObject({ ok: true, lines: 4, encoding: 'utf-8' });
    expect(r.readings.map((x) => [x.radioId, x.value, x.readingDate, x.alarms ?? [], x.line])).toEqual([
      ['76348799', '123.529', '2024-03-10', [], 1],
      // JSON numbers keep their digits (45.010 stays 45.010; a float would print 45.01).
      ['76348800', '45.010', '2024-03-10', ['LEAK'], 2],
      // 22:30 UTC on 31 March is 1 April in Warsaw (summer time).
      ['21242472', '3.488', '2024-04-01', ['METER_BLOCKED', 'UNDERFLOW'], 3],
      // A heat meter's register is its energy, not the volume it also reports.
      ['55775511', '3781', '2024-03-10', [], 4],
    ]);
    expect(r.readings.map((x) => x.unit)).toEqual(['m3', 'm3', 'm3', 'kWh']);
    expect(r.readings.every((x) => x.source === 'radio' && x.file === 'meter_readings.json' && x.sourceId === `${r.fileHash}:${x.line}`)).toBe(true);
  });

  it('reads pretty-printed objects (--ppjson) and a JSON array, with the line each object starts on', () => {
    const pp = '{\n    "media":"water",\n    "meter":"iperl",\n    "name":"MyTapWater",\n    "id":"33225544",\n    "max_flow_m3h":0,\n    "total_m3":123.529,\n    "timestamp":"2024-03-03T18:37:00Z"\n}\n{\n    "id":"33225545",\n    "total_m3":1.5,\n    "timestamp":"2024-03-03T18:38:00Z"\n}\n';
    const r = json(pp);
    expect(r.readings.map((x) => [x.radioId, x.value, x.line])).toEqual([
      ['33225544', '123.529', 1],
      ['33225545', '1.5', 10],
    ]);
    const arr = json('[\n {"id":"1","total_m3":2.000,"timestamp":"2024-03-03T10:00:00Z"},\n {"id":"2","total_m3":3,"timestamp":"2024-03-03T10:00:00Z"}\n]\n');
    expect(arr.readings.map((x) => [x.radioId, x.value, x.line])).toEqual([
      ['1', '2.000', 2],
      ['2', '3', 3],
    ]);
  });

  it('gives one reading per tariff register of an electricity meter', () => {
    const r = json('{"media":"electricity","meter":"amiplus","id":"10101010","total_energy_consumption_kwh":1800.1,"total_energy_consumption_tariff_1_kwh":1200.1,"total_energy_consumption_tariff_2_kwh":600,"timestamp":"2024-03-31T10:00:00Z"}\n');
    expect(r.readings.map((x) => [x.zone, x.zonesGiven, x.value, x.sourceId.endsWith(`:1:${x.zone}`)])).toEqual([
      [1, 2, '1200.1', true],
      [2, 2, '600', true],
    ]);
  });

  it('takes a telegram without a known register as a reading with no value (the rules reject it)', () => {
    const r = json('{"media":"room sensor","meter":"lansenth","id":"00010203","current_temperature_c":21.5,"timestamp":"2024-03-03T10:00:00Z"}\n');
    expect(r).toMatchObject({ ok: true, readings: [{ radioId: '00010203', value: '' }] });
  });

  it('refuses a line that is not JSON, naming it, and imports nothing', () => {
    const text = '{"id":"1","total_m3":1,"timestamp":"2024-03-03T10:00:00Z"}\n{"id":"2","total_m3":2,"timestamp":"2024-03-03T10:00:00Z"}\nReceived telegram from: 12345678\n{"id":"3","total_m3":3,"timestamp":"2024-03-03T10:00:00Z"}\n';
    const r = json(text, 'en');
    expect(r.ok).toBe(false);
    expect(r.readings).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'SAL-2036', severity: 'error', line: 3, file: 'wmbus.json' })]);
    expect(r.problems[0].message).toMatch(/^Line 3 is not valid JSON/);
  });

  it('refuses broken JSON inside an object, an object never closed, and a record without id or timestamp', () => {
    expect(json('{"id":"1","total_m3":1,"timestamp":"2024-03-03T10:00:00Z"}\n{"id":"2", "total_m3":}\n').problems[0]).toMatchObject({ code: 'SAL-2036', line: 2 });
    expect(json('{"id":"1","total_m3":1,\n"timestamp":"2024-03-03T10:00:00Z"\n').problems[0]).toMatchObject({ code: 'SAL-2036', line: 1 });
    expect(json('{"total_m3":1,"timestamp":"2024-03-03T10:00:00Z"}\n').problems[0]).toMatchObject({ code: 'SAL-2037', line: 1 });
    expect(json('{"id":"1","total_m3":1}\n').problems[0]).toMatchObject({ code: 'SAL-2037', line: 1 });
    expect(json('{"id":"1","total_m3":1,"timestamp":"yesterday"}\n').problems[0]).toMatchObject({ code: 'SAL-2035', line: 1 });
    expect(json('\n\n').problems[0]).toMatchObject({ code: 'SAL-2030' });
  });
});

describe('wmbusmeters fields ("CSV")', () => {
  it('reads the default layout (name;id;total;…;timestamp in local time), flags and all', () => {
    const r = importReadingsFile({ bytes: fixture('wmbusmeters-fields.txt'), fileName: 'fields.txt', format: 'wmbus-csv', locale: 'pl' });
    expect(r).toMatchObject({ ok: true, lines: 2 });
    expect(r.readings.map((x) => [x.radioId, x.value, x.readingDate, x.alarms ?? []])).toEqual([
      ['76348799', '123.529', '2024-03-10', []],
      ['76348800', '45.010', '2024-03-10', ['LEAK']],
    ]);
  });

  it('reads a header line, timestamp_utc converted to the premises’ day, and null values', () => {
    const r = fields('id;total_m3;status;timestamp_utc\n12345678;10.5;OK;2024-03-31T22:30.00Z\n12345679;null;BURST LEAK;2024-03-30T10:00:00Z\n', { locale: 'uk' });
    expect(r.readings.map((x) => [x.radioId, x.value, x.readingDate, x.alarms ?? []])).toEqual([
      ['12345678', '10.5', '2024-04-01', []],
      ['12345679', '', '2024-03-30', ['BURST', 'LEAK']],
    ]);
  });

  it('reads a file printed with --selectfields (Unix timestamp too)', () => {
    const r = fields('33333333;9999.099;1711880000\n', { fields: ['id', 'total_m3', 'timestamp_ut'] });
    expect(r.readings).toMatchObject([{ radioId: '33333333', value: '9999.099', readingDate: '2024-03-31' }]);
  });

  it('refuses a line with another number of fields, and a timestamp it cannot read', () => {
    const bad = fields('A;1;2.5;2024-03-10 08:00:00\nB;2;2024-03-10 08:00:00\n');
    expect(bad).toMatchObject({ ok: false, readings: [] });
    expect(bad.problems[0]).toMatchObject({ code: 'SAL-2033', line: 2 });
    expect(fields('A;1;2.5;1111-11-11 11:11.11\n').problems[0]).toMatchObject({ code: 'SAL-2035', line: 1 });
    expect(fields('name;total_m3;timestamp\nA;1;2024-03-10 08:00:00\n', { fields: ['name', 'total_m3', 'timestamp'] }).problems[0]).toMatchObject({ code: 'SAL-2037' });
  });
});
