// The HTTPS transport (DESIGN.md §4): the portal exchange API of docs/portal-api.json.
// Every write carries the bearer token and an Idempotency-Key (the batch or notice id), so a retry
// can never apply a batch twice. Each attempt has a timeout; network errors, timeouts, 5xx and 429
// (honouring Retry-After) are retried with exponential backoff and jitter; other 4xx never are.
// An operator's abort stops at once. A batch is delivered only when the portal answered 2xx with
// a well-formed result; anything else throws, and nothing of the batch counts as delivered.
// The token lives in a private field and is never put into an error, a log line or a message.

import type { Locale } from '../../../shared/domain/types';
import { fail, ProblemError, problem, type Params } from '../../../shared/errors/problem';
import type { ErrorCode } from '../../../shared/errors/catalogue';
import { redact } from '../../security/secrets/redact';
import { abortError } from '../../engine/atomic-file';
import { batchBody, checkBatch, checkNotice, cleanText, noticeBody, parseRejected } from '../folder/payload';
import type { Batch, BatchResult, Notice, PortalGateway, PortalInfo, Receipt } from '../port';
import { checkPortalUrl } from './url';

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

  /** HTTPS answers are synchronous: there are no receipts to collect. */
  async takeReceipts(): Promise<Receipt[]> {
    return [];
  }

  async close(): Promise<void> {}

  /** Nothing of the token in what util.inspect or JSON.stringify shows. */
  toJSON(): { info: PortalInfo } {
    return { info: this.info };
  }

  async #send(method: string, path: string, idempotencyKey: string, body: unknown, keys: Set<string> | null, signal?: AbortSignal): Promise<BatchResult> {
    const url = `${this.#base}${path}`;
    const payload = JSON.stringify(body);
    const attempts = this.#retries + 1;
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw abortError(signal);
      const timeout = AbortSignal.timeout(this.#timeoutMs);
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
      let failure: Failure;
      try {
        const res = await this.#fetch(url, {
          method,
          headers: {
            authorization: `Bearer ${this.#token}`,
            'idempotency-key': idempotencyKey,
            'content-type': 'application/json',
            accept: 'application/json',
            'user-agent': 'Saldo',
          },
          body: payload,
          signal: combined,
          redirect: 'manual',
        });
        if (res.status >= 200 && res.status < 300) {
          let text: string;
          try {
            text = await readText(res, this.#maxResponseBytes);
          } catch (e) {
            if (e instanceof TooLarge) this.#fail('SAL-4008', { detail: `the answer is larger than ${this.#maxResponseBytes} bytes` });
            throw e;
          }
          return this.#result(text, keys);
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
      this.#note(`portal ${this.#host}: ${method} ${path} (${idempotencyKey}) attempt ${attempt} of ${attempts} failed (${describe(failure)}); retrying in ${Math.round(delay)} ms`);
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
