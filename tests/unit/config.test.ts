import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProblemError } from '../../shared/errors/problem';
import { loadConfig } from '../../main/engine/config';
import { MssqlSettingsSchema, describeMssql, toDriverConfig } from '../../main/accounting/mssql/settings';

const dir = mkdtempSync(join(tmpdir(), 'saldo-cfg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof ProblemError ? e.problem.code + ' ' + e.problem.message : String(e);
  }
}

const good = {
  version: 1,
  organisation: { name: 'SM „Zorza”' },
  accounting: { kind: 'sqlite', path: 'accounting.sqlite' },
  portal: { transport: 'folder', dir: 'portal' },
};

describe('workspace configuration', () => {
  it('resolves paths against the config’s folder and applies defaults', () => {
    const f = join(dir, 'ok.json');
    writeFileSync(f, JSON.stringify(good));
    const c = loadConfig(f);
    expect(c.config.locale).toBe('pl');
    expect(c.path(c.config.store)).toBe(join(dir, 'store.sqlite'));
  });

  it('names the missing file, the bad JSON and the bad field', () => {
    expect(codeOf(() => loadConfig(join(dir, 'none.json')))).toMatch(/^SAL-6001 .*none\.json/);
    writeFileSync(join(dir, 'bad.json'), '{ not json');
    expect(codeOf(() => loadConfig(join(dir, 'bad.json')))).toMatch(/^SAL-6002/);
    writeFileSync(join(dir, 'field.json'), JSON.stringify({ ...good, portal: { transport: 'ftp', dir: 'x' } }));
    expect(codeOf(() => loadConfig(join(dir, 'field.json')))).toMatch(/^SAL-6002 .*portal/);
    writeFileSync(join(dir, 'extra.json'), JSON.stringify({ ...good, password: 'x' }));
    expect(codeOf(() => loadConfig(join(dir, 'extra.json')))).toMatch(/^SAL-6002/);
  });
});

describe('SQL Server connection settings', () => {
  const base = { kind: 'mssql', server: 'sql01.coop.local', database: 'Czynsze', authentication: { type: 'sql', user: 'saldo_exchange', passwordSecret: 'mssql' } };

  it('turns TLS on by default and trusts no self-signed certificate unless told', () => {
    const s = MssqlSettingsSchema.parse(base);
    const d = toDriverConfig(s, 'pa55') as any;
    expect(d.options).toMatchObject({ encrypt: true, trustServerCertificate: false });
    expect(d.authentication).toEqual({ type: 'default', options: { userName: 'saldo_exchange', password: 'pa55' } });
    expect(d.stream).toBe(true);
  });

  it('maps named instances, NTLM domain logins and integrated login', () => {
    const named = MssqlSettingsSchema.parse({ ...base, instanceName: 'CZYNSZE', port: 1433 });
    const d = toDriverConfig(named, 'x') as any;
    expect(d.options.instanceName).toBe('CZYNSZE');
    expect(d.port).toBeUndefined(); // the SQL Browser resolves a named instance's port
    const ntlm = MssqlSettingsSchema.parse({ ...base, authentication: { type: 'ntlm', domain: 'COOP', user: 'jkowalski', passwordSecret: 'mssql' } });
    expect((toDriverConfig(ntlm, 'x') as any).authentication).toEqual({ type: 'ntlm', options: { domain: 'COOP', userName: 'jkowalski', password: 'x' } });
    const integrated = MssqlSettingsSchema.parse({ ...base, authentication: { type: 'integrated' } });
    expect(toDriverConfig(integrated, null)).toMatchObject({ driver: 'msnodesqlv8', options: { trustedConnection: true } });
  });

  it('never holds a password in the settings, and describes the server without one', () => {
    expect(() => MssqlSettingsSchema.parse({ ...base, authentication: { type: 'sql', user: 'u', password: 'x' } })).toThrow();
    expect(describeMssql(MssqlSettingsSchema.parse({ ...base, instanceName: 'I' }))).toBe('sql01.coop.local\\I/Czynsze');
  });
});
