// A real portal for tests: a node:http server on 127.0.0.1 that implements the exchange API of
// docs/portal-api.json in memory and checks EVERY request against that file (path, method,
// bearer token, parameters and headers, body schema — including each record's data schema for its
// category) and every answer it gives. A request that breaks the contract is answered 400 and kept
// in `violations`. Failure modes: fail5xx, rateLimit, reject4xx, dieAfter, slow, rejectKeys,
// cutFeedAnswers (a feed page whose answer breaks off half-way).
//
// Feeds: GET /v1/{feed} serves `feeds[feed]` in order; the cursor is the count of items served
// before it ("3" = after the third), `next` the position after the page (the `after` given on an
// empty page), `more` whether items follow.
//
// The JSON-Schema subset understood: $ref (local), type (one or a list), const, enum, required,
// properties, additionalProperties (false or a schema), items, minItems/maxItems, pattern,
// minLength/maxLength, minimum/maximum, oneOf, anyOf. Annotations (description, format…) are ignored.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Schema = Record<string, unknown>;

export const OPENAPI_FILE = join(import.meta.dirname, '..', '..', 'docs', 'portal-api.json');

// ---------------------------------------------------------------------------------------------
// The validator

export class OpenApiDoc {
  readonly doc: Record<string, any>;

  constructor(file = OPENAPI_FILE) {
    this.doc = JSON.parse(readFileSync(file, 'utf8'));
  }

  /** A component schema by name (components.schemas). */
  schema(name: string): Schema {
    const s = this.doc.components?.schemas?.[name];
    if (!s) throw new Error(`no schema ${name} in the OpenAPI file`);
    return s;
  }

  resolve<T = any>(x: any): T {
    let cur = x;
    for (let i = 0; cur && typeof cur === 'object' && typeof cur.$ref === 'string'; i++) {
      if (i > 20) throw new Error('$ref loop');
      const ref: string = cur.$ref;
      if (!ref.startsWith('#/')) throw new Error(`only local $ref: ${ref}`);
      cur = ref
        .slice(2)
        .split('/')
        .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce((o: any, k) => (o == null ? undefined : o[k]), this.doc);
      if (cur === undefined) throw new Error(`unresolved $ref ${ref}`);
    }
    return cur as T;
  }

