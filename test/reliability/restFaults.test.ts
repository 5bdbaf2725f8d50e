/**
 * REST faults with the real discord.js client: 429 with Retry-After on message create and on
 * interaction callbacks, 500s, a slow API, and a busy bot. The answer still arrives, exactly
 * once; when it could not be ready within Discord's 3 seconds, the bot deferred in time.
 */
import type { ChatInputCommandInteraction } from 'discord.js';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { commands as defaultCommands } from '../../commands/index.ts';
import type { Command } from '../../src/discord/command.ts';
import { DEFER_AFTER_MS, respondInTime } from '../../src/discord/firstResponse.ts';
import type { Engine } from '../../src/engine/types.ts';
import { writeFixtureCorpus } from '../discord/corpusFixture.ts';
import { makeUser, type InterceptResult, type RecordedRequest } from '../discord/fakeDiscord.ts';
import { startHarness, type Harness } from '../discord/harness.ts';

let h: Harness;
let corpus: Awaited<ReturnType<typeof writeFixtureCorpus>>;

/** Runs once inside the engine, as the bot starts on a question: the test's hook for "meanwhile". */
let duringEngine: (() => void) | undefined;

function busyFor(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // A slow, synchronous engine blocks the whole process, gateway included.
  }
}

/** The real engine; a question containing "slowly" first runs `duringEngine`, then takes 1.8 s. */
function slowOnRequest(engine: Engine): Engine {
  return {
    ...engine,
    quote: (q, o) => {
      if (q.includes('slowly')) {
        const hook = duringEngine;
        duringEngine = undefined;
        hook?.();
        busyFor(1800);
      }
      return engine.quote(q, o);
    },
  };
}

/** A command whose answer comes from slow asynchronous work the test releases. */
let releaseSlowWork: (() => void) | undefined;
const slowCommand: Command = {
  data: { name: 'slowwork', description: 'test only' },
  execute: (interaction: ChatInputCommandInteraction) =>
    respondInTime(interaction, async () => {
      await new Promise<void>((resolve) => (releaseSlowWork = resolve));
      return { message: { embeds: [{ title: 'slow but sure' }], components: [] } };
    }),
};

beforeAll(async () => {
  corpus = await writeFixtureCorpus();
  h = await startHarness({
    corpusDir: corpus.dir,
    cooldown: { limit: 1000 },
    wrapEngine: slowOnRequest,
    commands: [...defaultCommands, slowCommand],
  });
});
afterEach(() => {
  h.fake.intercept = undefined;
});
afterAll(async () => {
  releaseSlowWork?.();
  await h?.close();
  await corpus?.cleanup();
});

const RATE_LIMITED = (retryAfterS: number): InterceptResult => ({
  status: 429,
  body: { message: 'You are being rate limited.', retry_after: retryAfterS, global: false },
  headers: {
    'retry-after': String(retryAfterS),
    'x-ratelimit-limit': '5',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset-after': String(retryAfterS),
    'x-ratelimit-bucket': 'fake-bucket',
    'x-ratelimit-scope': 'user',
  },
});

const SERVER_ERROR: InterceptResult = {
  status: 500,
  body: { message: '500: Internal Server Error', code: 0 },
};

/** Answers the first `times` requests matching `match` with `fault`. */
function faultFirst(
  times: number,
  match: (r: RecordedRequest) => boolean,
  fault: InterceptResult,
): void {
  let faulted = 0;
  h.fake.intercept = (req) => {
    if (faulted < times && match(req)) {
      faulted += 1;
      return fault;
    }
    return undefined;
  };
}

/** The n-th request (1-based, already seen or future) matching `match`. */
function nthRequest(n: number, match: (r: RecordedRequest) => boolean): Promise<RecordedRequest> {
  let seen = 0;
  return h.fake.waitForRequest((r) => match(r) && ++seen === n);
}

const isCallback = (r: RecordedRequest) => r.path.endsWith('/callback');
const isChannelMessage = (r: RecordedRequest) =>
  r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path);

function mention(content: string) {
  return h.fake.message(makeUser('member'), `<@${h.fake.botUser.id}> ${content}`, {
    guild: h.fake.guild,
    mentions: [h.fake.botUser],
  });
}

function quote(query: string) {
  return h.fake.slashCommand('quote', [{ name: 'query', value: query }], {
    user: makeUser('asker'),
    guild: h.fake.guild,
  });
}

function requestsFor(token: string) {
  return h.fake.requests.filter((r) => r.path.includes(token));
}

function repliesTo(message: { id: string }) {
  return h.fake.requests.filter((r) => r.body?.message_reference?.message_id === message.id);
}

test('429 with Retry-After on message create: the reply is sent again after the wait, once', async () => {
  faultFirst(1, isChannelMessage, RATE_LIMITED(1));
  const question = mention('maritime security');
  const reply = await nthRequest(
    2,
    (r) => isChannelMessage(r) && r.body?.message_reference?.message_id === question.id,
  );
  expect(reply.body.embeds[0].title).toBe('Quote: maritime security');
  expect(repliesTo(question)).toHaveLength(2); // the refused one and the real one
  expect(h.logs.some((l) => l.includes('"status":429'))).toBe(true);
});

