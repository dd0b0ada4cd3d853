import { EventEmitter } from 'node:events';
import { chmodSync, chownSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DPAPI_PROTECT_SCRIPT,
  DPAPI_UNPROTECT_SCRIPT,
  DpapiSecretStore,
  spawnPowerShell,
  type RunPowerShell,
} from '../../main/security/secrets/dpapi';
import { EnvSecretStore } from '../../main/security/secrets/env';
import { openSecretStore, redact, SECRETS_FILE } from '../../main/security/secrets/index';
import { OwnerFileSecretStore } from '../../main/security/secrets/owner-file';
import { validateSecretName } from '../../main/security/secrets/port';
import { SafeStorageSecretStore, type SafeStorageLike } from '../../main/security/secrets/safe-storage';

const PASSWORD = 'Zażółć-gęślą-jaźń!Pa$$w0rd';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.portal-token.c2lnbmF0dXJl';

let dir: string;
let file: string;
let keyFile: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'saldo-secrets-'));
  file = join(dir, SECRETS_FILE);
  keyFile = join(dir, 'home', 'config', 'saldo', 'secret.key');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const code = (c: string) => ({ problem: expect.objectContaining({ code: c }) });
const mode = (p: string) => statSync(p).mode & 0o777;

/** Every form in which a value could leak into a file. */
function leaks(bytes: Buffer, value: string): string[] {
  const text = bytes.toString('latin1');
  const utf8 = Buffer.from(value, 'utf8');
  const forms = {
    plain: utf8.toString('latin1'),
    base64: utf8.toString('base64'),
    base64url: utf8.toString('base64url'),
    hex: utf8.toString('hex'),
    HEX: utf8.toString('hex').toUpperCase(),
    utf16: Buffer.from(value, 'utf16le').toString('latin1'),
  };
  return Object.entries(forms)
    .filter(([, f]) => text.includes(f))
    .map(([k]) => k);
}

/** A stand-in for electron.safeStorage: XOR with a fixed byte behind a prefix. */
function fakeSafeStorage(available = true, backend?: string): SafeStorageLike {
  const PREFIX = Buffer.from('v10');
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s) => Buffer.concat([PREFIX, Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)]),
    decryptString: (b) => {
      if (!b.subarray(0, 3).equals(PREFIX)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(b.subarray(3).map((x) => x ^ 0x5a)).toString('utf8');
    },
    ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
  };
}

/** A stand-in for DPAPI behind the PowerShell scripts: runs "protect" or "unprotect" by the script text. */
function fakeDpapi(script: string, stdin: string): string {
  if (script === DPAPI_PROTECT_SCRIPT) {
    const plain = Buffer.from(stdin.trim(), 'base64');
    return Buffer.concat([Buffer.from('01000000d08c9ddf', 'hex'), plain.map((b) => b ^ 0xa5)]).toString('hex');
  }
  if (script === DPAPI_UNPROTECT_SCRIPT) {
    const blob = Buffer.from(stdin.trim(), 'hex');
    if (!blob.subarray(0, 8).equals(Buffer.from('01000000d08c9ddf', 'hex'))) throw new Error('ConvertTo-SecureString : Key not valid for use in specified state.');
    return Buffer.from(blob.subarray(8).map((b) => b ^ 0xa5)).toString('base64');
  }
  throw new Error('unexpected script');
}

