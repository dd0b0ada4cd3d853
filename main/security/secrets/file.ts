// The per-workspace secrets file shared by the file-backed stores (safe-storage, dpapi, owner-file):
//   { "version": 1, "kind": "<store kind>", "entries": { "NAME": "<ciphertext, base64>" } }
// Names are in clear; values only ever as ciphertext. Each sealed value binds its name (AES-GCM
// associated data, or the name sealed together with the value), so entries cannot be swapped.
// Writes are atomic: a 0o600 temp file in the same folder, fsync, rename, fsync of the folder.
// Writes within one process are serialised; two processes writing at the same instant may lose
// one update (last rename wins) but never produce a torn file.

import type { Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { writeFileAtomically } from '../../engine/atomic-file';
import type { Locale } from '../../../shared/domain/types';
import { fail, ProblemError } from '../../../shared/errors/problem';
import type { SecretStore } from './port';
import { validateSecretName, validateSecretValue } from './port';

export type FileStoreKind = 'safe-storage' | 'dpapi' | 'owner-file';
const KINDS: readonly string[] = ['safe-storage', 'dpapi', 'owner-file'];
const BASE64_RE = /^[A-Za-z0-9+/]+={0,2}$/;
const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface SecretFile {
  kind: FileStoreKind | null;
  entries: Map<string, string>;
}

const errno = (e: unknown) => (e as NodeJS.ErrnoException)?.code;

/**
 * Reads a small file as UTF-8; null when it does not exist. `check` sees the open file's own stat (no
 * race with a swap); a file over `maxBytes` is refused by `tooBig` before anything is read.
 */
export async function readCheckedFile(
  path: string,
  opts: { check?: (st: Stats) => void; maxBytes: number; tooBig: (size: number) => never },
): Promise<string | null> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    if (errno(e) === 'ENOENT') return null;
    throw e;
  }
  try {
    const st = await fh.stat();
    opts.check?.(st);
    if (st.size > opts.maxBytes) opts.tooBig(st.size);
    return await fh.readFile('utf8');
  } finally {
    await fh.close();
  }
}

/** Reads and checks the file; null when it does not exist. `check` sees the open file's own stat (no race with a swap). */
export async function readSecretFile(file: string, locale: Locale, check?: (st: Stats) => void): Promise<SecretFile | null> {
  const text = await readCheckedFile(file, {
    check,
    maxBytes: MAX_FILE_BYTES,
    tooBig: (size) => fail('SAL-6105', locale, { file, detail: `file is ${size} bytes` }),
  });
  if (text === null) return null;
  const corrupt = (detail: string): never => fail('SAL-6105', locale, { file, detail });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    corrupt('not valid JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) corrupt('not a secrets file');
  const o = raw as Record<string, unknown>;
  if (o.version !== 1) corrupt(`unsupported version ${JSON.stringify(o.version)}`);
  if (typeof o.kind !== 'string' || !KINDS.includes(o.kind)) corrupt('unknown protection kind');
  if (typeof o.entries !== 'object' || o.entries === null || Array.isArray(o.entries)) corrupt('no entries');
  const entries = new Map<string, string>();
  for (const [name, v] of Object.entries(o.entries as Record<string, unknown>)) {
    try {
      validateSecretName(name, locale);
    } catch {
      corrupt('an entry has an invalid name');
    }
    if (typeof v !== 'string' || !BASE64_RE.test(v)) corrupt(`entry ${name} is not base64 ciphertext`);
    entries.set(name, v as string);
  }
  return { kind: o.kind as FileStoreKind, entries };
}

/** Atomic replace of the secrets file; the file is created 0o600 (the mode is ignored on Windows). */
export async function writeSecretFile(file: string, kind: FileStoreKind, entries: Map<string, string>, locale: Locale): Promise<void> {
  const sorted = Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const body = `${JSON.stringify({ version: 1, kind, entries: sorted }, null, 2)}\n`;
  try {
    await writeFileAtomically(file, Buffer.from(body, 'utf8'), { mode: 0o600 });
  } catch (e) {
    if (e instanceof ProblemError) throw e;
    fail('SAL-6013', locale, { file, detail: (e as Error).message });
  }
}

export { syncDir } from '../../engine/atomic-file';

/** The plaintext sealed by stores whose cipher has no associated data: the name, a newline, the value. */
export function bindName(name: string, value: string): string {
  return `${name}\n${value}`;
}

/** The value of a bound plaintext, or null when it was sealed under another name. */
export function unbindName(name: string, plain: string): string | null {
  const i = plain.indexOf('\n');
  if (i < 0 || plain.slice(0, i) !== name) return null;
  return plain.slice(i + 1);
}

/** What the three file-backed stores share: the file, its kind check, validation and write serialisation. */
export abstract class FileBackedSecretStore implements SecretStore {
  abstract readonly kind: FileStoreKind;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    protected readonly locale: Locale,
  ) {}

  /** Encrypts a value for `name`; the result goes to the file as base64. */
  protected abstract seal(name: string, value: string): Promise<Buffer>;
  /** Decrypts, checking that it was sealed for `name`; a failure is SAL-6105. */
  protected abstract unseal(name: string, sealed: Buffer): Promise<string>;
  /** Checks on the open secrets file (the owner-file store checks mode and owner). */
  protected checkFile(_st: Stats): void {}

  protected async load(): Promise<Map<string, string>> {
    const f = await readSecretFile(this.file, this.locale, (st) => this.checkFile(st));
    if (!f || f.entries.size === 0) return f?.entries ?? new Map();
    if (f.kind !== this.kind) fail('SAL-6109', this.locale, { file: this.file, found: f.kind ?? '?', expected: this.kind });
    return f.entries;
  }

  protected serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  protected tampered(name: string): never {
    fail('SAL-6105', this.locale, { file: this.file, detail: `secret ${name} failed the integrity check` });
  }

  async get(name: string): Promise<string | null> {
    validateSecretName(name, this.locale);
    const entries = await this.load();
    const b64 = entries.get(name);
    if (b64 === undefined) return null;
    return this.unseal(name, Buffer.from(b64, 'base64'));
  }

  async set(name: string, value: string): Promise<void> {
    validateSecretName(name, this.locale);
    validateSecretValue(name, value, this.locale);
    return this.serial(async () => {
      const entries = await this.load();
      entries.set(name, (await this.seal(name, value)).toString('base64'));
      await writeSecretFile(this.file, this.kind, entries, this.locale);
    });
  }

  async delete(name: string): Promise<boolean> {
    validateSecretName(name, this.locale);
    return this.serial(async () => {
      const entries = await this.load();
      if (!entries.delete(name)) return false;
      await writeSecretFile(this.file, this.kind, entries, this.locale);
      return true;
    });
  }

  async list(): Promise<string[]> {
    return [...(await this.load()).keys()].sort();
  }
}
