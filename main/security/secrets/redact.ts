// Removes secret values from text bound for a log line, an error message, a report or the journal
// (a driver's error may echo a connection string). Each value is replaced in its raw form and in
// the escaped forms a message is likely to carry it in (JSON string, URL component).

export function redact(text: string, secrets: string[]): string {
  const forms = new Set<string>();
  for (const s of secrets) {
    if (typeof s !== 'string' || s.length === 0) continue;
    forms.add(s);
    forms.add(JSON.stringify(s).slice(1, -1));
    forms.add(encodeURIComponent(s));
  }
  // Longest first, so a secret that contains another is replaced whole.
  let out = text;
  for (const f of [...forms].filter((f) => f.length > 0).sort((a, b) => b.length - a.length)) out = out.split(f).join('***');
  return out;
}
