// Durable file writes — the exchange folder, the secrets file, saved reports: a reader never sees
// half a file, and a file counts as written only once it (and the name pointing at it) is on disk.

import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';

const errno = (e: unknown) => (e as NodeJS.ErrnoException)?.code;

export function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The send was aborted', 'AbortError');
}

/** A temporary name in the same folder: starts with "." and does not end in ".json", so readers skip it. */
export function tempNameFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Writes `bytes` to `file` atomically: temp name in the same folder, write, fsync, rename, fsync of
 * the folder. An abort seen before the rename removes the temp file and throws; nothing is left.
 */
export async function writeFileAtomically(file: string, bytes: Uint8Array, opts: { signal?: AbortSignal; mode?: number } = {}): Promise<void> {
  const { signal, mode = 0o644 } = opts;
  const tmp = tempNameFor(file);
  try {
    const fh = await open(tmp, 'wx', mode);
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (signal?.aborted) throw abortError(signal);
    await renameWithRetry(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
  await syncDir(dirname(file));
}

/** Appends bytes with one write and fsyncs them; a new file's folder entry is fsynced too. */
export async function appendDurably(file: string, bytes: Uint8Array): Promise<void> {
  const fh = await open(file, 'a', 0o644);
  let created = false;
  try {
    created = (await fh.stat()).size === 0;
    await fh.write(bytes, 0, bytes.length);
    await fh.sync();
  } finally {
    await fh.close();
  }
  if (created) await syncDir(dirname(file));
}

/** mkdir -p, then fsync each folder that gained an entry, so the new folders survive a crash. */
export async function mkdirDurably(dir: string): Promise<void> {
  const first = await mkdir(dir, { recursive: true });
  if (!first) return;
  await syncDir(dirname(first));
  let cur = first;
  for (const part of relative(first, dir).split(sep).filter(Boolean)) {
    await syncDir(cur);
    cur = join(cur, part);
  }
}

/** On Windows an antivirus or indexer may hold the target open for a moment. */
export async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      return await rename(from, to);
    } catch (e) {
      if (process.platform !== 'win32' || i >= 5 || !['EPERM', 'EACCES', 'EBUSY'].includes(errno(e) ?? '')) throw e;
      await new Promise((r) => setTimeout(r, 50 * (i + 1)));
    }
  }
}

/** Makes a rename durable (POSIX); folders cannot be opened for fsync on Windows. */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fh = await open(dir, 'r').catch(() => null);
  if (!fh) return;
  try {
    await fh.sync();
  } catch {
    // some file systems refuse fsync on a folder; the rename itself is still atomic
  } finally {
    await fh.close();
  }
}
