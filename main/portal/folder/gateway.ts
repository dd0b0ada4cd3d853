// The folder transport (DESIGN.md §4), the embedded default. Layout under the exchange folder:
//   outbox/<period>/<category>/<batchId>.json   a batch: the same JSON as the HTTPS body
//   outbox/notices/<noticeId>.json              a notice
//   outbox/manifest.jsonl                       one line per file, appended after the file is in place
//   inbox/acks/*.json                           receipts the portal writes: records it rejected
//   inbox/<feed>/<name>.json                    feed pages the portal writes (feeds.ts): readings,
//                                               registrations, payments; read/ and failed/ beside them
//   outbox/acks/<feed>/<ackId>.json             acknowledgements of feed items, with a manifest line
//   outbox/portal-accounts/<batchId>.json       portal accounts to create (activation hashes), with a manifest line
// A batch is delivered once its file (written atomically, fsynced, renamed, folder fsynced) and its
// manifest line (appended, fsynced) are on disk. Re-sending a batch id already in the manifest
// with the same checksum does nothing and succeeds; with other content it fails (SAL-4012).

import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locale, Problem } from '../../../shared/domain/types';
import { fail, ProblemError } from '../../../shared/errors/problem';
import type { AckItem, Batch, BatchResult, FeedName, FeedPage, Notice, PortalGateway, PortalInfo, Receipt, SendMode } from '../port';
import { abortError, mkdirDurably, writeFileAtomically } from '../../engine/atomic-file';
import { ackBody, ackChunks, checkAcks } from '../feeds';
import { DEFAULT_MAX_FEED_FILE_BYTES, FolderFeedReader } from './feeds';
import { ackManifestKey, ManifestIndex, portalAccountsManifestKey, type ManifestLine } from './manifest';
import { checkPortalAccounts, portalAccountsBody, type PortalAccountsRequest } from '../portal-accounts';
import { batchBody, checkBatch, checkNotice, noticeBody } from './payload';
import { DEFAULT_MAX_RECEIPT_BYTES, takeReceipts } from './receipts';

export interface FolderPortalOptions {
  locale?: Locale;
  /** Receipts larger than this are moved to inbox/acks/failed/ unread (default 8 MiB). */
  maxReceiptBytes?: number;
  /** A receipt that cannot be parsed and is younger than this may still be being written: left for next time (default 2000 ms). */
  receiptSettleMs?: number;
  /** Each unreadable receipt or feed file, as it is set aside (also in `receiptProblems` / the page's `problems`). */
  onProblem?: (p: Problem) => void;
  /** Feed files larger than this are moved to inbox/<feed>/failed/ unread (default 64 MiB). */
  maxFeedFileBytes?: number;
  /** A feed file that cannot be parsed and is younger than this may still be being written: the page stops before it (default 2000 ms). */
  feedSettleMs?: number;
  now?: () => Date;
}

const errno = (e: unknown) => (e as NodeJS.ErrnoException)?.code;

export class FolderPortalGateway implements PortalGateway {
  readonly info: PortalInfo;
  /** Problems of the last takeReceipts() call: receipts that could not be read and were set aside. */
  receiptProblems: Problem[] = [];
  private readonly outbox: string;
  private readonly manifest: ManifestIndex;
  private readonly feeds: FolderFeedReader;
  private readonly locale: Locale;
  /** Writes within this process, one at a time: the manifest check and append must not interleave. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dir: string,
    private readonly opts: FolderPortalOptions = {},
  ) {
    this.locale = opts.locale ?? 'en';
    this.info = { transport: 'folder', label: dir };
    this.outbox = join(dir, 'outbox');
    this.manifest = new ManifestIndex(join(this.outbox, 'manifest.jsonl'));
    this.feeds = new FolderFeedReader(join(dir, 'inbox'), {
      locale: this.locale,
      maxBytes: opts.maxFeedFileBytes ?? DEFAULT_MAX_FEED_FILE_BYTES,
      settleMs: opts.feedSettleMs ?? 2000,
      now: () => (this.opts.now?.() ?? new Date()).getTime(),
    });
  }

  async putBatch(batch: Batch, signal?: AbortSignal): Promise<BatchResult> {
    if (signal?.aborted) throw abortError(signal);
    checkBatch(batch, this.locale);
    const rel = `${batch.period}/${batch.category}/${batch.batchId}.json`;
    return this.serial(async () => {
      await this.write(rel, batchBody(batch), batch.batchId, (file, sha256, writtenAt) => ({ batchId: batch.batchId, period: batch.period, category: batch.category, mode: batch.mode, seq: batch.seq, last: batch.last, records: batch.records.length, file, sha256, writtenAt }), signal);
      return { accepted: batch.records.length, rejected: [] };
    });
  }

  async putNotice(notice: Notice, signal?: AbortSignal): Promise<BatchResult> {
    if (signal?.aborted) throw abortError(signal);
    checkNotice(notice, this.locale);
    const rel = `notices/${notice.noticeId}.json`;
    return this.serial(async () => {
      const mode: SendMode = 'partial';
      await this.write(rel, noticeBody(notice), notice.noticeId, (file, sha256, writtenAt) => ({ batchId: notice.noticeId, period: notice.period, category: 'notices', mode, seq: 1, last: true, records: 1, file, sha256, writtenAt }), signal);
      return { accepted: 1, rejected: [] };
    });
  }

  /** outbox/portal-accounts/<batchId>.json (the body of PUT /v1/portal-accounts) and a manifest line of kind "portal-accounts". */
  async putPortalAccounts(req: PortalAccountsRequest, signal?: AbortSignal): Promise<BatchResult> {
    if (signal?.aborted) throw abortError(signal);
    checkPortalAccounts(req, this.locale);
    const rel = `portal-accounts/${req.batchId}.json`;
    return this.serial(async () => {
      await this.write(rel, portalAccountsBody(req), portalAccountsManifestKey(req.batchId), (file, sha256, writtenAt) => ({ kind: 'portal-accounts', batchId: req.batchId, file, accounts: req.accounts.length, sha256, writtenAt }), signal);
      return { accepted: req.accounts.length, rejected: [] };
    });
  }

