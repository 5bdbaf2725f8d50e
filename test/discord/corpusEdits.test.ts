/** The bot started as `npm start` starts it: over the live engine, so corpus edits reach Discord users. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBot, type RunningBot } from '../../src/discord/bot.ts';
import { liveEngineFromFolder, type LiveEngine } from '../../src/engine/live.ts';
import { FakeDiscord, makeUser } from './fakeDiscord.ts';
import { configFor, memoryLogger } from './harness.ts';

const readout = (paragraph: string) => `---
id: test-mofa-2025-09-03-japan-india
title: 日印外相会談
date: 2025-09-03
language: ja
publisher: 外務省
---
9月3日、午前10時から約1時間、岩田健一外務大臣は、ラヴィ・メーラ・インド外務大臣と会談を行いました。

1 ${paragraph}
`;

let dir: string;
let fake: FakeDiscord;
let live: LiveEngine;
let bot: RunningBot;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'readout-live-bot-'));
  await writeFile(
    path.join(dir, 'india.md'),
    readout('両大臣は、半導体分野での協力を確認しました。'),
  );
  fake = await FakeDiscord.start();
  const { logger } = memoryLogger();
  live = await liveEngineFromFolder(dir, logger, { watch: false, cacheDir: false });
  bot = await startBot(configFor(fake, dir), live.engine, logger, { cooldown: { limit: 1000 } });
});
afterAll(async () => {
  live?.close();
  await bot?.stop();
  await fake?.close();
  await rm(dir, { recursive: true, force: true });
});

test('an edited statement is quoted in the next reply, and a broken edit keeps the last good one', async () => {
  const member = makeUser('member');
  const ask = (q: string) =>
    fake.replyTo(
      fake.message(member, `<@${fake.botUser.id}> ${q}`, {
        guild: fake.guild,
        mentions: [fake.botUser],
      }),
    );

  const before = await ask('鉄道');
  expect(before.body.embeds ?? []).toHaveLength(0);

  await writeFile(
    path.join(dir, 'india.md'),
    readout('両大臣は、高速鉄道計画の進展を歓迎しました。'),
  );
  await live.reload();
  const after = await ask('鉄道');
  expect(after.body.embeds[0].description).toContain('高速**鉄道**計画');

  await writeFile(
    path.join(dir, 'india.md'),
    '---\nid: test-mofa-2025-09-03-japan-india\ntitle: 日印',
  );
  expect((await live.reload()).kept).toEqual(['india.md']);
  const kept = await ask('鉄道');
  expect(kept.body.embeds[0].description).toContain('高速**鉄道**計画');
});
