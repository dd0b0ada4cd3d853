// The payloads both transports carry (docs/portal-api.json): a batch's folder file is exactly the
// body of PUT /v1/periods/{period}/{category}, a notice's file the body of POST /v1/notices.
// Checked here before anything is written or sent: a batch that breaks these rules is a fault in
// Saldo (SAL-4014), never something to half-send.

import { CATEGORY_KEYS, type CategoryKey, type Locale } from '../../../shared/domain/types';
import { fail } from '../../../shared/errors/problem';
import type { Batch, Notice, PortalRecord, RejectedItem } from '../port';

/** docs/portal-api.json BatchId: safe as a file name and as a header value. */
export const BATCH_ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
export const PERIOD_RE = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
/** docs/portal-api.json BatchRequest.records maxItems. */
export const MAX_BATCH_RECORDS = 10_000;
export const MAX_KEY_LENGTH = 64;
/** The categories sent as batches (notices have their own call). */
export const BATCH_CATEGORIES: readonly CategoryKey[] = CATEGORY_KEYS.filter((c) => c !== 'notices');

export interface BatchBody {
  batchId: string;
  mode: Batch['mode'];
  seq: number;
  last: boolean;
  records: PortalRecord[];
}

function bad(id: unknown, detail: string, locale: Locale): never {
  fail('SAL-4014', locale, { batchId: typeof id === 'string' && BATCH_ID_RE.test(id) ? id : '?', detail });
}

/** Throws SAL-4014 when the batch cannot be sent as the API describes it. */
export function checkBatch(b: Batch, locale: Locale): void {
  const id = b?.batchId;
  if (typeof id !== 'string' || !BATCH_ID_RE.test(id)) bad(id, 'the batch id must be 1–128 letters, digits, ".", "_" or "-"', locale);
  if (typeof b.period !== 'string' || !PERIOD_RE.test(b.period)) bad(id, 'the period must be YYYY-MM', locale);
  if (!BATCH_CATEGORIES.includes(b.category)) bad(id, `"${String(b.category).slice(0, 40)}" is not a batch category`, locale);
  if (b.mode !== 'full' && b.mode !== 'partial') bad(id, 'the mode must be full or partial', locale);
  if (!Number.isSafeInteger(b.seq) || b.seq < 1 || b.seq > 1_000_000) bad(id, 'seq must be a whole number from 1', locale);
  if (typeof b.last !== 'boolean') bad(id, 'last must be true or false', locale);
  if (!Array.isArray(b.records)) bad(id, 'records must be a list', locale);
  if (b.records.length > MAX_BATCH_RECORDS) bad(id, `${b.records.length} records; a batch holds at most ${MAX_BATCH_RECORDS}`, locale);
  b.records.forEach((r, i) => {
    if (typeof r?.key !== 'string' || r.key.length === 0 || r.key.length > MAX_KEY_LENGTH) bad(id, `record ${i + 1} has no key, or a key longer than ${MAX_KEY_LENGTH}`, locale);
    if (r.status === 'active') {
      if (r.data === undefined || r.data === null) bad(id, `active record ${r.key} carries no data`, locale);
    } else if (r.status !== 'not_in_billing') bad(id, `record ${r.key} has an unknown status`, locale);
  });
}

/** The body of PUT /v1/periods/{period}/{category}: only the documented fields, in a fixed order. */
export function batchBody(b: Batch): BatchBody {
  return {
    batchId: b.batchId,
    mode: b.mode,
    seq: b.seq,
    last: b.last,
    records: b.records.map((r) => (r.status === 'active' ? { key: r.key, status: r.status, data: r.data } : { key: r.key, status: r.status })),
  };
}

/** Throws SAL-4014 when the notice cannot be sent as the API describes it. */
export function checkNotice(n: Notice, locale: Locale): void {
  const id = n?.noticeId;
  if (typeof id !== 'string' || !BATCH_ID_RE.test(id)) bad(id, 'the notice id must be 1–128 letters, digits, ".", "_" or "-"', locale);
  if (n.period !== null && (typeof n.period !== 'string' || !PERIOD_RE.test(n.period))) bad(id, 'the period must be YYYY-MM or null', locale);
  const a = n.audience;
  if (a?.kind === 'accounts') {
    if (!Array.isArray(a.accounts) || a.accounts.length === 0) bad(id, 'a notice to chosen accounts needs at least one account', locale);
    if (a.accounts.some((k) => typeof k !== 'string' || k.length === 0 || k.length > MAX_KEY_LENGTH)) bad(id, 'an account number is empty or too long', locale);
  } else if (!['members', 'others', 'all'].includes(a?.kind)) bad(id, 'unknown audience', locale);
  if (typeof n.title !== 'string' || n.title.length === 0 || n.title.length > 200) bad(id, 'the title must be 1–200 characters', locale);
  if (typeof n.body !== 'string' || n.body.length === 0 || n.body.length > 20_000) bad(id, 'the text must be 1–20000 characters', locale);
}

export function noticeBody(n: Notice): Notice {
  const audience: Notice['audience'] = n.audience.kind === 'accounts' ? { kind: 'accounts', accounts: [...n.audience.accounts] } : { kind: n.audience.kind };
  return { noticeId: n.noticeId, period: n.period, audience, title: n.title, body: n.body };
}

/**
 * Reads a list of rejected items from a portal's answer or receipt; a string says why it is not one.
 * Texts are cut to the documented lengths; a key may be any string the portal echoes.
 */
export function parseRejected(x: unknown): RejectedItem[] | string {
  if (!Array.isArray(x)) return 'rejected is not a list';
  if (x.length > MAX_BATCH_RECORDS) return `rejected lists ${x.length} items`;
  const out: RejectedItem[] = [];
  for (let i = 0; i < x.length; i++) {
    const it = x[i] as Record<string, unknown> | null;
    if (typeof it !== 'object' || it === null || Array.isArray(it)) return `rejected[${i}] is not an object`;
    const { key, code, message } = it;
    if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) return `rejected[${i}].key is missing or too long`;
    if (typeof code !== 'string' || code.length === 0 || code.length > 64) return `rejected[${i}].code is missing or too long`;
    if (typeof message !== 'string') return `rejected[${i}].message is missing`;
    out.push({ key, code, message: cleanText(message, 2000) });
  }
  return out;
}

/** One line of printable text, at most `max` characters: for a portal's message shown to the operator. */
export function cleanText(s: string, max: number): string {
  const t = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
