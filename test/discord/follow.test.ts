/**
 * End to end: a feed on loopback gets a new item; `followOnce` imports its page into the corpus;
 * the live engine reloads; the real bot announces it once in each following channel of two
 * servers, and /quote answers from it right after.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBot, type RunningBot } from '../../src/discord/bot.ts';
import { FollowStore } from '../../src/discord/follows.ts';
import { liveEngineFromFolder, type LiveEngine } from '../../src/engine/live.ts';
import { followOnce, newMemory, type FeedsConfig } from '../../src/ingest/follow.ts';
import { PageServer } from '../ingest/pageServer.ts';
import { FakeDiscord, makeUser, type FakeGuild } from './fakeDiscord.ts';
import { configFor, expectNoPings, memoryLogger, REPO_CORPUS } from './harness.ts';

let dir: string;
let pages: PageServer;
let fake: FakeDiscord;
let live: LiveEngine;
let bot: RunningBot;
let follows: FollowStore;
let second: FakeGuild;
let lastAnnouncement: Promise<number> = Promise.resolve(0);
const { logger, logs } = memoryLogger();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'readout-follow-bot-'));
  await cp(REPO_CORPUS, path.join(dir, 'corpus'), { recursive: true });
  pages = await PageServer.start();
  fake = await FakeDiscord.start();
  second = fake.addGuild('二つ目のサーバー');
  follows = await FollowStore.open(path.join(dir, 'data', 'follows.json'));
  live = await liveEngineFromFolder(path.join(dir, 'corpus'), logger, {
    watch: false,
    cacheDir: false,
    onAdded: (statements) => (lastAnnouncement = bot.announce(statements)),
  });
  bot = await startBot(configFor(fake, path.join(dir, 'corpus')), live.engine, logger, { cooldown: { limit: 1000 }, follows });
});
afterAll(async () => {
  live?.close();
  await bot?.stop();
  await fake?.close();
  await pages?.close();
  await rm(dir, { recursive: true, force: true });
});

const manager = makeUser('manager');
async function slash(name: string, options: Parameters<FakeDiscord['slashCommand']>[1], guild: FakeGuild, permissions?: string) {
  const interaction = fake.slashCommand(name, options, { user: manager, guild, ...(permissions ? { permissions } : {}) });
  return (await fake.responseTo(interaction)).body.data;
}
const posts = (channelId: string) => fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages` && !r.body?.message_reference);

test('a member without Manage Server cannot choose announcements; a manager can, per server', async () => {
  const refused = await slash('follow', [{ name: 'channel', value: fake.guild.channelId, channelOf: fake.guild }], fake.guild, '1024');
  expect(refused.content).toBe('Only members with the Manage Server permission can choose where statements are announced.');
  expect(refused.flags).toBe(64);
  expect(follows.list()).toEqual([]);

  const one = await slash('follow', [{ name: 'channel', value: fake.guild.channelId, channelOf: fake.guild }], fake.guild);
  expect(one.content).toBe(`New statements will be announced in <#${fake.guild.channelId}>.`);
  const two = await slash('follow', [{ name: 'channel', value: second.channelId, channelOf: second }, { name: 'publisher', value: 'The White House' }], second);
  expect(two.content).toBe(`New statements from The White House will be announced in <#${second.channelId}>.`);
  expect(follows.list().map((f) => f.channelId)).toEqual([fake.guild.channelId, second.channelId]);
});

test('a new feed item is imported, announced once in each following channel, and quotable at once', async () => {
  pages.routes.set('/feed', { type: 'application/atom+xml', body: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Briefing Room</title><entry><title>Readout</title><link href="${pages.url('/pages/whitehouse.html')}"/></entry></feed>` });
  const feeds: FeedsConfig = { file: 'feeds.yaml', feeds: [{ url: pages.url('/feed') }], pollMs: 0, allowHosts: ['127.0.0.1'], publishers: new Map() };
  const memory = newMemory();
  const report = await followOnce(feeds, path.join(dir, 'corpus'), { memory, hostGapMs: 0 });
  expect(report.imported.map((r) => r.action)).toEqual(['added']);
  expect((await live.reload()).added).toHaveLength(1);
  expect(await lastAnnouncement).toBe(2);

  for (const channelId of [fake.guild.channelId, second.channelId]) {
    const sent = posts(channelId);
    expect(sent).toHaveLength(1);
    const embed = sent[0]!.body.embeds[0];
    expect(embed.title).toBe('Readout of President Joseph R. Biden, Jr. Call with Prime Minister Scott Morrison of Australia');
    expect(embed.url).toBe('https://www.whitehouse.gov/briefing-room/statements-releases/2021/02/03/readout-of-president-joseph-r-biden-jr-call-with-prime-minister-scott-morrison-of-australia/');
    expect(embed.description).toBe('The White House · 2021-02-03');
    expect(sent[0]!.body.components[0].components[0].url).toBe(embed.url);
  }
  expectNoPings(fake);

  // The feed repeats its item, the corpus reloads again, a restart reopens the state: nothing twice.
  await followOnce(feeds, path.join(dir, 'corpus'), { memory: newMemory(), hostGapMs: 0 });
  await live.reload();
  const statement = live.engine.statements().find((s) => s.publisher === 'The White House')!;
  expect(await bot.announce([{ ...statement, language: 'en' }])).toBe(0);
  const reopened = await FollowStore.open(follows.file);
  expect(reopened.list().every((f) => f.announced.includes(statement.id))).toBe(true);
  expect(posts(fake.guild.channelId)).toHaveLength(1);
  expect(posts(second.channelId)).toHaveLength(1);

  const member = makeUser('reader');
  const asked = fake.slashCommand('quote', [{ name: 'query', value: 'coup in Burma' }], { user: member, guild: fake.guild });
  const answer = (await fake.responseTo(asked)).body;
  const description = JSON.stringify(answer);
  expect(description).toContain('those responsible for the **coup** in **Burma**');
  expect(description).toContain('The White House · 2021-02-03 · ¶1');
});

test('a statement of another publisher goes only to the channel that follows all; a channel gone is dropped with a log line', async () => {
  fake.intercept = (req) =>
    req.method === 'POST' && req.path === `/channels/${fake.guild.channelId}/messages` ? { status: 403, body: { message: 'Missing Access', code: 50001 } } : undefined;
  const posted = await bot.announce([{ id: 'test-new-mofa', title: '日英外相電話会談', date: '2024-07-17', publisher: '外務省', language: 'ja' }]);
  fake.intercept = undefined;
  expect(posted).toBe(0);
  expect(posts(second.channelId)).toHaveLength(1);
  expect(follows.list().map((f) => f.channelId)).toEqual([second.channelId]);
  expect(logs.some((l) => l.includes('cannot post in a followed channel any more: unfollowed it'))).toBe(true);

  const gone = await slash('unfollow', [{ name: 'channel', value: second.channelId, channelOf: second }], second);
  expect(gone.content).toBe(`New statements will no longer be announced in <#${second.channelId}>.`);
  expect(follows.list()).toEqual([]);
});
