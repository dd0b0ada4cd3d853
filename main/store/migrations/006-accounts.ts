// Migration 6: the portal accounts feature's tables (activation codes' hashes, registrations,
// portal payments, feed cursors of its own).

import type { Migration } from '../migrations';

export const ACCOUNTS_MIGRATION: Migration = {
  id: 6,
  name: 'portal accounts, registrations and payments',
  sql: ``,
};
