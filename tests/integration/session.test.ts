// Signing in, lock-out, first-start set-up and operator management, through the dispatcher on a
// real workspace (real SQLite store, real scrypt hashes).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/domain/types';
import type { SessionStatus } from '../../shared/ipc/contract';
import { createBackend, type Backend } from '../../main/engine/backend';
import { ChromiumPdfPrinter } from '../../main/reports/pdf';
import type { SessionState } from '../../main/security/session';
import { LOCKOUT } from '../../main/security/session';
import { makeDemoWorkspace } from '../support/workspace';

let ws: Awaited<ReturnType<typeof makeDemoWorkspace>>;
let b: Backend;
const PASSWORD = 'korek-Lipa-2026-bursztyn';

beforeAll(async () => {
  ws = await makeDemoWorkspace({ premises: 60, months: 2 });
  b = createBackend(ws.configFile, { ports: { pdf: new ChromiumPdfPrinter() }, emit: () => {} });
});
afterAll(async () => {
  await b?.close();
  ws?.cleanup();
});

const window = (): SessionState => ({ actor: null });
const call = (session: SessionState, channel: string, req: unknown = {}) => b.dispatcher.handle(channel, req, { session, trustedSender: true });
const codeOf = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

describe('first start', () => {
  it('offers the administrator set-up while no administrator can sign in, and refuses a weak password', async () => {
    const s = window();
    const st = (await call(s, 'session.status')) as { ok: true; value: SessionStatus };
    expect(st.value).toMatchObject({ signedIn: false, needsSetup: true });
    expect(codeOf(await call(s, 'app.status'))).toBe('SAL-6004');
    expect(codeOf(await call(s, 'session.setupAdmin', { name: 'admin', displayName: 'Admin', password: 'short' }))).toBe('SAL-6022');
    expect(codeOf(await call(s, 'session.setupAdmin', { name: 'admin', displayName: 'Admin', password: 'admin-admin-admin' }))).toBe('SAL-6029');
  });

  it('gives the demo administrator a password and signs them in; a second set-up is refused', async () => {
    const s = window();
    const r = (await call(s, 'session.setupAdmin', { name: 'admin', displayName: 'Anna Administratorka', password: PASSWORD })) as { ok: true; value: SessionStatus };
    expect(r.ok).toBe(true);
    expect(r.value).toMatchObject({ signedIn: true, needsSetup: false, operator: { name: 'admin', role: 'administrator' } });
    expect(s.actor?.name).toBe('admin');
    expect(codeOf(await call(window(), 'session.setupAdmin', { name: 'eve', displayName: 'Eve', password: 'another-long-password' }))).toBe('SAL-6026');
  });

  it('stores a salted scrypt hash, never the password', () => {
    const row = b.ws.db.prepare('SELECT password_hash FROM operators WHERE name = ?').get('admin') as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    b.ws.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(join(ws.dir, 'store.sqlite'));
    expect(bytes.includes(Buffer.from(PASSWORD))).toBe(false);
  });
});

