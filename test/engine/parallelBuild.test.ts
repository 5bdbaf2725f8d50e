/**
 * The build on several threads (src/engine/parallelBuild.ts) must give what the one-thread build
 * gives: the same corpus, the same index data to the last posting, the same facts, also when a
 * file is broken and when two files share an id (a statement read but not served).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateCorpus, toMarkdown, writeCorpus } from '../../bench/generate.ts';
import { buildIndexed } from '../../src/engine/parallelBuild.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'readout-parallel-'));
  const { statements } = generateCorpus({ paragraphs: 1200, seed: 31 });
  await writeCorpus(dir, statements);
  const [a, b] = [statements[3]!, statements[40]!];
  await writeFile(path.join(dir, a.file), '---\nid: [broken\n---\n');
  await writeFile(
    path.join(dir, b.file.replace(/\.md$/, '-copy.md')),
    toMarkdown({ ...b, title: 'A copy under the same id' }),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('gives the one-thread build, also with a broken file and a shared id', async () => {
  const one = await buildIndexed(dir, { workers: 1 });
  const three = await buildIndexed(dir, { workers: 3, minFiles: 0 });
  expect(three.corpus).toEqual(one.corpus);
  expect(three.corpus.problems.some((p) => p.message.startsWith('duplicate id'))).toBe(true);
  expect(three.index.termData()).toEqual(one.index.termData());
  expect(three.index.normalizedTexts()).toEqual(one.index.normalizedTexts());
  expect(Buffer.from(three.facts.block)).toEqual(Buffer.from(one.facts.block));
  expect(three.facts.offsets).toEqual(one.facts.offsets);
  expect([...three.files!.records.keys()]).toEqual([...one.files!.records.keys()]);
});