  /** Validates a value; returns the first violation ("where: what") or null. */
  validate(value: unknown, schema: Schema, where = 'body'): string | null {
    const s = this.resolve<Schema>(schema);
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
      if (!types.some((t) => typeMatches(value, t))) return `${where}: expected ${types.join(' or ')}, got ${typeName(value)}`;
    }
    if ('const' in s && !deepEqual(value, s.const)) return `${where}: must be ${JSON.stringify(s.const)}`;
    if (Array.isArray(s.enum) && !s.enum.some((e) => deepEqual(e, value))) return `${where}: must be one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')}`;
    if (typeof value === 'string') {
      const len = [...value].length;
      if (typeof s.minLength === 'number' && len < s.minLength) return `${where}: shorter than ${s.minLength}`;
      if (typeof s.maxLength === 'number' && len > s.maxLength) return `${where}: longer than ${s.maxLength}`;
      if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) return `${where}: does not match ${s.pattern}`;
    }
    if (typeof value === 'number') {
      if (typeof s.minimum === 'number' && value < s.minimum) return `${where}: less than ${s.minimum}`;
      if (typeof s.maximum === 'number' && value > s.maximum) return `${where}: more than ${s.maximum}`;
    }
    if (Array.isArray(value)) {
      if (typeof s.minItems === 'number' && value.length < s.minItems) return `${where}: fewer than ${s.minItems} items`;
      if (typeof s.maxItems === 'number' && value.length > s.maxItems) return `${where}: more than ${s.maxItems} items`;
      if (s.items) {
        for (let i = 0; i < value.length; i++) {
          const v = this.validate(value[i], s.items as Schema, `${where}[${i}]`);
          if (v) return v;
        }
      }
    }
    if (isObject(value)) {
      for (const r of (s.required as string[] | undefined) ?? []) if (!(r in value)) return `${where}: ${r} is required`;
      const props = (s.properties as Record<string, Schema> | undefined) ?? {};
      for (const [k, v] of Object.entries(value)) {
        if (k in props) {
          const err = this.validate(v, props[k], `${where}.${k}`);
          if (err) return err;
        } else if (s.additionalProperties === false) {
          return `${where}: unexpected property ${k}`;
        } else if (isObject(s.additionalProperties)) {
          const err = this.validate(v, s.additionalProperties as Schema, `${where}.${k}`);
          if (err) return err;
        }
      }
    }
    if (Array.isArray(s.oneOf)) {
      const errs = s.oneOf.map((b: Schema) => this.validate(value, b, where));
      const ok = errs.filter((e) => e === null).length;
      if (ok !== 1) return ok === 0 ? `${where}: matches none of oneOf (${errs.join(' | ')})` : `${where}: matches ${ok} branches of oneOf`;
    }
    if (Array.isArray(s.anyOf)) {
      const errs = s.anyOf.map((b: Schema) => this.validate(value, b, where));
      if (!errs.includes(null)) return `${where}: matches none of anyOf (${errs.join(' | ')})`;
    }
    return null;
  }

  /** The operation for a method and path, with the path parameters; null when the API has none. */
  route(method: string, pathname: string): { template: string; op: any; params: Record<string, string> } | { template: string; op: null; params: Record<string, string> } | null {
    const candidates = Object.keys(this.doc.paths)
      .map((template) => {
        const names: string[] = [];
        const re = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, n: string) => (names.push(n), '([^/]+)'))}$`);
        return { template, re, names };
      })
      .sort((a, b) => a.names.length - b.names.length);
    for (const c of candidates) {
      const m = c.re.exec(pathname);
      if (!m) continue;
      const params: Record<string, string> = {};
      try {
        c.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
      } catch {
        continue;
      }
      const op = this.doc.paths[c.template][method.toLowerCase()] ?? null;
      // A concrete path that lacks the method may still be served by a templated one.
      if (!op) continue;
      return { template: c.template, op, params };
    }
    return null;
  }

  /**
   * Checks one request against the API: everything but the token's value. Returns the first
   * violation, or null; `body` is the parsed JSON (undefined when there was none).
   */
  checkRequest(req: { method: string; pathname: string; query: URLSearchParams; headers: IncomingMessage['headers']; rawBody: string }): {
    violation: string | null;
    route: ReturnType<OpenApiDoc['route']>;
    body: unknown;
  } {
    const route = this.route(req.method, req.pathname);
    if (!route?.op) return { violation: `${req.method} ${req.pathname}: no such operation in the API`, route, body: undefined };
    const op = route.op;
    const bad = (v: string) => ({ violation: `${req.method} ${route.template}: ${v}`, route, body: undefined });
    for (const p0 of op.parameters ?? []) {
      const p = this.resolve(p0);
      let raw: string | undefined;
      if (p.in === 'path') raw = route.params[p.name];
      else if (p.in === 'query') raw = req.query.get(p.name) ?? undefined;
      else if (p.in === 'header') {
        const h = req.headers[p.name.toLowerCase()];
        raw = Array.isArray(h) ? h.join(', ') : h;
      }
      if (raw === undefined) {
        if (p.required) return bad(`${p.in} parameter ${p.name} is required`);
        continue;
      }
      const schema = this.resolve<Schema>(p.schema);
      const value = schema.type === 'integer' || schema.type === 'number' ? (/^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw) : raw;
      const v = this.validate(value, schema, `${p.in} ${p.name}`);
      if (v) return bad(v);
    }
    const security = op.security ?? this.doc.security ?? [];
    if (security.length > 0) {
      const auth = req.headers.authorization;
      if (typeof auth !== 'string' || !/^Bearer [\x21-\x7e]+$/.test(auth)) return bad('Authorization: Bearer <token> is required');
    }
    let body: unknown;
    if (op.requestBody) {
      const rb = this.resolve(op.requestBody);
      if (req.rawBody.length === 0) {
        if (rb.required) return bad('a request body is required');
      } else {
        const mediaType = String(req.headers['content-type'] ?? '')
          .split(';')[0]
          .trim()
          .toLowerCase();
        const media = rb.content?.[mediaType];
        if (!media) return bad(`Content-Type ${mediaType || '(none)'} is not one of ${Object.keys(rb.content ?? {}).join(', ')}`);
        try {
          body = JSON.parse(req.rawBody);
        } catch {
          return bad('the body is not JSON');
        }
        const v = this.validate(body, media.schema, 'body');
        if (v) return bad(v);
        const byCategory = op['x-record-data-by-category'];
        if (byCategory && isObject(body) && Array.isArray(body.records)) {
          const dataSchema = byCategory[route.params.category];
          if (!dataSchema) return bad(`no data schema for category ${route.params.category}`);
          for (let i = 0; i < body.records.length; i++) {
            const r = body.records[i] as Record<string, unknown>;
            if (r.data === undefined) continue;
            const dv = this.validate(r.data, dataSchema, `body.records[${i}].data`);
            if (dv) return bad(dv);
          }
        }
      }
    } else if (req.rawBody.length > 0) {
      return bad('this operation takes no body');
    }
    return { violation: null, route, body };
  }

  /** Checks an answer against the operation's documented responses. */
  checkResponse(op: any, status: number, body: unknown): string | null {
    const responses = op.responses ?? {};
    const r0 = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
    if (!r0) return `status ${status} is not documented`;
    const r = this.resolve(r0);
    const schema = r.content?.['application/json']?.schema;
    if (!schema) return null;
    return this.validate(body, schema, `response ${status}`);
  }
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function typeMatches(v: unknown, t: string): boolean {
  switch (t) {
    case 'null':
      return v === null;
    case 'boolean':
      return typeof v === 'boolean';
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'array':
      return Array.isArray(v);
    case 'object':
      return isObject(v);
    default:
      return false;
  }
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && Number.isInteger(v)) return 'integer';
  return typeof v;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// ---------------------------------------------------------------------------------------------
// The portal

export interface LoggedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  idempotencyKey: string | null;
  /** The status answered, or 'destroyed' when the socket was cut. */
  status: number | 'destroyed' | null;
}

export interface StoredRecord {
  status: 'active' | 'not_in_billing';
  data?: Json;
  batchId: string;
}

interface Stored {
  fingerprint: string;
  status: number;
  body: Json;
}

export interface PortalServerOptions {
  token?: string;
  openapi?: string;
}

export class PortalServer {
  readonly api: OpenApiDoc;
  readonly token: string;
  url = '';
  /** Every request, in arrival order. */
  readonly requests: LoggedRequest[] = [];
  /** Contract violations, by the client (requests) or by this server itself (answers). */
  readonly violations: string[] = [];
  /** period/category → key → record. Never deleted. */
  readonly records = new Map<string, Map<string, StoredRecord>>();
  /** How many times each batch (or notice) id was applied: a retry must never apply twice. */
  readonly applied = new Map<string, number>();
  readonly notices: Json[] = [];
  readonly portalAccounts: Json[] = [];
  readonly acks: Json[] = [];
  readonly feeds: Record<'readings' | 'registrations' | 'payments', Json[]> = { readings: [], registrations: [], payments: [] };

  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private readonly idempotency = new Map<string, Stored>();
  /** period/category → keys received in the current full send. */
  private readonly fullSends = new Map<string, Set<string>>();
  private batchesDone = 0;
  private mode = {
    fail5xx: 0,
    fail5xxStatus: 503,
    retryAfter5xx: null as string | null,
    rateLimit: 0,
    retryAfter429: '1' as string | null,
    reject4xx: null as null | { status: number; code: string; message: string; times: number },
    dieAfter: null as null | { n: number; when: 'before' | 'after' },
    slowMs: 0,
    rejectKeys: new Set<string>(),
    cutFeeds: 0,
    cutFeedsAfter: 0,
  };

  constructor(opts: PortalServerOptions = {}) {
    this.token = opts.token ?? 'test-portal-token';
    this.api = new OpenApiDoc(opts.openapi);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e) => {
        this.violations.push(`server fault: ${(e as Error).message}`);
        if (!res.headersSent && !res.destroyed) this.answer(res, null, 500, { code: 'internal', message: 'test server fault' });
      });
    });
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  // ---- failure modes ----

  /** The next n requests are answered with a 5xx (503 unless given), then the portal recovers. */
  fail5xx(n: number, opts: { status?: number; retryAfter?: string } = {}): this {
    this.mode.fail5xx = n;
    this.mode.fail5xxStatus = opts.status ?? 503;
    this.mode.retryAfter5xx = opts.retryAfter ?? null;
    return this;
  }

  /** The next n requests are answered 429 with Retry-After (seconds or a date; null for none). */
  rateLimit(n: number, retryAfter: string | null = '1'): this {
    this.mode.rateLimit = n;
    this.mode.retryAfter429 = retryAfter;
    return this;
  }

  /** Valid requests are refused with this 4xx (the next `times`, default all). */
  reject4xx(status: number, opts: { code?: string; message?: string; times?: number } = {}): this {
    this.mode.reject4xx = { status, code: opts.code ?? 'refused', message: opts.message ?? `refused by the test portal (${status})`, times: opts.times ?? Infinity };
    return this;
  }

  /**
   * After n batches were answered, the portal dies: every later request has its socket destroyed
   * mid-request — before it is applied (default) or after applying it but before answering.
   */
  dieAfter(n: number, when: 'before' | 'after' = 'before'): this {
    this.mode.dieAfter = { n, when };
    return this;
  }

  revive(): this {
    this.mode.dieAfter = null;
    return this;
  }

  /** Every answer waits this long (after the request was applied). */
  slow(ms: number): this {
    this.mode.slowMs = ms;
    return this;
  }

  /** The next n feed pages (GET) are cut off half-way through their answer: the portal dies mid-page. `after` good pages are served first. */
  cutFeedAnswers(n: number, after = 0): this {
    this.mode.cutFeeds = n;
    this.mode.cutFeedsAfter = after;
    return this;
  }

  /** Records with these keys are rejected (200, listed in `rejected`). */
  rejectKeys(keys: string[]): this {
    this.mode.rejectKeys = new Set(keys);
    return this;
  }

  reset(): this {
    this.mode.fail5xx = 0;
    this.mode.rateLimit = 0;
    this.mode.reject4xx = null;
    this.mode.dieAfter = null;
    this.mode.slowMs = 0;
    this.mode.rejectKeys = new Set();
    this.mode.cutFeeds = 0;
    return this;
  }

  /** Requests for one idempotency key. */
  requestsFor(key: string): LoggedRequest[] {
    return this.requests.filter((r) => r.idempotencyKey === key);
  }

  record(period: string, category: string, key: string): StoredRecord | undefined {
    return this.records.get(`${period}/${category}`)?.get(key);
  }

  // ---- the API ----

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req, 32 * 1024 * 1024);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const key = req.headers['idempotency-key'];
    const logged: LoggedRequest = {
      method: req.method ?? '',
      path: url.pathname,
      headers: req.headers,
      body: rawBody ?? '',
      idempotencyKey: typeof key === 'string' ? key : null,
      status: null,
    };
    this.requests.push(logged);
    if (rawBody === null) return this.answer(res, logged, 413, { code: 'too_large', message: 'body too large' });

    const isWrite = req.method === 'PUT' || req.method === 'POST';
    const die = this.mode.dieAfter;
    if (die && isWrite && this.batchesDone >= die.n && die.when === 'before') return this.destroy(res, logged);

    const checked = this.api.checkRequest({ method: req.method ?? '', pathname: url.pathname, query: url.searchParams, headers: req.headers, rawBody: logged.body });
    if (checked.violation) {
      this.violations.push(checked.violation);
      const status = checked.route?.op ? 400 : 404;
      return this.answer(res, logged, status, { code: status === 400 ? 'invalid_request' : 'not_found', message: checked.violation }, checked.route?.op);
    }
    const op = checked.route!.op;
    if (req.headers.authorization !== `Bearer ${this.token}`) {
      return this.answer(res, logged, 401, { code: 'unauthorized', message: 'the token is not valid' }, op);
    }
    if (this.mode.fail5xx > 0) {
      this.mode.fail5xx--;
      const headers: Record<string, string> = this.mode.retryAfter5xx ? { 'retry-after': this.mode.retryAfter5xx } : {};
      return this.answer(res, logged, this.mode.fail5xxStatus, { code: 'unavailable', message: 'the test portal is down for a moment' }, op, headers);
    }
    if (this.mode.rateLimit > 0) {
      this.mode.rateLimit--;
      const headers: Record<string, string> = this.mode.retryAfter429 !== null ? { 'retry-after': this.mode.retryAfter429 } : {};
      return this.answer(res, logged, 429, { code: 'too_many_requests', message: 'slow down' }, op, headers);
    }
    const r4 = this.mode.reject4xx;
    if (r4 && r4.times > 0) {
      r4.times--;
      return this.answer(res, logged, r4.status, { code: r4.code, message: r4.message }, op);
    }

    const [status, body] = this.apply(checked.route!.template, checked.route!.params, logged, checked.body, url.searchParams);
    if (die && isWrite && this.batchesDone >= die.n && die.when === 'after') return this.destroy(res, logged);
    if (this.mode.slowMs > 0) await new Promise((r) => setTimeout(r, this.mode.slowMs));
    if (status >= 200 && status < 300 && (checked.route!.template === '/v1/periods/{period}/{category}' || checked.route!.template === '/v1/portal-accounts')) this.batchesDone++;
    if (logged.method === 'GET' && this.mode.cutFeeds > 0 && this.mode.cutFeedsAfter > 0) {
      this.mode.cutFeedsAfter--;
    } else if (logged.method === 'GET' && this.mode.cutFeeds > 0) {
      this.mode.cutFeeds--;
      return this.cut(res, logged, body);
    }
    this.answer(res, logged, status, body, op);
  }

  private apply(template: string, params: Record<string, string>, logged: LoggedRequest, body: any, query: URLSearchParams): [number, Json] {
    if (logged.method === 'GET') {
      const feed = template.slice(4) as keyof PortalServer['feeds'];
      const items = this.feeds[feed];
      const after = query.get('after');
      const from = after ? Number(after) : 0;
      if (!Number.isSafeInteger(from) || from < 0 || from > items.length) return [400, { code: 'invalid_request', message: `unknown cursor ${after}` }];
      const limit = Number(query.get('limit') ?? 500);
      const page = items.slice(from, from + limit);
      const next = page.length > 0 ? String(from + page.length) : after;
      return [200, { items: page, next, more: from + page.length < items.length }];
    }
    const key = logged.idempotencyKey!;
    const idOf = template === '/v1/notices' ? body.noticeId : body.batchId;
    if (idOf !== undefined && idOf !== key) {
      this.violations.push(`Idempotency-Key ${key} does not match the body's id ${idOf}`);
      return [409, { code: 'idempotency_key_mismatch', message: 'Idempotency-Key must equal the id in the body' }];
    }
    const fingerprint = createHash('sha256').update(`${logged.method} ${logged.path}\n${logged.body}`).digest('hex');
    const seen = this.idempotency.get(key);
    if (seen) {
      if (seen.fingerprint !== fingerprint) return [409, { code: 'idempotency_conflict', message: `key ${key} was used with a different request` }];
      return [seen.status, seen.body];
    }
    let result: Json;
    if (template === '/v1/periods/{period}/{category}') result = this.applyBatch(params.period, params.category, body);
    else if (template === '/v1/notices') {
      this.notices.push(body);
      result = { accepted: 1, rejected: [] };
    } else if (template === '/v1/portal-accounts') {
      // rejectKeys refuses accounts here as in batches (e.g. one the portal knows as registered).
      const refused = body.accounts.filter((a: { account_no: string }) => this.mode.rejectKeys.has(a.account_no));
      this.portalAccounts.push(...body.accounts.filter((a: { account_no: string }) => !this.mode.rejectKeys.has(a.account_no)));
      result = { accepted: body.accounts.length - refused.length, rejected: refused.map((a: { account_no: string }) => ({ key: a.account_no, code: 'already_registered', message: `the test portal refuses ${a.account_no}` })) };
    } else {
      this.acks.push({ feed: params.feed, items: body.items });
      result = { acknowledged: body.items.length };
    }
    this.applied.set(key, (this.applied.get(key) ?? 0) + 1);
    this.idempotency.set(key, { fingerprint, status: 200, body: result });
    return [200, result];
  }

  private applyBatch(period: string, category: string, body: any): Json {
    const slot = `${period}/${category}`;
    const store = this.records.get(slot) ?? new Map<string, StoredRecord>();
    this.records.set(slot, store);
    if (body.mode === 'full' && body.seq === 1) this.fullSends.set(slot, new Set());
    const seen = body.mode === 'full' ? this.fullSends.get(slot) : undefined;
    const rejected: Json[] = [];
    let accepted = 0;
    for (const r of body.records as { key: string; status: StoredRecord['status']; data?: Json }[]) {
      if (this.mode.rejectKeys.has(r.key)) {
        rejected.push({ key: r.key, code: 'PORTAL-REJECTED', message: `the test portal rejects ${r.key}` });
        continue;
      }
      seen?.add(r.key);
      const prev = store.get(r.key);
      // Never delete: not_in_billing keeps what the portal had, and only marks it.
      store.set(r.key, r.status === 'active' ? { status: 'active', data: r.data, batchId: body.batchId } : { ...(prev ?? {}), status: 'not_in_billing', batchId: body.batchId });
      accepted++;
    }
    if (body.mode === 'full' && body.last && seen) {
      for (const [k, rec] of store) if (!seen.has(k) && rec.status === 'active') store.set(k, { ...rec, status: 'not_in_billing' });
      this.fullSends.delete(slot);
    }
    return { accepted, rejected };
  }

  private answer(res: ServerResponse, logged: LoggedRequest | null, status: number, body: Json, op?: any, headers: Record<string, string> = {}): void {
    if (op) {
      const v = this.api.checkResponse(op, status, body);
      if (v) this.violations.push(`answer: ${v}`);
    }
    if (logged) logged.status = status;
    if (res.destroyed) return;
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  }

  /** Announces the whole answer, sends half of it, and cuts the connection. */
  private cut(res: ServerResponse, logged: LoggedRequest, body: Json): void {
    logged.status = 'destroyed';
    const bytes = Buffer.from(JSON.stringify(body), 'utf8');
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': bytes.length });
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
  }

  private destroy(res: ServerResponse, logged: LoggedRequest): void {
    logged.status = 'destroyed';
    res.socket?.destroy();
  }
}

/** The body as text, or null when it is larger than `max`. */
function readBody(req: IncomingMessage, max: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startPortalServer(opts: PortalServerOptions = {}): Promise<PortalServer> {
  return new PortalServer(opts).start();
}
