// The three bank reports of a real import on a demo workspace, saved as PDF through the system
// Chromium (the same path as `saldo report` and the window's "Save PDF") and read back with
// poppler's pdftotext: the statement's balances and check, the unmatched payments with their
// total, the booked payments split residential / commercial with exact totals — and an
// operator's assignment showing in the next print.

import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../shared/domain/money';
import type { Operator } from '../../shared/domain/permissions';
import { ProblemError } from '../../shared/errors/problem';
import { assignItem, runItems } from '../../main/bank/queries';
import { importStatements } from '../../main/bank/service';
import type { JobContext } from '../../main/engine/jobs';
import { ensureKnownOperator, openWorkspace, type Workspace } from '../../main/engine/workspace';
import { ChromiumPdfPrinter, findBrowser } from '../../main/reports/pdf';
import { saveReportPdf } from '../../main/reports/service';
import { demoStatement, type DemoStatement } from '../support/bank-statement';
import { makeDemoWorkspace } from '../support/workspace';

/** NBSP and line breaks collapsed to one space. */
function norm(s: string): string {
  return s.replace(/[\s\u00a0\u202f]+/g, ' ');
}

/**
 * The page's text twice: in layout order (a one-line table row reads left to right) and in content
 * order (the lines of a wrapped cell stay together), so that each assertion can use the one that
 * keeps what it looks for in one piece.
 */
function pdfText(file: string): string {
  const layout = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const content = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  return `${norm(layout)}\n${norm(content)}`;
}

function money(grosze: number): string {
  return norm(formatMoney(grosze, 'pl'));
}

function sum(st: DemoStatement, kind: string): number {
  return st.payments.filter((p) => p.expect === kind).reduce((s, p) => s + p.amount, 0);
}

const ctx = (): JobContext => ({ signal: new AbortController().signal, progress: () => undefined }) as unknown as JobContext;

describe('bank reports as PDF', () => {
  let demo: Awaited<ReturnType<typeof makeDemoWorkspace>>;
  let ws: Workspace;
  let actor: Operator;
  let printer: ChromiumPdfPrinter;
  let st: DemoStatement;
  let runId: number;

  beforeAll(async () => {
    const browser = findBrowser();
    if (!browser) throw new Error('No Chromium-family browser found (SALDO_BROWSER, /usr/bin/chromium, …): apt-get install -y chromium poppler-utils');
    printer = new ChromiumPdfPrinter({ executablePath: browser });
    demo = await makeDemoWorkspace({ months: 2 });
    ws = openWorkspace(demo.configFile);
    actor = ensureKnownOperator(ws, undefined);
    st = demoStatement(demo.dir);
    const summary = await importStatements(ws, actor, [{ name: st.fileName, bytes: new Uint8Array(st.bytes) }], {}, ctx());
    expect(summary.status).toBe('completed');
    runId = summary.runId;
  }, 120_000);

  afterAll(async () => {
    await printer?.close();
    await ws?.close();
    demo?.cleanup();
  });

  it('prints the statement summary with the balances and the check', async () => {
    const { file } = await saveReportPdf(ws, actor, 'bank-statements', runId, { pdf: printer });
    expect(file).toMatch(/run-\d+-bank-statements-.*\.pdf$/);
    const text = pdfText(file);
    expect(text).toContain(`Wyciągi bankowe — zestawienie importu nr ${runId}`);
    expect(text).toContain(st.fileName);
    expect(text).toContain('MT940');
    expect(text).toContain('windows-1250');
    // the account in groups of four, the statement number, the balances
    expect(text).toContain(st.account.replace(/(.{4})(?=.)/g, '$1 '));
    expect(text).toContain('wyciąg 00123/1');
    expect(text).toContain(money(st.opening));
    expect(text).toContain(money(st.closing));
    expect(text).toContain('✓ zgodne');
    expect(text).toContain('zgodne: 1 · nie do sprawdzenia: 0 · niezgodne: 0');
  }, 60_000);

  it('prints the unmatched payments with their payer, title, reason and total', async () => {
    const { file } = await saveReportPdf(ws, actor, 'bank-unmatched', runId, { pdf: printer });
    const text = pdfText(file);
    expect(text).toContain(`Wpłaty nierozpoznane — import nr ${runId}`);
    expect(text).toContain('Grzegorz Żółkiewski');
    expect(text).toContain('Wpłata za mieszkanie — Żółkiewski');
    expect(text).toContain(money(12345));
    expect(text).toContain(`Ogółem ${money(sum(st, 'unmatched'))}`);
    expect(text).toContain(`Nierozpoznane 2 · ${money(sum(st, 'unmatched'))}`);
  }, 60_000);

  it('prints the booked payments per premises kind with exact totals', async () => {
    const { file } = await saveReportPdf(ws, actor, 'bank-booked', runId, { pdf: printer });
    const text = pdfText(file);
    const residential = sum(st, 'residential');
    const commercial = sum(st, 'commercial');
    expect(text).toContain('Lokale mieszkalne');
    expect(text).toContain('Lokale użytkowe');
    for (const p of st.payments.filter((x) => x.accountNo)) expect(text).toContain(p.accountNo!);
    expect(text).toContain(`Mieszkalne 2 ${money(residential)}`);
    expect(text).toContain(`Użytkowe 1 ${money(commercial)}`);
    expect(text).toContain(`Ogółem 3 ${money(residential + commercial)}`);
    // money out is not booked
    expect(text).not.toContain('Faktura 17/2026');
  }, 60_000);

  it('shows an operator’s assignment in the next print: the payment leaves the unmatched list and joins its kind', async () => {
    const item = runItems(ws, runId, ['unmatched']).find((i) => i.amount === '123.45')!;
    const target = st.payments.find((p) => p.expect === 'commercial')!.accountNo!;
    await assignItem(ws, actor, { itemKey: item.key, accountNo: target, note: 'telefon od płatnika' });

    const unmatched = pdfText((await saveReportPdf(ws, actor, 'bank-unmatched', runId, { pdf: printer })).file);
    expect(unmatched).not.toContain('Grzegorz Żółkiewski');
    expect(unmatched).toContain(`Nierozpoznane 1 · ${money(20)}`);

    const booked = pdfText((await saveReportPdf(ws, actor, 'bank-booked', runId, { pdf: printer })).file);
    expect(booked).toContain(`przypisał(a) ${actor.name}`);
    expect(booked).toContain(`Użytkowe 2 ${money(sum(st, 'commercial') + 12345)}`);
    expect(booked).toContain(`Ogółem 4 ${money(sum(st, 'residential') + sum(st, 'commercial') + 12345)}`);
  }, 60_000);

  it('refuses a bank report of a run that imported no statements, with a code', async () => {
    const other = ws.journal.start({ kind: 'source-check', period: demo.period, operator: actor.name });
    await expect(saveReportPdf(ws, actor, 'bank-unmatched', other, { pdf: printer })).rejects.toSatisfy(
      (e: unknown) => e instanceof ProblemError && e.problem.code === 'SAL-3063',
    );
  });
});
