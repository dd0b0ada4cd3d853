// Migration 7: portal payments (issue 7 point 3) and collected-funds runs (point 4).

import type { Migration } from '../migrations';

export const PAYMENTS_MIGRATION: Migration = {
  id: 7,
  name: 'portal payments and collected funds',
  sql: `
    -- One row per portal payment id ever processed: booked in accounting, or rejected with its
    -- code. The id is the key, so a payment the portal sends again is recognised in any later run.
    -- fingerprint = the item's fields as received: the same id with other fields is a conflict.
    CREATE TABLE portal_payments (
      payment_id TEXT PRIMARY KEY,
      account_no TEXT NOT NULL,
      amount INTEGER NOT NULL,            -- minor units, > 0
      currency TEXT NOT NULL,
      paid_at TEXT NOT NULL,              -- as the portal sent it (ISO 8601 with offset)
      paid_on TEXT NOT NULL,              -- the local calendar day (the workspace's time zone)
      period TEXT NOT NULL,               -- YYYY-MM of paid_on
      reference TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('booked', 'rejected')),
      written TEXT CHECK (written IN ('written', 'already')),   -- accounting's answer when booked
      code TEXT,                          -- the catalogue code of a rejection (or a warning when booked)
      problem TEXT,                       -- the one error shape, JSON
      run_id INTEGER NOT NULL REFERENCES runs (id),
      processed_at TEXT NOT NULL,
      ack TEXT NOT NULL CHECK (ack IN ('pending', 'sent')),
      ack_message TEXT,                   -- what the portal shows the resident of a rejection (the residents' language)
      acked_at TEXT
    ) WITHOUT ROWID;
    CREATE INDEX portal_payments_period ON portal_payments (period, outcome);
    CREATE INDEX portal_payments_run ON portal_payments (run_id);
    CREATE INDEX portal_payments_pending ON portal_payments (ack) WHERE ack = 'pending';

    -- A payment id that came again (in the same page or a later read): never booked twice; listed.
    CREATE TABLE portal_payment_repeats (
      id INTEGER PRIMARY KEY,
      payment_id TEXT NOT NULL,
      account_no TEXT NOT NULL,
      amount INTEGER NOT NULL,
      paid_at TEXT NOT NULL,
      same INTEGER NOT NULL CHECK (same IN (0, 1)),   -- 1: the same fields; 0: other fields (conflict)
      code TEXT NOT NULL,
      problem TEXT NOT NULL,
      run_id INTEGER NOT NULL REFERENCES runs (id),
      received_at TEXT NOT NULL
    );
    CREATE INDEX portal_payment_repeats_run ON portal_payment_repeats (run_id);

    -- The payments feed's position: stored in the transaction that records a page's payments.
    CREATE TABLE portal_payments_cursor (
      feed TEXT PRIMARY KEY,
      cursor TEXT,
      run_id INTEGER NOT NULL,
      updated_at TEXT NOT NULL
    );

    -- A collected-funds run (kind funds): what was computed, kept so the report prints what the run
    -- saw however the data changes later.
    CREATE TABLE funds_runs (
      run_id INTEGER PRIMARY KEY REFERENCES runs (id),
      period TEXT NOT NULL,               -- the month the money was collected in
      basis TEXT NOT NULL,                -- the billed month whose charges it was allocated to
      currency TEXT NOT NULL,
      collected INTEGER NOT NULL,
      portal INTEGER NOT NULL,
      bank INTEGER NOT NULL,
      overpayment INTEGER NOT NULL,
      charged INTEGER NOT NULL,
      premises INTEGER NOT NULL,
      payments INTEGER NOT NULL
    );

    -- Per provider (kind provider) and the overpayment line (kind overpayment), in print order.
    CREATE TABLE funds_lines (
      run_id INTEGER NOT NULL REFERENCES runs (id),
      line_no INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('provider', 'overpayment')),
      provider_code TEXT,
      name TEXT,
      tax_code TEXT,
      bank TEXT,
      account TEXT,
      collected INTEGER NOT NULL,
      debt_part INTEGER NOT NULL,
      current_part INTEGER NOT NULL,
      charged INTEGER NOT NULL,
      share_bp INTEGER NOT NULL,          -- of the collected total, hundredths of a percent
      charges_bp INTEGER,                 -- collected / charged, hundredths of a percent; NULL: nothing charged
      PRIMARY KEY (run_id, line_no)
    ) WITHOUT ROWID;

    CREATE TABLE funds_services (
      run_id INTEGER NOT NULL REFERENCES runs (id),
      service_code TEXT NOT NULL,
      name TEXT NOT NULL,
      provider_code TEXT NOT NULL,
      debt_part INTEGER NOT NULL,
      current_part INTEGER NOT NULL,
      charged INTEGER NOT NULL,
      PRIMARY KEY (run_id, service_code)
    ) WITHOUT ROWID;

    -- The payments the run counted (its inputs), so the report can be checked against them.
    CREATE TABLE funds_inputs (
      run_id INTEGER NOT NULL REFERENCES runs (id),
      source TEXT NOT NULL CHECK (source IN ('portal', 'bank')),
      ref TEXT NOT NULL,                  -- portal payment id, or bank item id
      account_no TEXT NOT NULL,
      amount INTEGER NOT NULL,
      paid_on TEXT NOT NULL,
      PRIMARY KEY (run_id, source, ref)
    ) WITHOUT ROWID;
  `,
};
