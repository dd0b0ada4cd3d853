// The workspace configuration file (saldo.json). Paths are relative to the file's folder.
// It never holds a secret: passwords and tokens are referenced by name (see the security issue).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { LOCALES, type Locale } from '../../shared/domain/types';
import { fail } from '../../shared/errors/problem';
import { MssqlSettingsSchema } from '../accounting/mssql/settings';

export const ConfigSchema = z
  .object({
    version: z.literal(1),
    organisation: z.object({ name: z.string().min(1), address: z.string().optional(), taxId: z.string().optional() }).strict(),
    locale: z.enum(LOCALES).default('pl'),
    accounting: z.discriminatedUnion('kind', [z.object({ kind: z.literal('sqlite'), path: z.string().min(1) }).strict(), MssqlSettingsSchema]),
    portal: z.discriminatedUnion('transport', [
      z.object({ transport: z.literal('folder'), dir: z.string().min(1) }).strict(),
      z.object({ transport: z.literal('https'), baseUrl: z.string().url(), tokenSecret: z.string().min(1) }).strict(),
    ]),
    store: z.string().min(1).default('store.sqlite'),
    logs: z.string().min(1).default('logs'),
    reports: z.string().min(1).default('reports'),
    /** The operator a scheduled (unattended) CLI job acts as when --operator is not given. */
    operator: z.string().min(1).optional(),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;

export interface LoadedConfig {
  file: string;
  dir: string;
  config: Config;
  /** Absolute path of a path setting. */
  path(p: string): string;
}

export function loadConfig(file: string, locale: Locale = 'en'): LoadedConfig {
  const abs = resolve(file);
  if (!existsSync(abs)) fail('SAL-6001', locale, { file: abs });
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(abs, 'utf8'));
  } catch (e) {
    fail('SAL-6002', locale, { detail: `${abs}: ${(e as Error).message}` });
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    fail('SAL-6002', locale, { detail: `${first.path.join('.') || '(root)'}: ${first.message}` });
  }
  const dir = dirname(abs);
  return { file: abs, dir, config: parsed.data, path: (p) => resolve(dir, p) };
}
