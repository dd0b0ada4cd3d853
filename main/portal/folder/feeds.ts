// Feed pages the portal leaves in the exchange folder (docs/portal-api.json x-folder-transport):
//   inbox/<feed>/<name>.json    {"items": [...]}: items of the feed (Reading, Registration, Payment)
// written under a temporary name starting with "." and renamed; names sort in the order the files
// were written. The cursor is "<name>" (that file and every earlier one processed) or "<name>#<n>"
// (its first n items processed), so a page may end inside a large file.
//
// Files the caller's cursor has passed are moved to inbox/<feed>/read/ on the next fetch: the
// caller stores a cursor only after processing the page, so passing it back is the proof. A file
// that cannot be read or parsed is moved to inbox/<feed>/failed/ and reported (SAL-4018), never
// skipped silently; one that is younger than `settleMs` may still be being written by a portal that
// does not rename, so the page stops before it and it is looked at again next time.

import { lstat, open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locale, Problem } from '../../../shared/domain/types';
import { fail, problem } from '../../../shared/errors/problem';
import { abortError } from '../../engine/atomic-file';
import { isFeedName, parseFeedItems } from '../feeds';
import { MAX_FEED_PAGE, type FeedItems, type FeedName, type FeedPage } from '../port';
import { moveInto } from './receipts';

/** A feed file's name: safe on every file system, and what a cursor is made of. */
export const FEED_FILE_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\.json$/;
const CURSOR_RE = /^([A-Za-z0-9][A-Za-z0-9._-]{0,127}\.json)(?:#(\d{1,9}))?$/;
/** Items one file may hold (a month of readings of a large cooperative fits easily). */
export const MAX_FILE_ITEMS = 200_000;
export const DEFAULT_MAX_FEED_FILE_BYTES = 64 * 1024 * 1024;

export interface FeedReaderOptions {
  locale: Locale;
  maxBytes: number;
  settleMs: number;
  now: () => number;
}

interface Position {
  /** The last file (fully or partly) processed; null before the first. */
  name: string | null;
  /** Items of `name` processed; null when the whole file is. */
  offset: number | null;
}

class BadFile extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

const errno = (e: unknown) => (e as NodeJS.ErrnoException)?.code;

export function parseCursor(after: string | null): Position | null {
  if (after === null) return { name: null, offset: null };
  const m = CURSOR_RE.exec(after);
  if (!m) return null;
  return { name: m[1], offset: m[2] === undefined ? null : Number(m[2]) };
}

function cursorOf(pos: Position): string | null {
  if (pos.name === null) return null;
  return pos.offset === null ? pos.name : `${pos.name}#${pos.offset}`;
}

/** Byte-wise order of ASCII names: the order the portal wrote them in. */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class FolderFeedReader {
  /** The last files parsed, so paging through one large file does not parse it once per page. */
  private readonly cache = new Map<string, { stamp: string; items: unknown[] }>();

  constructor(
    private readonly inboxDir: string,
    private readonly opts: FeedReaderOptions,
  ) {}

  async fetch<F extends FeedName>(feed: F, after: string | null, limit: number, signal?: AbortSignal): Promise<FeedPage<F>> {
    if (signal?.aborted) throw abortError(signal);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_FEED_PAGE) throw new RangeError(`limit: a whole number from 1 to ${MAX_FEED_PAGE}, not ${limit}`);
    if (!isFeedName(feed)) throw new RangeError(`not a feed: ${String(feed).slice(0, 40)}`); // it names a folder
    const start = parseCursor(after);
    if (!start) fail('SAL-4021', this.opts.locale, { feed, cursor: String(after).slice(0, 200) });
    const dir = join(this.inboxDir, feed);
    const problems: Problem[] = [];

    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => !n.startsWith('.') && n.toLowerCase().endsWith('.json')).sort(byName);
    } catch (e) {
      if (errno(e) === 'ENOENT') return { items: [], next: after, more: false, problems };
      fail('SAL-4019', this.opts.locale, { dir, detail: `${errno(e) ?? ''} ${(e as Error).message}`.trim() });
    }

    const pending: string[] = [];
    for (const name of names) {
      if (start.name !== null && (name < start.name || (name === start.name && start.offset === null))) {
        // Processed (the cursor says so): out of the way, so the folder does not grow forever.
        await moveInto(join(dir, 'read'), join(dir, name)).catch(() => undefined);
        this.cache.delete(join(dir, name));
      } else pending.push(name);
    }

    const items: FeedItems[F][] = [];
    let pos: Position = { ...start };
    let more = false;
    for (let i = 0; i < pending.length; i++) {
      if (signal?.aborted) throw abortError(signal);
      const name = pending[i];
      const path = join(dir, name);
      let fileItems: FeedItems[F][];
      try {
        fileItems = await this.load(feed, path, name);
      } catch (e) {
        if (errno(e) === 'ENOENT') continue; // taken meanwhile (another Saldo process)
        if (e instanceof BadFile && e.message === 'young') break; // may still be being written: stop before it
        const detail = e instanceof BadFile ? e.message : `${errno(e) ?? ''} ${(e as Error).message}`.trim();
        let where = path;
        try {
          where = await moveInto(join(dir, 'failed'), path);
        } catch {
          // left in place: reported again next time
        }
        this.cache.delete(path);
        const line = e instanceof BadFile ? e.line : undefined;
        problems.push(problem('SAL-4018', this.opts.locale, { file: where, feed, detail }, line === undefined ? { file: where } : { file: where, line }));
        continue;
      }
      const from = pos.name === name ? (pos.offset ?? fileItems.length) : 0;
      const room = limit - items.length;
      const take = fileItems.slice(from, from + room);
      items.push(...take);
      const end = from + take.length;
      if (end < fileItems.length) {
        pos = { name, offset: end };
        more = true;
        break;
      }
      pos = { name, offset: null };
      this.cache.delete(path); // read to its end: not needed again
      if (items.length >= limit) {
        more = i + 1 < pending.length;
        break;
      }
    }
    return { items, next: cursorOf(pos), more, problems };
  }

  /** The checked items of one file; BadFile('young') when a bad file may still be being written. */
  private async load<F extends FeedName>(feed: F, path: string, name: string): Promise<FeedItems[F][]> {
    const st = await lstat(path);
    // settleMs 0 means "never wait". Compared plainly, a file written within the current
    // millisecond would count as young: its mtime has a fraction that Date.now() truncates away.
    const young = this.opts.settleMs > 0 && this.opts.now() - st.mtimeMs < this.opts.settleMs;
    const stamp = `${st.size}:${st.mtimeMs}`;
    const hit = this.cache.get(path);
    if (hit && hit.stamp === stamp) return hit.items as FeedItems[F][];
    try {
      if (!st.isFile()) throw new BadFile('not a plain file');
      if (!FEED_FILE_RE.test(name)) throw new BadFile('the name may hold only letters, digits, ".", "_" and "-" (at most 128 characters before .json)');
      if (st.size > this.opts.maxBytes) throw new BadFile(`larger than ${this.opts.maxBytes} bytes`);
      const items = parseFeedFile(feed, await readAtMost(path, this.opts.maxBytes));
      this.cache.clear(); // one file at a time is enough for paging through it
      this.cache.set(path, { stamp, items });
      return items;
    } catch (e) {
      if (e instanceof BadFile && young) throw new BadFile('young');
      throw e;
    }
  }
}

