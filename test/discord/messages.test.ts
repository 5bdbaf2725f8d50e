/** Free questions: mentions in a server channel and DMs, through the real client. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeFixtureCorpus } from './corpusFixture.ts';
import { makeUser, type FakeUser } from './fakeDiscord.ts';
import { expectNoPings, startHarness, type Harness } from './harness.ts';

let h: Harness;
let member: FakeUser;
let corpus: Awaited<ReturnType<typeof writeFixtureCorpus>>;
beforeAll(async () => {
  corpus = await writeFixtureCorpus();
  h = await startHarness({ corpusDir: corpus.dir, cooldown: { limit: 1000 } });
  member = makeUser('member');
});
afterAll(async () => {
  await h?.close();
  await corpus?.cleanup();
});

function mention(content: string, author = member) {
  return h.fake.message(author, content, { guild: h.fake.guild, mentions: [h.fake.botUser] });
}

test('a mention in a server channel is a question, answered as a reply to it', async () => {
  const question = mention(`<@${h.fake.botUser.id}> maritime security`);
  const reply = await h.fake.replyTo(question);
  expect(reply.path).toBe(`/channels/${h.fake.guild.channelId}/messages`);
  expect(reply.headers.authorization).toBe(`Bot ${h.fake.token}`);
  expect(reply.body.message_reference.message_id).toBe(question.id);
  expect(reply.body.embeds[0].title).toBe('Quote: maritime security');
  expect(reply.body.embeds[0].description).toMatch(/\*\*maritime security\*\*/);
  expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
});

test('the old <@!id> mention form is stripped too, and a Japanese question gets a Japanese answer', async () => {
  const question = mention(`<@!${h.fake.botUser.id}> 経済安全保障`);
  const reply = await h.fake.replyTo(question);
  expect(reply.body.embeds[0].title).toBe('引用：経済安全保障');
});

test('a mention without a question gets the help', async () => {
  const question = mention(`<@${h.fake.botUser.id}>`);
  const reply = await h.fake.replyTo(question);
  expect(reply.body.embeds[0].title).toBe('Readout: answers quoted from diplomatic statements');
  expect(reply.body.embeds[0].description).toContain('/quote query:ballistic missile');
});

test('"help", "hi" and ヘルプ in a DM answer with the help, in their language; a question in words is its own title', async () => {
  const dmUser = makeUser('greeter');
  for (const [text, title] of [
    ['help', 'Readout: answers'],
    ['hi!', 'Readout: answers'],
    ['ヘルプ', 'Readout：'],
    ['/help', 'Readout: answers'],
  ] as const) {
    const reply = await h.fake.replyTo(h.fake.message(dmUser, text));
    expect(reply.body.embeds[0].title.startsWith(title)).toBe(true);
  }
  const asked = await h.fake.replyTo(
    h.fake.message(dmUser, 'What did they say about maritime security?'),
  );
  expect(asked.body.embeds[0].title).toBe('What did they say about maritime security?');
});

test('a command typed as text in a DM is read as that command', async () => {
  const dmUser = makeUser('typist');
  const quote = await h.fake.replyTo(h.fake.message(dmUser, '/quote patrol vessels'));
  expect(quote.body.embeds[0].title).toBe('Quote: patrol vessels');
  const list = await h.fake.replyTo(h.fake.message(dmUser, '/statements'));
  expect(list.body.embeds[0].title).toBe('Statements (2)');
});

test('a question nothing answers gets one sentence', async () => {
  const reply = await h.fake.replyTo(h.fake.message(makeUser('lost'), 'zzzqqq'));
  expect(reply.body.content).toBe(
    'Nothing in my statements matches “zzzqqq”; try other words, or /statements to see what I hold.',
  );
});

test('@everyone inside a question pings no one', async () => {
  const question = mention(`<@${h.fake.botUser.id}> @everyone maritime security`);
  const reply = await h.fake.replyTo(question);
  expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  expect(reply.body.embeds[0].title).toContain('@everyone maritime security');
});

test('messages not mentioning the bot (even @everyone), and messages from bots, are ignored', async () => {
  const plain = h.fake.message(member, 'maritime security', { guild: h.fake.guild });
  const everyone = h.fake.message(member, '@everyone maritime security', {
    guild: h.fake.guild,
    mentionEveryone: true,
  });
  const otherBot = makeUser('OtherBot', { bot: true });
  const fromBot = mention(`<@${h.fake.botUser.id}> maritime security`, otherBot);
  const fromItself = mention(`<@${h.fake.botUser.id}> maritime security`, h.fake.botUser);
  // Replies in one channel go out in order: once this one is sent, none can follow for those.
  const later = mention(`<@${h.fake.botUser.id}> coast guard`);
  await h.fake.replyTo(later);
  const ignored = new Set([plain.id, everyone.id, fromBot.id, fromItself.id]);
  const replied = h.fake.requests.filter((r) => ignored.has(r.body?.message_reference?.message_id));
  expect(replied).toEqual([]);
});

test('in a DM every message is a question, answered in its own language', async () => {
  const dmUser = makeUser('dm-user');
  const ja = h.fake.message(dmUser, '重要鉱物のサプライチェーン');
  const jaReply = await h.fake.replyTo(ja);
  expect(jaReply.path).toBe(`/channels/${ja.channel_id}/messages`);
  expect(jaReply.body.embeds[0].title).toBe('引用：重要鉱物のサプライチェーン');
  expect(jaReply.body.embeds[0].description).toContain('外務省 · 2025-02-20 · 第');

  const en = h.fake.message(dmUser, 'patrol vessels');
  const enReply = await h.fake.replyTo(en);
  expect(enReply.body.embeds[0].title).toBe('Quote: patrol vessels');
  expect(enReply.body.embeds[0].description).toContain('**patrol vessels**');
});

test('a DM answer with several pages offers paging buttons to its asker', async () => {
  const dmUser = makeUser('pager');
  const question = h.fake.message(dmUser, 'maritime security');
  const reply = await h.fake.replyTo(question);
  const ids = reply.body.components[0].components.map((b: any) => b.custom_id as string);
  expect(ids.some((id: string) => id.includes(`|${dmUser.id}|`))).toBe(true);
});

test('no message the bot sent could ping anyone', () => {
  expect(expectNoPings(h.fake)).toBeGreaterThan(6);
});

test("a question the engine refuses gets the reason as a reply, in the question's language", async () => {
  const reply = await h.fake.replyTo(mention(`<@${h.fake.botUser.id}> ${'ミサイル'.repeat(200)}`));
  expect(reply.body.content).toBe('質問が長すぎます。500文字以内でお願いします。');
});
