// Named, transactional migrations (in the manner of sqlite-utils): each migration runs inside its
// own transaction together with the row that records it, so a crash leaves it either applied or not.
import type Database from 'better-sqlite3';

export interface Migration {
  name: string;
  up: (db: Database.Database) => void;
}

export function appliedMigrations(db: Database.Database): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS _migrations (
    name TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
  )`);
  return db
    .prepare('SELECT name FROM _migrations ORDER BY rowid')
    .pluck()
    .all() as string[];
}

export function migrate(db: Database.Database, migrations: readonly Migration[]): string[] {
  const done = new Set(appliedMigrations(db));
  const names = migrations.map((m) => m.name);
  const unknown = [...done].filter((n) => !names.includes(n));
  if (unknown.length > 0) {
    // A project written by a newer app version: refuse rather than corrupt it.
    throw new Error(`project was created by a newer Task Atlas (unknown migrations: ${unknown.join(', ')})`);
  }
  const ran: string[] = [];
  const record = db.prepare('INSERT INTO _migrations (name, applied_at) VALUES (?, ?)');
  for (const m of migrations) {
    if (done.has(m.name)) continue;
    db.transaction(() => {
      m.up(db);
      record.run(m.name, new Date().toISOString());
    })();
    ran.push(m.name);
  }
  return ran;
}