describe('secret names and values', () => {
  it.each(['../x', 'a b', "'; DROP TABLE", '', 'x'.repeat(65), 'x'.repeat(10 * 1024 * 1024), 'naïve', 'a/b', 'a\nb'])('refuses the name %#', async (bad) => {
    expect(() => validateSecretName(bad)).toThrow(expect.objectContaining(code('SAL-6100')));
    const store = new OwnerFileSecretStore(file, keyFile);
    await expect(store.set(bad, PASSWORD)).rejects.toMatchObject(code('SAL-6100'));
    await expect(store.get(bad)).rejects.toMatchObject(code('SAL-6100'));
    try {
      validateSecretName(bad, 'pl');
    } catch (e) {
      expect((e as Error).message.length).toBeLessThan(200); // a 10 MB name is not echoed whole
      expect((e as Error).message).toContain('Nieprawidłowa nazwa sekretu');
    }
  });

  it('accepts letters, digits, dot, dash and underscore, and is not fooled by Object prototype names', async () => {
    const store = new OwnerFileSecretStore(file, keyFile);
    for (const n of ['mssql.password', 'portal-token', 'A_1', 'x'.repeat(64)]) expect(validateSecretName(n)).toBe(n);
    expect(await store.get('__proto__')).toBeNull();
    expect(await store.get('constructor')).toBeNull();
    await store.set('__proto__', PASSWORD);
    expect(await store.get('__proto__')).toBe(PASSWORD);
    expect(await store.list()).toEqual(['__proto__']);
  });

  it.each([
    ['empty', ''],
    ['too long', 'x'.repeat(4097)],
    ['with NUL', `abc\0${PASSWORD}`],
  ])('refuses a value that is %s, without echoing it', async (_what, bad) => {
    const store = new OwnerFileSecretStore(file, keyFile);
    const err = await store.set('mssql.password', bad).catch((e) => e);
    expect(err).toMatchObject(code('SAL-6101'));
    if (bad) expect(JSON.stringify(err.problem)).not.toContain(bad.slice(0, 20) || bad);
    expect(JSON.stringify(err.problem)).not.toContain(PASSWORD);
  });
});

