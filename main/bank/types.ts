// The bank statements feature's types: what every parser (MT940/MT942, camt.05x, 1C, CSV) gives,
// what matching adds, and what the output writers and the store take. Money is integer minor units
// (bigint-safe JS numbers up to 2^53, far above any statement); dates are YYYY-MM-DD bank days.

import type { Problem } from '../../shared/domain/types';

export type StatementFormat = 'mt940' | 'mt942' | 'camt.052' | 'camt.053' | 'camt.054' | '1c' | 'csv';

/** The result of opening + entries = closing (or the file's own totals). */
export type BalanceCheck =
  | { result: 'pass' }
  /** The file states no closing balance (e.g. an export without :62F:): nothing to check against. */
  | { result: 'unavailable' }
  | {
      result: 'mismatch';
      expected: number;
      computed: number;
      /** What disagreed: the closing balance (default), or the file's own credit/debit total or entry count. */
      what?: 'closing' | 'credit' | 'debit' | 'count';
    };

export interface Balance {
  /** Signed minor units: negative for a debit balance. */
  amount: number;
  date: string;
  currency: string;
}

export interface Party {
  name?: string;
  /** IBAN/NRB as printed, spaces removed. */
  account?: string;
  address?: string;
  /** UA: EDRPOU/ІПН of the party (1C `ПлательщикОКПО`), PL: NIP when given. */
  taxId?: string;
}

export interface StatementEntry {
  /** 1-based position in the statement (for the report and the operator). */
  seq: number;
  /** Signed minor units as booked on the statement account: + money in, − money out. Reversals carry the reversed sign. */
  amount: number;
  currency: string;
  valueDate: string;
  bookingDate?: string;
  /** C, D, RC (reversal of credit: money out), RD (reversal of debit: money in). */
  mark: 'C' | 'D' | 'RC' | 'RD';
  reversal: boolean;
  /** The bank's reference(s): used to recognise a statement processed twice. */
  bankReference?: string;
  customerReference?: string;
  /** SWIFT transaction type / camt bank transaction code / 1C document kind. */
  typeCode?: string;
  /** The payment title as one text (27-character pieces joined back). */
  title: string;
  counterparty: Party;
  /** The account the money was paid to when the bank names a virtual sub-account (mBank `ID IPH:`, camt CdtrAcct, :86: ~38/ <38 …). */
  virtualAccount?: string;
  /** Bank fee or charge (not a resident's payment): listed apart. */
  fee?: boolean;
  /** Every :86: subfield / XML element the parser kept, for the operator's detail view. */
  details?: Record<string, string>;
  /** Where it is in the file. */
  line?: number;
}

export interface Statement {
  format: StatementFormat;
  /** :20: / GrpHdr MsgId + Stmt Id / 1C document number. */
  id: string;
  /** :28C: statement/sequence number, camt ElctrncSeqNb/LglSeqNb. */
  number?: string;
  /** The statement account (IBAN/NRB), spaces removed. */
  account: string;
  currency: string;
  opening?: Balance;
  closing?: Balance;
  /** The file's own totals when it gives them (1C `ВсегоПоступило`/`ВсегоСписано`, camt TxsSummry), minor units. */
  totals?: { credit?: number; debit?: number; count?: number };
  entries: StatementEntry[];
  check: BalanceCheck;
  /** Line of the statement's start in the file. */
  line?: number;
  /** Statement-level information (MT940 :86: after the closing balance, camt AddtlStmtInf/AddtlRptInf). */
  info?: string;
}

/** What a parser gives for one file. A file-level problem (truncated, not this format, bad encoding) fails the whole file. */
export interface ParsedFile {
  format: StatementFormat;
  /** The encoding the bytes were decoded with (detected or set). */
  encoding: string;
  statements: Statement[];
  /** Problems with a code from the catalogue (SAL-3xxx); any of severity error means nothing of this file is booked. */
  problems: Problem[];
}

export type PremisesKind = 'residential' | 'commercial';

/** How a payment was tied to a premises. */
export type MatchMethod = 'virtual-account' | 'title' | 'payer-history' | 'operator';

export interface MatchedItem {
  entry: StatementEntry;
  statementId: string;
  status: 'matched' | 'suggested' | 'unmatched' | 'outgoing' | 'fee';
  accountNo?: string;
  premisesKind?: PremisesKind;
  method?: MatchMethod;
  /** Why a suggestion or a failed match: the one error shape. */
  problems: Problem[];
  /** The matched premises' address (for the operator and the output files). */
  address?: string;
  /** Status 'suggested': the premises the same payer paid for before, and how many times. */
  suggestion?: { accountNo: string; payments: number };
}
