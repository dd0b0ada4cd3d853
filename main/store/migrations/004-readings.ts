// Migration 4: the meter readings feature's tables (archive, portal cursor, review decisions).

import type { Migration } from '../migrations';

export const READINGS_MIGRATION: Migration = {
  id: 4,
  name: 'meter readings',
  sql: ``,
};
