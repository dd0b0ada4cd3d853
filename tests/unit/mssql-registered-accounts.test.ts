// registered_accounts on SQL Server without a server: the statements the adapter sends (only
// SELECT, INSERT and DELETE on the one table the login may touch, every value a parameter), one
// transaction per batch that is rolled back on any failure, and the gateway's mapping of a
// failure to SAL-4122 naming the server's own problem.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyRegistrationsMssql, readRegistered, type SqlInput, type TableAccess } from '../../main/accounting/mssql/registered-accounts';
import { MssqlAccountingGateway, type ExchangePool } from '../../main/accounting/mssql/gateway';
import type { RegistrationEvent } from '../../main/accounting/registered-accounts';
import { ProblemError } from '../../shared/errors/problem';

interface Sent {
  sql: string;
  inputs: readonly SqlInput[];
  tx: number | null;
}

/** A fake server holding the table in a Set; statements are matched by their shape, like a tiny SQL engine. */
function fakeAccess(initial: string[], opts: { failOn?: RegExp } = {}) {
  const table = new Map(initial.map((a) => [a, { registered_at: new Date('2026-01-05T10:00:00Z'), portal_login: null as string | null }]));
  const sent: Sent[] = [];
  const log = { begun: 0, committed: 0, rolledBack: 0 };
  const exec = (sql: string, inputs: readonly SqlInput[], tx: number | null, pending: Array<() => void>) => {
    sent.push({ sql, inputs, tx });
    if (opts.failOn?.test(sql)) throw Object.assign(new Error('The INSERT permission was denied on the object registered_accounts'), { number: 229 });
    const v = (name: string) => inputs.find((i) => i.name === name)?.value;
    if (/^SELECT account_no FROM .* IN \(/.test(sql)) return inputs.map((i) => String(i.value)).filter((a) => table.has(a)).map((account_no) => ({ account_no }));
    if (/^SELECT account_no, registered_at, portal_login FROM/.test(sql)) return [...table].map(([account_no, r]) => ({ account_no, ...r }));
    if (/^DELETE FROM/.test(sql)) pending.push(() => table.delete(String(v('account_no'))));
    else if (/^INSERT INTO/.test(sql)) pending.push(() => table.set(String(v('account_no')), { registered_at: v('registered_at') as Date, portal_login: (v('portal_login') as string | null) ?? null }));
    else throw new Error(`unexpected statement: ${sql}`);
    return [];
  };
  const access: TableAccess = {
    query: async (sql, inputs) => exec(sql, inputs, null, []).map((x) => x),
    begin: async () => {
      const id = ++log.begun;
      const pending: Array<() => void> = [];
      return {
        query: async (sql, inputs) => exec(sql, inputs, id, pending),
        commit: async () => {
          log.committed++;
          for (const p of pending) p();
        },
        rollback: async () => {
          log.rolledBack++;
        },
      };
    },
  };
  return { access, table, sent, log };
}

const reg = (a: string): RegistrationEvent => ({ event: 'registered', account_no: a, at: '2026-10-02T11:07:14+02:00', portal_login: `${a}@example.pl` });
const unreg = (a: string): RegistrationEvent => ({ event: 'unregistered', account_no: a, at: '2026-10-03T09:00:00Z', portal_login: null });

describe('registered_accounts on SQL Server', () => {
  it('applies a batch in one transaction: locked read of its accounts, DELETE, INSERT, commit', async () => {
    const f = fakeAccess(['A', 'B']);
    const res = await applyRegistrationsMssql(f.access, 'saldo', [reg('A'), reg('C'), unreg('B'), unreg('Z')]);
    expect(res.map((r) => r.status)).toEqual(['already', 'inserted', 'deleted', 'absent']);
    expect([...f.table.keys()].sort()).toEqual(['A', 'C']);
    expect(f.table.get('C')).toEqual({ registered_at: new Date('2026-10-02T09:07:14Z'), portal_login: 'C@example.pl' });
    expect(f.log).toEqual({ begun: 1, committed: 1, rolledBack: 0 });
    expect(f.sent.every((s) => s.tx === 1)).toBe(true);
    expect(f.sent[0].sql).toMatch(/^SELECT account_no FROM \[saldo\]\.\[registered_accounts\] WITH \(UPDLOCK, HOLDLOCK\) WHERE account_no IN \(@a0, @a1, @a2, @a3\);$/);
    expect(f.sent.map((s) => s.sql.split(' ')[0])).toEqual(['SELECT', 'DELETE', 'INSERT']);
  });

  it('a failure in the middle rolls the whole batch back', async () => {
    const f = fakeAccess(['B'], { failOn: /^INSERT/ });
    await expect(applyRegistrationsMssql(f.access, 'saldo', [unreg('B'), reg('C')])).rejects.toThrow(/permission was denied/);
    expect(f.log).toEqual({ begun: 1, committed: 0, rolledBack: 1 });
    expect([...f.table.keys()]).toEqual(['B']); // the DELETE before it never took effect
  });

  it('a cancelled batch is rolled back before its commit', async () => {
    const f = fakeAccess(['B']);
    const ac = new AbortController();
    ac.abort(new DOMException('cancelled', 'AbortError'));
    await expect(applyRegistrationsMssql(f.access, 'saldo', [unreg('B')], ac.signal)).rejects.toThrow('cancelled');
    expect(f.log).toMatchObject({ committed: 0, rolledBack: 1 });
    expect([...f.table.keys()]).toEqual(['B']);
  });

  it('asks for many accounts in IN lists of at most 500 parameters', async () => {
    const f = fakeAccess([]);
    const events = Array.from({ length: 1203 }, (_, i) => reg(`K${i}`));
    await applyRegistrationsMssql(f.access, 'saldo', events);
    const selects = f.sent.filter((s) => s.sql.startsWith('SELECT'));
    expect(selects.map((s) => s.inputs.length)).toEqual([500, 500, 203]);
    expect(f.table.size).toBe(1203);
  });

  it('reads the table with registered_at in UTC to the second', async () => {
    const f = fakeAccess(['A']);
    expect(await readRegistered(f.access, 'saldo')).toEqual([{ account_no: 'A', registered_at: '2026-01-05T10:00:00Z', portal_login: null }]);
  });

  it('the gateway wraps a server failure as SAL-4122, naming the server’s problem; nothing without table access', async () => {
    const f = fakeAccess([], { failOn: /^INSERT/ });
    const pool: ExchangePool = { request: () => { throw new Error('no procedures here'); }, close: async () => {}, tables: f.access };
    const settings = { kind: 'mssql', server: 'db.example', database: 'Acc', authentication: { type: 'sql', user: 'saldo', passwordSecret: 'mssql' } } as never;
    const gw = await MssqlAccountingGateway.open(settings, 'pw', 'en', async () => pool);
    const e = await gw.applyRegistrations([reg('A')]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ProblemError);
    expect((e as ProblemError).problem.code).toBe('SAL-4122');
    expect((e as ProblemError).problem.message).toMatch(/SAL-50\d\d/);
    expect((e as ProblemError).problem.message).toContain('registered_accounts');
    expect(await gw.applyRegistrations([])).toEqual([]);
    await gw.close();
    const bare = await MssqlAccountingGateway.open(settings, 'pw', 'en', async () => ({ request: pool.request, close: async () => {} }));
    expect(((await bare.registeredAccounts().catch((x: unknown) => x)) as ProblemError).problem.code).toBe('SAL-4123');
    await bare.close();
  });
});

describe('registered-accounts.ts (static)', () => {
  const src = readFileSync('main/accounting/mssql/registered-accounts.ts', 'utf8').replace(/\/\/.*$/gm, '');
  const statements = [...src.matchAll(/`((?:SELECT|INSERT|DELETE|UPDATE|MERGE|TRUNCATE|EXEC)[^`]*)`/g)].map((m) => m[1]);

  it('only SELECT, INSERT and DELETE, only on registered_accounts — the rights 04-security.sql grants', () => {
    expect(statements.length).toBe(4);
    for (const s of statements) {
      expect(s).toMatch(/^(SELECT|INSERT|DELETE)\b/);
      const objects = [...s.matchAll(/\b(?:FROM|INTO|JOIN|UPDATE)\s+(\S+)/g)].map((m) => m[1]);
      for (const o of objects) expect(['${t}', '${table(schema)}']).toContain(o);
    }
    expect(src).not.toMatch(/\bUPDATE\s+\S+\s+SET\b|\bMERGE\b|\bTRUNCATE\b/i);
    expect(src).toMatch(/const table = \(schema: string\) => `\[\$\{schema\.replace\(\/\]\/g, '\]\]'\)\}\]\.\[registered_accounts\]`/);
  });

  it('every value is a parameter (@name), never spliced into the text', () => {
    for (const s of statements) {
      const spliced = [...s.matchAll(/\$\{([^}]+)\}/g)].map((m) => m[1]);
      for (const x of spliced) expect(['t', 'table(schema)', 'names']).toContain(x);
    }
  });
});
