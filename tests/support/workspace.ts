// Test workspaces: real demo workspaces (real SQLite files) in a temp folder.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initDemoWorkspace } from '../../main/demo/workspace';

export const TEST_PERIOD = '2026-10';

export async function makeDemoWorkspace(opts: { premises?: number; months?: number; locale?: 'pl' | 'uk'; seed?: string } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'saldo-test-'));
  const dir = join(root, 'ws');
  const ws = await initDemoWorkspace(dir, {
    premises: opts.premises ?? 200,
    months: opts.months ?? 3,
    locale: opts.locale ?? 'pl',
    seed: opts.seed ?? 'test',
    endPeriod: TEST_PERIOD,
  });
  return { dir, configFile: ws.configFile, period: ws.period, generated: ws.generated, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
