import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../src/corpus/load.ts';
import { buildLibrary } from '../src/answer/library.ts';
import { engineFromLibrary } from '../src/engine/fromLibrary.ts';
import type { Engine } from '../src/engine/types.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SEED_CORPUS = path.join(ROOT, 'corpus');
export const FIXTURE_CORPUS = path.join(ROOT, 'test/fixtures/corpus');
export const BROKEN_CORPUS = path.join(ROOT, 'test/fixtures/broken');

/** An engine over several corpus folders at once (the seed plus our own statements). */
export async function engineFor(...dirs: string[]): Promise<Engine> {
  const loaded = await Promise.all(dirs.map((d) => loadCorpus(d)));
  return engineFromLibrary(buildLibrary(loaded.flatMap((c) => c.statements), loaded.flatMap((c) => c.problems)));
}
