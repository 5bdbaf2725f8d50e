/**
 * Issue 12: the corpus is followed by file-system events, with the periodic scan only as a
 * fallback (a 20,000-file scan every 5 s cost 13-15 % of a core while idle). Events follow the
 * folder they were set on, so a corpus folder replaced by another must be watched anew.
 */
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { liveEngineFromFolder, type LiveEngine } from '../../src/engine/live.ts';

let base: string | undefined;
let live: LiveEngine | undefined;
afterEach(async () => {
  live?.close();
  if (base) await rm(base, { recursive: true, force: true });
});

const statement = (id: string) =>
  `---\nid: ${id}\ntitle: ${id}\ndate: 2025-04-01\nlanguage: en\npublisher: Test\n---\nThe ministers discussed ${id}.\n`;

async function until(check: () => boolean, ms = 5000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
}

test('with events only (no periodic scan), a replaced corpus folder is watched anew', async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'readout-events-'));
  const dir = path.join(base, 'corpus');
  await mkdir(dir);
  await writeFile(path.join(dir, 'first.md'), statement('first'));
  // No pollMs: events, with the scan only as a fallback.
  live = await liveEngineFromFolder(dir, undefined, {
    cacheDir: false,
    debounceMs: 20,
    settleMs: 0,
  });
  const ids = () =>
    live!.engine
      .statements()
      .map((s) => s.id)
      .sort();

  await writeFile(path.join(dir, 'second.md'), statement('second'));
  expect(await until(() => ids().includes('second'))).toBe(true);

  // Replaced whole, as a deploy script or a restore does.
  await mkdir(path.join(base, 'next'));
  await writeFile(path.join(base, 'next', 'third.md'), statement('third'));
  await rm(dir, { recursive: true });
  await rename(path.join(base, 'next'), dir);
  expect(await until(() => ids().join() === 'third')).toBe(true);

  // Written into the new folder: seen only if the new folder is watched.
  await writeFile(path.join(dir, 'fourth.md'), statement('fourth'));
  expect(await until(() => ids().includes('fourth'))).toBe(true);
  expect(ids()).toEqual(['fourth', 'third']);
});
