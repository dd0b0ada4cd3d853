// The bank step of `saldo cycle`: statement files waiting in the workspace's statements folder are
// imported into the cycle's run, its results delivered (deliver.ts: the output files in the
// workspace's output folder, or the matched payments to accounting and the unmatched file), and
// each file moved to statements/processed/ or statements/failed/ with its report, as in watch mode.

import { existsSync } from 'node:fs';
import type { Operator } from '../../shared/domain/permissions';
import type { RunScope } from '../cycle/run-scope';
import { requirePermission } from '../engine/authorize';
import type { JobContext } from '../engine/jobs';
import type { Workspace } from '../engine/workspace';
import { candidates, readComplete, settle, stableNames } from './folder';
import { StatementImport, type ImportFile } from './service';
import { bookedAudit, deliverRun } from './deliver';

export async function bankCycleStep(ws: Workspace, actor: Operator, scope: RunScope, ctx: JobContext): Promise<void> {
  const cfg = ws.cfg.config.bank;
  const dir = ws.cfg.path(cfg.statementsDir);
  if (!existsSync(dir)) return;
  const names = await candidates(dir);
  if (!names.length) return;
  requirePermission(actor, 'bank.process', ws.locale());
  const log = ws.log('bank');
  const files: ImportFile[] = [];
  for (const name of await stableNames(dir, names, cfg.watch.stableMs, ctx.signal)) {
    const r = await readComplete(`${dir}/${name}`);
    if (r.ok) files.push({ name, bytes: r.bytes });
    else log.info(`cycle: ${name} not ready (${r.reason}); left for the next run`);
  }
  ctx.signal.throwIfAborted();
  if (!files.length) return;
  const imp = new StatementImport(ws, scope, ctx);
  await imp.importAll(files, {});
  const delivered = imp.summary.files.some((f) => f.booked) ? await deliverRun(ws, actor, scope.runId, ws.cfg.path(cfg.outDir), { signal: ctx.signal, progress: ctx.progress, scope }) : null;
  const outputs = delivered?.files.map((f) => f.file) ?? [];
  const processedAt = new Date().toISOString();
  for (let i = 0; i < files.length; i++) {
    await settle(dir, files[i].name, { runId: scope.runId, status: 'completed', processedAt, file: imp.summary.files[i], outputs });
  }
  ws.audit.append(actor.name, 'bank.import', `run:${scope.runId}`, {
    files: imp.summary.files.map((f) => ({ file: f.file, booked: f.booked, duplicate: f.duplicate })),
    matched: imp.summary.matched,
    unmatched: imp.summary.unmatched,
    outputs,
    ...(delivered?.booked ? { booked: bookedAudit(delivered.booked) } : {}),
  });
}
