/**
 * The real entry points as separate processes: `npm start` with a token runs the bot, and
 * `npm run start:sharded` runs it under the ShardingManager; SIGTERM stops both cleanly.
 */
import { once } from 'node:events';
import { afterEach, expect, test } from 'vitest';
import { launchBot, printed } from './botProcess.ts';
import { FakeDiscord, makeUser } from './fakeDiscord.ts';

let fake: FakeDiscord | undefined;

afterEach(async () => {
  await fake?.close();
});

async function answersQuote() {
  const interaction = fake!.slashCommand('quote', [{ name: 'query', value: 'ICBM' }], { user: makeUser('p'), guild: fake!.guild });
  const response = await fake!.responseTo(interaction);
  expect(response.body.data.embeds[0].title).toBe('Quote: ICBM');
}

test('npm start with DISCORD_TOKEN runs the bot; SIGTERM stops it with exit code 0', async () => {
  fake = await FakeDiscord.start();
  const bot = launchBot(fake, ['bin/start.js']);
  const { proc, output } = bot;
  await fake.waitForIdentify();
  await printed(bot, 'Discord bot ready');
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
  const bot = launchBot(fake, ['--import', 'tsx', 'src/discord/sharded.ts'], { SHARD_COUNT: '1' });
  const { proc, output } = bot;
  await fake.waitForIdentify();
  expect(fake.identifies[0].shard).toEqual([0, 1]);
  await printed(bot, 'Discord bot ready');
  await answersQuote();
  proc.kill('SIGTERM');
  const [code] = await once(proc, 'exit');
  expect(code).toBe(0);
  expect(output.join('')).toContain('Discord bot stopped');
});
