/**
 * Issue 12: one unreadable subfolder (a lost+found, a colleague's 0700 folder) made the whole
 * corpus unreadable: 0 statements, and the live watcher stopped seeing new files. Now the folder
 * is skipped with a warning naming it, and the rest serves and stays live.
 */
import { execFile } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, expect, test } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
let dir: string | undefined;

afterEach(async () => {
  if (dir) {
    await chmod(path.join(dir, 'private'), 0o700).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
});

const statement = (id: string, body: string) =>
  `---\nid: ${id}\ntitle: ${id}\ndate: 2025-04-01\nlanguage: en\npublisher: Test\n---\n${body}\n`;

test.skipIf(process.platform === 'win32')(
  'an unreadable subfolder is skipped with a warning naming it; the rest serves and new files are picked up',
  async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'readout-unreadable-'));
    await mkdir(path.join(dir, 'public'));
    await mkdir(path.join(dir, 'private'));
    await writeFile(
      path.join(dir, 'public', 'one.md'),
      statement('public-one', 'The ministers discussed maritime security.'),
    );
    await writeFile(
      path.join(dir, 'private', 'draft.md'),
      statement('private-draft', 'Not for the bot.'),
    );
    if (asRoot) {
      // The corpus belongs to the unprivileged user; the private folder stays root's, mode 0700.
      for (const p of [dir, path.join(dir, 'public'), path.join(dir, 'public', 'one.md')])
        await chown(p, NOBODY, NOBODY);
    }
    await chmod(path.join(dir, 'private'), asRoot ? 0o700 : 0o000);

    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'test/corpus/unreadableProbe.ts', dir],
      {
        cwd: ROOT,
        timeout: 30_000,
        ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
      },
    );
    const result = JSON.parse(stdout);
    expect(result.statements).toEqual(['public-one']);
    expect(result.problems).toEqual([
      {
        file: 'private',
        line: 0,
        message: 'folder cannot be read (EACCES): skipped; the rest of the corpus is served',
        severity: 'warning',
      },
    ]);
    expect(result.liveStatements).toEqual(['added-later', 'public-one']);
  },
);
