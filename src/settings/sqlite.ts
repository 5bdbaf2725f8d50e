/**
 * The settings store as an SQLite file (better-sqlite3), shared by every shard process of one bot.
 * WAL lets readers go on while one process writes; a busy timeout makes a writer wait for the
 * lock instead of failing; the schema is brought up to date on open (./migrations.ts).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Lang } from '../text/script.ts';
import { readLegacyFollows, retireLegacyFile, type LegacyFollow } from './legacyFollows.ts';
import { migrate, MIGRATIONS, type Migration, type MigrationResult } from './migrations.ts';
import type { Follow, SettingsStore } from './types.ts';

/** The database's name in DATA_DIR. */
export const SETTINGS_FILE = 'settings.db';
/** Where follows were kept before; imported when the database is created. */
export const LEGACY_FOLLOWS_FILE = 'follows.json';
/**
 * How long a write waits for another process's lock. Every transaction here is tiny (a follow
 * with the statement ids held is the largest), so this is only reached if a process hangs.
 */
export const BUSY_TIMEOUT_MS = 5000;

export interface OpenOptions {
  /** For tests: the schema up to some version. */
  migrations?: readonly Migration[];
}

export interface OpenedSettings {
  store: SqliteSettings;
  file: string;
  migrated: MigrationResult;
  /** Follows imported from follows.json at creation, and where that file went. */
  imported?: { follows: number; movedTo?: string };
}

interface FollowRow {
  guild_id: string;
  channel_id: string;
  publisher: string | null;
}

const isLang = (v: unknown): v is Lang => v === 'ja' || v === 'en';

export class SqliteSettings implements SettingsStore {
  private readonly db: Database.Database;
  private readonly q;

  constructor(db: Database.Database) {
    this.db = db;
    const now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
    this.q = {
      all: db.prepare<[], FollowRow>(
        'SELECT guild_id, channel_id, publisher FROM follows ORDER BY followed_at, rowid',
      ),
      ofGuild: db.prepare<[string], FollowRow>(
        'SELECT guild_id, channel_id, publisher FROM follows WHERE guild_id = ? ORDER BY followed_at, rowid',
      ),
      follow: db.prepare<[string, string, string | null]>(
        `INSERT INTO follows (channel_id, guild_id, publisher, followed_at) VALUES (?, ?, ?, ${now})
         ON CONFLICT (channel_id) DO UPDATE SET guild_id = excluded.guild_id, publisher = excluded.publisher`,
      ),
      unfollow: db.prepare<[string]>('DELETE FROM follows WHERE channel_id = ?'),
      // Only while the channel follows: a claim racing an unfollow (or a drop by another shard) posts nothing.
      claim: db.prepare<[string, string, string, string]>(
        `INSERT OR IGNORE INTO announcements (guild_id, channel_id, statement_id, at)
         SELECT ?, ?, ?, ${now} WHERE EXISTS (SELECT 1 FROM follows WHERE channel_id = ?)`,
      ),
      lang: db.prepare<[string], { lang: string | null }>(
        'SELECT lang FROM guilds WHERE guild_id = ?',
      ),
      setLang: db.prepare<[string, string | null]>(
        `INSERT INTO guilds (guild_id, lang, updated_at) VALUES (?, ?, ${now})
         ON CONFLICT (guild_id) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at`,
      ),
    };
  }

  follows(guildId?: string): Follow[] {
    const rows = guildId === undefined ? this.q.all.all() : this.q.ofGuild.all(guildId);
    return rows.map((r) => ({
      guildId: r.guild_id,
      channelId: r.channel_id,
      ...(r.publisher ? { publisher: r.publisher } : {}),
    }));
  }

  follow(follow: Follow, known: readonly string[]): void {
    this.db
      .transaction(() => {
        this.q.follow.run(follow.channelId, follow.guildId, follow.publisher ?? null);
        for (const id of known)
          this.q.claim.run(follow.guildId, follow.channelId, id, follow.channelId);
      })
      .immediate();
  }

  unfollow(channelId: string): boolean {
    // What the channel was told of goes with it (ON DELETE CASCADE).
    return this.q.unfollow.run(channelId).changes > 0;
  }

  claimAnnouncement(guildId: string, channelId: string, statementId: string): boolean {
    return this.q.claim.run(guildId, channelId, statementId, channelId).changes === 1;
  }

  defaultLang(guildId: string): Lang | undefined {
    const lang = this.q.lang.get(guildId)?.lang;
    return isLang(lang) ? lang : undefined;
  }

  setDefaultLang(guildId: string, lang: Lang | undefined): void {
    this.q.setLang.run(guildId, lang ?? null);
  }

  /** Imports follows.json's follows and what each was told of (at creation: see openSettings). */
  importLegacy(follows: readonly LegacyFollow[]): void {
    for (const f of follows) this.follow(f, f.announced);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/**
 * Opens (creating it, and DATA_DIR, on first start) the settings database in `dataDir`, brings
 * its schema up to date, and on creation imports follows.json from the same folder. Errors name
 * the file and what to do.
 */
export function openSettings(dataDir: string, options: OpenOptions = {}): OpenedSettings {
  const file = path.join(dataDir, SETTINGS_FILE);
  const legacyFile = path.join(dataDir, LEGACY_FOLLOWS_FILE);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(
      `${dataDir} cannot be the data folder (${code}): ${code === 'EEXIST' || code === 'ENOTDIR' ? 'it is a file, not a folder' : 'check its permissions'}`,
    );
  }
  // Read before the database is created: a broken follows.json stops the start with nothing changed.
  const legacy = readLegacyFollows(legacyFile);
  let db: Database.Database;
  try {
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  } catch (err) {
    throw new Error(
      `${file} cannot be opened (${(err as Error).message}): check that the folder is writable`,
    );
  }
  try {
    // Each connection sets these; WAL itself is then recorded in the file.
    db.pragma('foreign_keys = ON');
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal')
      throw new Error(`journal mode is ${String(mode)}, not WAL (a network file system?)`);
    // In WAL mode NORMAL survives a crash of the process; only a power loss may undo the last
    // claims (and so repeat an announcement), a fair price for not syncing the disk per claim.
    db.pragma('synchronous = NORMAL');
    let imported: OpenedSettings['imported'];
    const migrated = migrate(db, options.migrations ?? MIGRATIONS, () => {
      if (legacy.length === 0) return;
      // The tables exist by now (the store prepares its statements against them).
      new SqliteSettings(db).importLegacy(legacy);
      imported = { follows: legacy.length };
    });
    const store = new SqliteSettings(db);
    if (imported) {
      const movedTo = retireLegacyFile(legacyFile);
      if (movedTo) imported.movedTo = movedTo;
    }
    return { store, file, migrated, ...(imported ? { imported } : {}) };
  } catch (err) {
    db.close();
    throw new Error(`${file}: ${(err as Error).message}`);
  }
}
