/**
 * Secrets: a full session through the real client at trace level (commands, mentions, DMs,
 * a deferral, rate limits, server errors, a gateway resume, and a handler whose error quotes
 * the token and a file path). The token is nowhere in the logs or in anything sent to Discord;
 * users never see stack traces, file paths or configuration; nothing the bot sent can ping.
 */
import { Writable } from 'node:stream';
import { Events, type ChatInputCommandInteraction } from 'discord.js';
import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { commands as defaultCommands } from '../../commands/index.ts';
import type { Command } from '../../src/discord/command.ts';
import type { Engine } from '../../src/engine/types.ts';
import { loggerOptions } from '../../src/logger.ts';
import { writeFixtureCorpus } from '../discord/corpusFixture.ts';
import { makeUser } from '../discord/fakeDiscord.ts';
import { expectNoPings, payloadOf, startHarness, type Harness } from '../discord/harness.ts';

let h: Harness;
let corpus: Awaited<ReturnType<typeof writeFixtureCorpus>>;

/** An error as a careless library might throw it: the token, a path and a stack. */
function leakyError(): Error {
  return new Error(
    `could not read ${corpus.dir}/src/config.ts: Authorization "Bot ${h.fake.token}" refused`,
  );
}

const leakyCommand: Command = {
  data: { name: 'leaky', description: 'test only' },
  execute: async (_interaction: ChatInputCommandInteraction) => {
    throw leakyError();
  },
};

function leakyEngine(engine: Engine): Engine {
  return {
    ...engine,
    ask: (q, o) => {
      if (q.includes('leak')) throw leakyError();
      return engine.ask(q, o);
    },
  };
}

beforeAll(async () => {
  corpus = await writeFixtureCorpus();
  h = await startHarness({
    corpusDir: corpus.dir,
    cooldown: { limit: 3, windowMs: 10 * 60_000 },
    commands: [...defaultCommands, leakyCommand],
    wrapEngine: leakyEngine,
    scrubToken: true,
  });
});
afterAll(async () => {
  await h?.close();
  await corpus?.cleanup();
});

test('a full session at trace level: the token is in no log line and in no request body', async () => {
  const guild = h.fake.guild;
  const user = makeUser('secret-tester');
  const mention = (text: string, author = user) =>
    h.fake.message(author, `<@${h.fake.botUser.id}> ${text}`, {
      guild,
      mentions: [h.fake.botUser],
    });

  // Answers: a command, a mention, a DM, a late (deferred) command.
  await h.fake.responseTo(
    h.fake.slashCommand('quote', [{ name: 'query', value: 'coast guard' }], { user, guild }),
  );
  await h.fake.replyTo(mention('maritime security'));
  await h.fake.replyTo(h.fake.message(makeUser('dm'), '経済安全保障'));
  // (A question with an answer: "nothing found" would be a private follow-up, not an edit.)
  const late = h.fake.slashCommand('quote', [{ name: 'query', value: 'joint exercises' }], {
    user: makeUser('late'),
    guild,
    createdAt: Date.now() - 2500,
  });
  await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(late.token));

  // Failures: handlers whose errors quote the token and a path, over both routes.
  const failed = h.fake.slashCommand('leaky', [], { user: makeUser('l1'), guild });
  const apology = await h.fake.responseTo(failed);
  const failedMention = mention('please leak', makeUser('l2'));
  const mentionApology = await h.fake.replyTo(failedMention);

  // A cooldown notice, a rate limit and server errors, then a gateway resume.
  const flooder = makeUser('flooder');
  for (let i = 0; i < 3; i++)
    await h.fake.responseTo(
      h.fake.slashCommand('quote', [{ name: 'query', value: 'patrol vessels' }], {
        user: flooder,
        guild,
      }),
    );
  await h.fake.responseTo(
    h.fake.slashCommand('quote', [{ name: 'query', value: 'patrol vessels' }], {
      user: flooder,
      guild,
    }),
  );
  let faults = 0;
  h.fake.intercept = (req) => {
    if (req.method !== 'POST' || !/^\/channels\/\d+\/messages$/.test(req.path) || faults >= 2)
      return undefined;
    faults += 1;
    return faults === 1
      ? {
          status: 429,
          body: { message: 'rate limited', retry_after: 0.2, global: false },
          headers: { 'retry-after': '0.2', 'x-ratelimit-scope': 'user' },
        }
      : { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
  };
  const retried = mention('water cannons', makeUser('r'));
  let seen = 0;
  await h.fake.waitForRequest(
    (r) => r.body?.message_reference?.message_id === retried.id && ++seen === 3,
  );
  h.fake.intercept = undefined;
  const resumed = new Promise<void>((resolve) =>
    h.bot.client.once(Events.ShardResume, () => resolve()),
  );
  h.fake.closeSockets(4000, 'test');
  await resumed;
  await h.fake.replyTo(mention('joint exercises', makeUser('after-resume')));

  const logs = h.logs.join('\n');
  expect(h.logs.length).toBeGreaterThan(20);
  for (const level of ['"level":10', '"level":30', '"level":40', '"level":50']) {
    expect(logs, `a line at ${level}`).toContain(level);
  }
  // The failure is logged, with the token scrubbed out of its message and stack.
  expect(logs).toContain('handler failed');
  expect(logs).toContain('Authorization \\"Bot [redacted]\\" refused');
  expect(logs).toContain('"status":429');
  expect(logs).toContain('"status":500');
  expect(logs).toContain('shard resumed');
  const token = h.fake.token;
  for (const piece of [token, ...token.split('.').filter((p) => p.length >= 8)]) {
    expect(logs).not.toContain(piece);
  }
  // The token travels in the Authorization header and nowhere else.
  for (const req of h.fake.requests) {
    expect(JSON.stringify(req.body) ?? '').not.toContain(token);
    expect(req.path).not.toContain(token);
  }
  expect(h.fake.identifies.every((i) => i.token === token)).toBe(true);

  // What users saw of the failures: a short apology, nothing else.
  expect(apology.body.data.content).toBe(
    'Sorry, something went wrong on my side while answering. Please try again in a moment.',
  );
  expect(mentionApology.body.content).toBe(
    'Sorry, something went wrong on my side while answering. Please try again in a moment.',
  );
});

