// ISO 13616 IBAN check (MOD 97-10) and the Polish NRB (IBAN without the "PL").

function mod97(digits: string): number {
  let r = 0;
  for (let i = 0; i < digits.length; i += 7) {
    r = Number(String(r) + digits.slice(i, i + 7)) % 97;
  }
  return r;
}

function lettersToDigits(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += c >= 65 && c <= 90 ? String(c - 55) : ch;
  }
  return out;
}

export function normaliseAccount(s: string): string {
  return s.replace(/[\s-]/g, '').toUpperCase();
}

export function isValidIban(iban: string): boolean {
  const s = normaliseAccount(iban);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s)) return false;
  if (s.startsWith('PL') && s.length !== 28) return false;
  if (s.startsWith('UA') && s.length !== 29) return false;
  return mod97(lettersToDigits(s.slice(4) + s.slice(0, 4))) === 1;
}

/** NRB: 26 digits, checked as the IBAN "PL" + NRB. */
export function isValidNrb(nrb: string): boolean {
  const s = normaliseAccount(nrb);
  if (!/^\d{26}$/.test(s)) return false;
  return isValidIban(`PL${s}`);
}

/** Compute the two check digits for a country code and BBAN. */
export function ibanCheckDigits(country: string, bban: string): string {
  const r = mod97(lettersToDigits(bban + country.toUpperCase() + '00'));
  return String(98 - r).padStart(2, '0');
}

/** Build a Polish NRB from an 8-digit routing number and a 16-digit account. */
export function makeNrb(routing8: string, account16: string): string {
  const bban = routing8 + account16;
  return ibanCheckDigits('PL', bban) + bban;
}

/** Build a Ukrainian IBAN from a 6-digit MFO and a 19-digit account. */
export function makeUaIban(mfo6: string, account19: string): string {
  const bban = mfo6 + account19;
  return `UA${ibanCheckDigits('UA', bban)}${bban}`;
}
