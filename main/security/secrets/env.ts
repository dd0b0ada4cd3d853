// Secrets from environment variables, for scheduled CLI jobs: SALDO_SECRET_<NAME upper-cased, every
// character other than A–Z and 0–9 turned into _>, e.g. mssql.password → SALDO_SECRET_MSSQL_PASSWORD.
// Read-only: such a secret is set in the scheduler's environment (Task Scheduler, cron, systemd).
// list() gives the variables' suffixes (the original names cannot be recovered from them).

import type { Locale } from '../../../shared/domain/types';
import { fail } from '../../../shared/errors/problem';
import type { SecretStore } from './port';
import { validateSecretName } from './port';

export const ENV_PREFIX = 'SALDO_SECRET_';

export function envVariableFor(name: string): string {
  return ENV_PREFIX + name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

export class EnvSecretStore implements SecretStore {
  readonly kind = 'env' as const;
  private readonly locale: Locale;

  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    opts: { locale?: Locale } = {},
  ) {
    this.locale = opts.locale ?? 'en';
  }

  async get(name: string): Promise<string | null> {
    validateSecretName(name, this.locale);
    const v = this.env[envVariableFor(name)];
    return v === undefined || v === '' ? null : v;
  }

  async set(name: string, _value: string): Promise<void> {
    this.readOnly(name);
  }

  async delete(name: string): Promise<boolean> {
    this.readOnly(name);
  }

  async list(): Promise<string[]> {
    return Object.keys(this.env)
      .filter((k) => k.toUpperCase().startsWith(ENV_PREFIX) && k.length > ENV_PREFIX.length && this.env[k])
      .map((k) => k.slice(ENV_PREFIX.length))
      .sort();
  }

  private readOnly(name: string): never {
    validateSecretName(name, this.locale);
    fail('SAL-6106', this.locale, { name, variable: envVariableFor(name) });
  }
}
