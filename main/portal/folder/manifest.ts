// outbox/manifest.jsonl: one JSON line per delivered file (docs/portal-api.json ManifestEntry for
// a batch or notice, AckManifestEntry — with "kind": "acks" — for an acknowledgement of feed items).
// Lines are only appended. A line without its final newline is being written or was torn by a
// crash: readers ignore it, and the next append starts on a fresh line so the torn bytes never
// glue onto a good entry. Any line that is not a valid entry is ignored.

import { open } from 'node:fs/promises';
import type { CategoryKey } from '../../../shared/domain/types';
import type { FeedName, SendMode } from '../port';
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

/** An acknowledgement file outbox/acks/<feed>/<ackId>.json (docs/portal-api.json AckManifestEntry). */
export interface AckManifestEntry {
  kind: 'acks';
  ackId: string;
  feed: FeedName;
  /** Relative to outbox/, forward slashes. */
  file: string;
  items: number;
  sha256: string;
  writtenAt: string;
}

/** A portal accounts file outbox/portal-accounts/<batchId>.json (docs/portal-api.json PortalAccountsManifestEntry). */
export interface PortalAccountsManifestEntry {
  kind: 'portal-accounts';
  batchId: string;
  /** Relative to outbox/, forward slashes. */
  file: string;
  accounts: number;
  sha256: string;
  writtenAt: string;
}

export type AnyManifestEntry = ManifestEntry | AckManifestEntry;
/** Any line the manifest holds: batches, notices, acknowledgements and portal accounts files. */
export type ManifestLine = AnyManifestEntry | PortalAccountsManifestEntry;

/** The key a line is known by: the batch id, acks/<feed>/<ackId> or portal-accounts/<batchId> (a batch id has no "/", so they never meet). */
export function manifestKey(e: ManifestLine): string {
  if ('kind' in e && e.kind === 'acks') return ackManifestKey(e.feed, e.ackId);
  if ('kind' in e && e.kind === 'portal-accounts') return portalAccountsManifestKey(e.batchId);
  return (e as ManifestEntry).batchId;
}

export function portalAccountsManifestKey(batchId: string): string {
  return `portal-accounts/${batchId}`;
}

export function ackManifestKey(feed: FeedName, ackId: string): string {
  return `acks/${feed}/${ackId}`;
}

const errno = (e: unknown) => (e as NodeJS.ErrnoException)?.code;

/** The batch and notice entries of a manifest text; the torn tail (no final newline) is ignored. */
export function parseManifest(text: string): ManifestEntry[] {
  return parseManifestLines(text).filter((e): e is ManifestEntry => !('kind' in e));
}

/** Every complete entry of a manifest text, batches and acknowledgements, in order. */
export function parseManifestLines(text: string): AnyManifestEntry[] {
  const lines = text.split('\n');
  lines.pop(); // the part after the last newline: empty, or a torn line
  const out: AnyManifestEntry[] = [];
  for (const line of lines) {
    const e = parseLine(line);
    if (e && !('kind' in e && e.kind === 'portal-accounts')) out.push(e);
  }
  return out;
}

function parseLine(line: string): ManifestLine | null {
  if (!line.trim()) return null;
  try {
    const e = JSON.parse(line) as Record<string, unknown> | null;
    if (!e || typeof e !== 'object' || typeof e.sha256 !== 'string') return null;
    if (e.kind === 'acks') return typeof e.ackId === 'string' && typeof e.feed === 'string' ? (e as unknown as AckManifestEntry) : null;
    if (e.kind === 'portal-accounts') return typeof e.batchId === 'string' ? (e as unknown as PortalAccountsManifestEntry) : null;
    return e.kind === undefined && typeof e.batchId === 'string' ? (e as unknown as ManifestEntry) : null;
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

  /** The checksum recorded for a key (a batch id, or ackManifestKey(feed, ackId)). */
  get(key: string): string | undefined {
    return this.shas.get(key);
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
        if (e) this.shas.set(manifestKey(e), e.sha256);
      }
      this.offset += lastNl + 1;
    } finally {
      await fh.close();
    }
  }

  /** Appends one entry durably, on a line of its own even after a torn tail. Call refresh() first. */
  async append(entry: ManifestLine): Promise<void> {
    const line = `${this.tornTail ? '\n' : ''}${JSON.stringify(entry)}\n`;
    await appendDurably(this.file, Buffer.from(line, 'utf8'));
    this.shas.set(manifestKey(entry), entry.sha256);
  }
}