  async takeReceipts(): Promise<Receipt[]> {
    const { receipts, problems } = await takeReceipts(join(this.dir, 'inbox', 'acks'), {
      locale: this.locale,
      maxBytes: this.opts.maxReceiptBytes ?? DEFAULT_MAX_RECEIPT_BYTES,
      settleMs: this.opts.receiptSettleMs ?? 2000,
      now: () => (this.opts.now?.() ?? new Date()).getTime(),
    });
    this.receiptProblems = problems;
    for (const p of problems) this.opts.onProblem?.(p);
    return receipts;
  }

  async fetchFeed<F extends FeedName>(feed: F, after: string | null, limit: number, signal?: AbortSignal): Promise<FeedPage<F>> {
    const page = await this.feeds.fetch(feed, after, limit, signal);
    for (const p of page.problems) this.opts.onProblem?.(p);
    return page;
  }

  async postAcks(feed: FeedName, ackId: string, items: AckItem[], signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw abortError(signal);
    const bad = checkAcks(feed, ackId, items);
    if (bad) fail('SAL-4020', this.locale, { feed: String(feed).slice(0, 40), ackId: typeof ackId === 'string' ? ackId.slice(0, 130) : '?', detail: bad });
    for (const chunk of ackChunks(ackId, items)) {
      const rel = `acks/${feed}/${chunk.id}.json`;
      await this.serial(() =>
        this.write(rel, ackBody(chunk.items), ackManifestKey(feed, chunk.id), (file, sha256, writtenAt) => ({ kind: 'acks', ackId: chunk.id, feed, file, items: chunk.items.length, sha256, writtenAt }), signal, () =>
          fail('SAL-4022', this.locale, { feed, ackId: chunk.id }),
        ),
      );
    }
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Writes one file and its manifest line. `key` is what the manifest knows it by; the same content
   * under a known key is already delivered, other content under it is refused (`conflict`).
   */
  private async write(
    rel: string,
    body: unknown,
    key: string,
    entry: (file: string, sha256: string, writtenAt: string) => ManifestLine,
    signal?: AbortSignal,
    conflict: () => never = () => fail('SAL-4012', this.locale, { batchId: key }),
  ): Promise<void> {
    if (signal?.aborted) throw abortError(signal);
    const file = join(this.outbox, ...rel.split('/'));
    const bytes = Buffer.from(`${JSON.stringify(body)}\n`, 'utf8');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    try {
      await this.requireFolder();
      await this.manifest.refresh();
      const known = this.manifest.get(key);
      if (known === sha256) return; // already delivered: the same batch again
      if (known !== undefined) conflict();
      if (signal?.aborted) throw abortError(signal);
      await mkdirDurably(join(file, '..'));
      await writeFileAtomically(file, bytes, { signal });
      await this.manifest.append(entry(rel, sha256, (this.opts.now?.() ?? new Date()).toISOString()));
    } catch (e) {
      if (e instanceof ProblemError || signal?.aborted) throw e;
      fail('SAL-4010', this.locale, { file, detail: `${errno(e) ?? ''} ${(e as Error).message}`.trim() });
    }
  }

  /** The exchange folder itself must exist: creating it could hide an unmounted share behind a local folder. */
  private async requireFolder(): Promise<void> {
    let isDir = false;
    try {
      isDir = (await stat(this.dir)).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) fail('SAL-4010', this.locale, { file: this.dir, detail: 'the exchange folder does not exist or is not a folder' });
  }
}
