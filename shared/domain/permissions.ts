// Who may do what. Checked in the services with an explicit acting operator (DESIGN.md §2), so the
// window and the CLI obey the same rules; the UI only hides what a role may not do.

import type { Role } from './types';

export const PERMISSIONS = [
  'source.read', // read the accounting source (check a period, preview)
  'exchange.run', // send to / receive from the portal (seed 000: Administrators only, unless granted)
  'readings.process',
  'bank.process',
  'journal.read',
  'reports.print',
  'audit.read',
  'settings.manage',
  'operators.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  administrator: PERMISSIONS,
  operator: ['source.read', 'readings.process', 'bank.process', 'journal.read', 'reports.print'],
  auditor: ['journal.read', 'reports.print', 'audit.read'],
};

/** Permissions an administrator may grant on top of a role (the exchange, for operators). */
export const GRANTABLE: Record<Role, readonly Permission[]> = {
  administrator: [],
  operator: ['exchange.run'],
  auditor: [],
};

export interface Operator {
  name: string;
  displayName: string;
  role: Role;
  grants: Permission[];
}

export function permissionsOf(op: Operator): Permission[] {
  const granted = op.grants.filter((g) => GRANTABLE[op.role].includes(g));
  return [...new Set([...ROLE_PERMISSIONS[op.role], ...granted])];
}

export function can(op: Operator, permission: Permission): boolean {
  return permissionsOf(op).includes(permission);
}
