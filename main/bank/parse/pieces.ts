// Banks cut long texts (titles, names, addresses) into fixed-width pieces: 27 characters in the
// Polish :86: subfields, 35 in SWIFT lines and camt Ustrd lines, 65 in a raw MT940 line. Joining
// them back must neither glue two words nor split one.

/**
 * A piece that fills its width was cut mechanically: the next piece continues it directly (a
 * space at the cut, if any, is already inside one of the pieces). A shorter piece ended early —
 * at a word, or because the bank trimmed its trailing space — so the next one starts a new word.
 * Only the first `n` pieces count (the parsers pass reused scratch arrays); `messy[i]`, when
 * given, says what hasInnerMess would of piece i (the caller has looked at its characters).
 */
export function joinPieces(pieces: readonly string[], width: number, n = pieces.length, messy?: readonly boolean[]): string {
  if (n === 0) return '';
  if (n === 1) return squeeze(pieces[0]);
  // Concatenated, not joined from an array: the pieces are slices of the file's text, and the
  // result refers to them instead of copying (and an array per title would be garbage at once).
  let out = '';
  let prevLen = width;
  let prevEndsSpace = false;
  // Squeezing the joined text costs a pass; only do it when a piece or a seam needs it.
  let dirty = false;
  for (let i = 0; i < n; i++) {
    const p = pieces[i];
    if (p === '') continue;
    const startsSpace = p.charCodeAt(0) === 32;
    if (out !== '') {
      if (prevLen < width && !prevEndsSpace && !startsSpace) out += ' ';
      else if (prevEndsSpace && startsSpace) dirty = true;
    } else if (startsSpace) dirty = true;
    if (!dirty && (messy ? messy[i] : hasInnerMess(p))) dirty = true;
    out += p;
    prevLen = p.length;
    prevEndsSpace = p.charCodeAt(p.length - 1) === 32;
  }
  return dirty || prevEndsSpace ? squeeze(out) : out;
}

/** Tabs, breaks, no-break or double spaces inside a piece. */
function hasInnerMess(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 0xa0 || (c === 32 && s.charCodeAt(i + 1) === 32)) return true;
  }
  return false;
}

function needsSqueeze(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  if (s.charCodeAt(0) <= 32 || s.charCodeAt(n - 1) <= 32) return true;
  for (let i = 1; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || (c === 32 && s.charCodeAt(i - 1) === 32) || c === 0xa0) return true;
  }
  return false;
}

/** Collapses runs of white space and trims. */
export function squeeze(s: string): string {
  return needsSqueeze(s) ? s.replace(/\s+/g, ' ').trim() : s;
}

/** An account as printed ("PL61 1090 1014 …", "/PL61…", "61 1090…") without spaces, dashes and slashes. */
export function cleanAccount(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const t = isClean(s) ? s : s.replace(/[\s/-]/g, '').toUpperCase();
  return t === '' ? undefined : t;
}

/** /^[A-Z0-9]+$/ without the regex: an account as most files write it. */
function isClean(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return s.length > 0;
}
