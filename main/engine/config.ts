// The workspace configuration file (saldo.json). Paths are relative to the file's folder.
// It never holds a secret: passwords and tokens are referenced by name (see the security issue).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { LOCALES, type Locale } from '../../shared/domain/types';
import { fail } from '../../shared/errors/problem';
import { MssqlSettingsSchema } from '../accounting/mssql/settings';
import { WwwSettingsSchema } from '../www/settings';
import { BankSettingsSchema } from '../bank/settings';
import { AccountsSettingsSchema } from '../accounts/settings';

const pathSetting = z.string().min(1).max(1024).regex(/^[^\0]*$/, 'no NUL characters');

/** Config files larger than this are not configs: refuse them before parsing. */
const MAX_CONFIG_BYTES = 1024 * 1024;

export const ConfigSchema = z
  .object({
    version: z.literal(1),
    organisation: z.object({ name: z.string().min(1).max(200), address: z.string().max(300).optional(), taxId: z.string().max(32).optional() }).strict(),
    locale: z.enum(LOCALES).default('pl'),
    accounting: z.discriminatedUnion('kind', [z.object({ kind: z.literal('sqlite'), path: pathSetting }).strict(), MssqlSettingsSchema]),
    portal: z.discriminatedUnion('transport', [
      z.object({ transport: z.literal('folder'), dir: pathSetting }).strict(),
      z
        .object({
          transport: z.literal('https'),
          baseUrl: z.string().url().max(500),
          tokenSecret: z.string().min(1).max(64),
          /** How long one attempt at one batch may take, in milliseconds. */
          batchTimeoutMs: z.number().int().min(1000).max(600_000).default(30_000),
          /** Retries after a network error, a timeout, a 5xx or a 429 (never after other 4xx). */
          retries: z.number().int().min(0).max(10).default(4),
        })
        .strict(),
    ]),
    store: pathSetting.default('store.sqlite'),
    logs: pathSetting.default('logs'),
    reports: pathSetting.default('reports'),
    /** Data to WWW: batch size, the not-in-billing guard, what each portal group receives, fields an update keeps. */
    www: WwwSettingsSchema.default(WwwSettingsSchema.parse({})),
    /** Bank statements: title pattern, statements and output folders, output file layouts, CSV mappings, watch timing. */
    bank: BankSettingsSchema.default(BankSettingsSchema.parse({})),
    /** Portal accounts: the portal address the activation letters print, how long a code works, letters per run. */
    accounts: AccountsSettingsSchema.default(AccountsSettingsSchema.parse({})),
    /** The operator a scheduled (unattended) CLI job acts as when --operator is not given. */
    operator: z.string().min(1).max(64).optional(),
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
    const bytes = readFileSync(abs);
    if (bytes.length > MAX_CONFIG_BYTES) throw new Error(`larger than ${MAX_CONFIG_BYTES} bytes`);
    // fatal: invalid UTF-8 is an error with a clear message, not silently replaced characters.
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
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
