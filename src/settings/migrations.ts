/**
 * The settings database's schema, as ordered migrations. `PRAGMA user_version` holds the number
 * of the last one applied; opening the database applies the missing ones in order, inside one
 * write transaction, so two processes starting together migrate once, and a crash halfway leaves
 * the previous version. A migration is never edited once released: a change is a new one.
 */
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  /** What it changes, for the log and for whoever reads this list. */
  why: string;
  up(db: Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    why: 'followed channels and what each was told of (what follows.json held)',
    up(db) {
      db.exec(`
        CREATE TABLE follows (
          channel_id  TEXT PRIMARY KEY,
          guild_id    TEXT NOT NULL,
          publisher   TEXT,
          followed_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX follows_by_guild ON follows (guild_id);
        -- One row per statement told in a channel: the primary key is what makes announcing
        -- idempotent across restarts, repeated feed items and shards.
        CREATE TABLE announcements (
          guild_id     TEXT NOT NULL,
          channel_id   TEXT NOT NULL REFERENCES follows (channel_id) ON DELETE CASCADE,
          statement_id TEXT NOT NULL,
          at           TEXT NOT NULL,
          PRIMARY KEY (guild_id, channel_id, statement_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX announcements_by_channel ON announcements (channel_id);
      `);
    },
  },
  {
    version: 2,
    why: "a server's default answer language",
    up(db) {
      db.exec(`
        CREATE TABLE guilds (
          guild_id   TEXT PRIMARY KEY,
          lang       TEXT CHECK (lang IN ('ja', 'en')),
          updated_at TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
];

export class SchemaTooNew extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `its schema is version ${found}, newer than this Readout knows (${known}): run the newer Readout, or restore a backup`,
    );
    this.name = 'SchemaTooNew';
  }
}

export interface MigrationResult {
  from: number;
  to: number;
}

/**
 * Brings the database to the last version of `migrations` (ascending by version). `atCreation`
 * runs in the same transaction when the database was empty (version 0), once per database.
 */
export function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
  atCreation?: () => void,
): MigrationResult {
  const latest = migrations.at(-1)?.version ?? 0;
  const run = db.transaction((): MigrationResult => {
    // Read inside the write lock: another process may have migrated while this one waited.
    const from = db.pragma('user_version', { simple: true }) as number;
    if (from > latest) throw new SchemaTooNew(from, latest);
    for (const m of migrations) if (m.version > from) m.up(db);
    if (from === 0) atCreation?.();
    if (latest !== from) db.pragma(`user_version = ${latest}`);
    return { from, to: Math.max(from, latest) };
  });
  // IMMEDIATE takes the write lock before reading the version, so two openers never both migrate.
  return run.immediate();
}
