// Statement files in a folder (watch mode, the cycle's statements folder): which files are ready
// to read, and where a file goes once processed — IN/processed/ or IN/failed/, with a JSON report
// beside it (stable English field names; the problems' messages and hints in the workspace's
// language). A file is never read while something still writes it: temporary names are skipped,
// its size and mtime must stay the same across two looks a moment apart, an exclusive open must
// succeed where the OS has such locks (Windows), and it must not change while it is read.

import { mkdir, open, readdir, stat } from 'node:fs/promises';
import { extname, basename, join } from 'node:path';
import type { BankFileSummary } from '../../shared/ipc/contract-bank';
import type { RunStatus } from '../../shared/domain/types';
import { renameWithRetry, syncDir, writeFileAtomically } from '../engine/atomic-file';
import { MAX_STATEMENT_BYTES } from './service';

export const PROCESSED = 'processed';
export const FAILED = 'failed';

/** Names a writer uses while a file is not finished yet (and our own temporary files). */
export function isTemporaryName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~') || /\.(tmp|part|partial|crdownload|download|filepart)$/i.test(name);
}

interface Look {
  size: number;
  mtimeMs: number;
}

async function look(file: string): Promise<Look | null> {
  try {
    const s = await stat(file);
    return s.isFile() ? { size: s.size, mtimeMs: s.mtimeMs } : null;
  } catch {
    return null; // gone meanwhile
  }
}

const same = (a: Look | null, b: Look | null) => !!a && !!b && a.size === b.size && a.mtimeMs === b.mtimeMs;

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** The folder's candidate files (not temporary, not reports), sorted by name. */
export async function candidates(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !isTemporaryName(e.name))
    .map((e) => e.name)
    .sort();
}

/**
 * Which of `names` are complete: looked at twice `stableMs` apart with the same size and mtime.
 * The rest are still being written (or vanished) and are looked at again later.
 */
export async function stableNames(dir: string, names: readonly string[], stableMs: number, signal?: AbortSignal): Promise<string[]> {
  if (!names.length) return [];
  const first = await Promise.all(names.map((n) => look(join(dir, n))));
  await sleep(stableMs, signal);
  const second = await Promise.all(names.map((n) => look(join(dir, n))));
  return names.filter((_, i) => same(first[i], second[i]));
}

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'busy' | 'changed' | 'gone' | 'too-large'; detail?: string };

/**
 * Reads a complete file: an exclusive open first (Windows refuses it while a writer holds the file;
 * POSIX has no such lock, so the stability check carries the weight there), then the bytes, then a
 * last look that nothing changed during the read.
 */
export async function readComplete(file: string): Promise<ReadResult> {
  const before = await look(file);
  if (!before) return { ok: false, reason: 'gone' };
  if (before.size > MAX_STATEMENT_BYTES) return { ok: false, reason: 'too-large' };
  let fh;
  try {
    // 'r+' on Windows fails while a writer holds the file without sharing it; elsewhere read-only suffices.
    fh = await open(file, process.platform === 'win32' ? 'r+' : 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'gone' };
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') return { ok: false, reason: 'busy', detail: code };
    throw e;
  }
  let bytes: Buffer;
  try {
    bytes = await fh.readFile();
  } finally {
    await fh.close();
  }
  const after = await look(file);
  if (!same(before, after) || bytes.length !== before.size) return { ok: false, reason: 'changed' };
  return { ok: true, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) };
}

export interface FileReport {
  runId: number;
  status: RunStatus;
  processedAt: string;
  file: BankFileSummary;
  outputs: string[];
}

/** Processed (booked, or recognised as processed before) or failed (nothing booked because of errors). */
export function destinationOf(f: BankFileSummary, status: RunStatus): typeof PROCESSED | typeof FAILED {
  return status === 'completed' && (f.booked || f.duplicate) ? PROCESSED : FAILED;
}

async function freeName(dir: string, name: string, runId: number): Promise<string> {
  if (!(await look(join(dir, name)))) return name;
  const ext = extname(name);
  return `${basename(name, ext)}.run-${runId}${ext}`;
}

/**
 * Moves a processed file to processed/ or failed/ with its report beside it
 * (`<name>.run-<id>.json`). The report is written first: a crash between the two leaves the file
 * in place, and the next start recognises it by content and books nothing twice.
 */
export async function settle(inDir: string, name: string, report: FileReport): Promise<string> {
  const sub = destinationOf(report.file, report.status);
  const dir = join(inDir, sub);
  await mkdir(dir, { recursive: true });
  const target = await freeName(dir, name, report.runId);
  await writeFileAtomically(join(dir, `${target}.run-${report.runId}.json`), new TextEncoder().encode(JSON.stringify(report, null, 2) + '\n'));
  await renameWithRetry(join(inDir, name), join(dir, target));
  await syncDir(dir);
  await syncDir(inDir);
  return join(dir, target);
}
