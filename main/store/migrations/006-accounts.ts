// Migration 6: the portal accounts feature's tables — activation codes issued (metadata only:
// never the code, never its hash), registration events processed, and the feed positions of the
// feature's own portal feeds. Part B (portal payments) has its tables in migration 7.

import type { Migration } from '../migrations';

export const ACCOUNTS_MIGRATION: Migration = {
  id: 6,
  name: 'portal accounts, registrations and payments',
  sql: `
    -- One row per activation code sent to the portal. The code exists in plain text only in the
    -- printed letter; the hash went to the portal and is not kept here either. status:
    --   sent          the portal accepted the hash; the letter is not written yet (or the process died)
    --   issued        the letter is written: the code is live until expires_at, or until replaced
    --   letter_failed the portal accepted it, the letter could not be written: the code is lost
    --   replaced      a later code for the account superseded it (re-issue)
    -- Only 'issued' and unexpired counts as a live code; every other state is re-issued by the next
    -- creation without --reissue.
    CREATE TABLE portal_activations (
      id INTEGER PRIMARY KEY,
      account_no TEXT NOT NULL,
      code_id TEXT NOT NULL UNIQUE,          -- random, printed on the letter; names the code, reveals nothing of it
      version INTEGER NOT NULL,              -- 1, 2, … per account: how many codes it has had
      replaces TEXT,                         -- code_id of the code this one replaced (told to the portal)
      run_id INTEGER NOT NULL REFERENCES runs (id),
      batch_id TEXT NOT NULL,
      language TEXT NOT NULL,
      issued_at TEXT NOT NULL,               -- ISO 8601 UTC
      issued_by TEXT NOT NULL,
      expires_at TEXT NOT NULL,              -- ISO 8601 UTC
      status TEXT NOT NULL CHECK (status IN ('sent', 'issued', 'letter_failed', 'replaced')),
      UNIQUE (account_no, version)
    );
    CREATE INDEX portal_activations_account ON portal_activations (account_no, status);

    -- Every registrations feed item processed, once (item_id UNIQUE: the already-processed guard),
    -- with what it did to accounting's registered_accounts, and whether the portal has its
    -- acknowledgement. The e-mail is kept masked: the window shows who registered, not how to write to them.
    CREATE TABLE portal_registrations (
      id INTEGER PRIMARY KEY,
      item_id TEXT NOT NULL UNIQUE,
      event TEXT NOT NULL CHECK (event IN ('registered', 'unregistered')),
      account_no TEXT NOT NULL,
      person TEXT NOT NULL,
      email_masked TEXT NOT NULL,
      submitted_at TEXT NOT NULL,            -- as the portal sent it (ISO 8601 with offset)
      run_id INTEGER NOT NULL REFERENCES runs (id),
      outcome TEXT NOT NULL CHECK (outcome IN ('inserted', 'already', 'deleted', 'absent', 'rejected')),
      code TEXT,
      ack TEXT NOT NULL DEFAULT 'pending' CHECK (ack IN ('pending', 'sent')),
      processed_at TEXT NOT NULL
    );
    CREATE INDEX portal_registrations_account ON portal_registrations (account_no, id);
    CREATE INDEX portal_registrations_ack ON portal_registrations (ack) WHERE ack = 'pending';

    -- The position in each of the feature's portal feeds up to which every item is processed
    -- (stored in the same transaction as the page's items, never before).
    CREATE TABLE accounts_feed_cursor (
      feed TEXT PRIMARY KEY,
      cursor TEXT,
      run_id INTEGER,
      updated_at TEXT NOT NULL
    );
  `,
};
