// The source records of a send (main/www/candidates.ts) on a real demo accounting database: the
// accounts read once (the account pass keeps what it will send) give the same records as reading
// them again, also when the pass kept too many and gave up; and per-account records are the same
// whatever order the exchange procedure returns the accounts in.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportParams, ExportProcedure, ExportRows } from '../../shared/domain/accounting';
import type { Problem } from '../../shared/domain/types';
import type { AccountingGateway } from '../../main/accounting/port';
import { SqliteAccountingGateway } from '../../main/accounting/sqlite/gateway';
import { AccountPass, candidates, changedSince, type Candidate, type SourceContext } from '../../main/www/candidates';
import { DeliveredFingerprints } from '../../main/www/delivered';
import { AccountIndex, comparedFields } from '../../main/www/records';
import { WwwSettingsSchema, type SentCategory } from '../../main/www/settings';
import { makeDemoWorkspace } from '../support/workspace';

let ws: Awaited<ReturnType<typeof makeDemoWorkspace>>;
let gw: SqliteAccountingGateway;
const settings = WwwSettingsSchema.parse({});
const nothingDelivered = () => new DeliveredFingerprints(null, new Float64Array(0), new Map());

beforeAll(async () => {
  ws = await makeDemoWorkspace({ premises: 300, months: 2, seed: 'candidates' });
  gw = SqliteAccountingGateway.open(join(ws.dir, 'accounting.sqlite'));
});
afterAll(async () => {
  await gw?.close();
  ws?.cleanup();
});

/** The account index (and a pass) over the gateway's accounts, as a send builds them. */
async function indexed(source: AccountingGateway, pass: AccountPass | null) {
  const index = new AccountIndex('en');
  for await (const row of source.export('export_accounts', { period: ws.period })) {
    const info = index.add(row);
    pass?.offer(row, info);
  }
  index.finish();
  return index;
}

async function collect(source: AccountingGateway, index: AccountIndex, c: SentCategory, pass: AccountPass | null) {
  const problems: Problem[] = [];
  let skipped = 0;
  const x: SourceContext = {
    gw: source,
    params: { period: ws.period, asOf: `${ws.period}-31` },
    signal: new AbortController().signal,
    locale: 'en',
    settings,
    index,
    chosen: () => true,
    tick: () => {},
    problem: (_c, p) => problems.push(p),
    skipped: (_c, n) => (skipped += n),
  };
  const out: Candidate[] = [];
  for await (const cand of candidates(x, c, comparedFields(c, []), nothingDelivered(), pass, () => true)) out.push(cand);
  return { out, problems, skipped };
}

/** The same gateway, but a per-account procedure returns its accounts in reverse order. */
function reversed(inner: AccountingGateway, proc: ExportProcedure): AccountingGateway {
  return {
    info: inner.info,
    periods: () => inner.periods(),
    count: (p, params) => inner.count(p, params),
    close: async () => {},
    export: <P extends ExportProcedure>(p: P, params: ExportParams, signal?: AbortSignal): AsyncIterable<ExportRows[P]> => {
      if (p !== proc) return inner.export(p, params, signal);
      return (async function* () {
        const groups: Array<Array<ExportRows[P]>> = [];
        for await (const r of inner.export(p, params, signal)) {
          const last = groups.at(-1);
          if (last && (last[0] as { account_no: string }).account_no === (r as { account_no: string }).account_no) last.push(r);
          else groups.push([r]);
        }
        for (const g of groups.reverse()) yield* g;
      })();
    },
  } as AccountingGateway;
}

describe('candidates', () => {
  it('the accounts from the pass are the accounts read again, also when the pass kept too many and gave up', async () => {
    const fields = comparedFields('accounts', []);
    const kept = new AccountPass(fields, changedSince(nothingDelivered()), 'en');
    const index = await indexed(gw, kept);
    const overflowed = new AccountPass(fields, changedSince(nothingDelivered()), 'en', 10);
    await indexed(gw, overflowed);
    expect(kept.overflow).toBe(false);
    expect(overflowed.overflow).toBe(true);
    expect(overflowed.row(index.keysById[0])).toBeNull();

    const fromPass = await collect(gw, index, 'accounts', kept);
    const readAgain = await collect(gw, index, 'accounts', overflowed);
    expect(fromPass.out.length).toBeGreaterThan(150);
    expect(fromPass.out.every((c) => c.rows?.length === 1)).toBe(true);
    expect(fromPass.out.map((c) => [c.key, c.hash, c.rows])).toEqual(readAgain.out.map((c) => [c.key, c.hash, c.rows]));
    expect(fromPass.skipped).toBe(readAgain.skipped);
    expect(fromPass.skipped).toBeGreaterThan(0); // the planted defects
    expect(fromPass.problems).toEqual(readAgain.problems);
  });

  for (const c of ['charges', 'residents', 'balances'] as const) {
    it(`${c}: the same records, checks and fingerprints when the accounts come in another order`, async () => {
      const index = await indexed(gw, null);
      const inOrder = await collect(gw, index, c, null);
      const backwards = await collect(reversed(gw, `export_${c}`), index, c, null);
      const byKey = (r: typeof inOrder) => new Map(r.out.map((x) => [x.key, x.hash]));
      expect(inOrder.out.length).toBeGreaterThan(50);
      expect(byKey(backwards)).toEqual(byKey(inOrder));
      expect(backwards.skipped).toBe(inOrder.skipped);
      expect(backwards.problems.map((p) => `${p.code} ${p.key}`).sort()).toEqual(inOrder.problems.map((p) => `${p.code} ${p.key}`).sort());
    });
  }

  it('finds each account by the cursor exactly as by the map: in order, out of order, unknown, twice', async () => {
    const index = await indexed(gw, null);
    const keys = [...index.accounts.keys()];
    const probes = [...keys.slice(0, 50), keys[200], keys[3], 'NO-SUCH-ACCOUNT', ...keys.slice(4, 30), keys[4], ...keys.slice(100, 120).reverse()];
    const cursor = index.cursor();
    for (const k of probes) expect(cursor.find(k), k).toBe(index.accounts.get(k));
  });
});
