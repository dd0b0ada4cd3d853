// The Electron app's store: values sealed with Electron's safeStorage (DPAPI-protected key on
// Windows, the Keychain on macOS, the Secret Service/KWallet on Linux). The app passes
// `electron.safeStorage`; this file does not import electron, so it is testable under Node.
// When encryption is not available — or on Linux falls back to Chromium's hard-coded
// 'basic_text' password — the store refuses rather than keep a secret in effectively clear form.

import type { Locale } from '../../../shared/domain/types';
import { fail } from '../../../shared/errors/problem';
import { bindName, FileBackedSecretStore, unbindName } from './file';

/** The part of `electron.safeStorage` used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron: 'basic_text' means no keyring, i.e. no real protection. */
  getSelectedStorageBackend?(): string;
}

export class SafeStorageSecretStore extends FileBackedSecretStore {
  readonly kind = 'safe-storage' as const;

  constructor(
    file: string,
    private readonly safeStorage: SafeStorageLike,
    opts: { locale?: Locale } = {},
  ) {
    super(file, opts.locale ?? 'en');
  }

  private ensureAvailable(): void {
    if (!this.safeStorage.isEncryptionAvailable()) fail('SAL-6102', this.locale, { detail: 'safeStorage: encryption not available' });
    let backend: string | undefined;
    try {
      backend = this.safeStorage.getSelectedStorageBackend?.();
    } catch {
      backend = undefined; // not Linux: the method is absent or throws; the OS protection applies
    }
    if (backend === 'basic_text') fail('SAL-6102', this.locale, { detail: 'safeStorage: no keyring (basic_text)' });
  }

  protected async seal(name: string, value: string): Promise<Buffer> {
    this.ensureAvailable();
    return this.safeStorage.encryptString(bindName(name, value));
  }

  protected async unseal(name: string, sealed: Buffer): Promise<string> {
    this.ensureAvailable();
    let plain: string;
    try {
      plain = this.safeStorage.decryptString(sealed);
    } catch {
      this.tampered(name);
    }
    const value = unbindName(name, plain);
    if (value === null) this.tampered(name);
    return value;
  }
}
