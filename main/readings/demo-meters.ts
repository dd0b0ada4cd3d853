// Two meter events the demo's readings need and the generated history does not give (issue 5
// point 8: some readings break each rule): a meter close to the end of its register, so that the
// next reading wraps (a rollover, held with the explanation), and a meter replaced at the start of
// the readings' month with no reading of its own yet, so that the new meter's first reading is
// lower than the old meter's last (a replacement, held) — and a resident who still reads the old
// one (no meter in service on that date, rejected). Written into the demo accounting database as
// its own data: the whole history of the first meter moves up (its consumption stays the same),
// and the second is removed and a new meter installed in its place, as the accounting system
// would record them.

import Database from 'better-sqlite3';

export interface PlantedMeter {
  id: number;
  code: string;
  account: string;
  digits: number;
  decimals: number;
}

const toScaled = (v: string, decimals: number): number => {
  const [i, f = ''] = v.split('.');
  return Number(i) * 10 ** decimals + Number((f + '0'.repeat(decimals)).slice(0, decimals));
};
const fmt = (scaled: number, decimals: number): string => {
  const s = String(scaled).padStart(decimals + 1, '0');
  return decimals ? `${s.slice(0, s.length - decimals)}.${s.slice(s.length - decimals)}` : s;
};

/**
 * Moves the meter's recorded history up so that its last value lies `before` units (scaled)
 * below the register's end. Answers the new last value (scaled).
 */
export function nearRegisterEnd(file: string, m: PlantedMeter, before: number): number {
  const db = new Database(file, { fileMustExist: true });
  try {
    const rows = db.prepare(`SELECT reading_id, value FROM meter_readings WHERE meter_id = ? ORDER BY reading_date, zone`).all(m.id) as Array<{ reading_id: number; value: string }>;
    if (!rows.length) return 0;
    const end = 10 ** (m.digits + m.decimals);
    const last = toScaled(rows[rows.length - 1].value, m.decimals);
    const shift = end - before - last;
    if (shift <= 0) return last;
    const set = db.prepare(`UPDATE meter_readings SET value = ? WHERE reading_id = ?`);
    db.transaction(() => {
      for (const r of rows) set.run(fmt(toScaled(r.value, m.decimals) + shift, m.decimals), r.reading_id);
    }).immediate();
    return last + shift;
  } finally {
    db.close();
  }
}

/**
 * Removes the meter on `day` and installs a new one (same premises, medium and register) that day,
 * replacing it (a new meter: verified for six years), with no reading yet. Answers the new meter's code.
 */
export function replaceMeter(file: string, m: PlantedMeter, day: string, serial: string): string {
  const db = new Database(file, { fileMustExist: true });
  try {
    return db
      .transaction(() => {
        const next = (db.prepare(`SELECT MAX(meter_id) FROM meters`).pluck().get() as number) + 1;
        const code = `M${String(next).padStart(8, '0')}`;
        db.prepare(`UPDATE meters SET removed_on = ? WHERE meter_id = ?`).run(day, m.id);
        db.prepare(
          `INSERT INTO meters (meter_id, meter_code, premises_id, medium, serial, radio_id, automatic, tariff_zones, register_digits, decimals, unit,
                               installed_on, removed_on, verification_due, replaces_meter_id)
           SELECT ?, ?, premises_id, medium, ?, NULL, 0, tariff_zones, register_digits, decimals, unit, ?, NULL, date(?, '+6 years'), meter_id
           FROM meters WHERE meter_id = ?`,
        ).run(next, code, serial, day, day, m.id);
        return code;
      })
      .immediate();
  } finally {
    db.close();
  }
}
