// The demo's portal registrations (issue 7 point 6): a feed file in the demo portal folder, in the
// folder transport's layout (portal/inbox/registrations/<name>.json), as the portal would leave it
// — residents of some portal-enabled premises registered during the last generated month, and one
// of them closed the account again (an explicit `unregistered` event). Deterministic from the
// seed; a sample of premises is read straight from the demo database (indexed, quick at any size).

import Database from 'better-sqlite3';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lastDayOfPeriod } from '../../shared/domain/period';
import type { DemoFeatureInput } from '../demo/workspace';
import { Prng } from '../demo/prng';
import type { FeedRegistration } from '../portal/port';

/** At most this many registrations (about one portal-enabled premises in twelve below it). */
const MAX_REGISTRATIONS = 240;

interface Sample {
  id: number;
  account: string;
  owner: string;
}

/** "Łucja Wiśniewska" → "lucja.wisniewska"; Cyrillic by a plain transliteration. */
function emailLocal(name: string): string {
  const map: Record<string, string> = { ą: 'a', ć: 'c', ę: 'e', ł: 'l', ń: 'n', ó: 'o', ś: 's', ź: 'z', ż: 'z', а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ю: 'iu', я: 'ia' };
  const out = [...name.toLowerCase()].map((c) => map[c] ?? c).join('');
  return out.replace(/[^a-z]+/g, '.').replace(/^\.+|\.+$/g, '') || 'resident';
}

export async function writeDemoRegistrations(input: DemoFeatureInput): Promise<void> {
  const db = new Database(input.accountingFile, { readonly: true, fileMustExist: true });
  let sample: Sample[];
  try {
    const total = db.prepare(`SELECT COUNT(*) FROM premises WHERE www = 1 AND status = 'active'`).pluck().get() as number;
    // About one in twelve portal-enabled premises, at most MAX_REGISTRATIONS.
    const step = Math.max(12, Math.floor(total / MAX_REGISTRATIONS));
    // Account numbers held by one premises only (the demo plants a duplicate: no portal account for it).
    sample = db
      .prepare(
        `SELECT p.premises_id AS id, p.account_no AS account, p.owner_name AS owner
         FROM premises p
         WHERE p.www = 1 AND p.status = 'active' AND p.account_no IS NOT NULL AND p.account_no <> ''
           AND ((p.premises_id + 3) % ?) = 0
           AND (SELECT COUNT(*) FROM premises q WHERE q.account_no = p.account_no) = 1
         ORDER BY p.premises_id LIMIT ?`,
      )
      .all(step, MAX_REGISTRATIONS) as Sample[];
  } finally {
    db.close();
  }
  if (sample.length === 0) return;

  const rng = new Prng(`${input.seed}/registrations`);
  const start = Date.parse(`${input.period}-01T07:00:00Z`);
  const end = Date.parse(`${lastDayOfPeriod(input.period)}T20:00:00Z`);
  const domain = input.locale === 'uk' ? 'example.com.ua' : 'example.pl';
  const times = sample.map(() => rng.int(start / 1000, end / 1000) * 1000).sort((a, b) => a - b);
  const items: FeedRegistration[] = sample.map((s, i) => ({
    id: `reg-${input.period}-${String(i + 1).padStart(5, '0')}`,
    event: 'registered',
    account_no: s.account,
    person: s.owner,
    email: `${emailLocal(s.owner)}${rng.int(1, 99)}@${domain}`,
    phone: rng.chance(0.5) ? `+${input.locale === 'uk' ? '380' : '48'}${rng.int(500_000_000, 799_999_999)}` : null,
    submitted_at: new Date(times[i]).toISOString(),
  }));
  // One resident closes the account again later in the month: the explicit unregistration.
  const gone = items[Math.floor(items.length / 3)];
  items.push({ ...gone, id: `reg-${input.period}-${String(items.length + 1).padStart(5, '0')}`, event: 'unregistered', submitted_at: new Date(Math.max(end, times[times.length - 1]) + 3_600_000).toISOString() });

  const dir = join(input.dir, 'portal', 'inbox', 'registrations');
  mkdirSync(dir, { recursive: true });
  const name = `${input.period.replace('-', '')}01T000000Z-000001.json`;
  const tmp = join(dir, `.${name}.tmp`);
  writeFileSync(tmp, JSON.stringify({ items }, null, 1) + '\n');
  renameSync(tmp, join(dir, name));
}
