// Which format a file is, by its content (never by its name): XML camt by root element or
// namespace, 1C by its first line, MT940/MT942 by SWIFT blocks or tags, CSV by a preset header.

import type { StatementFormat } from '../types';

export type Detected = StatementFormat | 'xml' | undefined;

const CAMT_NS = /urn:iso:std:iso:20022:tech:xsd:camt\.(05[234])\.001\.\d\d/;

/** Looks at the first few KB as Latin-1: every signature we test is ASCII. */
export function detectFormat(bytes: Uint8Array): Detected {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 16384)).toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '');
  const t = head.trimStart();
  if (t.startsWith('<')) {
    const ns = CAMT_NS.exec(head);
    if (ns) return `camt.${ns[1]}` as StatementFormat;
    if (/<(?:\w+:)?BkToCstmrStmt[\s>]/.test(head)) return 'camt.053';
    if (/<(?:\w+:)?BkToCstmrAcctRpt[\s>]/.test(head)) return 'camt.052';
    if (/<(?:\w+:)?BkToCstmrDbtCdtNtfctn[\s>]/.test(head)) return 'camt.054';
    return 'xml';
  }
  if (t.startsWith('1CClientBankExchange')) return '1c';
  if (/\{2:[IO]942/.test(head)) return 'mt942';
  if (/\{2:[IO]940/.test(head) || /\{4:\s*\r?\n?:20:/.test(head)) return 'mt940';
  const tags = /^\x01?:20:/m.test(head) && (/^:25:/m.test(head) || /^:60[FM]:/m.test(head) || /^:61:/m.test(head));
  if (tags) return /^:(34F|13D|90[CD]):/m.test(head) && !/^:60F:/m.test(head) ? 'mt942' : 'mt940';
  if (/^:25:/m.test(head) && /^:6[01][FM]?:/m.test(head)) return 'mt940';
  return undefined;
}
