// The premises payments are matched to: the accounting export (export_accounts) of the latest
// period, indexed by virtual account (only those whose NRB/IBAN checksum holds: a planted or real
// typo must never route money) and by account number, and searchable by number, address or owner.

import type { AccountRow, PremisesKind } from '../../shared/domain/accounting';
import { isValidIban, isValidNrb, normaliseAccount } from '../../shared/domain/iban';
import type { PremisesHit } from '../../shared/ipc/contract-bank';
import { fail } from '../../shared/errors/problem';
import type { Workspace } from '../engine/workspace';
import { Breather, yieldToLoop } from '../engine/jobs';

export interface PremisesInfo {
  accountNo: string;
  kind: PremisesKind;
  address: string;
  owner: string;
  status: 'active' | 'closed';
}

/** A bank account as the index keys it: spaces gone, a Polish IBAN reduced to its NRB. */
export function accountKey(raw: string): string {
  // Most accounts come clean from the parsers: normalise only when there is something to remove.
  const s = /[\s\-a-z]/.test(raw) ? normaliseAccount(raw) : raw;
  return s.length === 28 && s.charCodeAt(0) === 80 && s.charCodeAt(1) === 76 && /^PL\d{26}$/.test(s) ? s.slice(2) : s;
}

/** NRB (26 digits) or IBAN with a valid MOD 97-10 checksum. */
export function isValidBankAccount(raw: string): boolean {
  const s = accountKey(raw);
  return /^\d{26}$/.test(s) ? isValidNrb(s) : isValidIban(s);
}

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export class PremisesIndex {
  private readonly byVirtual = new Map<string, PremisesInfo>();
  private readonly byAccount = new Map<string, PremisesInfo[]>();
  private readonly all: Array<{ info: PremisesInfo; text: string }> = [];

  constructor(readonly period: string) {}

  add(r: AccountRow): void {
    if (!r.account_no) return; // a premises without a number cannot be booked to
    const info: PremisesInfo = {
      accountNo: r.account_no,
      kind: r.premises_kind,
      address: r.unit ? `${r.address}, ${r.unit}` : r.address,
      owner: r.owner_name,
      status: r.status,
    };
    const list = this.byAccount.get(info.accountNo);
    if (list) list.push(info);
    else this.byAccount.set(info.accountNo, [info]);
    if (r.virtual_account && isValidBankAccount(r.virtual_account)) this.byVirtual.set(accountKey(r.virtual_account), info);
    this.all.push({ info, text: fold(`${info.accountNo} ${info.address} ${info.owner}`) });
  }

  byVirtualAccount(raw: string): PremisesInfo | undefined {
    return this.byVirtual.get(accountKey(raw));
  }

  private readonly suffixes = new Map<number, Map<string, PremisesInfo | null>>();

  /**
   * A short virtual-account id (mBank's ID IPH, a mass-payment id): the last digits of exactly one
   * premises' virtual account. Two premises ending the same way match neither (null).
   */
  byVirtualSuffix(digits: string): PremisesInfo | undefined {
    let m = this.suffixes.get(digits.length);
    if (!m) {
      m = new Map();
      for (const [va, info] of this.byVirtual) {
        const k = va.slice(-digits.length);
        m.set(k, m.has(k) ? null : info);
      }
      this.suffixes.set(digits.length, m);
    }
    return m.get(digits) ?? undefined;
  }

  /** The premises with this account number (several when the accounting data has a duplicate number). */
  byAccountNo(accountNo: string): PremisesInfo[] {
    return this.byAccount.get(accountNo) ?? [];
  }

  get size(): number {
    return this.all.length;
  }

  /** Every word of the query must occur in the number, address or owner (case and accents ignored); exact numbers first. */
  search(query: string, limit = 20): PremisesHit[] {
    const words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    const exact = this.byAccount.get(query.trim()) ?? [];
    const hits: PremisesInfo[] = [...exact];
    for (const { info, text } of this.all) {
      if (hits.length >= limit) break;
      if (exact.includes(info)) continue;
      if (words.every((w) => text.includes(w))) hits.push(info);
    }
    return hits.slice(0, limit).map((i) => ({ accountNo: i.accountNo, address: i.address, owner: i.owner, kind: i.kind }));
  }
}

/** Loads the index from the accounting gateway (the newest period it has). */
export async function loadPremises(ws: Workspace, signal?: AbortSignal): Promise<PremisesIndex> {
  const gw = await ws.accounting();
  const periods = await gw.periods();
  if (!periods.length) fail('SAL-3072', ws.locale());
  const index = new PremisesIndex(periods[0]);
  const breather = new Breather();
  for await (const r of gw.export('export_accounts', { period: periods[0] }, signal)) {
    index.add(r);
    if (breather.due()) {
      await yieldToLoop();
      breather.reset();
    }
  }
  return index;
}

/** The window searches as the operator types: keep the index a minute rather than reread the source per key. */
const cache = new WeakMap<Workspace, { at: number; index: Promise<PremisesIndex> }>();
const CACHE_MS = 60_000;

export function cachedPremises(ws: Workspace): Promise<PremisesIndex> {
  const c = cache.get(ws);
  if (c && Date.now() - c.at < CACHE_MS) return c.index;
  const index = loadPremises(ws);
  cache.set(ws, { at: Date.now(), index });
  index.catch(() => cache.delete(ws));
  return index;
}