describe('owner-file store (Linux/macOS CLI)', () => {
  it('round trips, lists names only, deletes', async () => {
    const store = new OwnerFileSecretStore(file, keyFile);
    expect(await store.get('mssql.password')).toBeNull();
    await store.set('mssql.password', PASSWORD);
    await store.set('portal.token', TOKEN);
    expect(await store.get('mssql.password')).toBe(PASSWORD);
    // a second instance (another process) reads the same file with the same key
    expect(await new OwnerFileSecretStore(file, keyFile).get('portal.token')).toBe(TOKEN);
    const names = await store.list();
    expect(names).toEqual(['mssql.password', 'portal.token']);
    expect(JSON.stringify(names)).not.toContain(PASSWORD);
    await store.set('mssql.password', 'second');
    expect(await store.get('mssql.password')).toBe('second');
    expect(await store.delete('mssql.password')).toBe(true);
    expect(await store.delete('mssql.password')).toBe(false);
    expect(await store.get('mssql.password')).toBeNull();
    expect(await store.list()).toEqual(['portal.token']);
    expect(store.kind).toBe('owner-file');
  });

  it('keeps no value in clear on disk (nor base64, nor hex), in the documented shape, written atomically', async () => {
    const store = new OwnerFileSecretStore(file, keyFile);
    await Promise.all([store.set('mssql.password', PASSWORD), store.set('portal.token', TOKEN)]);
    for (const f of [file, keyFile]) {
      const bytes = readFileSync(f);
      expect(leaks(bytes, PASSWORD), f).toEqual([]);
      expect(leaks(bytes, TOKEN), f).toEqual([]);
    }
    const json = JSON.parse(readFileSync(file, 'utf8'));
    expect(json).toMatchObject({ version: 1, kind: 'owner-file' });
    expect(Object.keys(json.entries).sort()).toEqual(['mssql.password', 'portal.token']); // both concurrent sets survived
    for (const v of Object.values(json.entries)) expect(v).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // random IV: the same value twice gives different ciphertexts
    await store.set('copy', TOKEN);
    const again = JSON.parse(readFileSync(file, 'utf8')).entries;
    expect(again.copy).not.toBe(again['portal.token']);
  });

  it('creates the secrets file and key file 0o600 and the key folder 0o700', async () => {
    await new OwnerFileSecretStore(file, keyFile).set('mssql.password', PASSWORD);
    expect(mode(file)).toBe(0o600);
    expect(mode(keyFile)).toBe(0o600);
    expect(mode(join(dir, 'home', 'config', 'saldo'))).toBe(0o700);
    expect(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64')).toHaveLength(32);
  });

  it('refuses a key file, secrets file or key folder that others may access, naming the chmod', async () => {
    const store = new OwnerFileSecretStore(file, keyFile);
    await store.set('mssql.password', PASSWORD);

    chmodSync(keyFile, 0o644);
    const err = await store.get('mssql.password').catch((e) => e);
    expect(err).toMatchObject(code('SAL-6103'));
    expect(err.problem.message).toContain(keyFile);
    expect(err.problem.hint).toContain(`chmod 600 '${keyFile}'`);
    await expect(store.set('other', TOKEN)).rejects.toMatchObject(code('SAL-6103'));
    chmodSync(keyFile, 0o600);

    chmodSync(file, 0o640);
    const err2 = await store.list().catch((e) => e);
    expect(err2).toMatchObject(code('SAL-6103'));
    expect(err2.problem.hint).toContain(`chmod 600 '${file}'`);
    chmodSync(file, 0o600);

    const keyDir = join(dir, 'home', 'config', 'saldo');
    chmodSync(keyDir, 0o777);
    const err3 = await store.get('mssql.password').catch((e) => e);
    expect(err3).toMatchObject(code('SAL-6103'));
    expect(err3.problem.hint).toContain(`chmod 700 '${keyDir}'`);
    chmodSync(keyDir, 0o700);

    expect(await store.get('mssql.password')).toBe(PASSWORD);
  });

  it.runIf(process.getuid?.() === 0)('refuses a key file owned by another user', async () => {
    const store = new OwnerFileSecretStore(file, keyFile);
    await store.set('mssql.password', PASSWORD);
    chownSync(keyFile, 4242, 4242);
    await expect(store.get('mssql.password')).rejects.toMatchObject(code('SAL-6104'));
  });

  it('detects a tampered ciphertext byte (auth tag)', async () => {
    const store = new OwnerFileSecretStore(file, keyFile);
    await store.set('mssql.password', PASSWORD);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    const sealed = Buffer.from(json.entries['mssql.password'], 'base64');
    sealed[sealed.length - 1] ^= 0x01;
    json.entries['mssql.password'] = sealed.toString('base64');
    writeFileSync(file, JSON.stringify(json), { mode: 0o600 });
    const err = await store.get('mssql.password').catch((e) => e);
    expect(err).toMatchObject(code('SAL-6105'));
    expect(err.problem.hint).toContain('Saldo support');
  });

  it('refuses ciphertexts swapped between names (associated data)', async () => {
    const store = new OwnerFileSecretStore(file, keyFile);
    await store.set('mssql.password', PASSWORD);
    await store.set('portal.token', TOKEN);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    [json.entries['mssql.password'], json.entries['portal.token']] = [json.entries['portal.token'], json.entries['mssql.password']];
    writeFileSync(file, JSON.stringify(json), { mode: 0o600 });
    await expect(store.get('mssql.password')).rejects.toMatchObject(code('SAL-6105'));
    await expect(store.get('portal.token')).rejects.toMatchObject(code('SAL-6105'));
  });

  it('reports a missing key file, a malformed key and a corrupt secrets file', async () => {
    const store = new OwnerFileSecretStore(file, keyFile);
    await store.set('mssql.password', PASSWORD);
    rmSync(keyFile);
    await expect(store.get('mssql.password')).rejects.toMatchObject(code('SAL-6108'));
    expect(await store.get('absent')).toBeNull(); // no key needed to know a name is absent
    writeFileSync(keyFile, 'short\n', { mode: 0o600 });
    await expect(store.get('mssql.password')).rejects.toMatchObject(code('SAL-6105'));
    writeFileSync(file, '{not json', { mode: 0o600 });
    await expect(store.list()).rejects.toMatchObject(code('SAL-6105'));
  });
});

describe('safe-storage store (the Electron app)', () => {
  it('round trips through safeStorage and keeps no plaintext on disk', async () => {
    const store = new SafeStorageSecretStore(file, fakeSafeStorage());
    await store.set('mssql.password', PASSWORD);
    await store.set('portal.token', TOKEN);
    expect(await store.get('mssql.password')).toBe(PASSWORD);
    expect(await store.get('portal.token')).toBe(TOKEN);
    expect(await store.list()).toEqual(['mssql.password', 'portal.token']);
    const bytes = readFileSync(file);
    expect(leaks(bytes, PASSWORD)).toEqual([]);
    expect(leaks(bytes, TOKEN)).toEqual([]);
    expect(JSON.parse(bytes.toString('utf8'))).toMatchObject({ version: 1, kind: 'safe-storage' });
    expect(mode(file)).toBe(0o600);
  });

  it('refuses when encryption is not available, or is only the basic_text fallback', async () => {
    await expect(new SafeStorageSecretStore(file, fakeSafeStorage(false)).set('mssql.password', PASSWORD)).rejects.toMatchObject(code('SAL-6102'));
    await expect(new SafeStorageSecretStore(file, fakeSafeStorage(true, 'basic_text')).set('mssql.password', PASSWORD)).rejects.toMatchObject(code('SAL-6102'));
    expect(() => statSync(file)).toThrow(); // nothing written
    await new SafeStorageSecretStore(file, fakeSafeStorage(true, 'gnome_libsecret')).set('mssql.password', PASSWORD);
    await expect(new SafeStorageSecretStore(file, fakeSafeStorage(false)).get('mssql.password')).rejects.toMatchObject(code('SAL-6102'));
  });

  it('refuses swapped or undecryptable entries', async () => {
    const store = new SafeStorageSecretStore(file, fakeSafeStorage());
    await store.set('a', PASSWORD);
    await store.set('b', TOKEN);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    [json.entries.a, json.entries.b] = [json.entries.b, json.entries.a];
    json.entries.c = Buffer.from('garbage').toString('base64');
    writeFileSync(file, JSON.stringify(json), { mode: 0o600 });
    await expect(store.get('a')).rejects.toMatchObject(code('SAL-6105'));
    await expect(store.get('c')).rejects.toMatchObject(code('SAL-6105'));
  });

  it('never overwrites a file of another protection kind', async () => {
    await new SafeStorageSecretStore(file, fakeSafeStorage()).set('mssql.password', PASSWORD);
    const before = readFileSync(file);
    const cli = new OwnerFileSecretStore(file, keyFile);
    await expect(cli.get('mssql.password')).rejects.toMatchObject(code('SAL-6109'));
    await expect(cli.set('mssql.password', 'x')).rejects.toMatchObject(code('SAL-6109'));
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('DPAPI store (Windows CLI; PowerShell faked here — the real DPAPI call needs Windows)', () => {
  it('protects with ConvertFrom-SecureString and unprotects with ConvertTo-SecureString + PtrToStringBSTR, secret only on stdin', async () => {
    const calls: { script: string; stdin: string }[] = [];
    const runner: RunPowerShell = async (script, stdin) => {
      calls.push({ script, stdin });
      return fakeDpapi(script, stdin);
    };
    const store = new DpapiSecretStore(file, runner);
    await store.set('mssql.password', PASSWORD);
    expect(await store.get('mssql.password')).toBe(PASSWORD);
    expect(calls.map((c) => c.script)).toEqual([DPAPI_PROTECT_SCRIPT, DPAPI_UNPROTECT_SCRIPT]);
    expect(DPAPI_PROTECT_SCRIPT).toContain('[Console]::In.ReadToEnd()');
    expect(DPAPI_PROTECT_SCRIPT).toMatch(/ConvertFrom-SecureString -SecureString \$secure\)/); // no -Key: DPAPI, current user
    expect(DPAPI_PROTECT_SCRIPT).not.toMatch(/-Key\b/);
    expect(DPAPI_UNPROTECT_SCRIPT).toContain('ConvertTo-SecureString -String $data');
    expect(DPAPI_UNPROTECT_SCRIPT).toContain('[Runtime.InteropServices.Marshal]::PtrToStringBSTR($bstr)');
    expect(DPAPI_UNPROTECT_SCRIPT).toContain('ZeroFreeBSTR');
    for (const c of calls) expect(c.script).not.toContain(PASSWORD);
    expect(Buffer.from(calls[0].stdin, 'base64').toString('utf8')).toBe(`mssql.password\n${PASSWORD}`);
    const bytes = readFileSync(file);
    expect(leaks(bytes, PASSWORD)).toEqual([]);
    expect(JSON.parse(bytes.toString('utf8'))).toMatchObject({ version: 1, kind: 'dpapi' });
  });

  it('spawns powershell.exe by absolute path with a fixed -EncodedCommand: the secret is never in argv or env', async () => {
    const spawned: { command: string; args: string[]; env: NodeJS.ProcessEnv; shell: unknown; stdin: string }[] = [];
    const fakeSpawn = ((command: string, args: string[], options: { env: NodeJS.ProcessEnv; shell: unknown }) => {
      const child = new EventEmitter() as EventEmitter & { stdin: PassThrough; stdout: PassThrough; stderr: PassThrough; kill: () => boolean };
      child.stdin = new PassThrough();
      child.stdout = new PassThrough();
      child.stderr = new PassThrough();
      child.kill = () => true;
      const rec = { command, args, env: options.env, shell: options.shell, stdin: '' };
      spawned.push(rec);
      const chunks: Buffer[] = [];
      child.stdin.on('data', (b: Buffer) => chunks.push(b));
      child.stdin.on('end', () => {
        rec.stdin = Buffer.concat(chunks).toString('utf8');
        const script = Buffer.from(args[args.indexOf('-EncodedCommand') + 1], 'base64').toString('utf16le');
        child.stdout.end(fakeDpapi(script, rec.stdin));
        setImmediate(() => child.emit('close', 0, null));
      });
      return child;
    }) as unknown as typeof spawn;

    const saved = process.env.SALDO_SECRET_MSSQL_PASSWORD;
    process.env.SALDO_SECRET_MSSQL_PASSWORD = PASSWORD; // an env secret of the parent must not reach PowerShell
    try {
      const store = new DpapiSecretStore(file, spawnPowerShell(fakeSpawn));
      await store.set('mssql.password', PASSWORD);
      expect(await store.get('mssql.password')).toBe(PASSWORD);
    } finally {
      if (saved === undefined) delete process.env.SALDO_SECRET_MSSQL_PASSWORD;
      else process.env.SALDO_SECRET_MSSQL_PASSWORD = saved;
    }
    expect(spawned).toHaveLength(2);
    const b64 = Buffer.from(`mssql.password\n${PASSWORD}`).toString('base64');
    for (const s of spawned) {
      expect(s.command).toMatch(/\\System32\\WindowsPowerShell\\v1\.0\\powershell\.exe$/);
      expect(s.args.slice(0, 3)).toEqual(['-NoLogo', '-NoProfile', '-NonInteractive']);
      expect(s.shell).toBe(false);
      const argvAndEnv = JSON.stringify([s.command, s.args, s.env]);
      for (const form of [PASSWORD, b64, Buffer.from(PASSWORD).toString('hex'), Buffer.from(PASSWORD).toString('base64')]) expect(argvAndEnv).not.toContain(form);
      expect(Object.keys(s.env).some((k) => k.startsWith('SALDO_SECRET_'))).toBe(false);
    }
    expect(Buffer.from(spawned[0].args.at(-1)!, 'base64').toString('utf16le')).toBe(DPAPI_PROTECT_SCRIPT);
    expect(Buffer.from(spawned[1].args.at(-1)!, 'base64').toString('utf16le')).toBe(DPAPI_UNPROTECT_SCRIPT);
    expect(spawned[0].stdin).toBe(b64); // the secret went on stdin, and only there
  });

  it('maps a PowerShell failure to SAL-6107 without echoing the secret', async () => {
    const store = new DpapiSecretStore(file, async (_s, stdin) => {
      throw new Error(`boom: ${PASSWORD} ${stdin}`);
    });
    const err = await store.set('mssql.password', PASSWORD).catch((e) => e);
    expect(err).toMatchObject(code('SAL-6107'));
    expect(JSON.stringify(err.problem)).not.toContain(PASSWORD);
    expect(JSON.stringify(err.problem)).not.toContain(Buffer.from(`mssql.password\n${PASSWORD}`).toString('base64'));
  });
});

describe('environment store and the chain', () => {
  it('reads SALDO_SECRET_<NAME> and refuses writes', async () => {
    const env = new EnvSecretStore({ SALDO_SECRET_MSSQL: PASSWORD, SALDO_SECRET_PORTAL_TOKEN: TOKEN, PATH: '/bin' });
    expect(await env.get('mssql')).toBe(PASSWORD);
    expect(await env.get('MSSQL')).toBe(PASSWORD);
    expect(await env.get('portal.token')).toBe(TOKEN);
    expect(await env.get('absent')).toBeNull();
    expect(await env.list()).toEqual(['MSSQL', 'PORTAL_TOKEN']);
    const err = await env.set('mssql', 'x').catch((e) => e);
    expect(err).toMatchObject(code('SAL-6106'));
    expect(err.problem.hint).toContain('SALDO_SECRET_MSSQL');
    await expect(env.delete('mssql')).rejects.toMatchObject(code('SAL-6106'));
  });

  it('chain: environment first, then the platform store; writes go to the platform store', async () => {
    const store = openSecretStore({ file, keyFile, platform: 'linux', env: { SALDO_SECRET_MSSQL: 'from-env' } });
    expect(store.kind).toBe('chain');
    expect(store.platform.kind).toBe('owner-file');
    await store.set('mssql', PASSWORD);
    await store.set('portal.token', TOKEN);
    expect(await store.get('mssql')).toBe('from-env');
    expect(await store.source('mssql')).toBe('env');
    expect(await store.get('portal.token')).toBe(TOKEN);
    expect(await store.source('portal.token')).toBe('owner-file');
    expect(await store.platform.get('mssql')).toBe(PASSWORD);
    expect(await store.list()).toEqual(['mssql', 'portal.token']);
    expect(await store.delete('portal.token')).toBe(true);
    expect(await store.get('portal.token')).toBeNull();
  });

  it('picks safeStorage in the app, DPAPI on Windows, the owner file elsewhere', () => {
    expect(openSecretStore({ file, platform: 'linux', safeStorage: fakeSafeStorage(), env: {} }).platform.kind).toBe('safe-storage');
    expect(openSecretStore({ file, platform: 'win32', env: {} }).platform.kind).toBe('dpapi');
    expect(openSecretStore({ file, platform: 'darwin', keyFile, env: {} }).platform.kind).toBe('owner-file');
  });

  it('errors in Polish and Ukrainian too', async () => {
    const pl = openSecretStore({ file, keyFile, platform: 'linux', env: {}, locale: 'pl' });
    await expect(pl.set('a b', 'x')).rejects.toMatchObject({ problem: expect.objectContaining({ message: expect.stringContaining('Nieprawidłowa nazwa sekretu') }) });
    const uk = new EnvSecretStore({}, { locale: 'uk' });
    await expect(uk.set('mssql', 'x')).rejects.toMatchObject({ problem: expect.objectContaining({ message: expect.stringContaining('лише для читання') }) });
  });
});

describe('redact', () => {
  it('replaces every occurrence of every secret, and their escaped forms', () => {
    const line = `Login failed: password=${PASSWORD}; retry ${PASSWORD} token ${TOKEN} url=https://x/?p=${encodeURIComponent(PASSWORD)}`;
    const out = redact(line, [PASSWORD, TOKEN]);
    expect(out).not.toContain(PASSWORD);
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain(encodeURIComponent(PASSWORD));
    expect(out.match(/\*\*\*/g)).toHaveLength(4);
    expect(out).toContain('Login failed: password=***; retry *** token ***');
    expect(redact('a "q\\"x" b', ['q"x'])).toBe('a "***" b'); // JSON-escaped form
  });

  it('replaces a secret containing another one whole, and ignores empty secrets', () => {
    expect(redact('abcdef and abc', ['abc', 'abcdef'])).toBe('*** and ***');
    expect(redact('nothing here', ['', 'zzz'])).toBe('nothing here');
  });
});
