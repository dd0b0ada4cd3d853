// What the window sees of operators, the audit log and connection profiles: never a password hash,
// a secret or a connection string with credentials.

import type { Permission } from '../domain/permissions';
import type { Problem, Role } from '../domain/types';

export interface OperatorView {
  name: string;
  displayName: string;
  role: Role;
  grants: Permission[];
  disabled: boolean;
  hasPassword: boolean;
  lockedUntil: string | null; // ISO 8601 UTC
  lastSignIn: string | null;
}

export interface AuditEntryView {
  id: number;
  at: string; // ISO 8601 UTC
  operator: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
}

export interface ProfileView {
  name: string;
  kind: 'accounting' | 'portal';
  adapter: 'sqlite' | 'mssql' | 'folder' | 'https';
  /** Server/database, file or URL host — never credentials. */
  label: string;
  /** Names of the secrets this profile uses, and whether each is set. */
  secrets: Array<{ name: string; set: boolean }>;
  active: boolean;
}

export type ConnectionStep = 'config' | 'network' | 'tls' | 'login' | 'procedures' | 'permissions';

export interface ConnectionTest {
  profile: string;
  ok: boolean;
  steps: Array<{ step: ConnectionStep; ok: boolean; problem?: Problem }>;
  /** Rights the login has that the exchange does not need (least privilege), as problems. */
  excess: Problem[];
}
