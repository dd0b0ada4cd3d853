// Statement files chosen or dropped in the window. The sandboxed renderer has no paths: it reads the
// bytes and sends them base64-encoded, untouched — the decoding (cp1250, cp866 …) is main's job.

import type { STATEMENT_ENCODINGS, STATEMENT_FORMATS } from '../../../shared/ipc/contract-bank';

/** The contract's limits: 50 files of at most 64 MiB each. */
export const MAX_FILES = 50;
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type Encoding = (typeof STATEMENT_ENCODINGS)[number];
export type Format = (typeof STATEMENT_FORMATS)[number];

// The contract's lists, written out: importing its module would bring zod into the window, and
// zod probes `new Function`, which the window's CSP refuses. The types (and a unit test) keep
// them the same lists.
export const ENCODINGS = ['utf-8', 'iso-8859-2', 'windows-1250', 'cp852', 'windows-1251', 'cp866'] as const satisfies readonly Encoding[];
export const FORMATS = ['mt940', 'mt942', 'camt.052', 'camt.053', 'camt.054', '1c', 'csv'] as const satisfies readonly Format[];

export interface PendingFile {
  name: string;
  size: number;
  /** The file's bytes, base64. */
  content: string;
}

/**
 * A name main accepts: a file name, never a path, without the characters Windows forbids in names
 * (a name from another system may have them), at most 255 characters.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f:*?"<>|]/g, '_').trim();
  const s = clean === '' || clean === '.' || clean === '..' ? 'statement' : clean;
  return s.length > 255 ? s.slice(s.length - 255) : s;
}

/** The file's bytes as base64 (the browser's own encoder, no copy through strings); null when it cannot be read. */
export function readStatementFile(file: File): Promise<PendingFile | null> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? { name: safeFileName(file.name), size: file.size, content: url.slice(comma + 1) } : null);
    };
    reader.onerror = () => resolve(null);
    reader.onabort = () => resolve(null);
    reader.readAsDataURL(file);
  });
}

/** 1536 → "1.5 KB" style sizes in the window's number format. */
export function fileSize(bytes: number, num: (n: number) => string, decimal: string): string {
  if (bytes < 1024) return `${num(bytes)} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  // One decimal is enough to tell files apart; the value is shown, never computed with.
  const tenths = Math.round(v * 10);
  const whole = Math.floor(tenths / 10);
  return `${num(whole)}${decimal}${tenths % 10} ${units[i]}`;
}
