// The demo's portal payments (issue 7 point 6): a month of payments residents made on the portal —
// the month after the last generated one, paying the last bill — as feed files in the demo portal
// folder (portal/inbox/payments/<name>.json, the folder transport's layout). One payment comes
// twice (the portal sends it again in a later file), one is for an account the accounting data
// does not have, and one is paid late in the evening of the month's last day in UTC — already the
// next day, and month, in Warsaw or Kyiv. Deterministic from the seed; premises are read straight
// from the demo database with indexed queries, so demo init stays quick on a large demo.

import Database from 'better-sqlite3';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addMonths, lastDayOfPeriod } from '../../shared/domain/period';
import type { DemoFeatureInput } from '../demo/workspace';
import { Prng } from '../demo/prng';
import type { FeedPayment } from '../portal/port';

/** At most this many premises pay on the portal in the demo month. */
const PAYERS = 400;
/** The account number no premises has. */
export const DEMO_UNKNOWN_ACCOUNT = '99-9999-99';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function writeAtomic(file: string, bytes: Buffer): void {
  const dir = join(file, '..');
  const tmp = join(dir, `.${file.slice(dir.length + 1)}.tmp`);
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
}

interface Payer {
  account: string;
  closing: number;
  charges: number;
}

export async function writeDemoPayments(input: DemoFeatureInput): Promise<void> {
  const P = addMonths(input.period, 1);
  const rng = new Prng(`${input.seed}:payments`);
  const uk = input.locale === 'uk';
  const currency = uk ? 'UAH' : 'PLN';
  const db = new Database(input.accountingFile, { readonly: true, fileMustExist: true });
  let payers: Payer[];
  try {
    const total = db.prepare(`SELECT COUNT(*) FROM premises WHERE www = 1 AND status = 'active'`).pluck().get() as number;
    const step = Math.max(1, Math.floor(total / (PAYERS * 2)));
    payers = (
      db
        .prepare(
          `SELECT p.account_no AS account, t.closing, t.charges
           FROM premises p JOIN turnovers t ON t.premises_id = p.premises_id AND t.period = ?
           WHERE p.www = 1 AND p.status = 'active' AND p.account_no IS NOT NULL AND p.account_no <> '' AND (p.premises_id % ?) = 0
           ORDER BY p.premises_id LIMIT ?`,
        )
        .all(input.period, step, PAYERS * 2) as Payer[]
    )
      // an account number planted twice in the demo is a defect of its own: not a portal payer here
      .filter((p, i, all) => all.findIndex((q) => q.account === p.account) === i && rng.chance(0.5))
      .slice(0, PAYERS);
  } finally {
    db.close();
  }

  const [y, m] = input.period.split('-');
  const title = (account: string) => (uk ? `Оплата за ${m}.${y}, о/р ${account}` : `Czynsz ${m}/${y} lokal ${account}`);
  const items: FeedPayment[] = [];
  let seq = 0;
  const pay = (account: string, amount: number, day: number, hour = rng.int(7, 21)): FeedPayment => {
    const item: FeedPayment = {
      id: `PAY-${P.replace('-', '')}-${pad(++seq, 5)}`,
      account_no: account,
      amount,
      currency,
      paid_at: `${P}-${pad(day)}T${pad(hour)}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}Z`,
      reference: title(account),
    };
    items.push(item);
    return item;
  };
  for (const p of payers) {
    // Most pay the balance due; some a round sum, some just this month's charges, a few an odd part.
    const due = p.closing > 0 ? p.closing : p.charges;
    const amount = rng.weighted([6, 2, 1, 1]);
    const value = [due, Math.ceil(due / 5000) * 5000, p.charges, Math.max(1, Math.round(due * rng.range(0.2, 0.8)))][amount];
    if (value > 0) pay(p.account, value, rng.int(1, 25));
  }
  pay(DEMO_UNKNOWN_ACCOUNT, 12_345, 7); // no such account → rejected (SAL-4150)
  // Paid at 23:40 UTC on the month's last day: already the 1st of the next month where the premises are.
  if (payers[0]) {
    const late = pay(payers[0].account, 10_000, 1);
    late.paid_at = `${lastDayOfPeriod(P)}T23:40:00Z`;
  }
  const twice = items[Math.min(3, items.length - 1)];

  const inbox = join(input.dir, 'portal', 'inbox', 'payments');
  mkdirSync(inbox, { recursive: true });
  writeAtomic(join(inbox, `${P}-01-payments.json`), Buffer.from(JSON.stringify({ items }) + '\n', 'utf8'));
  // The portal sends one payment again, in a later file (a retry on its side): booked once.
  writeAtomic(join(inbox, `${P}-02-payments-resent.json`), Buffer.from(JSON.stringify({ items: [twice] }) + '\n', 'utf8'));
}