test('no reply shows a stack trace, a file path or a configuration value', () => {
  const forbidden = [
    h.fake.token,
    corpus.dir,
    h.fake.apiUrl,
    '127.0.0.1',
    '/work/',
    'src/',
    'node_modules',
    '.ts:',
    'Error:',
    'DISCORD_',
    'CORPUS_DIR',
  ];
  const sent = h.fake.outgoingMessages();
  expect(sent.length).toBeGreaterThan(8);
  for (const req of sent) {
    const text = JSON.stringify(payloadOf(req));
    for (const bad of forbidden) expect(text, `${req.method} ${req.path}`).not.toContain(bad);
    expect(text).not.toMatch(/\bat .+:\d+:\d+/); // stack frames
  }
});

test('every message and interaction response the bot sent forbids all pings', () => {
  expect(expectNoPings(h.fake)).toBeGreaterThan(8);
  // Deferred answers are edits: they carry the same allowed_mentions.
  const edits = h.fake.requests.filter((r) => r.method === 'PATCH');
  expect(edits.length).toBeGreaterThan(0);
  for (const edit of edits)
    expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
});

test('logged objects carrying Authorization headers are redacted at any depth, without the scrub', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = pino(loggerOptions('trace'), sink);
  const header = 'Bot header-only-secret-value';
  logger.debug({ headers: { authorization: header } }, 'a');
  logger.debug({ req: { headers: { authorization: header } } }, 'b');
  logger.debug({ request: { headers: { Authorization: header } } }, 'c');
  logger.debug({ request: { options: { headers: { authorization: header } } } }, 'd');
  logger.debug(
    { token: 'secret-token-value', config: { discordToken: 'secret-token-value' } },
    'e',
  );
  logger.debug({ authorization: header }, 'f');
  expect(lines).toHaveLength(6);
  for (const line of lines) {
    expect(line).not.toContain('secret');
    expect(line).toContain('[redacted]');
  }
});

test('the production scrub removes the token from messages and error stacks', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const secret = 'MTIzNDU2Nzg5.scrub-me.please-0123456789';
  const logger = pino(loggerOptions('info', { secrets: [secret, undefined] }), sink);
  logger.error(
    { err: new Error(`GET https://example.invalid/?t=${secret} failed`) },
    `token ${secret} rejected`,
  );
  expect(lines.join('')).not.toContain(secret);
  expect(lines.join('')).toContain('token [redacted] rejected');
});
