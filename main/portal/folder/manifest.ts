// outbox/manifest.jsonl: one JSON line per delivered file (docs/portal-api.json ManifestEntry).
// Lines are only appended. A line without its final newline is being written or was torn by a
// crash: readers ignore it, and the next append starts on a fresh line so the torn bytes never
// glue onto a good entry. Any line that is not a valid entry is ignored.

import { open } from 'node:fs/promises';
import type { CategoryKey } from '../../../shared/domain/types';
import type { SendMode } from '../port';
import { appendDurably } from '../../engine/atomic-file';

export interface ManifestEntry {
  batchId: string;
  period: string | null;
  category: CategoryKey;
  mode: SendMode;
  seq: number;
  last: boolean;
  /** Relative to outbox/, forward slashes. */
  file: string;
  records: number;
  sha256: string;
  writtenAt: string;
}

const errno = (e: unknown) => (e as NodeJS.ErrnoException)?.code;

/** Parses the complete lines of a manifest text; the torn tail (no final newline) is ignored. */
export function parseManifest(text: string): ManifestEntry[] {
  const lines = text.split('\n');
  lines.pop(); // the part after the last newline: empty, or a torn line
  const out: ManifestEntry[] = [];
  for (const line of lines) {
    const e = parseLine(line);
    if (e) out.push(e);
  }
  return out;
}

function parseLine(line: string): ManifestEntry | null {
  if (!line.trim()) return null;
  try {
    const e = JSON.parse(line) as ManifestEntry;
    return e && typeof e.batchId === 'string' && typeof e.sha256 === 'string' ? e : null;
  } catch {
    return null;
  }
}

/**
 * The batch ids already in the manifest, with their checksums. Read incrementally: each refresh
 * reads only what was appended since (by this or another process).
 */
export class ManifestIndex {
  private readonly shas = new Map<string, string>();
  /** Bytes consumed: up to and including the last complete line seen. */
  private offset = 0;
  /** Whether the file (as last read) ends inside a line. */
  private tornTail = false;

  constructor(readonly file: string) {}

  get(batchId: string): string | undefined {
    return this.shas.get(batchId);
  }

  async refresh(): Promise<void> {
    let fh;
    try {
      fh = await open(this.file, 'r');
    } catch (e) {
      if (errno(e) === 'ENOENT') {
        this.shas.clear();
        this.offset = 0;
        this.tornTail = false;
        return;
      }
      throw e;
    }
    try {
      const size = (await fh.stat()).size;
      if (size < this.offset) {
        // Replaced or truncated by someone else: read it again from the start.
        this.shas.clear();
        this.offset = 0;
      }
      if (size === this.offset) {
        this.tornTail = false;
        return;
      }
      const buf = Buffer.alloc(size - this.offset);
      let got = 0;
      while (got < buf.length) {
        const { bytesRead } = await fh.read(buf, got, buf.length - got, this.offset + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      const chunk = buf.subarray(0, got);
      const lastNl = chunk.lastIndexOf(0x0a);
      this.tornTail = lastNl !== chunk.length - 1;
      if (lastNl < 0) return;
      for (const line of chunk.subarray(0, lastNl).toString('utf8').split('\n')) {
        const e = parseLine(line);
        if (e) this.shas.set(e.batchId, e.sha256);
      }
      this.offset += lastNl + 1;
    } finally {
      await fh.close();
    }
  }

  /** Appends one entry durably, on a line of its own even after a torn tail. Call refresh() first. */
  async append(entry: ManifestEntry): Promise<void> {
    const line = `${this.tornTail ? '\n' : ''}${JSON.stringify(entry)}\n`;
    await appendDurably(this.file, Buffer.from(line, 'utf8'));
    this.shas.set(entry.batchId, entry.sha256);
  }
}
