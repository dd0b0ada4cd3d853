// `saldo demo init`: a complete demo workspace that runs with no server and no prompts — the
// embedded accounting database, the local store with an administrator, the portal folder, and
// saldo.json. The defects the generator planted are listed in demo-defects.json so that tests and
// newcomers can check that the validations find them.

import { writeDemoReadings } from '../readings/demo';
import { writeDemoStatements } from '../bank/demo';
import { writeDemoPortalActivity } from '../accounts/demo';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { addMonths, currentPeriod } from '../../shared/domain/period';
import type { Locale } from '../../shared/domain/types';
import { fail } from '../../shared/errors/problem';
import type { ConfigSchema } from '../engine/config';
import type { z } from 'zod';
import { Audit } from '../store/audit';
import { Operators } from '../store/operators';
import { openStore } from '../store/store';
import { generateAccountingDb, type GeneratorResult } from './generator';

/** What a feature's demo writer gets: the new workspace and the generated accounting database. */
export interface DemoFeatureInput {
  dir: string;
  configFile: string;
  /** The last generated month. */
  period: string;
  accountingFile: string;
  locale: 'pl' | 'uk';
  seed: string;
}

export interface DemoOptions {
  premises: number;
  months: number;
  locale: 'pl' | 'uk';
  seed: string;
  /** The last generated month; default the last closed month (the one before today's, UTC). */
  endPeriod?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoWorkspace {
  dir: string;
  configFile: string;
  period: string;
  operator: string;
  generated: GeneratorResult;
}

export const DEMO_OPERATOR = 'admin';

export async function initDemoWorkspace(dirArg: string, opts: DemoOptions, uiLocale: Locale = 'en'): Promise<DemoWorkspace> {
  const dir = resolve(dirArg);
  if (existsSync(dir) && readdirSync(dir).length > 0) fail('SAL-6007', uiLocale, { dir });
  mkdirSync(dir, { recursive: true });
  for (const sub of ['portal/outbox', 'portal/inbox', 'logs', 'reports', 'statements']) mkdirSync(join(dir, sub), { recursive: true });

  const endPeriod = opts.endPeriod ?? addMonths(currentPeriod(), -1);
  const generated = await generateAccountingDb(join(dir, 'accounting.sqlite'), {
    premises: opts.premises,
    months: opts.months,
    locale: opts.locale,
    seed: opts.seed,
    endPeriod,
    onProgress: opts.onProgress,
  });

  const db = openStore(join(dir, 'store.sqlite'), opts.locale);
  try {
    new Operators(db).add({
      name: DEMO_OPERATOR,
      displayName: opts.locale === 'uk' ? 'Адміністратор (демо)' : 'Administrator (demo)',
      role: 'administrator',
    });
    new Audit(db).append('system', 'demo.init', dir, { premises: opts.premises, months: opts.months, locale: opts.locale, seed: opts.seed });
  } finally {
    db.close();
  }

  const config: z.input<typeof ConfigSchema> = {
    version: 1,
    organisation: generated.organisation,
    locale: opts.locale,
    accounting: { kind: 'sqlite', path: 'accounting.sqlite' },
    portal: { transport: 'folder', dir: 'portal' },
    store: 'store.sqlite',
    logs: 'logs',
    reports: 'reports',
    operator: DEMO_OPERATOR,
  };
  const configFile = join(dir, 'saldo.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2) + '\n');
  writeFileSync(join(dir, 'demo-defects.json'), JSON.stringify({ period: endPeriod, defects: generated.defects }, null, 2) + '\n');
  // Each feature puts its demo inputs into the workspace (portal readings, a radio file, statements…).
  const feature: DemoFeatureInput = { dir, configFile, period: endPeriod, accountingFile: join(dir, 'accounting.sqlite'), locale: opts.locale, seed: opts.seed };
  await writeDemoReadings(feature);
  await writeDemoStatements(feature);
  await writeDemoPortalActivity(feature);
  return { dir, configFile, period: endPeriod, operator: DEMO_OPERATOR, generated };
}
