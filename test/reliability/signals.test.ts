/**
 * The real process (`npm start` with a token) under SIGTERM and SIGINT: it stops taking new
 * work, finishes the reply in flight, logs out of the gateway and exits 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { FakeDiscord, makeUser } from '../discord/fakeDiscord.ts';
import { REPO_CORPUS } from '../discord/harness.ts';

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

function launch() {
  const output: string[] = [];
  const proc = spawn(process.execPath, ['bin/start.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DISCORD_TOKEN: fake!.token,
      DISCORD_API_URL: fake!.apiUrl,
      DISCORD_APPLICATION_ID: '',
      DISCORD_GUILD_ID: '',
      CORPUS_DIR: REPO_CORPUS,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d) => output.push(String(d)));
  proc.stderr!.on('data', (d) => output.push(String(d)));
  child = proc;
  return { proc, output };
}

/** Resolves when the process has logged `text` (logs are JSON lines on stderr). */
function logged(proc: ChildProcess, output: string[], text: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!output.join('').includes(text)) return;
      proc.stderr!.off('data', check);
      resolve();
    };
    proc.stderr!.on('data', check);
    check();
  });
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`${signal}: no new work, the reply in flight completes, the bot logs out and exits 0`, async () => {
    fake = await FakeDiscord.start();
    const { proc, output } = launch();
    await logged(proc, output, 'Discord bot ready');

    // The first answer is held by the API until the test lets it through.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let completed = false;
    fake.intercept = async (req) => {
      if (!req.path.endsWith('/callback')) return undefined;
      await held;
      completed = true;
      return undefined;
    };
    const inFlight = fake.slashCommand('quote', [{ name: 'query', value: 'ICBM' }], { user: makeUser('first'), guild: fake.guild });
    await fake.responseTo(inFlight);

    proc.kill(signal);
    await logged(proc, output, 'stopping: finishing replies in flight');
    const tooLate = fake.slashCommand('quote', [{ name: 'query', value: 'ICBM' }], { user: makeUser('late'), guild: fake.guild });
    const tooLateMention = fake.message(makeUser('late'), `<@${fake.botUser.id}> ICBM`, { guild: fake.guild, mentions: [fake.botUser] });
    expect(proc.exitCode).toBeNull();
    expect(output.join('')).not.toContain('Discord bot stopped');

    release();
    const [code] = await once(proc, 'exit');
    expect(code).toBe(0);
    expect(completed).toBe(true);
    const inFlightResponse = await fake.responseTo(inFlight);
    expect(inFlightResponse.body.data.embeds[0].title).toBe('Quote: ICBM');
    expect(fake.requests.some((r) => r.path.includes(tooLate.token))).toBe(false);
    expect(fake.requests.some((r) => r.body?.message_reference?.message_id === tooLateMention.id)).toBe(false);
    // Logged out: the gateway connection was closed normally, not dropped.
    expect(fake.closeCodes).toContain(1000);
    const log = output.join('');
    expect(log).toContain(`"signal":"${signal}"`);
    expect(log).toContain('Discord bot stopped');
    expect(log).not.toContain(fake.token);
  });
}
