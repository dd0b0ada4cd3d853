// The portal gateway port (DESIGN.md §2, §4). The send engine depends on this interface only;
// the folder transport (exchange files, the embedded default) and the HTTPS transport (the portal
// exchange API, docs/portal-api.json) implement it.
//
// Delivery rule: a batch is delivered when putBatch resolves — the HTTPS portal answered 2xx, or
// the folder batch file and its manifest entry are durably in place — and then every record of it
// is delivered except the ones listed in `rejected`. putBatch rejects (throws) when nothing of the
// batch may be counted as delivered. The portal never deletes: accounts missing from a full send
// arrive as records with status "not_in_billing".

import type { CategoryKey } from '../../shared/domain/types';

export type SendMode = 'full' | 'partial';

export interface PortalRecord {
  /** Account number for per-account categories; service or provider code for dictionaries. */
  key: string;
  status: 'active' | 'not_in_billing';
  /** The fields sent (absent for not_in_billing). */
  data?: unknown;
}

export interface Batch {
  /** Unique per batch, also its idempotency key: a retried batch carries the same id. */
  batchId: string;
  period: string; // YYYY-MM
  category: CategoryKey;
  /** full: the portal may mark what it did not receive in this send as not in billing; partial: selected or changed. */
  mode: SendMode;
  /** Which batch of the category's send this is, and how many there are (known at the end: total null until then). */
  seq: number;
  last: boolean;
  records: PortalRecord[];
}

export interface RejectedItem {
  key: string;
  code: string; // the portal's code, e.g. SAL-4xxx or the portal's own
  message: string;
}

export interface BatchResult {
  accepted: number;
  rejected: RejectedItem[];
}

export interface Notice {
  noticeId: string;
  period: string | null;
  audience: { kind: 'members' | 'others' | 'all' } | { kind: 'accounts'; accounts: string[] };
  title: string;
  body: string;
}

/** A receipt the portal left after importing a folder batch: the records it rejected. */
export interface Receipt {
  batchId: string;
  rejected: RejectedItem[];
}

export interface PortalInfo {
  transport: 'folder' | 'https';
  /** Folder path or host — never a token. */
  label: string;
}

export interface PortalGateway {
  readonly info: PortalInfo;
  putBatch(batch: Batch, signal?: AbortSignal): Promise<BatchResult>;
  putNotice(notice: Notice, signal?: AbortSignal): Promise<BatchResult>;
  /** Receipts not yet read (folder: inbox/acks/*.json); reading them marks them read. HTTPS: none (answers are synchronous). */
  takeReceipts(): Promise<Receipt[]>;
  close(): Promise<void>;
}
