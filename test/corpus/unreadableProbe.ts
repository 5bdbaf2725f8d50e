/**
 * Run as a separate process by unreadable.test.ts, as an unprivileged user when the tests run as
 * root (root reads every folder, so only another user meets a 0700 folder). Loads the corpus
 * folder given as argv[2], then lets a live engine watch it while a file is added; prints JSON.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCorpus } from '../../src/corpus/load.ts';
import { liveEngineFromFolder } from '../../src/engine/live.ts';

const dir = process.argv[2]!;
const corpus = await loadCorpus(dir);
const live = await liveEngineFromFolder(dir, undefined, {
  cacheDir: false,
  pollMs: 100,
  debounceMs: 20,
  settleMs: 0,
});
await writeFile(
  path.join(dir, 'added.md'),
  '---\nid: added-later\ntitle: Added later\ndate: 2025-05-05\nlanguage: en\npublisher: Test\n---\nThe ministers welcomed the new fisheries agreement.\n',
);
const until = Date.now() + 10_000;
while (Date.now() < until && !live.engine.statements().some((s) => s.id === 'added-later')) {
  await new Promise((resolve) => setTimeout(resolve, 50));
}
live.close();
process.stdout.write(
  JSON.stringify({
    statements: corpus.statements.map((s) => s.id),
    problems: corpus.problems,
    liveStatements: live.engine
      .statements()
      .map((s) => s.id)
      .sort(),
  }),
);
