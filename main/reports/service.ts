// Saving and printing reports for the services. Every saved PDF lands in the workspace's reports
// folder (a trail of what was printed); the CLI copies it where the operator asked.

import { join } from 'node:path';
import type { Operator } from '../../shared/domain/permissions';
import type { ReportFile } from '../../shared/ipc/contract';
import { fail } from '../../shared/errors/problem';
import { requirePermission } from '../engine/authorize';
import type { Workspace } from '../engine/workspace';
import { renderReportHtml, reportHeaderFooter } from './html';
import type { ReportDoc } from './model';
import type { Ports } from '../engine/ports';
import { buildAuditReport } from './audit-log';
import { writePdfAtomically } from './pdf';
import { buildReport } from './registry';
import { renderReportPdf } from './render';

export type { Ports, SystemPrinter } from '../engine/ports';

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

export function buildRunReport(ws: Workspace, actor: Operator, kind: string, runId: number): ReportDoc {
  const locale = ws.locale();
  requirePermission(actor, 'reports.print', locale);
  const run = ws.journal.get(runId);
  if (!run) fail('SAL-6008', locale, { runId });
  const records = kind === 'www-errors' ? ws.journal.records(runId) : undefined;
  return buildReport(kind, { run, records, organisation: ws.cfg.config.organisation, locale, printedAt: new Date(), operator: actor.displayName }, ws);
}

export async function saveReportPdf(ws: Workspace, actor: Operator, kind: string, runId: number, ports: Ports): Promise<ReportFile> {
  const doc = buildRunReport(ws, actor, kind, runId);
  const bytes = await renderReportPdf(doc, ports.pdf);
  const file = join(ws.paths.reports, `run-${runId}-${kind}-${stamp(doc.printedAt)}.pdf`);
  await writePdfAtomically(file, bytes);
  ws.audit.append(actor.name, 'report.save', `run:${runId}`, { kind, file });
  return { file, bytes: bytes.byteLength };
}

export async function printReport(ws: Workspace, actor: Operator, kind: string, runId: number, ports: Ports): Promise<{ printed: boolean; file?: string }> {
  if (!ports.printer) {
    // No system print dialog here (CLI, tests): hand back a PDF to print instead.
    const saved = await saveReportPdf(ws, actor, kind, runId, ports);
    return { printed: false, file: saved.file };
  }
  const doc = buildRunReport(ws, actor, kind, runId);
  const printed = await ports.printer.print(renderReportHtml(doc), reportHeaderFooter(doc));
  ws.audit.append(actor.name, 'report.print', `run:${runId}`, { kind, printed });
  return { printed };
}

export async function saveAuditPdf(ws: Workspace, actor: Operator, limit: number, ports: Ports): Promise<ReportFile> {
  const locale = ws.locale();
  requirePermission(actor, 'audit.read', locale);
  const doc = buildAuditReport(ws.audit.list(limit), { organisation: ws.cfg.config.organisation, locale, printedAt: new Date(), operator: actor.displayName });
  const bytes = await renderReportPdf(doc, ports.pdf);
  const file = join(ws.paths.reports, `audit-log-${stamp(doc.printedAt)}.pdf`);
  await writePdfAtomically(file, bytes);
  ws.audit.append(actor.name, 'report.save', 'audit-log', { file, entries: limit });
  return { file, bytes: bytes.byteLength };
}
