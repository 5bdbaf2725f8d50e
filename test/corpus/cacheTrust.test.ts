/**
 * Issue 12: the cache must never serve text that is not in the file. An edit that keeps size and
 * mtime (cp -p, tar x, rsync -a, a restored backup) is read again; a cache file whose header was
 * altered is refused; temporary files a crash left behind are removed at the next start.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { engineFromFolder } from '../../src/engine/fromFolder.ts';
import { cacheFile, loadIndexedCorpus } from '../../src/engine/persist.ts';

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
  await writeFile(path.join(corpusDir, 'call.md'), statement('The ministers condemned the missile launch.'));
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
  expect(engine.quote('missile').items[0]!.citations[0]!.excerpt).toBe('The ministers welcomed the missile talks...');
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
  expect(engine.quote('missile').items[0]!.citations[0]!.excerpt).toBe('The ministers condemned the missile launch.');
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
