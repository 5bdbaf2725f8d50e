/**
 * `npm start` under a supervisor: SIGTERM goes to npm, which passes it to the script's shell. The
 * shell must not stand between npm and the bot (it would die and leave the bot running, and a
 * restart would run two bots on one token): the script execs node, so the bot gets the signal,
 * stops gracefully and npm exits with its code.
 */
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { launchBot, printed } from '../discord/botProcess.ts';
import { FakeDiscord } from '../discord/fakeDiscord.ts';

const NPM_CLI = [
  process.env.npm_execpath,
  path.resolve(path.dirname(process.execPath), '../lib/node_modules/npm/bin/npm-cli.js'),
].find((p): p is string => !!p && p.endsWith('.js') && existsSync(p));

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
});

test.skipIf(!NPM_CLI)(
  'SIGTERM to the npm start process stops the bot itself: it logs out and npm exits 0',
  async () => {
    fake = await FakeDiscord.start();
    const bot = launchBot(fake, [NPM_CLI!, 'start', '--silent']);
    await printed(bot, 'Discord bot ready');
    bot.proc.kill('SIGTERM');
    const [code] = await once(bot.proc, 'exit');
    expect(code).toBe(0);
    // The bot, not only npm, received the signal: it stopped gracefully and closed the gateway normally.
    expect(bot.output.join('')).toContain('Discord bot stopped');
    expect(fake.closeCodes).toContain(1000);
    const connected = fake.closeCodes.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.closeCodes).toHaveLength(connected);
  },
);
