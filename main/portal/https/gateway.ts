// The HTTPS transport (DESIGN.md §4): the portal exchange API of docs/portal-api.json.
// Every write carries the bearer token and an Idempotency-Key (the batch or notice id), so a retry
// can never apply a batch twice. Each attempt has a timeout; network errors, timeouts, 5xx and 429
// (honouring Retry-After) are retried with exponential backoff and jitter; other 4xx never are.
// An operator's abort stops at once. A batch is delivered only when the portal answered 2xx with
// a well-formed result; anything else throws, and nothing of the batch counts as delivered.
// The token lives in a private field and is never put into an error, a log line or a message.
//
// Feeds (GET /v1/{feed}?after=&limit=) are retried the same way (a GET has no effect to repeat);
// a page is checked (feeds.ts) before anything of it is returned, and a malformed one is SAL-4017.
// Acknowledgements (POST /v1/{feed}/acks) carry the ack id as their Idempotency-Key. A fetch or an
// acknowledgement that fails for any other reason is SAL-4023 / SAL-4024, naming the cause.

import type { Locale } from '../../../shared/domain/types';
import { fail, ProblemError, problem, type Params } from '../../../shared/errors/problem';
import type { ErrorCode } from '../../../shared/errors/catalogue';
import { redact } from '../../security/secrets/redact';
import { abortError } from '../../engine/atomic-file';
import { batchBody, checkBatch, checkNotice, cleanText, noticeBody, parseRejected } from '../folder/payload';
import { ackBody, ackChunks, checkAcks, isFeedName, parseFeedPage } from '../feeds';
import { MAX_FEED_PAGE } from '../port';
import type { AckItem, Batch, BatchResult, FeedName, FeedPage, Notice, PortalGateway, PortalInfo, Receipt } from '../port';
import { checkPortalUrl } from './url';
import { checkPortalAccounts, portalAccountsBody, type PortalAccountsRequest } from '../portal-accounts';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface HttpsPortalOptions {
  baseUrl: string;
  token: string;
  /** One attempt at one request, headers and body (default 30 s). */
  batchTimeoutMs?: number;
  /** Retries after a network error, a timeout, a 5xx or a 429 (default 4; so 5 attempts). */
  retries?: number;
  /** First backoff; doubles each retry, with jitter (default 500 ms). */
  backoffMs?: number;
  /** Longest backoff between two attempts (default 30 s). */
  maxBackoffMs?: number;
  /** A Retry-After longer than this is not waited for: the send fails now (default 120 s). */
  maxRetryAfterMs?: number;
  /** Largest answer read (default 8 MiB). */
  maxResponseBytes?: number;
  locale?: Locale;
  /** Retry notes (already free of the token). */
  log?: (line: string) => void;
  fetchImpl?: FetchLike;
  /** Tests: the jitter's randomness. */
  random?: () => number;
}

type Failure =
  | { kind: 'status'; status: number; retryAfterMs?: number; detail: string }
  | { kind: 'network'; detail: string }
  | { kind: 'timeout' };

class TooLarge extends Error {}

const BEARER_RE = /^[\x21-\x7e]+$/;
const SNIPPET_BYTES = 64 * 1024;

export class HttpsPortalGateway implements PortalGateway {
  readonly info: PortalInfo;
  readonly #token: string;
  readonly #base: string;
  readonly #host: string;
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #backoffMs: number;
  readonly #maxBackoffMs: number;
  readonly #maxRetryAfterMs: number;
  readonly #maxResponseBytes: number;
  readonly #locale: Locale;
  readonly #log?: (line: string) => void;
  readonly #fetch: FetchLike;
  readonly #random: () => number;

