/**
 * Issue 12: `readout` exited 0 with "Nothing matches" when --corpus was missing, a file or
 * unreadable, and walked the whole disk when given `/`. Each is now one line and exit 2; so is
 * `npm start` with such a CORPUS_DIR.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorpusFolderError, MAX_CORPUS_FILES, walkCorpus } from '../../src/corpus/walk.ts';
import { ROOT, SEED_CORPUS } from '../helpers.ts';

const run = promisify(execFile);
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'readout-corpus-flag-'));
});
afterAll(async () => {
  await chmod(path.join(scratch), 0o700);
  await rm(scratch, { recursive: true, force: true });
});

/** Root reads every folder: unreadable cases then run as nobody, for whom a root-owned 0700 folder is not. */
const asRoot = process.getuid?.() === 0;
const NOBODY = { uid: 65534, gid: 65534 };

async function node(
  args: string[],
  env: Record<string, string> = {},
  user: { uid?: number; gid?: number } = {},
) {
  try {
    const { stdout, stderr } = await run(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, CORPUS_DIR: '', DISCORD_TOKEN: '', ...env },
      timeout: 20_000,
      ...user,
    });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

const readout = (args: string[], user: { uid?: number; gid?: number } = {}) =>
  node(['bin/readout.js', ...args], {}, user);

describe('readout --corpus that cannot be a corpus folder', () => {
  it('missing: exit 2, one line naming the folder', async () => {
    const missing = path.join(scratch, 'nope');
    const { stdout, stderr, code } = await readout(['quote', '--corpus', missing, 'missile']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`readout: corpus folder (--corpus): ${missing} does not exist\n`);
  });

  it('a file: exit 2, for check too', async () => {
    const file = path.join(SEED_CORPUS, 'README.md');
    for (const args of [
      ['who', '--corpus', file],
      ['check', '--corpus', file],
    ]) {
      const { stderr, code } = await readout(args);
      expect(code).toBe(2);
      expect(stderr).toBe(
        `readout: corpus folder (--corpus): ${file} is a file, not a folder of statements\n`,
      );
    }
  });

  it('the file-system root: exit 2 at once, without walking the disk', async () => {
    const { stderr, code } = await readout(['statements', '--corpus', '/']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'readout: corpus folder (--corpus): / is the root of the file system, not a corpus folder\n',
    );
  });

  it.skipIf(process.platform === 'win32')('unreadable: exit 2', async () => {
    // scratch is root's and 0700 (mkdtemp) when the tests run as root.
    if (!asRoot) await chmod(scratch, 0o000);
    try {
      const { stderr, code } = await readout(
        ['quote', '--corpus', scratch, 'missile'],
        asRoot ? NOBODY : {},
      );
      expect(code).toBe(2);
      expect(stderr).toBe(
        `readout: corpus folder (--corpus): ${scratch} cannot be read (EACCES)\n`,
      );
    } finally {
      await chmod(scratch, 0o700);
    }
  });

  it('given twice: exit 2, whichever form, instead of silently reading the last one', async () => {
    for (const args of [
      ['quote', '--corpus', SEED_CORPUS, '--corpus', scratch, 'missile'],
      ['who', `--corpus=${SEED_CORPUS}`, '--corpus', SEED_CORPUS],
    ]) {
      const { stdout, stderr, code } = await readout(args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe('readout: --corpus is given more than once; give one corpus folder.\n');
    }
  });

  it('npm start with a CORPUS_DIR that does not exist: exit 2 and one log line saying so', async () => {
    const missing = path.join(scratch, 'gone');
    const { stderr, code } = await node(['bin/start.js'], { CORPUS_DIR: missing });
    expect(code).toBe(2);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).msg).toBe(
      `CORPUS_DIR: ${missing} does not exist. Set CORPUS_DIR to the folder of statement files.`,
    );
  });
});

describe('a folder with more files than a corpus folder holds', () => {
  it('is refused as "is this the corpus folder?" once the walk passes the limit (MAX_CORPUS_FILES, here 3)', async () => {
    const many = await mkdtemp(path.join(os.tmpdir(), 'readout-many-'));
    try {
      await mkdir(path.join(many, 'sub'));
      for (const name of ['a.md', 'b.md', 'sub/c.md', 'sub/d.md'])
        await writeFile(path.join(many, name), '');
      await expect(walkCorpus(many, 4)).resolves.toMatchObject({ files: expect.any(Array) });
      await expect(walkCorpus(many, 3)).rejects.toThrow(
        new CorpusFolderError(
          `more than 3 files under ${many}: is this the corpus folder?`,
          'ETOOMANY',
        ),
      );
      expect(MAX_CORPUS_FILES).toBe(200_000);
    } finally {
      await rm(many, { recursive: true, force: true });
    }
  });
});
