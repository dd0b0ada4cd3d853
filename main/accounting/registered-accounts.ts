// The registered-accounts table of the exchange contract (DESIGN.md §3: `registered_accounts`,
// SELECT/INSERT/DELETE only — never UPDATE), and the one rule both adapters apply to it
// (issue 7 point 2, seed 003): a `registered` event inserts the account if it is absent; only an
// explicit `unregistered` event deletes it, if present. Nothing is ever deleted because an account
// is missing from a read — an empty or failed read changes nothing.
//
// The adapters read which of the batch's accounts are present, plan here, then write the plan in
// the same transaction: DELETE the rows an unregistration removed, INSERT the rows a registration
// added. An account unregistered and registered again within one batch is deleted and inserted
// (the row then says when it was registered last) — the login has no UPDATE right.

export interface RegisteredAccount {
  account_no: string;
  /** ISO 8601 UTC, seconds ("2026-11-02T08:15:00Z"). */
  registered_at: string;
  portal_login: string | null;
}

export interface RegistrationEvent {
  event: 'registered' | 'unregistered';
  account_no: string;
  /** When it happened on the portal: ISO 8601 with an offset. */
  at: string;
  /** What the resident signs in with (registered events); null when unknown. */
  portal_login: string | null;
}

export interface RegistrationResult {
  account_no: string;
  /** registered: inserted | already (was present); unregistered: deleted | absent (was not present). */
  status: 'inserted' | 'already' | 'deleted' | 'absent';
}

export interface RegistrationPlan {
  results: RegistrationResult[];
  /** Accounts whose row goes (deleted first). */
  deletes: string[];
  /** Rows to insert (after the deletes). */
  inserts: RegisteredAccount[];
}

/** Longest portal_login the MSSQL column holds (nvarchar(128)); a longer one is cut. */
export const PORTAL_LOGIN_MAX = 128;
/** registered_accounts.account_no is varchar(32) on SQL Server. */
export const REGISTERED_ACCOUNT_MAX = 32;

/** An instant with an offset → UTC to the second, as the table keeps it. */
export function utcSeconds(at: string): string {
  const t = Date.parse(at);
  if (Number.isNaN(t)) throw new RangeError(`not a date and time: ${at}`);
  return new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * The events in order against the rows `present` before the batch: one result per event, and the
 * writes that get the table from before to after.
 */
export function planRegistrations(present: ReadonlySet<string>, events: readonly RegistrationEvent[]): RegistrationPlan {
  const now = new Set(present);
  const deleted = new Set<string>();
  const added = new Map<string, RegisteredAccount>();
  const results = events.map((e): RegistrationResult => {
    if (e.event === 'registered') {
      if (now.has(e.account_no)) return { account_no: e.account_no, status: 'already' };
      now.add(e.account_no);
      const login = e.portal_login === null ? null : e.portal_login.slice(0, PORTAL_LOGIN_MAX);
      added.set(e.account_no, { account_no: e.account_no, registered_at: utcSeconds(e.at), portal_login: login });
      return { account_no: e.account_no, status: 'inserted' };
    }
    if (!now.has(e.account_no)) return { account_no: e.account_no, status: 'absent' };
    now.delete(e.account_no);
    added.delete(e.account_no);
    if (present.has(e.account_no)) deleted.add(e.account_no);
    return { account_no: e.account_no, status: 'deleted' };
  });
  return { results, deletes: [...deleted], inserts: [...added.values()] };
}

/** Checks a batch before anything is read or written; a string says what is wrong. */
export function checkRegistrationEvents(events: readonly RegistrationEvent[]): string | null {
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e?.event !== 'registered' && e?.event !== 'unregistered') return `event ${i + 1}: not registered or unregistered`;
    if (typeof e.account_no !== 'string' || e.account_no.length === 0 || e.account_no.length > REGISTERED_ACCOUNT_MAX) return `event ${i + 1}: the account number must be 1–${REGISTERED_ACCOUNT_MAX} characters`;
    if (typeof e.at !== 'string' || Number.isNaN(Date.parse(e.at))) return `event ${i + 1}: not a date and time`;
    if (e.portal_login !== null && typeof e.portal_login !== 'string') return `event ${i + 1}: portal_login must be text or null`;
  }
  return null;
}
