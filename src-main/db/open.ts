// One project = one .sqlite file the user can open, close and copy.
import Database from 'better-sqlite3';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

export function openDatabase(path: string): Db {
  const db = new Database(path);
  try {
    // WAL keeps readers (the UI) unblocked while an import writes.
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    migrate(db, MIGRATIONS);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Folds the WAL back into the main file so the .sqlite alone is a complete copy. */
export function closeDatabase(db: Db): void {
  if (db.open) {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  }
}