  constructor(opts: HttpsPortalOptions) {
    this.#locale = opts.locale ?? 'en';
    const url = checkPortalUrl(opts.baseUrl, this.#locale);
    if (typeof opts.token !== 'string' || opts.token.length === 0) fail('SAL-4016', this.#locale, { detail: 'it is empty' });
    if (!BEARER_RE.test(opts.token)) fail('SAL-4016', this.#locale, { detail: 'it contains spaces, line breaks or characters outside ASCII' });
    this.#token = opts.token;
    this.#base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    this.#host = url.host;
    this.info = { transport: 'https', label: url.host };
    this.#timeoutMs = positive(opts.batchTimeoutMs, 30_000);
    this.#retries = Math.max(0, Math.floor(opts.retries ?? 4));
    this.#backoffMs = positive(opts.backoffMs, 500);
    this.#maxBackoffMs = positive(opts.maxBackoffMs, 30_000);
    this.#maxRetryAfterMs = positive(opts.maxRetryAfterMs, 120_000);
    this.#maxResponseBytes = positive(opts.maxResponseBytes, 8 * 1024 * 1024);
    this.#log = opts.log;
    this.#fetch = opts.fetchImpl ?? ((u, i) => fetch(u, i));
    this.#random = opts.random ?? Math.random;
  }

  async putBatch(batch: Batch, signal?: AbortSignal): Promise<BatchResult> {
    if (signal?.aborted) throw abortError(signal);
    checkBatch(batch, this.#locale);
    const path = `/v1/periods/${encodeURIComponent(batch.period)}/${encodeURIComponent(batch.category)}`;
    const keys = new Set(batch.records.map((r) => r.key));
    return this.#send('PUT', path, batch.batchId, batchBody(batch), keys, signal);
  }

  async putNotice(notice: Notice, signal?: AbortSignal): Promise<BatchResult> {
    if (signal?.aborted) throw abortError(signal);
    checkNotice(notice, this.#locale);
    const keys = notice.audience.kind === 'accounts' ? new Set(notice.audience.accounts) : null;
    return this.#send('POST', '/v1/notices', notice.noticeId, noticeBody(notice), keys, signal);
  }

  /** PUT /v1/portal-accounts: hashes only (portal-accounts.ts); the batch id is the idempotency key, retried like a batch. */
  async putPortalAccounts(req: PortalAccountsRequest, signal?: AbortSignal): Promise<BatchResult> {
    if (signal?.aborted) throw abortError(signal);
    checkPortalAccounts(req, this.#locale);
    const keys = new Set(req.accounts.map((a) => a.account_no));
    return this.#send('PUT', '/v1/portal-accounts', req.batchId, portalAccountsBody(req), keys, signal);
  }

  /** HTTPS answers are synchronous: there are no receipts to collect. */
  async takeReceipts(): Promise<Receipt[]> {
    return [];
  }

  async fetchFeed<F extends FeedName>(feed: F, after: string | null, limit: number, signal?: AbortSignal): Promise<FeedPage<F>> {
    if (signal?.aborted) throw abortError(signal);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_FEED_PAGE) throw new RangeError(`limit: a whole number from 1 to ${MAX_FEED_PAGE}, not ${limit}`);
    if (!isFeedName(feed)) throw new RangeError(`not a feed: ${String(feed).slice(0, 40)}`);
    const query = new URLSearchParams();
    if (after !== null) {
      if (typeof after !== 'string' || after.length === 0 || after.length > 200) this.#fail('SAL-4021', { feed, cursor: String(after).slice(0, 200) });
      query.set('after', after);
    }
    query.set('limit', String(limit));
    const path = `/v1/${feed}?${query.toString()}`;
    let text: string;
    try {
      text = await this.#request('GET', path, null, undefined, signal);
    } catch (e) {
      throw this.#wrap(e, 'SAL-4023', { feed }, signal);
    }
    let x: unknown;
    try {
      x = JSON.parse(text);
    } catch {
      this.#fail('SAL-4017', { feed, detail: 'the answer is not JSON' });
    }
    const page = parseFeedPage(feed, x, limit);
    if (typeof page === 'string') this.#fail('SAL-4017', { feed, detail: page });
    // Nothing new: the portal may answer next = null; the position to keep is still the one given.
    const next = page.items.length === 0 && page.next === null ? after : page.next;
    return { items: page.items, next, more: page.more, problems: [] };
  }

  async postAcks(feed: FeedName, ackId: string, items: AckItem[], signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw abortError(signal);
    const bad = checkAcks(feed, ackId, items);
    if (bad) this.#fail('SAL-4020', { feed: String(feed).slice(0, 40), ackId: typeof ackId === 'string' ? ackId.slice(0, 130) : '?', detail: bad });
    for (const chunk of ackChunks(ackId, items)) {
      let text: string;
      try {
        text = await this.#request('POST', `/v1/${feed}/acks`, chunk.id, ackBody(chunk.items), signal);
      } catch (e) {
        throw this.#wrap(e, 'SAL-4024', { feed, ackId: chunk.id }, signal);
      }
      let x: unknown;
      try {
        x = JSON.parse(text);
      } catch {
        this.#fail('SAL-4008', { detail: 'the answer to an acknowledgement is not JSON' });
      }
      const n = (x as { acknowledged?: unknown } | null)?.acknowledged;
      if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) this.#fail('SAL-4008', { detail: 'acknowledged is not a count' });
    }
  }

  async close(): Promise<void> {}

  /** Nothing of the token in what util.inspect or JSON.stringify shows. */
  toJSON(): { info: PortalInfo } {
    return { info: this.info };
  }

  async #send(method: string, path: string, idempotencyKey: string, body: unknown, keys: Set<string> | null, signal?: AbortSignal): Promise<BatchResult> {
    return this.#result(await this.#request(method, path, idempotencyKey, body, signal), keys);
  }

  /**
   * One request with its retries; resolves with the text of a 2xx answer. A write (idempotencyKey
   * given) carries the key and a JSON body; a read carries neither.
   */
  async #request(method: string, path: string, idempotencyKey: string | null, body: unknown, signal?: AbortSignal): Promise<string> {
    const url = `${this.#base}${path}`;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { authorization: `Bearer ${this.#token}`, accept: 'application/json', 'user-agent': 'Saldo' };
    if (idempotencyKey !== null) headers['idempotency-key'] = idempotencyKey;
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const label = idempotencyKey ?? 'read';
    const attempts = this.#retries + 1;
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw abortError(signal);
      const timeout = AbortSignal.timeout(this.#timeoutMs);
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
      let failure: Failure;
      try {
        const res = await this.#fetch(url, {
          method,
          headers,
          body: payload,
          signal: combined,
          redirect: 'manual',
        });
        if (res.status >= 200 && res.status < 300) {
          try {
            return await readText(res, this.#maxResponseBytes);
          } catch (e) {
            if (e instanceof TooLarge) this.#fail('SAL-4008', { detail: `the answer is larger than ${this.#maxResponseBytes} bytes` });
            throw e;
          }
        }
        const text = await readText(res, SNIPPET_BYTES, true).catch(() => '');
        if (signal?.aborted) throw abortError(signal);
        const detail = this.#portalMessage(text) || res.statusText || 'no message';
        if (res.status === 429 || res.status >= 500) {
          failure = { kind: 'status', status: res.status, retryAfterMs: parseRetryAfter(res.headers.get('retry-after')), detail };
        } else if (res.status === 401 || res.status === 403) {
          this.#fail('SAL-4003', { status: res.status });
        } else if (res.status >= 300 && res.status < 400) {
          this.#fail('SAL-4004', { status: res.status, detail: 'the portal answered with a redirect, which Saldo does not follow' });
        } else {
          this.#fail('SAL-4004', { status: res.status, detail });
        }
      } catch (e) {
        if (e instanceof ProblemError) throw e;
        if (signal?.aborted) throw abortError(signal);
        failure = timeout.aborted ? { kind: 'timeout' } : { kind: 'network', detail: this.#networkDetail(e) };
      }

      const retryAfter = failure.kind === 'status' ? failure.retryAfterMs : undefined;
      if (attempt >= attempts || (retryAfter !== undefined && retryAfter > this.#maxRetryAfterMs)) this.#giveUp(failure, attempt);
      const delay = retryAfter ?? this.#backoff(attempt);
      this.#note(`portal ${this.#host}: ${method} ${path} (${label}) attempt ${attempt} of ${attempts} failed (${describe(failure)}); retrying in ${Math.round(delay)} ms`);
      await sleep(delay, signal);
    }
  }

  #result(text: string, keys: Set<string> | null): BatchResult {
    let x: unknown;
    try {
      x = JSON.parse(text);
    } catch {
      this.#fail('SAL-4008', { detail: 'the answer is not JSON' });
    }
    if (typeof x !== 'object' || x === null || Array.isArray(x)) this.#fail('SAL-4008', { detail: 'the answer is not a JSON object' });
    const { accepted, rejected } = x as Record<string, unknown>;
    if (typeof accepted !== 'number' || !Number.isSafeInteger(accepted) || accepted < 0) this.#fail('SAL-4008', { detail: 'accepted is not a count' });
    const items = parseRejected(rejected);
    if (typeof items === 'string') this.#fail('SAL-4008', { detail: items });
    if (keys) {
      const stray = items.find((r) => !keys.has(r.key));
      if (stray) this.#fail('SAL-4008', { detail: `it rejects "${cleanText(stray.key, 64)}", which was not sent` });
    }
    return { accepted, rejected: items.map((r) => ({ ...r, code: cleanText(r.code, 64), message: this.#clean(r.message) })) };
  }

  /** A failed fetch or acknowledgement as `code`, naming the transport's own problem; an abort stays an abort. */
  #wrap(e: unknown, code: ErrorCode, params: Params, signal?: AbortSignal): unknown {
    if (signal?.aborted || !(e instanceof ProblemError)) return e;
    const clean: Params = { host: this.#host, detail: this.#clean(`${e.problem.code}: ${e.problem.message}`) };
    for (const [k, v] of Object.entries(params)) clean[k] = typeof v === 'string' ? this.#clean(v) : v;
    return new ProblemError(problem(code, this.#locale, clean));
  }

  #giveUp(f: Failure, attempts: number): never {
    if (f.kind === 'timeout') this.#fail('SAL-4007', { seconds: String(Math.round(this.#timeoutMs / 100) / 10), attempts });
    if (f.kind === 'network') this.#fail('SAL-4006', { attempts, detail: f.detail });
    if (f.status === 429) this.#fail('SAL-4009', { attempts });
    this.#fail('SAL-4005', { status: f.status, attempts });
  }

  #backoff(attempt: number): number {
    const base = Math.min(this.#maxBackoffMs, this.#backoffMs * 2 ** (attempt - 1));
    return base / 2 + (this.#random() * base) / 2;
  }

  #fail(code: ErrorCode, params: Params): never {
    const clean: Params = { host: this.#host };
    for (const [k, v] of Object.entries(params)) clean[k] = typeof v === 'string' ? this.#clean(v) : v;
    throw new ProblemError(problem(code, this.#locale, clean));
  }

  #clean(s: string): string {
    return cleanText(redact(s, [this.#token]), 500);
  }

  /** The portal's {code, message} error body, or the start of whatever text it sent. */
  #portalMessage(text: string): string {
    if (!text) return '';
    try {
      const x = JSON.parse(text) as { code?: unknown; message?: unknown };
      if (x && typeof x === 'object') {
        const code = typeof x.code === 'string' ? x.code : '';
        const message = typeof x.message === 'string' ? x.message : '';
        if (code || message) return this.#clean(code && message ? `${code}: ${message}` : code || message);
      }
    } catch {
      // not JSON: show its beginning
    }
    return this.#clean(text.slice(0, 300));
  }

  #networkDetail(e: unknown): string {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    const cause = err?.cause;
    const text = cause?.message ? `${cause.code && !cause.message.includes(cause.code) ? `${cause.code} ` : ''}${cause.message}` : (err?.message ?? String(e));
    return this.#clean(text);
  }

  #note(line: string): void {
    this.#log?.(redact(line, [this.#token]));
  }
}

function positive(v: number | undefined, dflt: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : dflt;
}

function describe(f: Failure): string {
  return f.kind === 'timeout' ? 'timeout' : f.kind === 'network' ? `network: ${f.detail}` : `HTTP ${f.status}`;
}

/** Retry-After: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(v: string | null, now = Date.now()): number | undefined {
  if (!v) return undefined;
  const t = v.trim();
  if (/^\d{1,9}$/.test(t)) return Number(t) * 1000;
  const at = Date.parse(t);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Reads the body as UTF-8, at most `max` bytes: beyond that TooLarge, or with `truncate` the first `max` bytes. */
async function readText(res: Response, max: number, truncate = false): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (!truncate && Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => undefined);
    throw new TooLarge();
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      if (!truncate) throw new TooLarge();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, max).toString('utf8');
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