async function readAtMost(path: string, maxBytes: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const st = await fh.stat();
    if (st.size > maxBytes) throw new BadFile(`larger than ${maxBytes} bytes`);
    return await fh.readFile();
  } finally {
    await fh.close();
  }
}

/** The line (1-based) of a character offset in a text. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A feed file's bytes → its checked items; BadFile (with the line where it can be told) otherwise. */
export function parseFeedFile<F extends FeedName>(feed: F, bytes: Uint8Array): FeedItems[F][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BadFile('not UTF-8 text');
  }
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const at = /line (\d+)/.exec(msg);
    const pos = /position (\d+)/.exec(msg);
    const line = at ? Number(at[1]) : pos ? lineAt(text, Number(pos[1])) : text.trim() === '' ? 1 : lineAt(text, text.length);
    throw new BadFile(`not JSON (${msg.slice(0, 160)})`, line);
  }
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new BadFile('not a JSON object with "items"');
  const parsed = parseFeedItems(feed, (x as Record<string, unknown>).items, MAX_FILE_ITEMS);
  if (typeof parsed === 'string') {
    const idx = /^items\[(\d+)\]/.exec(parsed);
    throw new BadFile(parsed, idx ? itemLine(text, Number(idx[1])) : undefined);
  }
  return parsed;
}

/**
 * The line where the n-th item of "items" starts, found by scanning the JSON text (strings and
 * nesting respected); undefined when the text is not shaped as expected.
 */
function itemLine(text: string, n: number): number | undefined {
  const key = text.indexOf('"items"');
  if (key < 0) return undefined;
  let i = text.indexOf('[', key);
  if (i < 0) return undefined;
  let depth = 0;
  let count = -1;
  let line = lineAt(text, i);
  let inString = false;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      if (depth === 1) {
        count++;
        if (count === n) return line;
      }
      inString = true;
      continue;
    }
    if (c === '[' || c === '{') {
      depth++;
      if (depth === 2) {
        count++;
        if (count === n) return line;
      }
    } else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return undefined;
    } else if (depth === 1 && !/[\s,]/.test(c)) {
      // a scalar item (number, true, null…) at depth 1
      count++;
      if (count === n) return line;
      while (i + 1 < text.length && !/[\s,\]]/.test(text[i + 1])) i++;
    }
  }
  return undefined;
}
