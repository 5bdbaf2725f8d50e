import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../src/corpus/load.ts';
import { buildLibrary } from '../src/answer/library.ts';
import { engineFromFolder } from '../src/engine/fromFolder.ts';
import { engineFromLibrary } from '../src/engine/fromLibrary.ts';
import type { Engine } from '../src/engine/types.ts';
import type { Logger } from '../src/logger.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SEED_CORPUS = path.join(ROOT, 'corpus');
export const FIXTURE_CORPUS = path.join(ROOT, 'test/fixtures/corpus');
export const BROKEN_CORPUS = path.join(ROOT, 'test/fixtures/broken');

/** An engine over several corpus folders at once (the seed plus our own statements). */
export async function engineFor(...dirs: string[]): Promise<Engine> {
  const loaded = await Promise.all(dirs.map((d) => loadCorpus(d)));
  return engineFromLibrary(
    buildLibrary(
      loaded.flatMap((c) => c.statements),
      loaded.flatMap((c) => c.problems),
    ),
  );
}

/** A new empty folder in the system's temporary folder: what a test writes goes there, never into the repo. */
export function tempDir(name: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `readout-${name}-`));
}

/**
 * The engine `engineFromFolder` makes of a corpus folder, through its persisted index as always,
 * but with that index written to a temporary folder instead of `.readout-cache/` beside the corpus.
 * The folder is removed once the engine is built: the engine holds what it read.
 */
export async function engineFromFolderInTemp(corpusDir: string, logger?: Logger): Promise<Engine> {
  const cacheDir = await tempDir('cache');
  try {
    return await engineFromFolder(corpusDir, logger, { cacheDir });
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}

/**
 * A copy of a corpus folder as `<root>/corpus` in a new temporary folder, for a process (the
 * command line, `npm start`) that writes its persisted index beside the corpus it serves.
 */
export async function copyCorpus(
  dir: string,
): Promise<{ root: string; corpus: string; cleanup: () => Promise<void> }> {
  const root = await tempDir('corpus');
  const corpus = path.join(root, 'corpus');
  await cp(dir, corpus, { recursive: true });
  return { root, corpus, cleanup: () => rm(root, { recursive: true, force: true }) };
}
