/**
 * The settings store on a real SQLite file: created on first open, migrated in order, follows.json
 * imported once, announcements claimed once per (server, channel, statement), also by two
 * stores, and by two processes, on one file.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { migrate, MIGRATIONS } from '../../src/settings/migrations.ts';
import { openSettings, SETTINGS_FILE, type SqliteSettings } from '../../src/settings/sqlite.ts';
import { ROOT } from '../helpers.ts';

let dir: string;
const opened: SqliteSettings[] = [];
function open(options?: Parameters<typeof openSettings>[1]) {
  const result = openSettings(dir, options);
  opened.push(result.store);
  return result;
}
beforeEach(async () => {
  dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'readout-settings-')), 'data');
});
afterEach(async () => {
  for (const s of opened.splice(0)) s.close();
  await rm(path.dirname(dir), { recursive: true, force: true });
});

const raw = () => new Database(path.join(dir, SETTINGS_FILE), { readonly: true });

describe('creation and migration', () => {
  test('the first open creates the folder and the database at the last version, in WAL mode', () => {
    const { migrated, file } = open();
    expect(file).toBe(path.join(dir, 'settings.db'));
    expect(migrated).toEqual({ from: 0, to: MIGRATIONS.at(-1)!.version });
    const db = raw();
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all(),
    ).toEqual(['announcements', 'follows', 'guilds']);
    db.close();
  });

  test('migrations are numbered 1, 2, … in order, each once', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  test('a database of an older version is brought up to date and keeps its data; opening again changes nothing', async () => {
    // What a Readout of schema 1 wrote.
    await mkdir(dir, { recursive: true });
    const old = new Database(path.join(dir, SETTINGS_FILE));
    expect(migrate(old, MIGRATIONS.slice(0, 1))).toEqual({ from: 0, to: 1 });
    old.exec(`INSERT INTO follows VALUES ('c1', 'g1', '外務省', '2025-01-01T00:00:00.000Z');
              INSERT INTO announcements VALUES ('g1', 'c1', 'old-1', '2025-01-01T00:00:00.000Z');`);
    old.close();

    const second = open();
    expect(second.migrated).toEqual({ from: 1, to: 2 });
    expect(second.store.follows()).toEqual([
      { guildId: 'g1', channelId: 'c1', publisher: '外務省' },
    ]);
    expect(second.store.claimAnnouncement('g1', 'c1', 'old-1')).toBe(false);
    second.store.setDefaultLang('g1', 'ja');
    second.store.close();

    const third = open();
    expect(third.migrated).toEqual({ from: 2, to: 2 });
    expect(third.store.defaultLang('g1')).toBe('ja');
  });

  test('a database written by a newer Readout is refused with what to do', () => {
    open().store.close();
    const db = new Database(path.join(dir, SETTINGS_FILE));
    db.pragma('user_version = 9');
    db.close();
    expect(() => openSettings(dir)).toThrow(
      /settings\.db: its schema is version 9, newer than this Readout knows \(2\): run the newer Readout, or restore a backup/,
    );
  });

  test('a migration that fails leaves the previous version, not half of the new one', () => {
    const broken = [
      ...MIGRATIONS,
      {
        version: 3,
        why: 'test',
        up: (db: Database.Database) =>
          db.exec('CREATE TABLE extra (x); SELECT nonsense FROM nowhere;'),
      },
    ];
    open().store.close();
    expect(() => openSettings(dir, { migrations: broken })).toThrow(/no such table: nowhere/);
    const db = raw();
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(
      db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").pluck().get(),
    ).toBe(0);
    db.close();
  });

  test('migrate runs the creation step once per database', () => {
    const db = new Database(':memory:');
    let created = 0;
    migrate(db, MIGRATIONS, () => created++);
    migrate(db, MIGRATIONS, () => created++);
    expect(created).toBe(1);
    db.close();
  });
});

describe('follows.json from before the database', () => {
  const legacy = {
    version: 1,
    follows: [
      { guildId: 'g1', channelId: 'c1', announced: ['a', 'b'] },
      { guildId: 'g2', channelId: 'c2', publisher: 'The White House', announced: ['b'] },
      { channelId: 'no-guild', announced: [] },
    ],
  };

  test('is imported once, when the database is created, and renamed out of the way', async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'follows.json'), JSON.stringify(legacy));

    const { store, imported } = open();
    expect(imported).toEqual({ follows: 2, movedTo: path.join(dir, 'follows.json.imported') });
    expect(existsSync(path.join(dir, 'follows.json'))).toBe(false);
    expect(store.follows()).toEqual([
      { guildId: 'g1', channelId: 'c1' },
      { guildId: 'g2', channelId: 'c2', publisher: 'The White House' },
    ]);
    // What each channel was told of stays told; the rest is new to it.
    expect(store.claimAnnouncement('g1', 'c1', 'a')).toBe(false);
    expect(store.claimAnnouncement('g1', 'c1', 'b')).toBe(false);
    expect(store.claimAnnouncement('g2', 'c2', 'a')).toBe(true);
    store.unfollow('c1');

    // A follows.json put back later is not imported into the existing database again.
    await writeFile(path.join(dir, 'follows.json'), JSON.stringify(legacy));
    const again = open();
    expect(again.imported).toBeUndefined();
    expect(again.store.follows().map((f) => f.channelId)).toEqual(['c2']);
    expect(existsSync(path.join(dir, 'follows.json'))).toBe(true);
  });

  test('a broken follows.json stops the start before anything is created', async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'follows.json'), '{"follows": [');
    expect(() => openSettings(dir)).toThrow(
      /follows\.json is not valid JSON: restore it from a backup or delete it/,
    );
    expect(existsSync(path.join(dir, SETTINGS_FILE))).toBe(false);
    expect(await readFile(path.join(dir, 'follows.json'), 'utf8')).toBe('{"follows": [');
  });
});

describe('follows, announcements and languages', () => {
  test('a follow counts the statements held as told; each new one is claimed once per channel', () => {
    const { store } = open();
    store.follow({ guildId: 'g1', channelId: 'c1' }, ['old']);
    store.follow({ guildId: 'g2', channelId: 'c2' }, []);
    expect(store.claimAnnouncement('g1', 'c1', 'old')).toBe(false);
    expect(store.claimAnnouncement('g1', 'c1', 'new')).toBe(true);
    expect(store.claimAnnouncement('g1', 'c1', 'new')).toBe(false);
    expect(store.claimAnnouncement('g2', 'c2', 'new')).toBe(true);
    expect(store.claimAnnouncement('g2', 'c2', 'old')).toBe(true);
    // A channel nobody follows is never claimed: an unfollow racing an announcement posts nothing.
    expect(store.claimAnnouncement('g3', 'c3', 'new')).toBe(false);
  });

  test('following again changes the publisher and keeps what the channel was told; unfollowing forgets it', () => {
    const { store } = open();
    store.follow({ guildId: 'g1', channelId: 'c1', publisher: '外務省' }, ['a']);
    store.follow({ guildId: 'g1', channelId: 'c1' }, ['b']);
    expect(store.follows('g1')).toEqual([{ guildId: 'g1', channelId: 'c1' }]);
    expect(store.claimAnnouncement('g1', 'c1', 'a')).toBe(false);
    expect(store.unfollow('c1')).toBe(true);
    expect(store.unfollow('c1')).toBe(false);
    store.follow({ guildId: 'g1', channelId: 'c1' }, []);
    expect(store.claimAnnouncement('g1', 'c1', 'a')).toBe(true);
    expect(store.follows('g2')).toEqual([]);
  });

  test('a server default language is set, read and cleared per server', () => {
    const { store } = open();
    expect(store.defaultLang('g1')).toBeUndefined();
    store.setDefaultLang('g1', 'ja');
    store.setDefaultLang('g2', 'en');
    expect([store.defaultLang('g1'), store.defaultLang('g2')]).toEqual(['ja', 'en']);
    store.setDefaultLang('g1', undefined);
    expect(store.defaultLang('g1')).toBeUndefined();
    expect(() => store.setDefaultLang('g1', 'fr' as 'ja')).toThrow(/CHECK constraint/);
  });
});

describe('several stores on one file', () => {
  test("two stores (two shards) see each other's changes and never both win a claim", () => {
    const a = open().store;
    const b = open().store;
    a.follow({ guildId: 'g1', channelId: 'c1' }, []);
    expect(b.follows()).toEqual([{ guildId: 'g1', channelId: 'c1' }]);
    b.setDefaultLang('g1', 'en');
    expect(a.defaultLang('g1')).toBe('en');
    const wins = ['s1', 's2', 's3'].flatMap((id) => [
      a.claimAnnouncement('g1', 'c1', id),
      b.claimAnnouncement('g1', 'c1', id),
    ]);
    expect(wins).toEqual([true, false, true, false, true, false]);
    b.unfollow('c1');
    expect(a.follows()).toEqual([]);
    expect(a.claimAnnouncement('g1', 'c1', 's4')).toBe(false);
  });

  test('two processes claiming the same statements at once: each claimed exactly once', async () => {
    const { store } = open();
    store.follow({ guildId: 'g1', channelId: 'c1' }, []);
    const go = path.join(path.dirname(dir), 'go');
    const ready = (n: number) => path.join(path.dirname(dir), `ready-${n}`);
    const run = (n: number) =>
      promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'test/settings/claimer.ts', dir, go, '300', 'c1', ready(n)],
        { cwd: ROOT },
      );
    const both = Promise.all([run(1), run(2)]);
    // Both have opened the database before either claims.
    while (!existsSync(ready(1)) || !existsSync(ready(2)))
      await new Promise((resolve) => setTimeout(resolve, 20));
    await writeFile(go, '');
    const won = (await both).map((r) => Number(r.stdout.trim()));
    expect(won[0]! + won[1]!).toBe(300);
    const db = raw();
    expect(
      db.prepare("SELECT count(*) FROM announcements WHERE channel_id = 'c1'").pluck().get(),
    ).toBe(300);
    db.close();
  });
});
