/**
 * Gateway faults with the real discord.js client: a close 4000, a TCP connection dropped without
 * a close frame, a zombie connection (heartbeats never acknowledged) and a RESUME refused with
 * op 9. After each, the bot is back and answers; events sent while it was away are replayed on
 * resume and answered exactly once.
 */
import { Events } from 'discord.js';
import { afterEach, expect, test } from 'vitest';
import { writeFixtureCorpus } from '../discord/corpusFixture.ts';
import { makeUser, type FakeDiscord, type FakeUser } from '../discord/fakeDiscord.ts';
import { startHarness, type Harness } from '../discord/harness.ts';

let h: Harness | undefined;
let corpus: Awaited<ReturnType<typeof writeFixtureCorpus>> | undefined;

afterEach(async () => {
  await h?.close();
  await corpus?.cleanup();
  h = undefined;
  corpus = undefined;
});

async function start(configureFake?: (fake: FakeDiscord) => void) {
  corpus = await writeFixtureCorpus();
  h = await startHarness({
    corpusDir: corpus.dir,
    cooldown: { limit: 1000 },
    ...(configureFake ? { configureFake } : {}),
  });
  return h;
}

function resumed(harness: Harness): Promise<number> {
  return new Promise((resolve) =>
    harness.bot.client.once(Events.ShardResume, (_id, replayed) => resolve(replayed)),
  );
}

/** Asks with /quote and checks the one answer that came back. */
async function answersQuote(harness: Harness, user: FakeUser = makeUser('asker')) {
  const interaction = harness.fake.slashCommand(
    'quote',
    [{ name: 'query', value: 'coast guard' }],
    { user, guild: harness.fake.guild },
  );
  const response = await harness.fake.responseTo(interaction);
  expect(response.body.type).toBe(4);
  expect(response.body.data.embeds[0].title).toBe('Quote: coast guard');
}

function callbacksFor(harness: Harness, interaction: { id: string }) {
  return harness.fake.requests.filter((r) => r.path.startsWith(`/interactions/${interaction.id}/`));
}

function repliesTo(harness: Harness, message: { id: string }) {
  return harness.fake.requests.filter((r) => r.body?.message_reference?.message_id === message.id);
}

test('close 4000: the bot resumes its session (no new IDENTIFY) and answers the next question', async () => {
  const harness = await start();
  const back = resumed(harness);
  harness.fake.closeSockets(4000, 'test: unknown error');
  await back;
  expect(harness.fake.resumes).toHaveLength(1);
  expect(harness.fake.identifies).toHaveLength(1);
  await answersQuote(harness);
});

test('a TCP connection dropped without a close frame: the bot resumes and answers', async () => {
  const harness = await start();
  const back = resumed(harness);
  harness.fake.dropSockets();
  await back;
  expect(harness.fake.resumes).toHaveLength(1);
  expect(harness.fake.identifies).toHaveLength(1);
  await answersQuote(harness);
});

test('a zombie connection (heartbeats never acknowledged) is noticed, dropped and resumed', async () => {
  const harness = await start((fake) => {
    fake.heartbeatIntervalMs = 300;
  });
  const reconnected = harness.fake.nextConnection().then(() => {
    // The new connection is healthy again.
    harness.fake.ackHeartbeats = true;
  });
  const back = resumed(harness);
  const beatsBefore = harness.fake.heartbeats;
  harness.fake.ackHeartbeats = false;
  await reconnected;
  await back;
  expect(harness.fake.heartbeats).toBeGreaterThan(beatsBefore);
  expect(harness.fake.resumes).toHaveLength(1);
  expect(harness.logs.some((l) => l.includes('Zombie connection'))).toBe(true);
  await answersQuote(harness);
});

test('a RESUME answered with invalid session (op 9, not resumable): the bot identifies anew and answers', async () => {
  const harness = await start();
  harness.fake.failResumes = true;
  const ready = new Promise<void>((resolve) =>
    harness.bot.client.once(Events.ShardReady, () => resolve()),
  );
  harness.fake.closeSockets(4000, 'test: unknown error');
  await harness.fake.waitForIdentify(2);
  await ready;
  expect(harness.fake.resumes).toHaveLength(1);
  expect(harness.fake.identifies).toHaveLength(2);
  expect(harness.fake.identifies[1].token).toBe(harness.fake.token);
  await answersQuote(harness);
});

test('a question sent during an outage is replayed on resume and answered exactly once', async () => {
  const harness = await start();
  const user = makeUser('patient');
  // Seen before the outage: must not be replayed (the client resumes from its sequence).
  const before = harness.fake.message(user, `<@${harness.fake.botUser.id}> patrol vessels`, {
    guild: harness.fake.guild,
    mentions: [harness.fake.botUser],
  });
  await harness.fake.replyTo(before);
  const beforeCommand = harness.fake.slashCommand(
    'quote',
    [{ name: 'query', value: 'patrol vessels' }],
    {
      user,
      guild: harness.fake.guild,
    },
  );
  await harness.fake.responseTo(beforeCommand);

  const back = resumed(harness);
  harness.fake.closeSockets(4000, 'test: outage');
  // The connection is closing: these are sequenced and held for the resume, not delivered.
  const duringMention = harness.fake.message(
    user,
    `<@${harness.fake.botUser.id}> maritime security`,
    {
      guild: harness.fake.guild,
      mentions: [harness.fake.botUser],
    },
  );
  const duringCommand = harness.fake.slashCommand(
    'quote',
    [{ name: 'query', value: 'water cannons' }],
    {
      user,
      guild: harness.fake.guild,
    },
  );
  const replayed = await back;
  expect(replayed).toBeGreaterThanOrEqual(2);

  const reply = await harness.fake.replyTo(duringMention);
  expect(reply.body.embeds[0].title).toBe('Quote: maritime security');
  const response = await harness.fake.responseTo(duringCommand);
  expect(response.body.data.embeds[0].title).toBe('Quote: water cannons');

  // Handlers and the channel's reply queue run in order: once the answer to a later question is
  // out, any duplicate answer to the earlier ones would have been sent already.
  const after = harness.fake.message(user, `<@${harness.fake.botUser.id}> coast guard`, {
    guild: harness.fake.guild,
    mentions: [harness.fake.botUser],
  });
  await harness.fake.replyTo(after);
  await answersQuote(harness);
  expect(repliesTo(harness, before)).toHaveLength(1);
  // discord.js drops a message it already holds, but an interaction seen twice is answered twice.
  expect(callbacksFor(harness, beforeCommand)).toHaveLength(1);
  expect(repliesTo(harness, duringMention)).toHaveLength(1);
  expect(callbacksFor(harness, duringCommand)).toHaveLength(1);
});

test('an interaction or message delivered twice (at-least-once delivery) is answered once', async () => {
  const harness = await start();
  const user = makeUser('twice');
  const interaction = harness.fake.slashCommand(
    'quote',
    [{ name: 'query', value: 'coast guard' }],
    { user, guild: harness.fake.guild },
  );
  harness.fake.dispatch('INTERACTION_CREATE', interaction);
  const message = harness.fake.message(user, 'patrol vessels');
  harness.fake.dispatch('MESSAGE_CREATE', message);
  await harness.fake.responseTo(interaction);
  await harness.fake.replyTo(message);
  // Events are handled in order: once these later ones are answered, a repeat would have been.
  const later = harness.fake.message(user, 'maritime security');
  await harness.fake.replyTo(later);
  await answersQuote(harness);
  expect(callbacksFor(harness, interaction)).toHaveLength(1);
  expect(repliesTo(harness, message)).toHaveLength(1);
});
