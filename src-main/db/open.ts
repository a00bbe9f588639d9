// One project = one .sqlite file the user can open, close and copy.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { InvalidInputError } from '../engine/errors';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

export function openDatabase(path: string): Db {
  if (path !== ':memory:') checkProjectPath(path);
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

/** SQLite's own messages ("Cannot open database because the directory does not exist") name no path. */
function checkProjectPath(path: string): void {
  const dir = dirname(resolve(path));
  const isDir = (p: string): boolean | null => {
    try {
      return statSync(p).isDirectory();
    } catch {
      return null;
    }
  };
  const parent = isDir(dir);
  if (parent === null) throw new InvalidInputError(`project folder "${dir}" does not exist`);
  if (!parent) throw new InvalidInputError(`"${dir}" is a file, not a project folder`);
  if (isDir(path) === true) throw new InvalidInputError(`"${resolve(path)}" is a folder, not a project database file`);
}

/** Folds the WAL back into the main file so the .sqlite alone is a complete copy. */
export function closeDatabase(db: Db): void {
  if (db.open) {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  }
}
