/**
 * Reloading only the files that changed (src/corpus/load.ts, reloadCorpusFiles) must give what a
 * full load of the folder gives, with the same last good versions and the same settling rule:
 * the same statements, problems, glossary files, kept and unsettled files.
 */
import {
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  symlink,
  unlink,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createRng } from '../../bench/random.ts';
import {
  loadCorpus,
  loadCorpusFiles,
  reloadCorpusFiles,
  type CorpusFiles,
  type LoadOptions,
} from '../../src/corpus/load.ts';
import type { Statement } from '../../src/corpus/types.ts';
import { FIXTURE_CORPUS, SEED_CORPUS } from '../helpers.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'readout-reload-'));
  await cp(FIXTURE_CORPUS, dir, { recursive: true });
  await cp(SEED_CORPUS, path.join(dir, 'seed'), { recursive: true });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const statementFile = (id: string, body: string) => `---
id: ${id}
title: Test statement ${id}
date: 2025-02-03
language: en
publisher: Ministry of Foreign Affairs of Japan
---
${body}
`;

async function statementFiles(): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.md')).sort();
}

it.each([
  { settling: false, seed: 15 },
  { settling: true, seed: 16 },
])(
  'gives what a full load gives after each of many random changes, by named files or by a scan (settling: $settling)',
  async ({ settling, seed }) => {
    const rng = createRng(seed);
    let previous = new Map<string, Statement>();
    let { corpus, files } = await loadCorpusFiles(dir);
    previous = new Map(corpus.statements.map((s) => [s.file, s]));
    let digests = new Map<string, string>();
    // Settling as the live engine does, by a table the test controls: a file is settled the second
    // time the same bytes are seen.
    const settled = (rel: string, digest: string) => {
      const ok = digests.get(rel) === digest;
      digests.set(rel, digest);
      return ok;
    };
    for (let round = 0; round < 40; round++) {
      const touched: string[] = [];
      const list = await statementFiles();
      const pick = () => list[rng.int(0, list.length - 1)]!;
      for (let k = rng.int(1, 3); k > 0; k--) {
        const action = rng.int(0, 7);
        if (action === 0) {
          const rel = `new/n${round}-${k}.md`;
          await mkdir(path.join(dir, 'new'), { recursive: true });
          await writeFile(
            path.join(dir, rel),
            statementFile(
              `n${round}-${k}`,
              `Paragraph about security and cooperation ${round}.\n\nSecond paragraph ${k}.`,
            ),
          );
          touched.push(rel);
        } else if (action === 1) {
          const rel = pick();
          await writeFile(
            path.join(dir, rel),
            `${await readFile(path.join(dir, rel), 'utf8')}\nAn added paragraph ${round}.\n`,
          );
          touched.push(rel);
        } else if (action === 2) {
          const rel = pick();
          await writeFile(path.join(dir, rel), '---\nid: broken\ntitle: [unclosed\n---\nbody\n');
          touched.push(rel);
        } else if (action === 3) {
          const rel = pick();
          await unlink(path.join(dir, rel));
          touched.push(rel);
        } else if (action === 4) {
          // Another file takes an existing id.
          const other = previous.values().next().value;
          if (!other) continue;
          const rel = `dup-${round}.md`;
          await writeFile(path.join(dir, rel), statementFile(other.id, `A copy ${round}.`));
          touched.push(rel);
        } else if (action === 5) {
          const rel = pick();
          const to = `moved-${round}-${path.basename(rel)}`;
          await rename(path.join(dir, rel), path.join(dir, to));
          touched.push(rel, to);
        } else if (action === 6) {
          await writeFile(
            path.join(dir, `glossary-${round}.yaml`),
            `terms:\n  - ja: [試験${round}]\n    en: [test ${round}]\n`,
          );
          touched.push(`glossary-${round}.yaml`);
        } else {
          await writeFile(path.join(dir, 'README.md'), `notes ${round}\n`);
          touched.push('README.md');
        }
      }
      const options: LoadOptions = { previous, ...(settling ? { settled } : {}) };
      // Settling consults the table: both loads must see it in the same state.
      const before = new Map(digests);
      const byScan = round % 4 === 1;
      const again = await reloadCorpusFiles(files!, byScan ? undefined : touched, options);
      const after = digests;
      digests = before;
      const fresh = await loadCorpus(dir, options);
      digests = after;
      expect(
        again.corpus,
        `round ${round}${byScan ? ' (scan)' : ''}: ${touched.join(', ')}`,
      ).toEqual(fresh);
      corpus = again.corpus;
      files = again.files as CorpusFiles;
      previous = new Map(corpus.statements.map((s) => [s.file, s]));
    }
  },
);

it('scans when a named path is a folder or a link, and notices what they brought', async () => {
  const { files } = await loadCorpusFiles(dir);
  await mkdir(path.join(dir, 'incoming'));
  await writeFile(
    path.join(dir, 'incoming/a.md'),
    statementFile('incoming-a', 'Moved in with its folder.'),
  );
  await rename(path.join(dir, 'incoming'), path.join(dir, 'arrived'));
  await symlink(path.join(dir, 'arrived/a.md'), path.join(dir, 'link.md'));
  const again = await reloadCorpusFiles(files!, ['arrived', 'link.md']);
  expect(again.corpus).toEqual(await loadCorpus(dir));
  expect(again.corpus.statements.map((s) => s.id)).toContain('incoming-a');
});

it('keeps the same statement objects for files that did not change', async () => {
  const { corpus, files } = await loadCorpusFiles(dir);
  const rel = corpus.statements[0]!.file;
  await writeFile(
    path.join(dir, rel),
    `${await readFile(path.join(dir, rel), 'utf8')}\nOne more paragraph.\n`,
  );
  const again = await reloadCorpusFiles(files!, [rel]);
  const unchanged = again.corpus.statements.filter((s) => s.file !== rel);
  expect(unchanged.every((s) => corpus.statements.includes(s))).toBe(true);
  expect(again.corpus.statements.find((s) => s.file === rel)).not.toBe(corpus.statements[0]);
  expect(again.glossariesChanged).toBe(false);
});
