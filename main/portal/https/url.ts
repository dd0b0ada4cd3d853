// The portal's base address: https, or plain http only to this computer (tests, a local portal).

import { isIP } from 'node:net';
import type { Locale } from '../../../shared/domain/types';
import { fail } from '../../../shared/errors/problem';

/** 127.0.0.0/8, ::1 and localhost: the only hosts plain HTTP may go to. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.split('.')[0] === '127';
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1';
  return false;
}

/** What may be shown of an address: scheme, host and path, never a user or password. */
function shown(raw: string): string {
  try {
    const u = new URL(raw);
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return raw.replace(/\/\/[^/@]*@/, '//***@').slice(0, 200);
  }
}

/** Checks the base address and returns it parsed; throws SAL-4013 or SAL-4001. */
export function checkPortalUrl(raw: string, locale: Locale): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    fail('SAL-4013', locale, { url: shown(raw), detail: 'not an address' });
  }
  if (u.username || u.password) fail('SAL-4013', locale, { url: shown(raw), detail: 'it contains a user name or password' });
  if (u.search || u.hash) fail('SAL-4013', locale, { url: shown(raw), detail: 'it contains a query or fragment' });
  if (u.protocol === 'http:') {
    if (!isLoopbackHost(u.hostname)) fail('SAL-4001', locale, { url: shown(raw) });
  } else if (u.protocol !== 'https:') {
    fail('SAL-4013', locale, { url: shown(raw), detail: `${u.protocol} is not https:` });
  }
  return u;
}
