/** The gateway side of the fake server as the real client sees it: identify, and resume. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeUser } from './fakeDiscord.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

test('the client identifies with Guilds, GuildMessages and DirectMessages only (no privileged intents)', () => {
  expect(h.fake.identifies).toHaveLength(1);
  const { intents, shard } = h.fake.identifies[0];
  expect(intents).toBe(1 | 512 | 4096);
  expect(intents & (1 << 15)).toBe(0); // MessageContent
  expect(shard).toEqual([0, 1]);
  expect(h.bot.client.guilds.cache.has(h.fake.guild.id)).toBe(true);
});

test('after the gateway drops the connection, the bot resumes its session and keeps answering', async () => {
  const resumed = new Promise<void>((resolve) => h.bot.client.once('shardResume', () => resolve()));
  h.fake.closeSockets(4000, 'test: unknown error');
  await resumed;
  expect(h.fake.resumes).toHaveLength(1);
  expect(h.fake.identifies).toHaveLength(1);
  const interaction = h.fake.slashCommand('quote', [{ name: 'query', value: 'ICBM' }], {
    user: makeUser('after'),
    guild: h.fake.guild,
  });
  const response = await h.fake.responseTo(interaction);
  expect(response.body.data.embeds[0].title).toBe('Quote: ICBM');
  expect(h.logs.some((l) => l.includes('shard resumed'))).toBe(true);
});