test('429 with Retry-After on the interaction callback: the reply is sent again after the wait, once', async () => {
  faultFirst(1, isCallback, RATE_LIMITED(1));
  const interaction = quote('coast guard');
  const response = await nthRequest(2, (r) => isCallback(r) && r.path.includes(interaction.token));
  expect(response.body.type).toBe(4);
  expect(response.body.data.embeds[0].title).toBe('Quote: coast guard');
  expect(requestsFor(interaction.token)).toHaveLength(2);
});

test('500s on the callback and on message create are retried until the answer goes through', async () => {
  faultFirst(2, isCallback, SERVER_ERROR);
  const interaction = quote('water cannons');
  const response = await nthRequest(3, (r) => isCallback(r) && r.path.includes(interaction.token));
  expect(response.body.data.embeds[0].title).toBe('Quote: water cannons');
  expect(requestsFor(interaction.token)).toHaveLength(3);

  faultFirst(2, isChannelMessage, SERVER_ERROR);
  const question = mention('patrol vessels');
  const reply = await nthRequest(
    3,
    (r) => isChannelMessage(r) && r.body?.message_reference?.message_id === question.id,
  );
  expect(reply.body.embeds[0].title).toBe('Quote: patrol vessels');
  expect(repliesTo(question)).toHaveLength(3);
  expect(h.logs.some((l) => l.includes('"status":500'))).toBe(true);
});

test('a Discord API that keeps failing: the bot gives up on that reply, logs it, and answers the next', async () => {
  h.fake.intercept = (req) => (isChannelMessage(req) ? SERVER_ERROR : undefined);
  const doomed = mention('coast guard cooperation');
  // The reply and its retries, then the apology and its retries: 4 attempts each.
  const gaveUp = new Promise<void>((resolve) => {
    const check = () =>
      h.logs.some((l) => l.includes('could not send the apology'))
        ? resolve()
        : setImmediate(check);
    check();
  });
  await gaveUp;
  expect(repliesTo(doomed)).toHaveLength(8);
  expect(h.logs.some((l) => l.includes('handler failed'))).toBe(true);
  h.fake.intercept = undefined;
  const next = mention('joint exercises');
  expect((await h.fake.replyTo(next)).body.embeds[0].title).toBe('Quote: joint exercises');
});

test('a slow API (1.2 s per reply): the answers still arrive, once each', async () => {
  h.fake.intercept = async (req) => {
    if (isCallback(req) || isChannelMessage(req))
      await new Promise((resolve) => setTimeout(resolve, 1200));
    return undefined;
  };
  const interaction = quote('maritime security');
  const question = mention('coast guard');
  const response = await h.fake.responseTo(interaction);
  const reply = await h.fake.replyTo(question);
  expect(response.body.data.embeds[0].title).toBe('Quote: maritime security');
  expect(reply.body.embeds[0].title).toBe('Quote: coast guard');
  // Wait for both to complete (the fake holds them), then check nothing was sent twice.
  const later = mention('joint exercises');
  await h.fake.replyTo(later);
  expect(requestsFor(interaction.token)).toHaveLength(1);
  expect(repliesTo(question)).toHaveLength(1);
});

test('a question that arrives while the bot is busy is deferred within 3 s, then answered', async () => {
  let waiting!: ReturnType<typeof quote>;
  // Sent while the engine blocks the process on the first question: handled 1.8 s after creation.
  duringEngine = () => {
    waiting = quote('coast guard');
  };
  const busy = quote('slowly maritime security');
  const busyResponse = await h.fake.responseTo(busy);
  // The busy one was ready by the time it could answer at all: a direct reply is as quick.
  expect(busyResponse.body.type).toBe(4);

  const deferral = await h.fake.responseTo(waiting);
  const createdAt = Number((BigInt(waiting.id) >> 22n) + 1420070400000n);
  const arrivedAfter = Date.now() - createdAt;
  console.log(
    `busy bot: deferral of a waiting interaction arrived ${arrivedAfter} ms after it was created`,
  );
  expect(deferral.body.type).toBe(5);
  expect(arrivedAfter).toBeLessThan(3000);
  const edit = await h.fake.waitForRequest(
    (r) => r.method === 'PATCH' && r.path.includes(waiting.token),
  );
  expect(edit.body.embeds[0].title).toBe('Quote: coast guard');
});

test('slow asynchronous work: the bot defers after DEFER_AFTER_MS and edits the answer in when ready', async () => {
  const interaction = h.fake.slashCommand('slowwork', [], {
    user: makeUser('patient'),
    guild: h.fake.guild,
  });
  const deferral = await h.fake.responseTo(interaction);
  expect(deferral.body.type).toBe(5);
  expect(deferral.body.data?.flags ?? 0).toBe(0); // public, like the answer it stands for
  expect(
    Date.now() - Number((BigInt(interaction.id) >> 22n) + 1420070400000n),
  ).toBeGreaterThanOrEqual(DEFER_AFTER_MS - 50);
  expect(releaseSlowWork).toBeDefined();
  releaseSlowWork!();
  const edit = await h.fake.waitForRequest(
    (r) => r.method === 'PATCH' && r.path.includes(interaction.token),
  );
  expect(edit.body.embeds[0].title).toBe('slow but sure');
  expect(requestsFor(interaction.token).filter(isCallback)).toHaveLength(1);
});
