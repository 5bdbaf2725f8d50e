/**
 * Issue 12: the CLI printed terminal control sequences from the corpus raw (clear screen, an OSC 52
 * clipboard write, concealed text). On a terminal they are stripped (the bot's own bold stays);
 * piped output and JSON keep the text as it is; `check` warns with file and line.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineFromFolder } from '../../src/engine/fromFolder.ts';
import { terminalSafeEngine } from '../../src/render/terminalSafe.ts';
import { ROOT } from '../helpers.ts';

const run = promisify(execFile);
let dir: string;

const CLEAR = '\u001b[2J\u001b[H';
const CLIPBOARD = '\u001b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\u0007';
const CONCEAL = '\u001b[8m';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'readout-terminal-'));
  await mkdir(path.join(dir, 'corpus'));
  await writeFile(
    path.join(dir, 'corpus', 'escapes.md'),
    `---\nid: escapes\ntitle: Escapes\ndate: 2025-03-03\nlanguage: en\npublisher: Test\n---\nThe ministers discussed fisheries.\n\n${CLEAR}The ministers condemned the launch.${CLIPBOARD} ${CONCEAL}hidden text\n`,
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const env = { ...process.env, CORPUS_DIR: '', DISCORD_TOKEN: '', LOG_LEVEL: 'error' };
const quote = ['bin/readout.js', 'quote', '--corpus'];

describe('terminal control sequences from the corpus', () => {
  it('are stripped on a terminal, where the matched word is still bold', async () => {
    const command = [process.execPath, ...quote, path.join(dir, 'corpus'), 'condemned']
      .map((a) => `'${a}'`)
      .join(' ');
    // `script` gives the command a pseudo-terminal, as an operator's shell would.
    const { stdout } = await run('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env });
    expect(stdout).toContain('\u001b[1mcondemned\u001b[22m');
    const withoutBold = stdout.replaceAll('\u001b[1m', '').replaceAll('\u001b[22m', '');
    expect(withoutBold).not.toContain('\u001b');
    expect(withoutBold).not.toContain('\u0007');
    expect(withoutBold).toContain('The ministers condemned the launch. hidden text');
  });

  it.skipIf(process.platform === 'win32')(
    'stay as they are when the output is piped, and in JSON',
    async () => {
      const piped = await run(process.execPath, [...quote, path.join(dir, 'corpus'), 'condemned'], {
        cwd: ROOT,
        env,
      });
      expect(piped.stdout).toContain(`${CLEAR}The ministers condemned the launch.${CLIPBOARD}`);
      const json = await run(
        process.execPath,
        [...quote, path.join(dir, 'corpus'), '--json', 'condemned'],
        { cwd: ROOT, env },
      );
      expect(JSON.parse(json.stdout).items[0].text).toContain(CLIPBOARD);
    },
  );

  it('are reported by check as a warning with file and line', async () => {
    const { stdout } = await run(
      process.execPath,
      [path.join(ROOT, 'bin/readout.js'), 'check', '--corpus', path.join(dir, 'corpus')],
      { cwd: dir, env },
    );
    expect(stdout).toContain('corpus/escapes.md:10: warning: contains terminal control characters');
  });
});

it('the offline console on a terminal answers from an engine whose answers carry no control sequences', async () => {
  const engine = terminalSafeEngine(
    await engineFromFolder(path.join(dir, 'corpus'), undefined, { cacheDir: false }),
  );
  const answer = engine.quote('condemned');
  expect(JSON.stringify(answer)).not.toMatch(/\\u001b|\\u0007/);
  expect(answer.items[0]!.citations[0]!.excerpt).toBe(
    'The ministers condemned the launch. hidden text',
  );
});
