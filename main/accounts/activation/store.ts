// The local record of activation codes issued (table portal_activations, migration 006): which
// premises got a code, when, by whom, its id and version, and whether its letter was written —
// never the code, never its hash. A code is live while its row is 'issued' and unexpired.

import type { Db } from '../../store/store';

export type ActivationStatus = 'sent' | 'issued' | 'letter_failed' | 'replaced';

export interface ActivationRow {
  id: number;
  account_no: string;
  code_id: string;
  version: number;
  replaces: string | null;
  run_id: number;
  batch_id: string;
  language: string;
  issued_at: string;
  issued_by: string;
  expires_at: string;
  status: ActivationStatus;
}

export interface NewActivation {
  account_no: string;
  code_id: string;
  version: number;
  replaces: string | null;
  batch_id: string;
  language: string;
  issued_at: string;
  expires_at: string;
}

export class ActivationStore {
  constructor(private readonly db: Db) {}

  /** Per account: its newest code (any status), for the version and what a new code replaces. */
  latest(accounts: readonly string[]): Map<string, ActivationRow> {
    const out = new Map<string, ActivationRow>();
    const stmt = this.db.prepare(`SELECT * FROM portal_activations WHERE account_no = ? ORDER BY version DESC LIMIT 1`);
    for (const a of accounts) {
      const row = stmt.get(a) as ActivationRow | undefined;
      if (row) out.set(a, row);
    }
    return out;
  }

  /** Whether a row is a live code at `now`. */
  static isLive(row: ActivationRow | undefined, now: Date): boolean {
    return row !== undefined && row.status === 'issued' && Date.parse(row.expires_at) > now.getTime();
  }

  /**
   * Records the codes the portal accepted (status 'sent'), and marks what they replace — the portal
   * has dropped those codes already. One transaction: a crash leaves all of a batch or none.
   */
  recordSent(runId: number, issuedBy: string, rows: readonly NewActivation[]): void {
    const ins = this.db.prepare(
      `INSERT INTO portal_activations (account_no, code_id, version, replaces, run_id, batch_id, language, issued_at, issued_by, expires_at, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'sent')`,
    );
    const replaced = this.db.prepare(`UPDATE portal_activations SET status = 'replaced' WHERE account_no = ? AND version < ? AND status <> 'replaced'`);
    this.db.transaction(() => {
      for (const r of rows) {
        ins.run(r.account_no, r.code_id, r.version, r.replaces, runId, r.batch_id, r.language, r.issued_at, issuedBy, r.expires_at);
        replaced.run(r.account_no, r.version);
      }
    })();
  }

  /** After the letters: 'issued' (written) or 'letter_failed' (the codes are lost). */
  markLetters(codeIds: readonly string[], status: 'issued' | 'letter_failed'): void {
    const upd = this.db.prepare(`UPDATE portal_activations SET status = ? WHERE code_id = ? AND status = 'sent'`);
    this.db.transaction(() => {
      for (const id of codeIds) upd.run(status, id);
    })();
  }

  ofRun(runId: number): ActivationRow[] {
    return this.db.prepare(`SELECT * FROM portal_activations WHERE run_id = ? ORDER BY id`).all(runId) as ActivationRow[];
  }

  codeIdTaken(codeId: string): boolean {
    return this.db.prepare(`SELECT 1 FROM portal_activations WHERE code_id = ?`).pluck().get(codeId) !== undefined;
  }
}
