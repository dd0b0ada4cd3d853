// Operators of the console: names, roles, grants, and the sign-in state (password hash, failed
// attempts, lock-out). The hash is read only by the session service; views never carry it.

import type { Operator, Permission } from '../../shared/domain/permissions';
import type { Role } from '../../shared/domain/types';
import type { OperatorView } from '../../shared/ipc/views';
import { nowIso, type Db } from './store';

interface OperatorRow {
  name: string;
  display_name: string;
  role: Role;
  grants: string;
  disabled: number;
  password_hash: string | null;
  failed_signins: number;
  locked_until: string | null;
  last_sign_in: string | null;
}

export interface SignInState {
  operator: Operator;
  disabled: boolean;
  passwordHash: string | null;
  failedSignins: number;
  lockedUntil: string | null;
}

const toOperator = (r: OperatorRow): Operator => ({ name: r.name, displayName: r.display_name, role: r.role, grants: JSON.parse(r.grants) });

const toView = (r: OperatorRow): OperatorView => ({
  ...toOperator(r),
  disabled: r.disabled === 1,
  hasPassword: r.password_hash !== null,
  lockedUntil: r.locked_until && r.locked_until > nowIso() ? r.locked_until : null,
  lastSignIn: r.last_sign_in,
});

export class Operators {
  constructor(private readonly db: Db) {}

  private row(name: string): OperatorRow | undefined {
    return this.db.prepare(`SELECT * FROM operators WHERE name = ?`).get(name) as OperatorRow | undefined;
  }

  add(op: { name: string; displayName: string; role: Role; grants?: Permission[]; passwordHash?: string | null }): Operator {
    this.db
      .prepare(`INSERT INTO operators (name, display_name, role, grants, created_at, password_hash) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(op.name, op.displayName, op.role, JSON.stringify(op.grants ?? []), nowIso(), op.passwordHash ?? null);
    return this.find(op.name)!;
  }

  update(name: string, change: { displayName?: string; role?: Role; grants?: Permission[]; disabled?: boolean; passwordHash?: string }): void {
    const r = this.row(name);
    if (!r) throw new Error(`no operator ${name}`);
    this.db
      .prepare(`UPDATE operators SET display_name = ?, role = ?, grants = ?, disabled = ?, password_hash = ?, failed_signins = ?, locked_until = ? WHERE name = ?`)
      .run(
        change.displayName ?? r.display_name,
        change.role ?? r.role,
        JSON.stringify(change.grants ?? JSON.parse(r.grants)),
        change.disabled === undefined ? r.disabled : change.disabled ? 1 : 0,
        change.passwordHash ?? r.password_hash,
        change.passwordHash ? 0 : r.failed_signins, // a new password lifts a lock-out
        change.passwordHash ? null : r.locked_until,
        r.name,
      );
  }

  /** An active operator, or null (unknown or disabled). */
  find(name: string): Operator | null {
    const r = this.row(name);
    if (!r || r.disabled) return null;
    return toOperator(r);
  }

  signInState(name: string): SignInState | null {
    const r = this.row(name);
    if (!r) return null;
    return { operator: toOperator(r), disabled: r.disabled === 1, passwordHash: r.password_hash, failedSignins: r.failed_signins, lockedUntil: r.locked_until };
  }

  recordFailure(name: string, lockAfter: number, lockUntil: string): { failed: number; lockedUntil: string | null } {
    const r = this.row(name);
    if (!r) return { failed: 0, lockedUntil: null };
    const failed = r.failed_signins + 1;
    const locked = failed >= lockAfter ? lockUntil : r.locked_until;
    this.db.prepare(`UPDATE operators SET failed_signins = ?, locked_until = ? WHERE name = ?`).run(failed >= lockAfter ? 0 : failed, locked, r.name);
    return { failed, lockedUntil: failed >= lockAfter ? lockUntil : null };
  }

  recordSuccess(name: string): void {
    this.db.prepare(`UPDATE operators SET failed_signins = 0, locked_until = NULL, last_sign_in = ? WHERE name = ?`).run(nowIso(), name);
  }

  list(): Operator[] {
    return (this.db.prepare(`SELECT * FROM operators WHERE disabled = 0 ORDER BY name`).all() as OperatorRow[]).map(toOperator);
  }

  views(): OperatorView[] {
    return (this.db.prepare(`SELECT * FROM operators ORDER BY name`).all() as OperatorRow[]).map(toView);
  }

  view(name: string): OperatorView | null {
    const r = this.row(name);
    return r ? toView(r) : null;
  }

  /** Can anyone sign in to the window? If not, the window offers the administrator set-up. */
  anyAdministratorCanSignIn(): boolean {
    return !!this.db.prepare(`SELECT 1 FROM operators WHERE role = 'administrator' AND disabled = 0 AND password_hash IS NOT NULL LIMIT 1`).get();
  }

  activeAdministrators(): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM operators WHERE role = 'administrator' AND disabled = 0`).get() as { n: number }).n;
  }
}
