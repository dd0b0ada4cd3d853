// The start-up check against SQL Server names what failed. No SQL Server runs here, so this
// drives the real driver at a closed loopback port (the network step) and relies on the unit tests
// of test-connection and privileges for the later steps.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppStatus } from '../../shared/ipc/contract';
import { createBackend } from '../../main/engine/backend';
import { ChromiumPdfPrinter } from '../../main/reports/pdf';
import { makeDemoWorkspace } from '../support/workspace';

let ws: Awaited<ReturnType<typeof makeDemoWorkspace>>;
beforeAll(async () => {
  ws = await makeDemoWorkspace({ premises: 20, months: 1 });
});
afterAll(() => ws?.cleanup());

describe('start-up check of the accounting connection', () => {
  it('shows a SQL Server that cannot be reached as a coded network problem in the status, and audits the check', async () => {
    const cfg = JSON.parse(readFileSync(ws.configFile, 'utf8'));
    const file = join(ws.dir, 'mssql.json');
    writeFileSync(
      file,
      JSON.stringify({ ...cfg, accounting: { kind: 'mssql', server: '127.0.0.1', port: 9, database: 'Czynsze', authentication: { type: 'sql', user: 'saldo', passwordSecret: 'mssql' }, connectTimeoutMs: 2000 } }),
    );
    const b = createBackend(file, { ports: { pdf: new ChromiumPdfPrinter(), secrets: { keyFile: join(ws.dir, '.key', 'k') } }, emit: () => {} });
    try {
      await b.secrets.set('mssql', 'a-password-for-the-test');
      const r = await b.dispatcher.handle('app.status', {}, { session: { actor: b.ws.operators.find('admin') }, trustedSender: true });
      expect(r.ok).toBe(true);
      const s = (r as { ok: true; value: AppStatus }).value;
      expect(s.accounting).toMatchObject({ kind: 'mssql', label: '127.0.0.1:9/Czynsze', connected: false });
      expect(s.accounting.problem?.code).toBe('SAL-5010'); // the network step: nothing listens there
      expect(s.accounting.problem?.message).toContain('127.0.0.1');
      expect(JSON.stringify(s)).not.toContain('a-password-for-the-test');
      expect(b.ws.audit.list(5).some((a) => a.action === 'profiles.test' && a.target === 'accounting')).toBe(true);
    } finally {
      await b.close();
    }
  });
});
