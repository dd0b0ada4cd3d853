// Operators of the console. Sign-in, password hashing and lock-out come with the operators and
// security issue; the foundation needs names, roles and grants so that every service call is
// made by an explicit acting operator.

import type { Operator, Permission } from '../../shared/domain/permissions';
import type { Role } from '../../shared/domain/types';
import { nowIso, type Db } from './store';

interface OperatorRow {
  name: string;
  display_name: string;
  role: Role;
  grants: string;
  disabled: number;
}

export class Operators {
  constructor(private readonly db: Db) {}

  add(op: { name: string; displayName: string; role: Role; grants?: Permission[] }): Operator {
    this.db
      .prepare(`INSERT INTO operators (name, display_name, role, grants, created_at) VALUES (?, ?, ?, ?, ?)`)
      .run(op.name, op.displayName, op.role, JSON.stringify(op.grants ?? []), nowIso());
    return this.find(op.name)!;
  }

  find(name: string): Operator | null {
    const r = this.db.prepare(`SELECT name, display_name, role, grants, disabled FROM operators WHERE name = ?`).get(name) as OperatorRow | undefined;
    if (!r || r.disabled) return null;
    return { name: r.name, displayName: r.display_name, role: r.role, grants: JSON.parse(r.grants) };
  }

  list(): Operator[] {
    return (this.db.prepare(`SELECT name, display_name, role, grants, disabled FROM operators WHERE disabled = 0 ORDER BY name`).all() as OperatorRow[]).map((r) => ({
      name: r.name,
      displayName: r.display_name,
      role: r.role,
      grants: JSON.parse(r.grants),
    }));
  }
}
