/**
 * Issue 12: a statement file written slowly in place was served half-written, as a verbatim quote.
 * A running engine now serves a changed file only once its bytes stayed the same for the settle
 * time; until then the previous version serves (a new file waits).
 */
import { open, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { liveEngineFromFolder, type LiveEngine } from '../../src/engine/live.ts';

let dir: string | undefined;
let live: LiveEngine | undefined;
afterEach(async () => {
  live?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const HEAD =
  '---\nid: slow-call\ntitle: Slow call\ndate: 2025-04-01\nlanguage: en\npublisher: Test\n---\n';
const OLD = 'The ministers discussed fisheries cooperation.\n';
const NEW = [
  'The ministers discussed fisheries ',
  'cooperation and agreed ',
  'to conclude the negotiations ',
  'on the fisheries agreement within the year.\n',
];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('an edit written in pieces is never served half-written; the finished text is served once settled', async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'readout-slow-'));
  const file = path.join(dir, 'slow.md');
  await writeFile(file, HEAD + OLD);
  live = await liveEngineFromFolder(dir, undefined, {
    cacheDir: false,
    debounceMs: 20,
    pollMs: 50,
    settleMs: 500,
  });
  const served = new Set<string>();
  const look = () => {
    for (const item of live!.engine.quote('fisheries').items)
      served.add(item.citations[0]!.excerpt);
  };
  look();

  // Rewritten in place, a piece every 150 ms: each piece alone is a valid statement file.
  const handle = await open(file, 'w');
  try {
    await handle.write(HEAD);
    for (const piece of NEW) {
      await handle.write(piece);
      await handle.sync();
      for (let i = 0; i < 6; i++) {
        await sleep(25);
        look();
      }
    }
  } finally {
    await handle.close();
  }
  const finished = NEW.join('').trim();
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && !served.has(finished)) {
    await sleep(25);
    look();
  }
  expect([...served].sort()).toEqual([finished, OLD.trim()].sort());
});
