// Picks the portal transport named in the config (DESIGN.md §2, §4).

import type { Locale } from '../../shared/domain/types';
import { fail } from '../../shared/errors/problem';
import type { LoadedConfig } from '../engine/config';
import { FolderPortalGateway } from './folder/gateway';
import { HttpsPortalGateway } from './https/gateway';
import { checkPortalUrl } from './https/url';
import type { PortalGateway } from './port';

export interface OpenPortalOptions {
  /** Retry notes of the HTTPS transport (never carry the token). */
  log?: (line: string) => void;
}

export async function openPortal(
  cfg: LoadedConfig,
  secrets: { get(name: string): Promise<string | null> },
  locale: Locale,
  opts: OpenPortalOptions = {},
): Promise<PortalGateway> {
  const p = cfg.config.portal;
  if (p.transport === 'folder') return new FolderPortalGateway(cfg.path(p.dir), { locale });
  // Refuse a bad address before touching the secret store.
  checkPortalUrl(p.baseUrl, locale);
  const token = await secrets.get(p.tokenSecret);
  if (!token) fail('SAL-4002', locale, { name: p.tokenSecret });
  return new HttpsPortalGateway({ baseUrl: p.baseUrl, token, batchTimeoutMs: p.batchTimeoutMs, retries: p.retries, locale, log: opts.log });
}