describe('signing in', () => {
  it('signs in with the right password and out again', async () => {
    const s = window();
    expect((await call(s, 'session.signIn', { name: 'admin', password: PASSWORD })).ok).toBe(true);
    expect((await call(s, 'app.status')).ok).toBe(true);
    await call(s, 'session.signOut');
    expect(s.actor).toBeNull();
    expect(codeOf(await call(s, 'journal.list'))).toBe('SAL-6004');
  });

  it('answers a wrong password and an unknown name alike', async () => {
    const wrong = await call(window(), 'session.signIn', { name: 'admin', password: 'not-the-password' });
    const unknown = await call(window(), 'session.signIn', { name: 'nobody', password: 'not-the-password' });
    expect(codeOf(wrong)).toBe('SAL-6020');
    expect(unknown).toEqual(wrong);
  });

  it(`locks an account after ${LOCKOUT.failures} failures in a row, even against the right password`, async () => {
    const admin = window();
    await call(admin, 'session.signIn', { name: 'admin', password: PASSWORD });
    expect(
      (await call(admin, 'operators.save', { name: 'olek', displayName: 'Olek Operator', role: 'operator', grants: [], password: 'Wisła-płynie-2026' })).ok,
    ).toBe(true);
    const codes: string[] = [];
    for (let i = 0; i < LOCKOUT.failures; i++) codes.push(codeOf(await call(window(), 'session.signIn', { name: 'olek', password: `guess-${i}` })));
    expect(codes.slice(0, -1).every((c) => c === 'SAL-6020')).toBe(true);
    expect(codes.at(-1)).toBe('SAL-6021');
    expect(codeOf(await call(window(), 'session.signIn', { name: 'olek', password: 'Wisła-płynie-2026' }))).toBe('SAL-6021');
    // An administrator's password reset lifts the lock.
    expect((await call(admin, 'operators.save', { name: 'olek', displayName: 'Olek Operator', role: 'operator', grants: [], password: 'Odra-też-płynie-2026' })).ok).toBe(true);
    expect((await call(window(), 'session.signIn', { name: 'olek', password: 'Odra-też-płynie-2026' })).ok).toBe(true);
    const actions = b.ws.audit.list(100).map((a) => a.action);
    expect(actions.filter((a) => a === 'session.signIn.failed').length).toBeGreaterThanOrEqual(LOCKOUT.failures);
    expect(actions).toContain('session.signIn.locked');
    expect(JSON.stringify(b.ws.audit.list(1000))).not.toContain('guess-');
  });
});

describe('managing operators', () => {
  let admin: SessionState;
  beforeAll(async () => {
    admin = window();
    await call(admin, 'session.signIn', { name: 'admin', password: PASSWORD });
  });

  it('grants the exchange to an operator, but never to an auditor', async () => {
    const r = await call(admin, 'operators.save', { name: 'kasia', displayName: 'Kasia', role: 'operator', grants: ['exchange.run'], password: 'sosna-buk-jodła-dąb' });
    expect(r).toMatchObject({ ok: true, value: { name: 'kasia', grants: ['exchange.run'], hasPassword: true } });
    expect(JSON.stringify(r)).not.toContain('scrypt');
    expect(codeOf(await call(admin, 'operators.save', { name: 'audrey', displayName: 'Audrey', role: 'auditor', grants: ['exchange.run'], password: 'lipa-klon-jesion-wiąz' }))).toBe('SAL-6023');
    expect(codeOf(await call(admin, 'operators.save', { name: 'nopass', displayName: 'No Pass', role: 'operator', grants: [] }))).toBe('SAL-6027');
  });

  it('never leaves the console without an administrator', async () => {
    expect(codeOf(await call(admin, 'operators.save', { name: 'admin', displayName: 'A', role: 'operator', grants: [] }))).toBe('SAL-6024');
    expect(codeOf(await call(admin, 'operators.save', { name: 'admin', displayName: 'A', role: 'administrator', grants: [], disabled: true }))).toBe('SAL-6024');
  });

  it('refuses hostile operator names at the contract', async () => {
    for (const name of ["o'brien", "x'; DROP TABLE operators; --", '../../etc/passwd', 'a b', 'x'.repeat(10_000_000)]) {
      expect(codeOf(await call(admin, 'operators.save', { name, displayName: 'X', role: 'operator', grants: [], password: 'long-enough-password' }))).toBe('SAL-6005');
    }
    expect(b.ws.operators.views().map((o) => o.name)).not.toContain("o'brien");
  });

  it('takes effect at once: a disabled operator’s session stops working', async () => {
    const kasia = window();
    await call(kasia, 'session.signIn', { name: 'kasia', password: 'sosna-buk-jodła-dąb' });
    expect((await call(kasia, 'journal.list')).ok).toBe(true);
    await call(admin, 'operators.save', { name: 'kasia', displayName: 'Kasia', role: 'operator', grants: [], disabled: true });
    expect(codeOf(await call(kasia, 'journal.list'))).toBe('SAL-6004');
    const st = (await call(kasia, 'session.status')) as { ok: true; value: SessionStatus };
    expect(st.value.signedIn).toBe(false);
  });
});
