/**
 * Issue 12: the cache must never serve text that is not in the file. An edit that keeps size and
 * mtime (cp -p, tar x, rsync -a, a restored backup) is read again; a cache file whose header was
 * altered is refused; temporary files a crash left behind are removed at the next start.
 */
import {
  chmod,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  utimes,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { engineFromFolder } from '../../src/engine/fromFolder.ts';
import { cacheFile, journalFile, loadIndexedCorpus } from '../../src/engine/persist.ts';
import { liveEngineFromFolder } from '../../src/engine/live.ts';
import { RACY_MS, statKey } from '../../src/corpus/walk.ts';

let root: string;
let corpusDir: string;
let cacheDir: string;

const statement = (body: string) =>
  `---\nid: cache-trust\ntitle: Foreign Ministers' Call\ndate: 2025-04-01\nlanguage: en\npublisher: Test\n---\n${body}\n\nThe ministers agreed to meet again in Tokyo.\n`;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'readout-cache-trust-'));
  corpusDir = path.join(root, 'corpus');
  cacheDir = path.join(root, 'cache');
  await mkdir(corpusDir);
  await writeFile(
    path.join(corpusDir, 'call.md'),
    statement('The ministers condemned the missile launch.'),
  );
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

test('an edit of the same size with the mtime kept is served after a restart, not the cached old text', async () => {
  const file = path.join(corpusDir, 'call.md');
  // A whole second, so that putting it back is exact (utimes takes seconds).
  await utimes(file, 1_700_000_000, 1_700_000_000);
  expect((await loadIndexedCorpus(corpusDir, { cacheDir })).fromCache).toBe(false);
  expect((await loadIndexedCorpus(corpusDir, { cacheDir })).fromCache).toBe(true);
  const before = await stat(file);
  // Same length, other words; then the old times back, as cp -p or rsync -a leave them.
  await writeFile(file, statement('The ministers welcomed the missile talks...'));
  await utimes(file, 1_700_000_000, 1_700_000_000);
  const after = await stat(file);
  expect(after.size).toBe(before.size);
  expect(after.mtimeMs).toBe(before.mtimeMs);

  // The file's content hash differs: it is read again (not trusted by its size and time).
  expect((await loadIndexedCorpus(corpusDir, { cacheDir })).updated).toEqual(['call.md']);
  const engine = await engineFromFolder(corpusDir, undefined, { cacheDir });
  expect(engine.quote('missile').items[0]!.citations[0]!.excerpt).toBe(
    'The ministers welcomed the missile talks...',
  );
  expect(engine.quote('condemned').items).toEqual([]);
});

test('a cache file whose header was altered (two sections swapped) is refused and rebuilt', async () => {
  await loadIndexedCorpus(corpusDir, { cacheDir });
  const file = cacheFile(corpusDir, cacheDir);
  const bytes = await readFile(file);
  const text = bytes.toString('latin1');
  // Swap the names of the verbatim and the lower-cased text sections: same header length.
  const swapped = text
    .replace('"name":"texts"', '"name":"TEMP_"')
    .replace('"name":"normalized"', '"name":"texts"')
    .replace('"name":"TEMP_"', '"name":"normalized"');
  expect(swapped).not.toBe(text);
  expect(swapped.length).toBe(text.length);
  await writeFile(file, Buffer.from(swapped, 'latin1'));

  const loaded = await loadIndexedCorpus(corpusDir, { cacheDir });
  expect(loaded.fromCache).toBe(false);
  const engine = await engineFromFolder(corpusDir, undefined, { cacheDir });
  expect(engine.quote('missile').items[0]!.citations[0]!.excerpt).toBe(
    'The ministers condemned the missile launch.',
  );
});

test('temporary cache files left by a crashed process are removed at start; a live writer keeps its own', async () => {
  await loadIndexedCorpus(corpusDir, { cacheDir });
  const file = cacheFile(corpusDir, cacheDir);
  const dead = `${file}.999999999.1700000000000.tmp`;
  const live = `${file}.${process.ppid}.${Date.now()}.tmp`;
  await writeFile(dead, 'partial');
  await writeFile(live, 'being written');
  await loadIndexedCorpus(corpusDir, { cacheDir });
  const names = await readdir(cacheDir);
  expect(names).not.toContain(path.basename(dead));
  expect(names).toContain(path.basename(live));
});

