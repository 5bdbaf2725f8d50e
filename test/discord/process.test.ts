/**
 * The real entry points as separate processes: `npm start` with a token runs the bot, and
 * `npm run start:sharded` runs it under the ShardingManager; SIGTERM stops both cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { FakeDiscord, makeUser } from './fakeDiscord.ts';
import { REPO_CORPUS } from './harness.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let fake: FakeDiscord | undefined;
let child: ChildProcess | undefined;

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
  await fake?.close();
});

function launch(args: string[], extraEnv: Record<string, string> = {}) {
  const output: string[] = [];
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      DISCORD_TOKEN: fake!.token,
      DISCORD_API_URL: fake!.apiUrl,
      DISCORD_APPLICATION_ID: '',
      DISCORD_GUILD_ID: '',
      CORPUS_DIR: REPO_CORPUS,
      LOG_LEVEL: 'info',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d) => output.push(String(d)));
  proc.stderr!.on('data', (d) => output.push(String(d)));
  child = proc;
  return { proc, output };
}

async function answersQuote() {
  const interaction = fake!.slashCommand('quote', [{ name: 'query', value: 'ICBM' }], { user: makeUser('p'), guild: fake!.guild });
  const response = await fake!.responseTo(interaction);
  expect(response.body.data.embeds[0].title).toBe('Quote: ICBM');
}

/** Resolves when the process has logged that the bot is ready (logs are JSON on stderr). */
function readyLine(proc: ChildProcess, output: string[]): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!output.join('').includes('Discord bot ready')) return;
      proc.stderr!.off('data', check);
      resolve();
    };
    proc.stderr!.on('data', check);
    check();
  });
}

test('npm start with DISCORD_TOKEN runs the bot; SIGTERM stops it with exit code 0', async () => {
  fake = await FakeDiscord.start();
  const { proc, output } = launch(['bin/start.js']);
  await fake.waitForIdentify();
  await readyLine(proc, output);
  await answersQuote();
  proc.kill('SIGTERM');
  const [code] = await once(proc, 'exit');
  expect(code).toBe(0);
  const log = output.join('');
  expect(log).toContain('Discord bot stopped');
  expect(log).not.toContain(fake.token);
  expect(fake.identifies[0].intents).toBe(1 | 512 | 4096);
});

test('start:sharded identifies with the explicit shard count and stops cleanly', async () => {
  fake = await FakeDiscord.start();
  const { proc, output } = launch(['--import', 'tsx', 'src/discord/sharded.ts'], { SHARD_COUNT: '1' });
  await fake.waitForIdentify();
  expect(fake.identifies[0].shard).toEqual([0, 1]);
  await readyLine(proc, output);
  await answersQuote();
  proc.kill('SIGTERM');
  const [code] = await once(proc, 'exit');
  expect(code).toBe(0);
  expect(output.join('')).toContain('Discord bot stopped');
});
