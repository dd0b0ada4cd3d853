// The output files of a run (issue 6 point 3): one for residential premises, one for commercial,
// one for the payments still unmatched (and suggestions not yet confirmed), in the configured
// layout. All three are rendered before any is written (a value that does not fit a fixed-width
// field fails the lot), and each is written atomically, so the accounting system never reads half
// a file. Writing again replaces the run's files with its current state (after assignments).
// deliver.ts decides which files a run gets (saldo.json bank.deliver); callers go through it.

import { join, resolve } from 'node:path';
import type { Operator } from '../../shared/domain/permissions';
import type { BankOutputFile, BankWriteResult } from '../../shared/ipc/contract-bank';
import { toDecimalString } from '../../shared/domain/money';
import { ProblemError, fail } from '../../shared/errors/problem';
import { mkdirDurably, writeFileAtomically } from '../engine/atomic-file';
import type { Workspace } from '../engine/workspace';
import type { OutputLayout } from './output/layout';
import { renderOutput, type OutputRow } from './output/render';
import { BankStore, type ItemRow } from './store';

type Kind = BankOutputFile['kind'];
const KINDS: Kind[] = ['residential', 'commercial', 'unmatched'];

function toRow(r: ItemRow, statement: { id: string; account: string }): OutputRow {
  return {
    accountNo: r.account_no,
    amount: r.amount,
    currency: r.currency,
    bookingDate: r.booking_date ?? r.value_date,
    valueDate: r.value_date,
    payerName: r.payer_name,
    payerAccount: r.payer_account,
    title: r.title,
    bankReference: r.bank_reference,
    virtualAccount: r.virtual_account,
    premisesKind: r.premises_kind,
    address: r.address,
    method: r.method,
    statementId: statement.id,
    statementAccount: statement.account,
    itemKey: String(r.id),
    runId: r.run_id,
  };
}

export function outputFileName(layout: OutputLayout, runId: number, kind: Kind): string {
  const ext = layout.kind === 'csv' ? 'csv' : 'txt';
  return layout.fileName.replace(/\{run\}/g, String(runId)).replace(/\{kind\}/g, kind).replace(/\{ext\}/g, ext);
}

/**
 * Renders and writes the run's files into `outDir` — all three, or the `kinds` asked for (only the
 * unmatched one when matched payments go to accounting: deliver.ts). No permission check: callers make it.
 */
export async function writeRunOutputs(ws: Workspace, actor: Operator, runId: number, outDir: string, signal?: AbortSignal, kinds: readonly Kind[] = KINDS): Promise<BankWriteResult> {
  const locale = ws.locale();
  const store = new BankStore(ws.db);
  if (!store.hasFiles(runId)) fail('SAL-3063', locale, { run: runId });
  const layout = ws.cfg.config.bank.output;
  const statements = new Map(store.statements(runId).map((s) => [s.id, { id: s.statement_id, account: s.account }]));
  const groups: Record<Kind, ItemRow[]> = { residential: [], commercial: [], unmatched: [] };
  for (const r of store.runItems(runId, ['matched', 'suggested', 'unmatched'])) {
    if (r.status === 'matched') groups[r.premises_kind === 'commercial' ? 'commercial' : 'residential'].push(r);
    else groups.unmatched.push(r);
  }
  const rendered = KINDS.filter((k) => kinds.includes(k)).map((kind) => {
    const rows = groups[kind].map((r) => toRow(r, statements.get(r.statement_id) ?? { id: '', account: '' }));
    let total = 0;
    for (const r of rows) total += r.amount;
    return { kind, bytes: renderOutput(rows, layout, locale), rows: rows.length, total, file: resolve(join(outDir, outputFileName(layout, runId, kind))) };
  });
  const files: BankOutputFile[] = [];
  for (const r of rendered) {
    try {
      await mkdirDurably(outDir);
      await writeFileAtomically(r.file, r.bytes, { signal });
    } catch (e) {
      if (e instanceof ProblemError || (e as Error).name === 'AbortError') throw e;
      fail('SAL-3064', locale, { file: r.file, detail: (e as Error).message });
    }
    store.recordOutput({ runId, kind: r.kind, file: r.file, rows: r.rows, total: r.total, by: actor.name });
    files.push({ kind: r.kind, file: r.file, rows: r.rows, total: toDecimalString(r.total) });
  }
  ws.log('bank').info(`run ${runId}: output files written`, files.map((f) => ({ kind: f.kind, file: f.file, rows: f.rows, total: f.total })));
  return { files };
}
