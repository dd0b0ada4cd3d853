// Opens the secret store for a workspace: environment variables first (read-only, for scheduled
// jobs), then the platform store — Electron's safeStorage in the app, DPAPI for the CLI on Windows,
// the owner-only key file for the CLI elsewhere. set/delete always go to the platform store.
// Secrets never come from the command line.

import type { Locale } from '../../../shared/domain/types';
import { DpapiSecretStore, type RunPowerShell } from './dpapi';
import { envVariableFor, EnvSecretStore } from './env';
import { OwnerFileSecretStore } from './owner-file';
import type { SecretStore, SecretStoreKind } from './port';
import { SafeStorageSecretStore, type SafeStorageLike } from './safe-storage';

export type { SecretStore, SecretStoreKind } from './port';
export { validateSecretName, validateSecretValue, MAX_SECRET_LENGTH, SECRET_NAME_RE } from './port';
export { redact } from './redact';
export { SafeStorageSecretStore, type SafeStorageLike } from './safe-storage';
export { DpapiSecretStore, type RunPowerShell } from './dpapi';
export { OwnerFileSecretStore, defaultKeyFile } from './owner-file';
export { EnvSecretStore, envVariableFor, ENV_PREFIX } from './env';

/** The name of the secrets file in a workspace folder. */
export const SECRETS_FILE = 'secrets.json';

export class ChainSecretStore implements SecretStore {
  readonly kind = 'chain' as const;

  constructor(
    readonly env: EnvSecretStore,
    readonly platform: SecretStore,
  ) {}

  async get(name: string): Promise<string | null> {
    return (await this.env.get(name)) ?? this.platform.get(name);
  }

  set(name: string, value: string): Promise<void> {
    return this.platform.set(name, value);
  }

  delete(name: string): Promise<boolean> {
    return this.platform.delete(name);
  }

  /** Platform names, plus environment variables that do not merely shadow one of them. */
  async list(): Promise<string[]> {
    const own = await this.platform.list();
    const shadowed = new Set(own.map((n) => envVariableFor(n)));
    const fromEnv = (await this.env.list()).filter((suffix) => !shadowed.has(envVariableFor(suffix)));
    return [...new Set([...own, ...fromEnv])].sort();
  }

  /** Which store answers for a name (the environment wins), or null: for `saldo secrets list` and the status view. */
  async source(name: string): Promise<SecretStoreKind | null> {
    if ((await this.env.get(name)) !== null) return 'env';
    return (await this.platform.get(name)) !== null ? this.platform.kind : null;
  }
}

export interface OpenSecretStoreOptions {
  /** The workspace's secrets file, normally join(workspaceDir, SECRETS_FILE). */
  file: string;
  platform?: NodeJS.Platform;
  /** The owner-file store's key (default ~/.config/saldo/secret.key). */
  keyFile?: string;
  /** The Electron app passes electron.safeStorage. */
  safeStorage?: SafeStorageLike;
  env?: NodeJS.ProcessEnv;
  locale?: Locale;
  /** Tests only: replaces the PowerShell runner of the DPAPI store. */
  runPowerShell?: RunPowerShell;
}

export function openSecretStore(opts: OpenSecretStoreOptions): ChainSecretStore {
  const locale = opts.locale ?? 'en';
  const platform = opts.platform ?? process.platform;
  const store: SecretStore = opts.safeStorage
    ? new SafeStorageSecretStore(opts.file, opts.safeStorage, { locale })
    : platform === 'win32'
      ? new DpapiSecretStore(opts.file, opts.runPowerShell, { locale })
      : new OwnerFileSecretStore(opts.file, opts.keyFile, { locale });
  return new ChainSecretStore(new EnvSecretStore(opts.env ?? process.env, { locale }), store);
}
