// The local store: one better-sqlite3 file in WAL mode. Opening it runs the pending migrations.
// Feature code reaches it through the small repositories beside this file (journal, settings,
// operators, audit), never through ad-hoc SQL strings built from input.

import Database from 'better-sqlite3';
import { basename } from 'node:path';
import type { Locale } from '../../shared/domain/types';
import { fail } from '../../shared/errors/problem';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export type Db = Database.Database;

export function openStore(file: string, locale: Locale = 'en'): Db {
  let db: Db;
  try {
    db = new Database(file);
  } catch (e) {
    fail('SAL-6002', locale, { detail: `store ${basename(file)}: ${(e as Error).message}` });
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A run archives or journals 100k rows in batches: index pages stay cached between batches
  // (the default holds ~2 MiB), and the WAL is checkpointed every ~16 MiB instead of every 4 MiB,
  // so the same index pages are not copied and synced over and over (each checkpoint syncs the
  // file). After a checkpoint the WAL file is cut back to 64 MiB.
  db.pragma('cache_size = -32768');
  db.pragma('wal_autocheckpoint = 4000');
  db.pragma('journal_size_limit = 67108864');
  migrate(db, file, locale);
  return db;
}

export function migrate(db: Db, file: string, locale: Locale): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    db.close();
    fail('SAL-6011', locale, { file: basename(file), found: current, supported: SCHEMA_VERSION });
  }
  for (const m of MIGRATIONS) {
    if (m.id <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.id}`);
    })();
  }
}

export function nowIso(): string {
  return new Date().toISOString();
}
