// Banks cut long texts (titles, names, addresses) into fixed-width pieces: 27 characters in the
// Polish :86: subfields, 35 in SWIFT lines and camt Ustrd lines, 65 in a raw MT940 line. Joining
// them back must neither glue two words nor split one.

/**
 * A piece that fills its width was cut mechanically: the next piece continues it directly (a
 * space at the cut, if any, is already inside one of the pieces). A shorter piece ended early —
 * at a word, or because the bank trimmed its trailing space — so the next one starts a new word.
 */
export function joinPieces(pieces: readonly string[], width: number): string {
  if (pieces.length === 0) return '';
  if (pieces.length === 1) return squeeze(pieces[0]);
  // Built with join: one flat string, no chain of concatenations kept alive behind it.
  const parts: string[] = [];
  let prevLen = width;
  let prevEndsSpace = false;
  // Squeezing the joined text costs a pass; only do it when a piece or a seam needs it.
  let dirty = false;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if (p === '') continue;
    const startsSpace = p.charCodeAt(0) === 32;
    if (parts.length > 0) {
      if (prevLen < width && !prevEndsSpace && !startsSpace) parts.push(' ');
      else if (prevEndsSpace && startsSpace) dirty = true;
    } else if (startsSpace) dirty = true;
    if (!dirty && hasInnerMess(p)) dirty = true;
    parts.push(p);
    prevLen = p.length;
    prevEndsSpace = p.charCodeAt(p.length - 1) === 32;
  }
  const out = parts.join('');
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
  const t = /^[A-Z0-9]+$/.test(s) ? s : s.replace(/[\s/-]/g, '').toUpperCase();
  return t === '' ? undefined : t;
}
