// Migration 5: the bank statements feature's tables — processed files, statements, items with their
// match, payer history for suggestions, and the output files written.

import type { Migration } from '../migrations';

export const BANK_MIGRATION: Migration = {
  id: 5,
  name: 'bank statements',
  sql: `
    -- Every statement file an import saw. A file counts as processed (and its content hash as a
    -- duplicate next time) only when booked = 1: a file that failed its check can come again fixed.
    CREATE TABLE bank_files (
      id INTEGER PRIMARY KEY,
      run_id INTEGER NOT NULL REFERENCES runs (id),
      name TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      size INTEGER NOT NULL,
      format TEXT,
      encoding TEXT,
      booked INTEGER NOT NULL DEFAULT 0,
      duplicate INTEGER NOT NULL DEFAULT 0,
      problems TEXT NOT NULL DEFAULT '[]',  -- the one error shape
      imported_at TEXT NOT NULL
    );
    CREATE INDEX bank_files_sha ON bank_files (sha256, booked);
    CREATE INDEX bank_files_run ON bank_files (run_id);

    -- stmt_key = account | :20: id | :28C: number (or the balances and dates when there is no
    -- number): the same statement downloaded twice is booked once.
    CREATE TABLE bank_statements (
      id INTEGER PRIMARY KEY,
      file_id INTEGER NOT NULL REFERENCES bank_files (id),
      run_id INTEGER NOT NULL REFERENCES runs (id),
      seq INTEGER NOT NULL,
      stmt_key TEXT NOT NULL,
      format TEXT NOT NULL,
      statement_id TEXT NOT NULL,
      number TEXT,
      account TEXT NOT NULL,
      currency TEXT NOT NULL,
      opening INTEGER,                     -- minor units, signed
      opening_date TEXT,
      closing INTEGER,
      closing_date TEXT,
      computed INTEGER NOT NULL,           -- opening + sum of entries
      credit INTEGER NOT NULL,
      debit INTEGER NOT NULL,
      entries INTEGER NOT NULL,
      check_result TEXT NOT NULL CHECK (check_result IN ('pass', 'unavailable', 'mismatch')),
      booked INTEGER NOT NULL DEFAULT 0,
      duplicate INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX bank_statements_key ON bank_statements (stmt_key, booked);
    CREATE INDEX bank_statements_run ON bank_statements (run_id);

    -- One row per booked entry (a camt batch: per transaction). ref_key = statement account |
    -- bank reference | amount | value date, for an entry the bank lists again in another statement.
    CREATE TABLE bank_items (
      id INTEGER PRIMARY KEY,
      run_id INTEGER NOT NULL REFERENCES runs (id),
      statement_id INTEGER NOT NULL REFERENCES bank_statements (id),
      seq INTEGER NOT NULL,
      booking_date TEXT,
      value_date TEXT NOT NULL,
      amount INTEGER NOT NULL,             -- minor units, signed: + money in
      currency TEXT NOT NULL,
      title TEXT NOT NULL,
      payer_name TEXT,
      payer_account TEXT,
      virtual_account TEXT,
      bank_reference TEXT,
      ref_key TEXT,
      type_code TEXT,
      line INTEGER,
      status TEXT NOT NULL CHECK (status IN ('matched', 'suggested', 'unmatched', 'outgoing', 'fee')),
      account_no TEXT,
      premises_kind TEXT CHECK (premises_kind IN ('residential', 'commercial')),
      address TEXT,
      method TEXT CHECK (method IN ('virtual-account', 'title', 'payer-history', 'operator')),
      suggestion_account TEXT,
      suggestion_reason TEXT,
      problems TEXT NOT NULL DEFAULT '[]',
      assigned_by TEXT,
      assigned_at TEXT,
      note TEXT
    );
    CREATE INDEX bank_items_run ON bank_items (run_id, status);
    CREATE INDEX bank_items_ref ON bank_items (ref_key);

    -- Who paid for which premises (from booked items): the same payer account that paid for exactly
    -- one premises before gives a suggestion, never a booking.
    CREATE TABLE bank_payer_history (
      payer_account TEXT NOT NULL,
      account_no TEXT NOT NULL,
      payments INTEGER NOT NULL,
      last_date TEXT NOT NULL,
      PRIMARY KEY (payer_account, account_no)
    ) WITHOUT ROWID;

    CREATE TABLE bank_outputs (
      id INTEGER PRIMARY KEY,
      run_id INTEGER NOT NULL REFERENCES runs (id),
      kind TEXT NOT NULL CHECK (kind IN ('residential', 'commercial', 'unmatched')),
      file TEXT NOT NULL,
      rows INTEGER NOT NULL,
      total INTEGER NOT NULL,
      written_at TEXT NOT NULL,
      written_by TEXT NOT NULL
    );
    CREATE INDEX bank_outputs_run ON bank_outputs (run_id);
  `,
};
