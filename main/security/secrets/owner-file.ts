// The CLI's store on Linux and macOS: AES-256-GCM under a random 32-byte key kept in a separate
// key file (default ~/.config/saldo/secret.key, 0o600 in a 0o700 folder). Each value has a random
// 12-byte IV and its auth tag; the associated data is the secret's name, so a ciphertext moved to
// another name fails. Sealed layout: [version 0x01][IV 12][tag 16][ciphertext].
// The key file and the secrets file are refused when group/other may access them or when another
// user owns them. The protection is the one of an SSH private key: anyone who can read the owner's
// files (the owner, root, a backup of the home folder) can read the secrets — keep the key file
// out of shared folders and out of the workspace folder.
// Not meant for Windows (POSIX modes do not exist there; openSecretStore picks DPAPI).

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { chmod, mkdir, open, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Locale } from '../../../shared/domain/types';
import { fail } from '../../../shared/errors/problem';
import { FileBackedSecretStore, readCheckedFile, syncDir } from './file';

const VERSION = 0x01;
const IV_LEN = 12;
const TAG_LEN = 16;
const KEY_LEN = 32;

/** $SALDO_KEY_FILE, else $XDG_CONFIG_HOME/saldo/secret.key, else ~/.config/saldo/secret.key. */
export function defaultKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SALDO_KEY_FILE) return env.SALDO_KEY_FILE;
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'saldo', 'secret.key');
}

const shellQuote = (p: string) => `'${p.replace(/'/g, `'\\''`)}'`;
const errno = (e: unknown) => (e as NodeJS.ErrnoException)?.code;

/** Refuses a file (or folder) that group/other may access (`forbidden` bits) or that another user owns. */
export function checkPrivate(path: string, st: Stats, locale: Locale, forbidden = 0o077): void {
  const uid = process.getuid?.();
  if (uid === undefined) return; // Windows: no POSIX owner or mode
  // A folder owned by root (e.g. /var/lib/saldo) is as trustworthy as one's own: root can read anything anyway.
  if (st.uid !== uid && !(st.isDirectory() && st.uid === 0)) fail('SAL-6104', locale, { file: path, owner: st.uid });
  if ((st.mode & forbidden) !== 0) {
    const wanted = st.isDirectory() ? '700' : '600';
    fail('SAL-6103', locale, { file: path, mode: (st.mode & 0o777).toString(8).padStart(3, '0'), command: `chmod ${wanted} ${shellQuote(path)}` });
  }
}

export class OwnerFileSecretStore extends FileBackedSecretStore {
  readonly kind = 'owner-file' as const;
  readonly keyFile: string;

  constructor(file: string, keyFile: string = defaultKeyFile(), opts: { locale?: Locale } = {}) {
    super(file, opts.locale ?? 'en');
    this.keyFile = keyFile;
  }

  protected override checkFile(st: Stats): void {
    checkPrivate(this.file, st, this.locale);
  }

  /** The key; created (folder 0o700, file 0o600) only when `create`; otherwise null when absent. */
  private async key(create: boolean): Promise<Buffer | null> {
    const dir = dirname(this.keyFile);
    for (let attempt = 0; attempt < 2; attempt++) {
      const dirStat = await stat(dir).catch((e) => (errno(e) === 'ENOENT' ? null : Promise.reject(e)));
      // A folder others may write to lets them replace the key file; reading its listing is harmless.
      if (dirStat) checkPrivate(dir, dirStat, this.locale, 0o022);
      const existing = await this.readKey();
      if (existing || !create) return existing;
      if (!dirStat) {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        await chmod(dir, 0o700);
      }
      try {
        const fh = await open(this.keyFile, 'wx', 0o600);
        const key = randomBytes(KEY_LEN);
        try {
          await fh.writeFile(`${key.toString('base64')}\n`, 'utf8');
          await fh.sync();
        } finally {
          await fh.close();
        }
        await syncDir(dir);
        return key;
      } catch (e) {
        if (errno(e) !== 'EEXIST') throw e; // another process made it first: read theirs
      }
    }
    return this.readKey();
  }

  private async readKey(): Promise<Buffer | null> {
    const text = await readCheckedFile(this.keyFile, {
      check: (st) => checkPrivate(this.keyFile, st, this.locale),
      maxBytes: 1024,
      tooBig: () => fail('SAL-6105', this.locale, { file: this.keyFile, detail: 'the key file is not a Saldo key' }),
    });
    if (text === null) return null;
    const key = Buffer.from(text.trim(), 'base64');
    if (key.length !== KEY_LEN || !/^[A-Za-z0-9+/]+={0,2}$/.test(text.trim())) {
      fail('SAL-6105', this.locale, { file: this.keyFile, detail: 'the key file is not a Saldo key' });
    }
    return key;
  }

  protected async seal(name: string, value: string): Promise<Buffer> {
    const key = (await this.key(true))!;
    try {
      const iv = randomBytes(IV_LEN);
      const c = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_LEN });
      c.setAAD(Buffer.from(name, 'utf8'));
      const ct = Buffer.concat([c.update(value, 'utf8'), c.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, c.getAuthTag(), ct]);
    } finally {
      key.fill(0);
    }
  }

  protected async unseal(name: string, sealed: Buffer): Promise<string> {
    const key = await this.key(false);
    if (!key) fail('SAL-6108', this.locale, { keyFile: this.keyFile, file: this.file });
    try {
      if (sealed.length < 1 + IV_LEN + TAG_LEN + 1 || sealed[0] !== VERSION) this.tampered(name);
      const iv = sealed.subarray(1, 1 + IV_LEN);
      const tag = sealed.subarray(1 + IV_LEN, 1 + IV_LEN + TAG_LEN);
      const d = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_LEN });
      d.setAAD(Buffer.from(name, 'utf8'));
      d.setAuthTag(tag);
      let plain: Buffer;
      try {
        plain = Buffer.concat([d.update(sealed.subarray(1 + IV_LEN + TAG_LEN)), d.final()]);
      } catch {
        this.tampered(name);
      }
      const value = plain.toString('utf8');
      plain.fill(0);
      return value;
    } finally {
      key.fill(0);
    }
  }
}
