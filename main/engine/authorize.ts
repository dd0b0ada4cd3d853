// The permission check every service makes with its explicit acting operator.

import { can, type Operator, type Permission } from '../../shared/domain/permissions';
import type { Locale } from '../../shared/domain/types';
import { fail } from '../../shared/errors/problem';

export function requirePermission(actor: Operator, permission: Permission, locale: Locale): void {
  if (!can(actor, permission)) fail('SAL-6003', locale, { operator: actor.name, role: actor.role, permission });
}
