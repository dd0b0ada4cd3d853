// How bank data reads on screen.

/**
 * An account number in groups of four, as banks print them: "PL61 1090 1014 …"; a Polish NRB
 * without the country starts with its two check digits ("61 1090 1014 …"). Other values as given.
 */
export function groupAccount(account: string | undefined): string {
  if (!account) return '';
  const s = account.replace(/\s+/g, '');
  if (/^[A-Z]{2}\d{2}[0-9A-Z]{8,}$/.test(s)) return s.replace(/(.{4})(?=.)/g, '$1 ');
  if (/^\d{26}$/.test(s)) return `${s.slice(0, 2)} ${s.slice(2).replace(/(.{4})(?=.)/g, '$1 ')}`;
  return account;
}
