/**
 * What keeps the bot polite and alive: the shared per-user cooldown, handlers that throw, logs
 * without the token, and a graceful stop that lets replies in flight finish.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Engine } from '../../src/engine/types.ts';
import { writeFixtureCorpus } from './corpusFixture.ts';
import { makeUser, type FakeUser } from './fakeDiscord.ts';
import { expectNoPings, payloadOf, startHarness, type Harness } from './harness.ts';

let h: Harness;
let clock = 1_000_000;
let corpus: Awaited<ReturnType<typeof writeFixtureCorpus>>;

/** The real engine, except that questions containing "explode" make it throw. */
function explosive(engine: Engine): Engine {
  const boom = (q: string) => {
    if (q.includes('explode')) throw new Error('engine exploded (test)');
  };
  return {
    ...engine,
    quote: (q, o) => {
      boom(q);
      return engine.quote(q, o);
    },
    ask: (q, o) => {
      boom(q);
      return engine.ask(q, o);
    },
    findStatements: (p, m) => {
      boom(p);
      return engine.findStatements(p, m);
    },
  };
}

beforeAll(async () => {
  corpus = await writeFixtureCorpus();
  h = await startHarness({
    corpusDir: corpus.dir,
    cooldown: { limit: 2, windowMs: 10_000, now: () => clock },
    wrapEngine: explosive,
  });
});
afterAll(async () => {
  await h?.close();
  await corpus?.cleanup();
});

function quote(user: FakeUser, query: string, locale = 'en-US') {
  const interaction = h.fake.slashCommand('quote', [{ name: 'query', value: query }], {
    user,
    guild: h.fake.guild,
    locale,
  });
  return h.fake.responseTo(interaction);
}

test('slash commands: over the limit, the user is told privately when to try again', async () => {
  const user = makeUser('eager');
  expect((await quote(user, 'maritime security')).body.data.embeds).toHaveLength(1);
  expect((await quote(user, 'coast guard')).body.data.embeds).toHaveLength(1);
  const refused = await quote(user, 'patrol vessels');
  expect(refused.body.data.flags).toBe(64);
  expect(refused.body.data.content).toBe(
    'You are asking a little fast. Please wait 10 s and try again.',
  );
  const refusedJa = await quote(user, 'patrol vessels', 'ja');
  expect(refusedJa.body.data.content).toBe(
    '少し間隔をあけてください。10秒後にもう一度お試しください。',
  );
});

test('the limit is shared with DMs, and a flood gets one notice, not one per message', async () => {
  const user = makeUser('flooder');
  clock += 60_000;
  const first = h.fake.message(user, '経済安全保障');
  const second = h.fake.message(user, '重要鉱物');
  const third = h.fake.message(user, '海底ケーブル');
  const fourth = h.fake.message(user, '先端技術');
  await h.fake.replyTo(first);
  await h.fake.replyTo(second);
  const notice = await h.fake.replyTo(third);
  expect(notice.body.content).toBe('少し間隔をあけてください。10秒後にもう一度お試しください。');
  // Interactions must always be answered, so the same user is told there as well.
  const viaCommand = await quote(user, 'maritime security');
  expect(viaCommand.body.data.content).toContain('You are asking a little fast');

  clock += 10_001;
  const afterWait = h.fake.message(user, '経済安全保障');
  const answered = await h.fake.replyTo(afterWait);
  expect(answered.body.embeds[0].title).toBe('引用：経済安全保障');
  // Replies in the DM channel go out in order: nothing was sent for the fourth message.
  expect(h.fake.requests.some((r) => r.body?.message_reference?.message_id === fourth.id)).toBe(
    false,
  );
});

test('a handler that throws is logged and answered with a short private apology; the bot goes on', async () => {
  clock += 60_000;
  const user = makeUser('unlucky');
  const failed = await quote(user, 'explode please', 'ja');
  expect(failed.body.type).toBe(4);
  expect(failed.body.data.flags).toBe(64);
  expect(failed.body.data.content).toBe(
    '申し訳ありません。回答中に問題が発生しました。しばらくしてからもう一度お試しください。',
  );
  expect(
    h.logs.some((l) => l.includes('handler failed') && l.includes('engine exploded (test)')),
  ).toBe(true);

  const fine = await quote(user, 'maritime security');
  expect(payloadOf(fine).embeds[0].title).toBe('Quote: maritime security');

  clock += 60_000;
  const dm = h.fake.message(user, 'please explode');
  const apology = await h.fake.replyTo(dm);
  expect(apology.body.content).toBe(
    'Sorry, something went wrong on my side while answering. Please try again in a moment.',
  );
  const next = h.fake.message(user, 'patrol vessels');
  expect((await h.fake.replyTo(next)).body.embeds[0].title).toBe('Quote: patrol vessels');

  const typing = h.fake.autocomplete(
    'quote',
    [{ name: 'statement', value: 'explode', focused: true }],
    { user, guild: h.fake.guild },
  );
  const choices = await h.fake.responseTo(typing);
  expect(choices.body).toEqual({ type: 8, data: { choices: [] } });
});

test('the token never appears in the logs, even at trace level', () => {
  const all = h.logs.join('\n');
  expect(all.length).toBeGreaterThan(1000);
  expect(all).toContain('discord.js');
  expect(all).toContain('Provided token: [redacted]');
  expect(all).not.toContain(h.fake.token);
  expect(all).not.toContain(h.fake.token.split('.').at(-1)!);
});

test('no message the bot sent could ping anyone', () => {
  expect(expectNoPings(h.fake)).toBeGreaterThan(8);
});

test('stop() lets a reply in flight finish before disconnecting', async () => {
  clock += 60_000;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  h.fake.intercept = async (req) => {
    if (req.path.endsWith('/callback')) await held;
    return undefined;
  };
  const response = quote(makeUser('last'), 'maritime security');
  await response; // the reply has reached the server, which holds it
  let stopped = false;
  const stopping = h.bot.stop().then(() => (stopped = true));
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  expect(stopped).toBe(false);
  expect(h.bot.client.isReady()).toBe(true);
  release();
  await stopping;
  expect(h.bot.client.isReady()).toBe(false);
  h.fake.intercept = undefined;
});
