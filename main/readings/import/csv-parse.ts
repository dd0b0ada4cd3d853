// RFC 4180 records from text: fields separated by one delimiter character, double-quoted fields may
// hold delimiters, quotes ("") and line breaks; lines end in CRLF or LF. Each record keeps the line
// it starts on, so problems point at the line the operator sees in a text editor.

export interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; line: number; reason: 'unclosed-quote' | 'stray-quote' };

/**
 * Splits text into records. Blank lines (nothing but spaces) are skipped. A quote inside an
 * unquoted field is kept as text (Excel writes `12"` that way); text after a closing quote other
 * than the delimiter is a stray quote — the file is not what it claims to be.
 */
export function parseCsv(text: string, delimiter: string): CsvParse {
  return runSteps(parseCsvSteps(text, delimiter));
}

/** Records parsed between two pauses of a stepwise parse (the caller decides, by time, whether to yield). */
export const STEP_RECORDS = 2000;

/**
 * A long synchronous parse as a generator: it pauses (yields) every STEP_RECORDS records so an async
 * caller can give the event loop a turn and check for Cancel; a sync caller runs it through.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs stepwise work to its end without pausing. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** parseCsv, pausing every STEP_RECORDS records. */
export function* parseCsvSteps(text: string, delimiter: string): Steps<CsvParse> {
  const records: CsvRecord[] = [];
  let steps = 0;
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  let i = 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let endOfRecord = false;
    while (!endOfRecord) {
      if (i < n && text.charCodeAt(i) === 0x22 /* " */) {
        // Quoted field.
        i++;
        let closed = false;
        let chunkStart = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === 0x22) {
            field += text.slice(chunkStart, i);
            if (text.charCodeAt(i + 1) === 0x22) {
              field += '"';
              i += 2;
              chunkStart = i;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === 0x0a) line++;
          i++;
        }
        if (!closed) return { ok: false, line: startLine, reason: 'unclosed-quote' };
        // After the closing quote: a delimiter, the end of the line, or spaces before them.
        while (i < n && text.charCodeAt(i) === 0x20) i++;
        if (i < n) {
          const c = text.charCodeAt(i);
          if (c !== d && c !== 0x0a && !(c === 0x0d && text.charCodeAt(i + 1) === 0x0a)) return { ok: false, line, reason: 'stray-quote' };
        }
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === d || c === 0x0a) break;
          if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) break;
          i++;
        }
        field = text.slice(start, i);
      }
      fields.push(field);
      field = '';
      if (i >= n) {
        endOfRecord = true;
      } else {
        const c = text.charCodeAt(i);
        if (c === d) {
          i++;
          // A delimiter at the very end of the text still opens one (empty) last field.
          if (i >= n) {
            fields.push('');
            endOfRecord = true;
          }
        } else {
          i += c === 0x0d ? 2 : 1;
          line++;
          endOfRecord = true;
        }
      }
    }
    if (!(fields.length === 1 && fields[0].trim() === '')) records.push({ line: startLine, fields });
    if (++steps % STEP_RECORDS === 0) yield;
  }
  return { ok: true, records };
}

/** Delimiters the importers recognise, in the order of preference when a file fits several. */
export const DELIMITERS = [';', '\t', ','] as const;

/**
 * Guesses the delimiter from the first lines: the one that splits every sampled line into the same
 * number (> 1) of fields, preferring `;` (Polish and Ukrainian Excel), then tab, then `,`; when none
 * is consistent, the one giving the most fields on the first line. Decimal commas are why `;` comes
 * before `,`: "123,45" splits differently from line to line under `,`.
 */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  const counts: Record<string, number[]> = {};
  for (const d of DELIMITERS) {
    const parsed = parseCsv(sample, d);
    // The sample may cut the last record; ignore it.
    const recs = parsed.ok ? parsed.records.slice(0, 20) : [];
    counts[d] = recs.length > 1 ? recs.slice(0, -1).map((r) => r.fields.length) : recs.map((r) => r.fields.length);
  }
  for (const d of DELIMITERS) {
    const c = counts[d];
    if (c.length && c[0] > 1 && c.every((x) => x === c[0])) return d;
  }
  // No delimiter splits the sample consistently (or the sample is broken, e.g. a quote never
  // closes — the parser will then say where): the one most frequent on the first line.
  const firstLine = sample.split('\n').find((l) => l.trim() !== '') ?? '';
  let best: string = DELIMITERS[0];
  let bestCount = -1;
  for (const d of DELIMITERS) {
    const c = firstLine.split(d).length - 1;
    if (c > bestCount) {
      best = d;
      bestCount = c;
    }
  }
  return best;
}
