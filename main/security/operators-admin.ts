// Managing operators (administrators only): add, change role and grants, disable, reset a
// password. The rules: grants only from what the role may be granted; never leave the console
// without an active administrator; every change audited, no password in the audit.

import { GRANTABLE, type Permission } from '../../shared/domain/permissions';
import type { Role } from '../../shared/domain/types';
import type { OperatorView } from '../../shared/ipc/views';
import { fail } from '../../shared/errors/problem';
import type { Operator } from '../../shared/domain/permissions';
import { requirePermission } from '../engine/authorize';
import type { Workspace } from '../engine/workspace';
import { checkedHash } from './session';

export interface OperatorChange {
  name: string;
  displayName: string;
  role: Role;
  grants: Permission[];
  password?: string;
  disabled?: boolean;
}

export async function saveOperator(ws: Workspace, actor: Operator, req: OperatorChange): Promise<OperatorView> {
  const locale = ws.locale();
  requirePermission(actor, 'operators.manage', locale);
  for (const g of req.grants) if (!GRANTABLE[req.role].includes(g)) fail('SAL-6023', locale, { permission: g, role: req.role });
  const existing = ws.operators.signInState(req.name);
  const hash = req.password !== undefined ? await checkedHash(ws, req.name, req.password) : undefined;
  if (!existing) {
    if (!hash) fail('SAL-6027', locale, { operator: req.name });
    ws.operators.add({ name: req.name, displayName: req.displayName, role: req.role, grants: req.grants, passwordHash: hash });
    if (req.disabled) ws.operators.update(req.name, { disabled: true });
    ws.audit.append(actor.name, 'operators.add', req.name, { role: req.role, grants: req.grants });
  } else {
    const losesAdmin = existing.operator.role === 'administrator' && !existing.disabled && (req.role !== 'administrator' || req.disabled === true);
    if (losesAdmin && ws.operators.activeAdministrators() <= 1) fail('SAL-6024', locale, { operator: existing.operator.name });
    ws.operators.update(existing.operator.name, { displayName: req.displayName, role: req.role, grants: req.grants, disabled: req.disabled, passwordHash: hash });
    ws.audit.append(actor.name, 'operators.update', existing.operator.name, {
      role: req.role,
      grants: req.grants,
      ...(req.disabled !== undefined ? { disabled: req.disabled } : {}),
      ...(hash ? { passwordReset: true } : {}),
    });
  }
  return ws.operators.view(req.name)!;
}
