// External links: the window never navigates away; a link the operator clicks is opened in their
// own browser only when it is https, has no credentials in it, and names a real host.

import type { Locale } from '../../shared/domain/types';
import { fail } from '../../shared/errors/problem';

export function checkExternalUrl(raw: string, locale: Locale): URL {
  let url: URL;
  const shown = raw.length > 200 ? `${raw.slice(0, 200)}…` : raw;
  try {
    url = new URL(raw);
  } catch {
    fail('SAL-6025', locale, { url: shown, reason: 'not a URL' });
  }
  if (url.protocol !== 'https:') fail('SAL-6025', locale, { url: shown, reason: `${url.protocol} is not https` });
  if (url.username || url.password) fail('SAL-6025', locale, { url: `https://${url.host}`, reason: 'credentials in the address' });
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') fail('SAL-6025', locale, { url: shown, reason: 'no host' });
  return url;
}