/** Until every file just written is older than the racy window: only then does a start believe it by its stat key. */
const outOfRacyWindow = () => new Promise((resolve) => setTimeout(resolve, RACY_MS + 200));

test('a file whose times are within the racy window of when it was looked at has no stat key', () => {
  const info = { size: 10, mtimeMs: 1_000_000, ctimeMs: 1_000_000, ino: 7 };
  expect(statKey(info, 1_000_000 + RACY_MS + 1)).toBe(`10:1000000:1000000:7`);
  expect(statKey(info, 1_000_000 + RACY_MS)).toBe('');
  expect(statKey({ ...info, ctimeMs: 1_000_000 + 2 * RACY_MS }, 1_000_000 + 2 * RACY_MS)).toBe('');
});

test('a start believes files by size, times and inode; a changed change time (cp -p, utimes) means reading the file', async () => {
  const file = path.join(corpusDir, 'call.md');
  await writeFile(
    path.join(corpusDir, 'other.md'),
    statement('The ministers discussed trade.').replace('cache-trust', 'other'),
  );
  // A whole second, so that putting it back is exact (utimes takes seconds).
  await utimes(file, 1_700_000_000, 1_700_000_000);
  await outOfRacyWindow();
  expect((await loadIndexedCorpus(corpusDir, { cacheDir })).fromCache).toBe(false);
  const believed = await loadIndexedCorpus(corpusDir, { cacheDir });
  expect(believed.fromCache).toBe(true);
  expect(believed.hashed).toBe(0);
  expect(believed.believed).toBe(2);

  // Same content, new change time (a chmod): hashed, found unchanged, its new key recorded.
  await chmod(file, 0o600);
  await outOfRacyWindow();
  const rehashed = await loadIndexedCorpus(corpusDir, { cacheDir });
  expect(rehashed.hashed).toBe(1);
  expect(rehashed.updated).toBeUndefined();
  expect(await readFile(journalFile(cacheFile(corpusDir, cacheDir)), 'utf8')).toContain('"keys"');
  expect((await loadIndexedCorpus(corpusDir, { cacheDir })).hashed).toBe(0);

  // Same size, mtime put back: the change time still tells, and the new text is served at the start.
  const before = await stat(file);
  await writeFile(file, statement('The ministers welcomed the missile talks...'));
  await utimes(file, 1_700_000_000, 1_700_000_000);
  expect((await stat(file)).size).toBe(before.size);
  expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
  const edited = await loadIndexedCorpus(corpusDir, { cacheDir });
  expect(edited.updated).toEqual(['call.md']);
  const engine = await engineFromFolder(corpusDir, undefined, { cacheDir });
  expect(engine.quote('missile').items[0]!.citations[0]!.excerpt).toBe(
    'The ministers welcomed the missile talks...',
  );
});

test('a running engine started from the index reads every file once and reloads one whose content differs with the same size and mtime', async () => {
  const file = path.join(corpusDir, 'call.md');
  await utimes(file, 1_700_000_000, 1_700_000_000);
  await outOfRacyWindow();
  await loadIndexedCorpus(corpusDir, { cacheDir });
  const live = await liveEngineFromFolder(corpusDir, undefined, { cacheDir, watch: false });
  try {
    // Everything was believed at the start: the verification ran and found nothing.
    expect(await live.verified).toEqual([]);
    // An edit that keeps size and mtime, and that no event reported: neither a reload by scan
    // (sizes and times) nor the watcher would see it; the verification does.
    const before = await stat(file);
    await writeFile(file, statement('The ministers welcomed the missile talks...'));
    await utimes(file, 1_700_000_000, 1_700_000_000);
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
    expect((await live.reload()).changed).toEqual([]);
    expect(live.engine.quote('condemned').items).toHaveLength(1);
    expect(await live.verify()).toEqual(['call.md']);
    expect(live.engine.quote('condemned').items).toEqual([]);
    expect(live.engine.quote('missile').items[0]!.citations[0]!.excerpt).toBe(
      'The ministers welcomed the missile talks...',
    );
    await live.flushed();
  } finally {
    live.close();
  }
  // Recorded in the journal: the next start holds the new text.
  expect(
    (await loadIndexedCorpus(corpusDir, { cacheDir })).corpus.statements[0]!.paragraphs[0]!.text,
  ).toBe('The ministers welcomed the missile talks...');
});
