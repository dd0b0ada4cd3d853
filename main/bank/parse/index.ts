// The bank statement parsers' one entry point: detect the format by content, decode the bytes,
// parse, then check every statement's balance (opening + entries = closing, or the file's totals).
// Problems are values in the one error shape; any of severity error means nothing of this file
// may be booked (the service obeys that).

import type { Locale } from '../../../shared/domain/types';
import type { ParsedFile, Statement, StatementFormat } from '../types';
import { parseCamt } from './camt';
import { checkStatement } from './check';
import { CsvMappingSchema, parseCsv, presetFor, type CsvMapping } from './csv';
import { decodeBytes, decodeLarge, normaliseEncoding, type Decoded, type Encoding } from './decode';
import { detectFormat } from './detect';
import { parseMt940 } from './mt940';
import { parseOneC } from './onec';
import { Problems } from './problems';

export type { CsvMapping } from './csv';
export { CSV_PRESETS, CsvMappingSchema, presetFor } from './csv';
export { ENCODINGS, normaliseEncoding } from './decode';

export interface ParseOptions {
  fileName?: string;
  /** Overrides the detected encoding (e.g. 'windows-1250', 'cp852', 'windows-1251', 'cp866'). */
  encoding?: string;
  /** Overrides format detection. */
  format?: StatementFormat;
  /** Needed for CSV: the saved column mapping or a preset (CSV_PRESETS). */
  csvMapping?: CsvMapping;
  locale: Locale;
}

export function parseStatementFile(bytes: Uint8Array, opts: ParseOptions): ParsedFile {
  const problems = new Problems(opts.locale, opts.fileName);
  const fail = (format: StatementFormat, encoding: string): ParsedFile => ({ format, encoding, statements: [], problems: problems.list });

  const detected = opts.format ?? detectFormat(bytes);
  const selfDescribing = detected !== undefined && detected !== 'xml' && detected !== 'csv';
  // The operator's encoding wins; a CSV mapping's encoding applies to CSV files only.
  const wanted = opts.encoding ?? (selfDescribing ? undefined : opts.csvMapping?.encoding);
  let override: Encoding | undefined;
  if (wanted) {
    override = normaliseEncoding(wanted);
    if (!override) {
      problems.add('SAL-3003', { encoding: wanted });
      return fail(detected === undefined || detected === 'xml' ? 'csv' : detected, wanted);
    }
  }

  let format: StatementFormat;
  let decoded: Decoded;
  let mapping = opts.csvMapping;
  if (!selfDescribing) {
    // Not a self-describing format: a CSV, if a mapping was given or a preset recognises it.
    decoded = decodeBytes(bytes, override);
    if (!mapping) {
      const preset = presetFor(decoded.text);
      if (preset) {
        mapping = preset;
        if (!override && preset.encoding && decoded.source === 'guessed') decoded = decodeBytes(bytes, normaliseEncoding(preset.encoding));
      }
    }
    if (detected === 'xml' && !mapping) {
      problems.add('SAL-3011', { root: rootName(decoded.text) });
      return fail('camt.053', decoded.encoding);
    }
    if (!mapping) {
      if (detected === 'csv') problems.add('SAL-3016', {});
      else problems.add('SAL-3001', {});
      return fail('csv', decoded.encoding);
    }
    format = 'csv';
  } else if (detected === 'mt940' || detected === 'mt942') {
    // The big-file path: native decoding of the whole file, one pass over its lines (see decodeLarge).
    const large = decodeLarge(bytes, override);
    if (large.replacements > 0) {
      problems.add('SAL-3002', { encoding: large.encoding, count: large.replacements, line: large.firstBadLine ?? 1 }, { line: large.firstBadLine ?? 1 });
      return fail(detected, large.encoding);
    }
    const r = parseMt940(large.raw, problems);
    return finish(r.format, large.encoding, r.statements, problems);
  } else {
    format = detected;
    decoded = decodeBytes(bytes, override);
  }
  if (decoded.replacements > 0) {
    problems.add('SAL-3002', { encoding: decoded.encoding, count: decoded.replacements, line: decoded.firstBadLine ?? 1 }, { line: decoded.firstBadLine ?? 1 });
    return fail(format, decoded.encoding);
  }

  let statements: Statement[];
  switch (format) {
    case 'camt.052':
    case 'camt.053':
    case 'camt.054': {
      const r = parseCamt(decoded.text, problems);
      if (!r) return fail(format, decoded.encoding);
      format = r.format;
      statements = r.statements;
      break;
    }
    case '1c':
      statements = parseOneC(decoded.text, problems);
      break;
    case 'csv': {
      const parsedMapping = CsvMappingSchema.safeParse(mapping);
      if (!parsedMapping.success) {
        problems.add('SAL-3017', { detail: parsedMapping.error.issues.map((i) => i.path.join('.')).join(', ') });
        return fail('csv', decoded.encoding);
      }
      statements = parseCsv(decoded.text, parsedMapping.data, problems);
      break;
    }
  }

  return finish(format, decoded.encoding, statements, problems);
}

function finish(format: StatementFormat, encoding: string, statements: Statement[], problems: Problems): ParsedFile {
  if (statements.length === 0 && !problems.hasErrors) problems.add('SAL-3013', {});
  for (const st of statements) {
    // A parser may already have found the statement inconsistent (a CSV balance chain, a camt
    // entry count); otherwise the balance check decides.
    if (st.check.result !== 'mismatch') st.check = checkStatement(st, problems);
  }
  return { format, encoding, statements, problems: problems.list };
}

function rootName(text: string): string {
  const m = /<(?!\?|!)([\w:.-]+)/.exec(text);
  return m ? m[1] : '?';
}
