// What both transports check in a feed page and in an acknowledgement (docs/portal-api.json
// Reading, Registration, Payment, *Page, AckItem). A feed item that breaks the API makes its whole
// page (HTTPS) or file (folder) malformed: importing the rest would move the cursor past an item
// that was never looked at. Unknown extra fields are dropped, so a portal may add fields later.

import { z } from 'zod';
import { FEED_NAMES, MAX_ACK_ITEMS, MAX_FEED_PAGE, type AckItem, type FeedItems, type FeedName } from './port';

/** docs/portal-api.json Decimal: text, never a float. */
const decimal = z.string().regex(/^-?[0-9]{1,12}(\.[0-9]{1,4})?$/, 'a decimal string with up to 12 digits and 4 places');
const itemId = z.string().min(1).max(64);
const key = z.string().min(1).max(64);
const dateTime = z.string().min(20).max(40).pipe(z.iso.datetime({ offset: true }));

export const FEED_ITEM_SCHEMAS = {
  readings: z.object({
    id: itemId,
    account_no: key,
    meter_id: key,
    zone: z.int().min(1).max(4),
    value: decimal,
    reading_date: z.iso.date(),
    submitted_at: dateTime,
  }),
  registrations: z.object({
    id: itemId,
    event: z.enum(['registered', 'unregistered']),
    account_no: key,
    person: z.string().max(300),
    email: z.string().max(254),
    phone: z.string().max(32).nullable().optional(),
    submitted_at: dateTime,
  }),
  payments: z.object({
    id: itemId,
    account_no: key,
    amount: z.int().min(1),
    currency: z.enum(['PLN', 'UAH']),
    paid_at: dateTime,
    reference: z.string().max(140),
  }),
} satisfies { [F in FeedName]: z.ZodType<FeedItems[F]> };

/** A cursor as the API allows it (After parameter, *Page.next). */
export const CURSOR_MAX = 200;

export function isFeedName(x: unknown): x is FeedName {
  return typeof x === 'string' && (FEED_NAMES as readonly string[]).includes(x);
}

/** Where in a value a zod issue points, as "items[3].value". */
function issuePath(base: string, path: ReadonlyArray<PropertyKey>): string {
  let out = base;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `.${String(p)}`;
  return out;
}

/** The items of a page or file, checked; a string says what is wrong (the first problem only). */
export function parseFeedItems<F extends FeedName>(feed: F, items: unknown, max: number): FeedItems[F][] | string {
  if (!Array.isArray(items)) return 'items is not a list';
  if (items.length > max) return `items holds ${items.length} entries, more than ${max}`;
  const schema = FEED_ITEM_SCHEMAS[feed] as unknown as z.ZodType<FeedItems[F]>;
  const out: FeedItems[F][] = [];
  for (let i = 0; i < items.length; i++) {
    const r = schema.safeParse(items[i]);
    if (!r.success) {
      const issue = r.error.issues[0];
      return `${issuePath(`items[${i}]`, issue.path)}: ${issue.message}`;
    }
    out.push(r.data);
  }
  return out;
}

/**
 * The body of an HTTPS page ({items, next, more}) checked against the request that asked for it: at
 * most `limit` items, a cursor after any non-empty page.
 */
export function parseFeedPage<F extends FeedName>(feed: F, x: unknown, limit: number): { items: FeedItems[F][]; next: string | null; more: boolean } | string {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return 'the page is not a JSON object';
  const { items, next, more } = x as Record<string, unknown>;
  const parsed = parseFeedItems(feed, items, Math.min(limit, MAX_FEED_PAGE));
  if (typeof parsed === 'string') return parsed;
  if (next !== null && (typeof next !== 'string' || next.length === 0 || next.length > CURSOR_MAX)) return `next is not a cursor (text of 1–${CURSOR_MAX} characters, or null)`;
  if (typeof more !== 'boolean') return 'more is missing or not true/false';
  if (parsed.length > 0 && next === null) return 'next is null after a page with items: the position after it would be lost';
  if (more && next === null) return 'more is true but next is null';
  return { items: parsed, next, more };
}

/** docs/portal-api.json BatchId, which an ack id must be, with room for a ".<n>" chunk suffix. */
export const ACK_ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/;

const ackItem = z.strictObject({
  id: itemId,
  outcome: z.enum(['accepted', 'rejected', 'held']),
  code: z.string().min(1).max(64).optional(),
  message: z.string().max(2000).optional(),
});

/** Checks an acknowledgement before anything is sent or written; a string says what is wrong. */
export function checkAcks(feed: unknown, ackId: unknown, items: unknown): string | null {
  if (!isFeedName(feed)) return `"${String(feed).slice(0, 40)}" is not a feed`;
  if (typeof ackId !== 'string' || !ACK_ID_RE.test(ackId)) return 'the acknowledgement id must be 1–120 letters, digits, ".", "_" or "-"';
  if (!Array.isArray(items) || items.length === 0) return 'there are no items to acknowledge';
  for (let i = 0; i < items.length; i++) {
    const r = ackItem.safeParse(items[i]);
    if (!r.success) {
      const issue = r.error.issues[0];
      return `${issuePath(`items[${i}]`, issue.path)}: ${issue.message}`;
    }
  }
  return null;
}

/** Only the documented fields, in a fixed order (the folder file's checksum depends on it). */
export function ackBody(items: AckItem[]): { items: AckItem[] } {
  return {
    items: items.map((it) => {
      const out: AckItem = { id: it.id, outcome: it.outcome };
      if (it.code !== undefined) out.code = it.code;
      if (it.message !== undefined) out.message = it.message;
      return out;
    }),
  };
}

/**
 * The requests one acknowledgement becomes: up to MAX_ACK_ITEMS items each, keyed by the ack id,
 * or by `<ackId>.<n>` (n from 1) when there are more — the same items always give the same keys.
 */
export function ackChunks(ackId: string, items: AckItem[]): Array<{ id: string; items: AckItem[] }> {
  if (items.length <= MAX_ACK_ITEMS) return [{ id: ackId, items }];
  const out: Array<{ id: string; items: AckItem[] }> = [];
  for (let i = 0; i < items.length; i += MAX_ACK_ITEMS) out.push({ id: `${ackId}.${out.length + 1}`, items: items.slice(i, i + MAX_ACK_ITEMS) });
  return out;
}
