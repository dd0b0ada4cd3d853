// Migration 4: the meter readings feature's tables (archive, portal cursor, column mappings).

import type { Migration } from '../migrations';

export const READINGS_MIGRATION: Migration = {
  id: 4,
  name: 'meter readings',
  sql: `
    -- Every reading Saldo processed, once per source item (UNIQUE: the already-processed guard),
    -- with what the rules found, what the accounting database answered and who decided a held one.
    -- A reading is archived only when its processing is final for the run: an accepted reading
    -- only after its batch is in the accounting database, so a failed or cancelled run leaves the
    -- rest unarchived and a re-run processes exactly those.
    CREATE TABLE readings_archive (
      id INTEGER PRIMARY KEY,
      run_id INTEGER NOT NULL REFERENCES runs (id),          -- the import that brought it
      judged_run_id INTEGER REFERENCES runs (id),            -- a re-check that judged it again (NULL: only its import)
      source TEXT NOT NULL CHECK (source IN ('portal', 'radio')),
      source_id TEXT NOT NULL,                               -- portal item id, or <file sha256 16 hex>:<line>[:<zone>]
      reading_key TEXT NOT NULL,                             -- its idempotency key in the accounting database
      raw TEXT NOT NULL,                                     -- the RawReading (JSON), to judge it again
      meter_id TEXT,
      serial TEXT,
      radio_id TEXT,
      account_no TEXT,
      building TEXT,
      address TEXT,
      medium TEXT,
      unit TEXT,
      zone INTEGER NOT NULL,
      reading_date TEXT NOT NULL,                            -- YYYY-MM-DD, the premises' calendar day
      value TEXT NOT NULL,                                   -- as the source wrote it
      normalized TEXT,                                       -- decimal string, the meter's decimals
      previous_value TEXT,
      previous_date TEXT,
      consumption TEXT,                                      -- decimal string, never a float
      outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'held', 'rejected', 'duplicate', 'superseded')),
      problems TEXT NOT NULL DEFAULT '[]',                   -- the one error shape, JSON
      superseded_by TEXT,                                    -- source_id of the reading that won
      written TEXT CHECK (written IN ('written', 'already')),  -- accepted: what import_readings answered
      ack TEXT NOT NULL DEFAULT 'none' CHECK (ack IN ('none', 'pending', 'sent')),  -- portal acknowledgement
      decided_by TEXT,
      decided_at TEXT,                                       -- ISO 8601 UTC
      note TEXT,
      file TEXT,
      line INTEGER,
      archived_at TEXT NOT NULL,
      UNIQUE (source, source_id)
    );
    CREATE INDEX readings_archive_run ON readings_archive (run_id, outcome);
    -- Partial: an import's rows (NULL) cost this index nothing; a re-check's are found by it.
    CREATE INDEX readings_archive_judged ON readings_archive (judged_run_id, outcome) WHERE judged_run_id IS NOT NULL;
    -- The grids filter a run by outcome, then by building and medium within it (run indexes above).
    CREATE INDEX readings_archive_meter ON readings_archive (meter_id, reading_date);
    CREATE INDEX readings_archive_account ON readings_archive (account_no, reading_date);
    CREATE INDEX readings_archive_ack ON readings_archive (ack) WHERE ack = 'pending';

    -- The position in each portal feed up to which every item is processed (stored only after).
    CREATE TABLE readings_cursor (
      feed TEXT PRIMARY KEY,
      cursor TEXT,
      run_id INTEGER,
      updated_at TEXT NOT NULL
    );

    -- The radio operator's CSV column mappings, saved per operator.
    CREATE TABLE readings_mappings (
      operator TEXT NOT NULL COLLATE NOCASE,
      name TEXT NOT NULL COLLATE NOCASE,
      mapping TEXT NOT NULL,                                 -- JSON
      updated_at TEXT NOT NULL,
      PRIMARY KEY (operator, name)
    );
  `,
};
