/**
 * The compiled JavaScript in dist/ (what `npm start` and `readout` run after `npm install`) answers
 * exactly as the TypeScript sources do: it finds the same data tables (data/*.yaml, the family-name
 * table) from its own folder. Runs when the build is current, as it is after `npm ci` in CI.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIsCurrent } from '../../bin/launch.js';
import { copyCorpus, ROOT, SEED_CORPUS } from '../helpers.ts';

const run = promisify(execFile);

/** Both read a copy of the bundled corpus: they write their index cache beside it. */
let seed: Awaited<ReturnType<typeof copyCorpus>>;
beforeAll(async () => {
  seed = await copyCorpus(SEED_CORPUS);
});
afterAll(() => seed.cleanup());

async function answer(entry: string[], args: string[]): Promise<unknown> {
  const { stdout } = await run(process.execPath, [...entry, ...args, '--json'], {
    cwd: ROOT,
    env: { ...process.env, CORPUS_DIR: seed.corpus },
  });
  return JSON.parse(stdout);
}

const QUESTIONS = [
  ['ask', '--lang', 'en', 'Who took part in the trilateral call?'],
  ['ask', '日米韓外相電話会談はいつですか'],
  ['quote', '--lang', 'ja', 'strongest terms'],
];

describe.skipIf(!buildIsCurrent())('compiled command line', () => {
  it.each(QUESTIONS)('answers %s … as the sources do', async (...args) => {
    const compiled = await answer([path.join(ROOT, 'dist/src/cli/main.js')], args);
    const source = await answer(['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts')], args);
    expect(compiled).toEqual(source);
    expect((compiled as { items: unknown[] }).items.length).toBeGreaterThan(0);
  });
});
