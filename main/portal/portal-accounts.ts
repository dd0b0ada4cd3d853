// The portal accounts payload (docs/portal-api.json PortalAccountsRequest): what both transports
// carry for PUT /v1/portal-accounts — the folder file outbox/portal-accounts/<batchId>.json is
// exactly its body. Checked before anything is sent or written: a request that breaks these rules
// is a fault in Saldo (SAL-4111), never something to half-send. It never holds an activation code:
// only the code's id and its salted scrypt hash.

import type { Locale } from '../../shared/domain/types';
import { fail } from '../../shared/errors/problem';
import { BATCH_ID_RE, MAX_KEY_LENGTH } from './folder/payload';

export interface PortalActivationHash {
  algorithm: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  hash: string;
}

export interface PortalAccount {
  account_no: string;
  portal_group: 'member' | 'other';
  /** Names this code (printed on the letter); unique. */
  codeId: string;
  /** The code this one replaces (re-issue), or null. The portal keeps one code per account: the newest. */
  replaces: string | null;
  activation: PortalActivationHash;
  /** When the code stops working (ISO 8601 with offset). */
  expiresAt: string;
}

export interface PortalAccountsRequest {
  /** Also the Idempotency-Key and the folder file's name. */
  batchId: string;
  accounts: PortalAccount[];
}

/** docs/portal-api.json PortalAccountsRequest.accounts maxItems. */
export const MAX_PORTAL_ACCOUNTS = 10_000;
export const CODE_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{7,63}$/;
const BASE64_RE = /^[A-Za-z0-9+/]+={0,2}$/;
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function bad(id: unknown, detail: string, locale: Locale): never {
  fail('SAL-4111', locale, { batchId: typeof id === 'string' && BATCH_ID_RE.test(id) ? id : '?', detail });
}

/** Throws SAL-4111 when the request cannot be sent as the API describes it. */
export function checkPortalAccounts(req: PortalAccountsRequest, locale: Locale): void {
  const id = req?.batchId;
  if (typeof id !== 'string' || !BATCH_ID_RE.test(id)) bad(id, 'the batch id must be 1–128 letters, digits, ".", "_" or "-"', locale);
  if (!Array.isArray(req.accounts) || req.accounts.length === 0) bad(id, 'there are no accounts', locale);
  if (req.accounts.length > MAX_PORTAL_ACCOUNTS) bad(id, `${req.accounts.length} accounts; a request holds at most ${MAX_PORTAL_ACCOUNTS}`, locale);
  const seen = new Set<string>();
  req.accounts.forEach((a, i) => {
    const where = `account ${i + 1}`;
    if (typeof a?.account_no !== 'string' || a.account_no.length === 0 || a.account_no.length > MAX_KEY_LENGTH) bad(id, `${where} has no account number, or one longer than ${MAX_KEY_LENGTH}`, locale);
    if (seen.has(a.account_no)) bad(id, `account ${a.account_no} is listed twice`, locale);
    seen.add(a.account_no);
    if (a.portal_group !== 'member' && a.portal_group !== 'other') bad(id, `${where}: portal_group must be member or other`, locale);
    if (typeof a.codeId !== 'string' || !CODE_ID_RE.test(a.codeId)) bad(id, `${where}: not a code id`, locale);
    if (a.replaces !== null && (typeof a.replaces !== 'string' || !CODE_ID_RE.test(a.replaces))) bad(id, `${where}: replaces must be a code id or null`, locale);
    const h = a.activation;
    if (h?.algorithm !== 'scrypt') bad(id, `${where}: the activation hash must be scrypt`, locale);
    if (!Number.isSafeInteger(h.N) || h.N < 16384 || (h.N & (h.N - 1)) !== 0) bad(id, `${where}: N must be a power of two from 16384`, locale);
    if (!Number.isSafeInteger(h.r) || h.r < 1 || h.r > 64 || !Number.isSafeInteger(h.p) || h.p < 1 || h.p > 16) bad(id, `${where}: r or p out of range`, locale);
    for (const k of ['salt', 'hash'] as const) {
      const v = h[k];
      if (typeof v !== 'string' || v.length < 16 || v.length > 512 || !BASE64_RE.test(v)) bad(id, `${where}: ${k} must be base64 of 16–512 characters`, locale);
    }
    if (typeof a.expiresAt !== 'string' || !INSTANT_RE.test(a.expiresAt) || Number.isNaN(Date.parse(a.expiresAt))) bad(id, `${where}: expiresAt must be a date and time with its offset`, locale);
  });
}

/** The body of PUT /v1/portal-accounts: only the documented fields, in a fixed order (the folder file's checksum depends on it). */
export function portalAccountsBody(req: PortalAccountsRequest): PortalAccountsRequest {
  return {
    batchId: req.batchId,
    accounts: req.accounts.map((a) => ({
      account_no: a.account_no,
      portal_group: a.portal_group,
      codeId: a.codeId,
      replaces: a.replaces,
      activation: { algorithm: 'scrypt', N: a.activation.N, r: a.activation.r, p: a.activation.p, salt: a.activation.salt, hash: a.activation.hash },
      expiresAt: a.expiresAt,
    })),
  };
}
