/**
 * After a burst of deferrals, the answers are edited in through the interaction's webhook. Discord
 * exempts interaction endpoints from the bot's global limit of 50 requests a second; discord.js
 * counted them against it, so 900 deferred answers took 18 s to appear. They are now sent
 * without the global count (per-route limits and retries still apply).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeFixtureCorpus } from '../discord/corpusFixture.ts';
import { makeUser } from '../discord/fakeDiscord.ts';
import { startHarness, type Harness } from '../discord/harness.ts';

let h: Harness;
let corpus: Awaited<ReturnType<typeof writeFixtureCorpus>>;
beforeAll(async () => {
  corpus = await writeFixtureCorpus();
  h = await startHarness({ corpusDir: corpus.dir, cooldown: { limit: 1000 } });
});
afterAll(async () => {
  await h?.close();
  await corpus?.cleanup();
});

test('120 deferred answers are edited in without waiting on the global limit', async () => {
  const globalWaits: unknown[] = [];
  h.bot.client.rest.on('rateLimited', (info) => {
    if (info.global) globalWaits.push(info);
  });
  // Created 2 s ago: each is deferred at once, and its answer edited in.
  const late = Array.from({ length: 120 }, (_, i) =>
    h.fake.slashCommand('quote', [{ name: 'query', value: 'maritime security' }], {
      user: makeUser(`late-${i}`),
      guild: h.fake.guild,
      createdAt: Date.now() - 2000,
    }),
  );
  const edits = await Promise.all(
    late.map((i) => h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(i.token))),
  );
  for (const edit of edits) expect(edit.body.embeds[0].title).toBe('Quote: maritime security');
  expect(globalWaits).toEqual([]);
});
