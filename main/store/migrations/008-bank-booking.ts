// Migration 8: matched bank payments booked through the accounting exchange (saldo.json
// bank.deliver = accounting) — per item, the keys it was booked under and accounting's answer.

import type { Migration } from '../migrations';

export const BANK_BOOKING_MIGRATION: Migration = {
  id: 8,
  name: 'bank items booked to accounting',
  sql: `
    -- booking: accounting's answer to the item's last delivery — written (booked now), already
    -- (booked before under the same keys), refused (not booked; booking_message says why; the run's
    -- next delivery sends it again). NULL: never sent. The keys are kept from the first delivery and
    -- sent unchanged ever after, so accounting recognises the item whatever changes in Saldo.
    ALTER TABLE bank_items ADD COLUMN booking TEXT CHECK (booking IN ('written', 'already', 'refused'));
    ALTER TABLE bank_items ADD COLUMN booked_at TEXT;          -- ISO 8601 UTC of that answer
    ALTER TABLE bank_items ADD COLUMN booking_message TEXT;    -- accounting's reason for a refusal
    ALTER TABLE bank_items ADD COLUMN booking_statement TEXT;  -- import_bank_items statement_id
    ALTER TABLE bank_items ADD COLUMN booking_item TEXT;       -- import_bank_items item_ref
  `,
};
