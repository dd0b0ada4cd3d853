// The portal gateway port (DESIGN.md §2, §4). The send engine depends on this interface only;
// the folder transport (exchange files, the embedded default) and the HTTPS transport (the portal
// exchange API, docs/portal-api.json) implement it.
//
// Delivery rule: a batch is delivered when putBatch resolves — the HTTPS portal answered 2xx, or
// the folder batch file and its manifest entry are durably in place — and then every record of it
// is delivered except the ones listed in `rejected`. putBatch rejects (throws) when nothing of the
// batch may be counted as delivered. The portal never deletes: accounts missing from a full send
// arrive as records with status "not_in_billing".

import type { CategoryKey, Problem } from '../../shared/domain/types';
import type { PortalAccountsRequest } from './portal-accounts';

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

// ---- Feeds: what residents did on the portal (docs/portal-api.json Reading, Registration, Payment) ----

export type FeedName = 'readings' | 'registrations' | 'payments';
export const FEED_NAMES: readonly FeedName[] = ['readings', 'registrations', 'payments'];

/** A meter reading a resident entered (OpenAPI Reading). */
export interface FeedReading {
  /** The portal's id of the item: unique within the feed, the key of its acknowledgement. */
  id: string;
  account_no: string;
  meter_id: string;
  /** 1-based tariff zone (1..4). */
  zone: number;
  /** Decimal text, dot, up to 4 places (never a float). */
  value: string;
  reading_date: string; // YYYY-MM-DD
  submitted_at: string; // ISO 8601 with offset
}

/** A portal account registered or unregistered (OpenAPI Registration). */
export interface FeedRegistration {
  id: string;
  /** Only an explicit "unregistered" event may remove an account from registered_accounts. */
  event: 'registered' | 'unregistered';
  account_no: string;
  person: string;
  email: string;
  phone?: string | null;
  submitted_at: string;
}

/** A payment a resident made on the portal (OpenAPI Payment). */
export interface FeedPayment {
  id: string;
  account_no: string;
  /** Minor units (grosze, kopiyky), a whole number >= 1. */
  amount: number;
  currency: 'PLN' | 'UAH';
  paid_at: string;
  reference: string;
}

export interface FeedItems {
  readings: FeedReading;
  registrations: FeedRegistration;
  payments: FeedPayment;
}

/**
 * One page of a feed.
 *
 * Cursor rules (both transports):
 * - `next` is the position AFTER this page's last item. Store it only once the page is durably
 *   processed, and pass it as `after` for the following page (and for the next import). A crash
 *   before storing re-fetches the same page (dedupe by item id); an import from a stored cursor
 *   never sees an item processed before it.
 * - `next` is never null once the page has items. On an empty page it equals the `after` given
 *   (nothing new; null when the feed was read from its start and is empty): storing it is harmless.
 * - `more` says whether to fetch again now. Loop `while (page.more)`, NOT `while (next !== null)`:
 *   at the end of the feed `next` is the position to keep, not null.
 */
export interface FeedPage<F extends FeedName> {
  items: FeedItems[F][];
  next: string | null;
  more: boolean;
  /**
   * Folder transport: files of this feed that could not be read or parsed; each was moved to
   * inbox/<feed>/failed/ (never silently skipped) and is reported here, in the one error shape
   * (SAL-4018). Always empty over HTTPS (a malformed page throws SAL-4017 there).
   */
  problems: Problem[];
}

/** What Saldo did with one feed item (OpenAPI AckItem). */
export interface AckItem {
  id: string;
  outcome: 'accepted' | 'rejected' | 'held';
  /** Saldo's catalogue code for a rejection or a hold (e.g. SAL-2003); at most 64 characters. */
  code?: string;
  /** The text the resident sees (in the portal's language); at most 2000 characters. */
  message?: string;
}

/** The largest page a fetch asks for, and the most items one acknowledgement request carries. */
export const MAX_FEED_PAGE = 1000;
export const MAX_ACK_ITEMS = 1000;

export interface PortalGateway {
  readonly info: PortalInfo;
  putBatch(batch: Batch, signal?: AbortSignal): Promise<BatchResult>;
  putNotice(notice: Notice, signal?: AbortSignal): Promise<BatchResult>;
  /**
   * Creates portal accounts, each with the salted scrypt hash of its one-time activation code
   * (never the code: portal-accounts.ts). Delivered like a batch: HTTPS PUT /v1/portal-accounts
   * answered 2xx (idempotency key = batchId, retried like batches), or the folder file
   * outbox/portal-accounts/<batchId>.json and its manifest line durably written. Then every
   * account of it is created except the `rejected` ones (keyed by account number); throws when
   * nothing of it may be counted as created.
   */
  putPortalAccounts(req: PortalAccountsRequest, signal?: AbortSignal): Promise<BatchResult>;
  /** Receipts not yet read (folder: inbox/acks/*.json); reading them marks them read. HTTPS: none (answers are synchronous). */
  takeReceipts(): Promise<Receipt[]>;
  /**
   * One page of a feed after the cursor `after` (null: from the start), at most `limit` items
   * (1..1000), oldest first. See FeedPage for the cursor rules. Throws a catalogue problem
   * (SAL-40xx) when the portal cannot be reached or answers something malformed; an abort throws
   * the signal's reason.
   */
  fetchFeed<F extends FeedName>(feed: F, after: string | null, limit: number, signal?: AbortSignal): Promise<FeedPage<F>>;
  /**
   * Acknowledges feed items. `ackId` (BatchId characters: letters, digits, ".", "_", "-"; at most
   * 120) is the idempotency key: repeating a call with the same ackId and items has no second
   * effect. Any number of items; more than 1000 go as several requests keyed `<ackId>.<n>`.
   * Resolves once the portal has them (HTTPS 2xx; folder: outbox/acks/<feed>/<ackId>.json and its
   * manifest line durably written); throws otherwise. An item may be acknowledged again later
   * (held → accepted) under a NEW ackId: the last acknowledgement wins. The same ackId with other
   * items is refused (folder SAL-4022; HTTPS the portal's 409, SAL-4024).
   */
  postAcks(feed: FeedName, ackId: string, items: AckItem[], signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}
