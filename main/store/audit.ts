// The audit log: append-only (triggers in migration 1 refuse UPDATE and DELETE).

import { nowIso, type Db } from './store';

export interface AuditEntry {
  id: number;
  at: string;
  operator: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
}

export class Audit {
  constructor(private readonly db: Db) {}

  append(operator: string, action: string, target: string | null = null, detail: Record<string, unknown> = {}): void {
    this.db.prepare(`INSERT INTO audit_log (at, operator, action, target, detail) VALUES (?, ?, ?, ?, ?)`).run(nowIso(), operator, action, target, JSON.stringify(detail));
  }

  list(limit = 1000): AuditEntry[] {
    return (this.db.prepare(`SELECT * FROM audit_log ORDER BY id DESC LIMIT ?`).all(limit) as Array<Omit<AuditEntry, 'detail'> & { detail: string }>).map((r) => ({
      ...r,
      detail: JSON.parse(r.detail),
    }));
  }
}
