// Migration 5: the bank statements feature's tables (processed statements, items, assignments).

import type { Migration } from '../migrations';

export const BANK_MIGRATION: Migration = {
  id: 5,
  name: 'bank statements',
  sql: ``,
};
