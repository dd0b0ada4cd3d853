// Numbered migrations of the local store, run in order at start inside one transaction each.
// PRAGMA user_version holds the number of the last one applied. Never edit a shipped migration:
// add the next number.

import { READINGS_MIGRATION } from './migrations/004-readings';
import { BANK_MIGRATION } from './migrations/005-bank';
import { ACCOUNTS_MIGRATION } from './migrations/006-accounts';
import { PAYMENTS_MIGRATION } from './migrations/007-payments';
import { BANK_BOOKING_MIGRATION } from './migrations/008-bank-booking';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    id: 1,
    name: 'settings, profiles, operators, journal, audit',
    sql: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,             -- JSON
        updated_at TEXT NOT NULL,
        updated_by TEXT
      );

      -- Connection profiles hold no secrets: a secret is referenced by name and kept by the
      -- platform's secret store (safeStorage in the app, DPAPI or an owner-only file in the CLI).
      CREATE TABLE connection_profiles (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('accounting', 'portal')),
        adapter TEXT NOT NULL,
        config TEXT NOT NULL,            -- JSON
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE operators (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('administrator', 'operator', 'auditor')),
        grants TEXT NOT NULL DEFAULT '[]',  -- JSON array of extra permissions
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );

      CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,        -- ISO 8601 UTC
        finished_at TEXT,
        operator TEXT NOT NULL,
        kind TEXT NOT NULL,
        period TEXT,
        mode TEXT,
        status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'stopped', 'cancelled', 'failed')),
        counts TEXT NOT NULL DEFAULT '{}',
        totals TEXT NOT NULL DEFAULT '{}',   -- decimal strings, never floats
        problems TEXT NOT NULL DEFAULT '[]', -- the one error shape
        duration_ms INTEGER,
        pid INTEGER
      );
      CREATE INDEX runs_started ON runs (started_at DESC);

      CREATE TABLE run_records (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs (id),
        category TEXT NOT NULL,
        record_key TEXT,
        outcome TEXT NOT NULL,
        code TEXT,
        detail TEXT
      );
      CREATE INDEX run_records_run ON run_records (run_id, category);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        operator TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        detail TEXT NOT NULL DEFAULT '{}'
      );
      -- Append-only: the audit log can be read and added to, never changed.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    `,
  },
  {
    id: 2,
    name: 'operator sign-in: password hash, failed attempts, lock-out',
    sql: `
      ALTER TABLE operators ADD COLUMN password_hash TEXT;       -- scrypt$N$r$p$salt$key, never a password
      ALTER TABLE operators ADD COLUMN failed_signins INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE operators ADD COLUMN locked_until TEXT;        -- ISO 8601 UTC
      ALTER TABLE operators ADD COLUMN last_sign_in TEXT;
    `,
  },
  {
    id: 3,
    name: 'data to WWW: what was delivered, per category, period and record',
    sql: `
      -- One row per record the portal has: the hash of the fields last delivered (for "send
      -- changed"), its status, and the batch that carried it (a portal receipt can still reject it).
      CREATE TABLE www_delivered (
        category TEXT NOT NULL,
        period TEXT NOT NULL,
        record_key TEXT NOT NULL,
        hash TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'not_in_billing')),
        batch_id TEXT NOT NULL,
        run_id INTEGER NOT NULL REFERENCES runs (id),
        delivered_at TEXT NOT NULL,
        PRIMARY KEY (category, period, record_key)
      ) WITHOUT ROWID;
      CREATE INDEX www_delivered_batch ON www_delivered (batch_id);

      -- How many records a category had in its last completed full or changed send: the guard
      -- stops a send whose category comes back empty after having had records.
      CREATE TABLE www_category_stats (
        category TEXT NOT NULL,
        period TEXT NOT NULL,
        records INTEGER NOT NULL,
        run_id INTEGER NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (category, period)
      );
    `,
  },
  // Features keep their tables in their own numbered files.
  READINGS_MIGRATION,
  BANK_MIGRATION,
  ACCOUNTS_MIGRATION,
  PAYMENTS_MIGRATION,
  BANK_BOOKING_MIGRATION,
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].id;
