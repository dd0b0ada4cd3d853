// The local record of registration events (table portal_registrations, migration 006) and the
// registrations feed position (accounts_feed_cursor): what the window lists as "who registered
// when", the already-processed guard, and the acknowledgements still owed to the portal.

import type { RegistrationOutcome, RegistrationView, RegistrationsPage } from '../../../shared/ipc/contract-accounts';
import { nowIso, type Db } from '../../store/store';

export interface ProcessedEvent {
  item_id: string;
  event: 'registered' | 'unregistered';
  account_no: string;
  person: string;
  email_masked: string;
  submitted_at: string;
  outcome: RegistrationOutcome;
  code: string | null;
}

interface Row {
  id: number;
  item_id: string;
  event: 'registered' | 'unregistered';
  account_no: string;
  person: string;
  email_masked: string;
  submitted_at: string;
  run_id: number;
  outcome: RegistrationOutcome;
  code: string | null;
  processed_at: string;
}

/** "jan.kowalski@example.pl" → "j•••••••••@example.pl": enough to recognise, not to write to. */
export function maskEmail(email: string): string {
  const e = email.trim();
  const at = e.lastIndexOf('@');
  if (at <= 0) return e ? `${[...e][0]}•••` : '';
  const first = [...e.slice(0, at)][0];
  return `${first}${'•'.repeat(Math.min(8, Math.max(3, at - 1)))}${e.slice(at)}`;
}

export class RegistrationsStore {
  constructor(private readonly db: Db) {}

  cursor(feed: string): string | null {
    return (this.db.prepare(`SELECT cursor FROM accounts_feed_cursor WHERE feed = ?`).pluck().get(feed) as string | null | undefined) ?? null;
  }

  /** Item ids among `ids` processed before. */
  processed(ids: readonly string[]): Set<string> {
    const stmt = this.db.prepare(`SELECT 1 FROM portal_registrations WHERE item_id = ?`).pluck();
    return new Set(ids.filter((id) => stmt.get(id) !== undefined));
  }

  /**
   * A page's new events and the feed position after it, in ONE transaction: the position moves
   * only together with what it covers (a crash before leaves both, and the page is read again).
   */
  savePage(feed: string, cursor: string | null, runId: number, events: readonly ProcessedEvent[]): void {
    const ins = this.db.prepare(
      `INSERT INTO portal_registrations (item_id, event, account_no, person, email_masked, submitted_at, run_id, outcome, code, ack, processed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
    );
    const at = nowIso();
    this.db.transaction(() => {
      for (const e of events) ins.run(e.item_id, e.event, e.account_no, e.person, e.email_masked, e.submitted_at, runId, e.outcome, e.code, at);
      this.db
        .prepare(`INSERT INTO accounts_feed_cursor (feed, cursor, run_id, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (feed) DO UPDATE SET cursor = excluded.cursor, run_id = excluded.run_id, updated_at = excluded.updated_at`)
        .run(feed, cursor, runId, at);
    })();
  }

  pendingAcks(limit: number): Array<{ id: number; item_id: string; outcome: RegistrationOutcome; code: string | null; account_no: string }> {
    return this.db.prepare(`SELECT id, item_id, outcome, code, account_no FROM portal_registrations WHERE ack = 'pending' ORDER BY id LIMIT ?`).all(limit) as Array<{
      id: number;
      item_id: string;
      outcome: RegistrationOutcome;
      code: string | null;
      account_no: string;
    }>;
  }

  pendingCount(): number {
    return this.db.prepare(`SELECT COUNT(*) FROM portal_registrations WHERE ack = 'pending'`).pluck().get() as number;
  }

  markAcked(ids: readonly number[]): void {
    const upd = this.db.prepare(`UPDATE portal_registrations SET ack = 'sent' WHERE id = ?`);
    this.db.transaction(() => {
      for (const id of ids) upd.run(id);
    })();
  }

  /** The window's list, newest first, with the count of accounts registered now (as the processed events tell). */
  page(q: { search?: string; event?: 'registered' | 'unregistered'; offset?: number; limit?: number }): RegistrationsPage {
    const event = q.event ?? null;
    const search = q.search?.trim() ? `%${q.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const args = { event, search };
    const total = this.db
      .prepare(`SELECT COUNT(*) FROM portal_registrations WHERE (@event IS NULL OR event = @event) AND (@search IS NULL OR account_no LIKE @search ESCAPE '\\' OR person LIKE @search ESCAPE '\\')`)
      .pluck()
      .get(args) as number;
    const rows = this.db
      .prepare(
        `SELECT * FROM portal_registrations WHERE (@event IS NULL OR event = @event) AND (@search IS NULL OR account_no LIKE @search ESCAPE '\\' OR person LIKE @search ESCAPE '\\')
         ORDER BY submitted_at DESC, id DESC LIMIT @limit OFFSET @offset`,
      )
      .all({ ...args, limit: q.limit ?? 200, offset: q.offset ?? 0 }) as Row[];
    // Registered now: accounts whose latest applied event (not rejected) is a registration.
    const registeredNow = this.db
      .prepare(
        `SELECT COUNT(*) FROM portal_registrations r
         WHERE r.outcome <> 'rejected' AND r.event = 'registered'
           AND r.id = (SELECT MAX(x.id) FROM portal_registrations x WHERE x.account_no = r.account_no AND x.outcome <> 'rejected')`,
      )
      .pluck()
      .get() as number;
    return { rows: rows.map(view), total, registeredNow };
  }
}

function view(r: Row): RegistrationView {
  return { id: r.id, at: r.submitted_at, event: r.event, accountNo: r.account_no, person: r.person, email: r.email_masked, outcome: r.outcome, code: r.code, runId: r.run_id, processedAt: r.processed_at };
}
