import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus } from '../../bench/generate.ts';
import { benchQueries } from '../../bench/queries.ts';
import { loadEngine } from '../../src/engine/load.ts';
import { cacheFile, loadIndexedCorpus } from '../../src/index/persist.ts';

let root: string;
let corpusDir: string;
let cacheDir: string;
const { statements, people } = generateCorpus({ paragraphs: 1500, seed: 5 });

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'readout-persist-'));
  corpusDir = path.join(root, 'corpus');
  cacheDir = path.join(root, 'cache');
  await writeCorpus(corpusDir, statements);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('persisted index', () => {
  it('is written on the first load and read back on the next one, with identical answers', async () => {
    const first = await loadIndexedCorpus(corpusDir, { cacheDir });
    expect(first.fromCache).toBe(false);
    expect((await readdir(cacheDir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const second = await loadIndexedCorpus(corpusDir, { cacheDir });
    expect(second.fromCache).toBe(true);
    expect(second.corpus.statements).toEqual(first.corpus.statements);
    expect(second.corpus.problems).toEqual(first.corpus.problems);

    const built = await loadEngine(corpusDir, undefined, { cacheDir: false });
    const cached = await loadEngine(corpusDir, undefined, { cacheDir });
    for (const q of benchQueries(people, 3, 15)) {
      expect(cached[q.kind](q.text, { lang: q.lang }), q.text).toEqual(built[q.kind](q.text, { lang: q.lang }));
    }
  });

  it('is rebuilt when a corpus file changes, and then holds the new text', async () => {
    await loadIndexedCorpus(corpusDir, { cacheDir });
    const file = path.join(corpusDir, statements[0]!.file);
    await appendFile(file, '\n両者は、量子暗号通信の研究協力を開始することで一致しました。\n');
    const after = await loadIndexedCorpus(corpusDir, { cacheDir });
    expect(after.fromCache).toBe(false);
    const engine = await loadEngine(corpusDir, undefined, { cacheDir });
    const answer = engine.quote('量子暗号通信');
    expect(answer.items[0]?.citations[0]?.statement).toBe(statements[0]!.id);
    expect((await loadIndexedCorpus(corpusDir, { cacheDir })).fromCache).toBe(true);
  });

  it('is rebuilt, not trusted, when the file is damaged or cut short', async () => {
    await loadIndexedCorpus(corpusDir, { cacheDir });
    const file = cacheFile(corpusDir, cacheDir);
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const cut = await loadIndexedCorpus(corpusDir, { cacheDir });
    expect(cut.fromCache).toBe(false);
    expect(cut.corpus.statements.length).toBe(statements.length);

    const whole = await readFile(file);
    // Overwrite postings near the end with large document numbers.
    whole.fill(0xff, whole.length - 4000, whole.length - 2000);
    await writeFile(file, whole);
    const damaged = await loadIndexedCorpus(corpusDir, { cacheDir });
    expect(damaged.fromCache).toBe(false);
    expect((await loadIndexedCorpus(corpusDir, { cacheDir })).fromCache).toBe(true);
  });
});
