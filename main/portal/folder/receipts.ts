// Receipts the portal leaves in inbox/acks/ after importing a folder batch (docs/portal-api.json
// Receipt): the records it rejected. Each file is read once: a good one moves to read/, one that
// cannot be read (too large, not UTF-8 JSON, wrong shape, not a plain file) moves to failed/ and is
// reported. A bad file younger than `settleMs` may still be being written: it is left for next time.

import { randomBytes } from 'node:crypto';
import { lstat, open, readdir } from 'node:fs/promises';
import { extname, basename, join } from 'node:path';
import type { Locale, Problem } from '../../../shared/domain/types';
import { fail, problem } from '../../../shared/errors/problem';
import type { Receipt } from '../port';
import { mkdirDurably, renameWithRetry } from '../../engine/atomic-file';
import { BATCH_ID_RE, parseRejected } from './payload';

export const DEFAULT_MAX_RECEIPT_BYTES = 8 * 1024 * 1024;

export interface ReceiptOptions {
  locale: Locale;
  maxBytes: number;
  settleMs: number;
  now: () => number;
}

const errno = (e: unknown) => (e as NodeJS.ErrnoException)?.code;

class BadReceipt extends Error {}

export async function takeReceipts(acksDir: string, opts: ReceiptOptions): Promise<{ receipts: Receipt[]; problems: Problem[] }> {
  let names: string[];
  try {
    names = (await readdir(acksDir)).sort();
  } catch (e) {
    if (errno(e) === 'ENOENT') return { receipts: [], problems: [] };
    fail('SAL-4015', opts.locale, { dir: acksDir, detail: (e as Error).message });
  }
  const receipts: Receipt[] = [];
  const problems: Problem[] = [];
  for (const name of names) {
    if (name.startsWith('.') || extname(name).toLowerCase() !== '.json') continue;
    const path = join(acksDir, name);
    let young = false;
    try {
      const st = await lstat(path);
      if (st.isDirectory()) continue;
      young = opts.settleMs > 0 && opts.now() - st.mtimeMs < opts.settleMs; // 0: never wait (see feeds.ts)
      if (!st.isFile()) throw new BadReceipt('not a plain file');
      if (st.size > opts.maxBytes) throw new BadReceipt(`larger than ${opts.maxBytes} bytes`);
      const receipt = parseReceipt(await readAtMost(path, opts.maxBytes));
      receipts.push(receipt);
      try {
        await moveInto(join(acksDir, 'read'), path);
      } catch (e) {
        // Still returned: reading it again next time only repeats what it says.
        if (errno(e) !== 'ENOENT') problems.push(problem('SAL-4015', opts.locale, { dir: acksDir, detail: `${name}: ${(e as Error).message}` }));
      }
    } catch (e) {
      if (errno(e) === 'ENOENT') continue; // taken meanwhile (another Saldo process)
      if (e instanceof BadReceipt && young) continue; // may still be being written
      const detail = e instanceof BadReceipt ? e.message : `${errno(e) ?? ''} ${(e as Error).message}`.trim();
      let where = path;
      try {
        where = await moveInto(join(acksDir, 'failed'), path);
      } catch {
        // left in place: reported again next time
      }
      problems.push(problem('SAL-4011', opts.locale, { file: where, detail }, { file: where }));
    }
  }
  return { receipts, problems };
}

async function readAtMost(path: string, maxBytes: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const st = await fh.stat();
    if (st.size > maxBytes) throw new BadReceipt(`larger than ${maxBytes} bytes`);
    return await fh.readFile();
  } finally {
    await fh.close();
  }
}

export function parseReceipt(bytes: Uint8Array): Receipt {
  let x: unknown;
  try {
    x = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new BadReceipt(e instanceof TypeError ? 'not UTF-8 text' : `not JSON (${(e as Error).message.slice(0, 120)})`);
  }
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new BadReceipt('not a JSON object');
  const { batchId, rejected } = x as Record<string, unknown>;
  if (typeof batchId !== 'string' || !BATCH_ID_RE.test(batchId)) throw new BadReceipt('batchId is missing or not a batch id');
  const items = parseRejected(rejected);
  if (typeof items === 'string') throw new BadReceipt(items);
  return { batchId, rejected: items };
}

/** Moves a file into `dir` under its own name, or a unique one if that is taken; returns the new path. */
export async function moveInto(dir: string, path: string): Promise<string> {
  await mkdirDurably(dir);
  const name = basename(path);
  let target = join(dir, name);
  const taken = await lstat(target).then(
    () => true,
    () => false,
  );
  if (taken) target = join(dir, `${name.slice(0, -5)}.${Date.now()}-${randomBytes(3).toString('hex')}.json`);
  await renameWithRetry(path, target);
  return target;
}
