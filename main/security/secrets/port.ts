// The secret store port: where the SQL Server password and the portal token live. Config files
// only name a secret (`passwordSecret`, `tokenSecret`); the value comes from one of these stores.
// Names are not secret (they appear in configs, lists and errors); values never appear anywhere
// but in memory: not in a file in clear, not in a log, not in an error message.

import type { Locale } from '../../../shared/domain/types';
import { fail } from '../../../shared/errors/problem';

export type SecretStoreKind = 'safe-storage' | 'dpapi' | 'owner-file' | 'env' | 'chain';

export interface SecretStore {
  readonly kind: SecretStoreKind;
  /** The value, or null when the store holds no secret of that name. */
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  /** True when a secret was removed. */
  delete(name: string): Promise<boolean>;
  /** Names only, sorted. */
  list(): Promise<string[]>;
}

export const SECRET_NAME_RE = /^[A-Za-z0-9._-]{1,64}$/;
export const MAX_SECRET_LENGTH = 4096;

/** A name as it may be shown in an error: short and with control characters escaped. */
function showName(name: unknown): string {
  if (typeof name !== 'string') return `(${typeof name})`;
  const cut = name.length > 40 ? `${name.slice(0, 40)}…` : name;
  return JSON.stringify(cut);
}

/** Letters, digits, dot, dash, underscore; 1–64 characters. Otherwise SAL-6100. */
export function validateSecretName(name: unknown, locale: Locale = 'en'): string {
  if (typeof name !== 'string' || !SECRET_NAME_RE.test(name)) fail('SAL-6100', locale, { name: showName(name) });
  return name;
}

/** Non-empty, at most 4096 characters, no NUL. Otherwise SAL-6101 — which never echoes the value. */
export function validateSecretValue(name: string, value: unknown, locale: Locale = 'en'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_SECRET_LENGTH || value.includes('\0')) {
    fail('SAL-6101', locale, { name: showName(name) });
  }
  return value;
}
