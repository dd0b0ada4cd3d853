// `saldo cycle`'s bank step on the demo workspaces (pl: mBank MT940 + camt.053; uk: 1C + camt.053):
// the statements folder is imported into the cycle's run, the output files written to bank-out/,
// and every file moved to statements/processed/ with its report; the next cycle finds nothing new.
import iconv from 'iconv-lite';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SourceCheckResult } from '../../shared/ipc/contract';
import type { BankItemView, BankItemsPage, StatementView } from '../../shared/ipc/contract-bank';
import type { FileReport } from '../../main/bank/folder';
import { createBackend, type Backend } from '../../main/engine/backend';
import { ChromiumPdfPrinter } from '../../main/reports/pdf';
import { makeDemoWorkspace } from '../support/workspace';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

async function cycleOn(locale: 'pl' | 'uk') {
  const ws = await makeDemoWorkspace({ premises: 120, months: 2, locale, seed: `bank-cycle-${locale}` });
  cleanups.push(ws.cleanup);
  const b = createBackend(ws.configFile, { ports: { pdf: new ChromiumPdfPrinter(), secrets: { keyFile: join(ws.dir, '.key', 'k') } }, emit: () => {}, throttleMs: 0 });
  const call = async <T,>(channel: string, req: unknown): Promise<T> => {
    const r = await b.dispatcher.handle(channel, req, { session: { actor: b.ws.operators.find('admin') }, trustedSender: true });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value as T;
  };
  const runCycle = async () => {
    const { jobId } = await call<{ jobId: string }>('cycle.run', { period: ws.period });
    const fin = (await b.jobs.wait(jobId))!;
    expect(fin.status, JSON.stringify(fin.error)).toBe('completed');
    return fin.result as SourceCheckResult;
  };
  return { ws, b, call, runCycle };
}

describe.each(['pl', 'uk'] as const)('the cycle’s bank step on the %s demo', (locale) => {
  let ctx: Awaited<ReturnType<typeof cycleOn>>;

  it('imports the demo statements, matches them, writes the output files and moves the files to processed/', async () => {
    ctx = await cycleOn(locale);
    const { ws, b, call, runCycle } = ctx;
    const waiting = readdirSync(join(ws.dir, 'statements')).filter((n) => !['processed', 'failed'].includes(n)).sort();
    expect(waiting).toEqual(locale === 'pl' ? [expect.stringMatching(/^camt053-.*\.xml$/), expect.stringMatching(/^mbank-.*\.sta$/)] : [expect.stringMatching(/^1c-.*\.txt$/), expect.stringMatching(/^camt053-.*\.xml$/)]);

    const res = await runCycle();
    expect(res.counts.bank_files).toBe(2);
    expect(res.counts.bank_not_booked ?? 0).toBe(0);
    expect(res.counts.bank_matched).toBeGreaterThanOrEqual(10);
    expect(res.counts.bank_suggested).toBeGreaterThanOrEqual(1);
    expect(res.counts.bank_unmatched).toBeGreaterThanOrEqual(2);
    expect(res.counts.bank_fees).toBe(1);
    expect(res.counts.bank_outgoing).toBe(1);

    // Every demo statement adds up.
    const st = await call<StatementView[]>('bank.statements', { runId: res.runId });
    expect(st.map((s) => s.check)).toEqual(['pass', 'pass']);
    expect(st.map((s) => s.format).sort()).toEqual(locale === 'pl' ? ['camt.053', 'mt940'] : ['1c', 'camt.053']);
    expect(st.find((s) => s.format !== 'camt.053')!.encoding).toBe(locale === 'pl' ? 'windows-1250' : 'windows-1251');

    const items = (await call<BankItemsPage>('bank.items', { runId: res.runId, limit: 5000 })).rows;
    const matched = items.filter((i) => i.status === 'matched');
    expect(new Set(matched.map((i) => i.method))).toEqual(new Set(['virtual-account', 'title']));
    expect(matched.some((i) => i.premisesKind === 'commercial')).toBe(true);
    // The one reversal: money taken back from the premises it was booked to.
    const reversal = matched.find((i) => i.amount.startsWith('-'))!;
    expect(reversal).toBeTruthy();
    expect(matched.some((i) => i.accountNo === reversal.accountNo && i.amount === reversal.amount.slice(1))).toBe(true);
    if (locale === 'pl') {
      // The payment to the planted bad-checksum virtual account is not matched by it.
      const defect = JSON.parse(readFileSync(join(ws.dir, 'demo-defects.json'), 'utf8')).defects.find((d: { kind: string }) => d.kind === 'bad_virtual_account_checksum');
      const toBad = items.find((i: BankItemView) => i.problems.some((p) => p.code === 'SAL-3054'))!;
      expect(toBad.status).toBe('unmatched');
      expect(defect.detail).toContain(toBad.virtualAccount);
    }

    expect(readdirSync(join(ws.dir, 'statements', 'processed')).filter((n) => !n.endsWith('.json')).sort()).toEqual(waiting);
    const reports = readdirSync(join(ws.dir, 'statements', 'processed')).filter((n) => n.endsWith('.json'));
    expect(reports).toHaveLength(2);
    for (const r of reports) {
      const rep = JSON.parse(readFileSync(join(ws.dir, 'statements', 'processed', r), 'utf8')) as FileReport;
      expect(rep).toMatchObject({ runId: res.runId, file: { booked: true, balanceCheck: 'ok' } });
    }
    const out = readdirSync(join(ws.dir, 'bank-out')).sort();
    expect(out).toEqual([`bank-${res.runId}-commercial.csv`, `bank-${res.runId}-residential.csv`, `bank-${res.runId}-unmatched.csv`]);
    // The workspace's code page: Polish or Ukrainian letters survive the round trip.
    const text = iconv.decode(readFileSync(join(ws.dir, 'bank-out', `bank-${res.runId}-residential.csv`)), locale === 'pl' ? 'windows-1250' : 'windows-1251');
    expect(text).toMatch(locale === 'pl' ? /[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/ : /[іїєґІЇЄҐ]/);
    expect(text.split('\r\n').length - 2).toBe(matched.filter((i) => i.premisesKind === 'residential').length);
    expect(b.ws.journal.get(res.runId)!.kind).toBe('cycle');
  });

  it('the next cycle finds no new statements and books nothing', async () => {
    const { ws, b, runCycle } = ctx;
    const before = (b.ws.db.prepare('SELECT COUNT(*) AS n FROM bank_items').get() as { n: number }).n;
    const res = await runCycle();
    expect(res.counts.bank_files).toBeUndefined();
    expect((b.ws.db.prepare('SELECT COUNT(*) AS n FROM bank_items').get() as { n: number }).n).toBe(before);
    expect(readdirSync(join(ws.dir, 'bank-out'))).toHaveLength(3);
    await b.close();
  });
});
