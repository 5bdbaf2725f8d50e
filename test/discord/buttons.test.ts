/** Paging and language buttons: state in the custom id, a private copy for bystanders, working after a restart. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBot } from '../../src/discord/bot.ts';
import { decodeButtonId } from '../../src/discord/buttonIds.ts';
import { writeFixtureCorpus } from './corpusFixture.ts';
import { makeUser, type FakeUser } from './fakeDiscord.ts';
import {
  buttonsOf,
  configFor,
  expectNoPings,
  memoryLogger,
  payloadOf,
  startHarness,
  type Harness,
} from './harness.ts';

let h: Harness;
let asker: FakeUser;
let corpus: Awaited<ReturnType<typeof writeFixtureCorpus>>;
beforeAll(async () => {
  corpus = await writeFixtureCorpus();
  h = await startHarness({ corpusDir: corpus.dir, cooldown: { limit: 1000 } });
  asker = makeUser('asker');
});
afterAll(async () => {
  await h?.close();
  await corpus?.cleanup();
});

async function ask(query: string, locale = 'en-US') {
  const interaction = h.fake.slashCommand('quote', [{ name: 'query', value: query }], {
    user: asker,
    guild: h.fake.guild,
    locale,
  });
  return payloadOf(await h.fake.responseTo(interaction));
}

/** Presses the button labelled `label` on a message the bot sent with `payload`. */
async function press(payload: any, label: string, user: FakeUser = asker, locale = 'en-US') {
  const button = buttonsOf(payload).find((b) => b.label === label);
  if (!button) throw new Error(`no button "${label}" in ${JSON.stringify(buttonsOf(payload))}`);
  const message = h.fake.botMessage(h.fake.guild.channelId, payload);
  const interaction = h.fake.button(button.custom_id, message, {
    user,
    guild: h.fake.guild,
    locale,
  });
  return h.fake.responseTo(interaction);
}

function excerpts(payload: any): string[] {
  return payload.embeds[0].description.split('\n').filter((l: string) => l.startsWith('> '));
}

test('quote results beyond the first page: Next and Previous page through them in place, with a count', async () => {
  const first = await ask('maritime security');
  expect(first.embeds[0].footer).toBeUndefined();
  const labels = (p: any) => buttonsOf(p).map((b: any) => [b.label, Boolean(b.disabled)]);
  expect(labels(first).slice(0, 4)).toEqual([
    ['◀ Previous', true],
    ['1/2', true],
    ['Next ▶', false],
    ['日本語', false],
  ]);
  for (const b of buttonsOf(first))
    if (b.custom_id) expect(b.custom_id.length).toBeLessThanOrEqual(100);

  const second = await press(first, 'Next ▶');
  expect(second.body.type).toBe(7);
  const page2 = payloadOf(second);
  expect(labels(page2).slice(0, 4)).toEqual([
    ['◀ Previous', false],
    ['2/2', true],
    ['Next ▶', true],
    ['日本語', false],
  ]);
  // Different passages on the two pages, all quoting the statement with the words in bold.
  expect(excerpts(page2).some((e) => excerpts(first).includes(e))).toBe(false);
  for (const e of [...excerpts(first), ...excerpts(page2)])
    expect(e).toMatch(/\*\*maritime security\*\*/i);

  const back = payloadOf(await press(page2, '◀ Previous'));
  expect(back.embeds).toEqual(first.embeds);
});

test("anyone may press: a bystander gets their own copy privately, and the asker's message is left alone", async () => {
  const first = await ask('maritime security');
  const other = makeUser('curious');
  const paged = await press(first, 'Next ▶', other, 'ja');
  expect(paged.body.type).toBe(4);
  expect(paged.body.data.flags).toBe(64);
  expect(paged.body.data.embeds[0].title).toBe('Quote: maritime security');
  // The copy's buttons are the bystander's own.
  expect(
    decodeButtonId(buttonsOf(paged.body.data).find((b: any) => b.label === '◀ Previous')!.custom_id)
      ?.askerId,
  ).toBe(other.id);

  const switched = await press(first, '日本語', other, 'ja');
  expect(switched.body.type).toBe(4);
  expect(switched.body.data.flags).toBe(64);
  expect(switched.body.data.embeds[0].title).toBe('引用：maritime security');
});

test('the language button re-renders the same question in the other language', async () => {
  const first = await ask('経済安全保障');
  expect(first.embeds[0].title).toBe('Quote: 経済安全保障');
  const switched = await press(first, '日本語');
  expect(switched.body.type).toBe(7);
  const ja = payloadOf(switched);
  expect(ja.embeds[0].title).toBe('引用：経済安全保障');
  expect(ja.embeds[0].description).toContain('**経済安全保障**');
  expect(ja.embeds[0].description).toMatch(/第\d+段落/);
  expect(
    buttonsOf(ja)
      .map((b: any) => b.label)
      .slice(0, 4),
  ).toEqual(['◀ 前へ', '1/2', '次へ ▶', 'English']);
  const back = payloadOf(await press(ja, 'English'));
  expect(back.embeds[0].title).toBe('Quote: 経済安全保障');
});

test('a question too long for the custom id is read back from the footer', async () => {
  const query = 'maritime security '.repeat(8).trim();
  const first = await ask(query);
  const more = buttonsOf(first).find((b) => b.label === 'Next ▶')!;
  expect(more.custom_id.length).toBeLessThanOrEqual(100);
  expect(decodeButtonId(more.custom_id)?.query).toBeUndefined();
  expect(first.embeds[0].footer.text).toBe(`🔎 ${query}`);
  const page2 = payloadOf(await press(first, 'Next ▶'));
  expect(page2.embeds[0].footer.text).toBe(`🔎 ${query}`);
  expect(buttonsOf(page2).map((b: any) => b.label)).toContain('2/2');
});

test('a press that reaches a busy bot late is deferred in time like a command, then answered', async () => {
  const first = await ask('maritime security');
  // Created 2 s ago (a busy bot, a slow gateway): past DEFER_AFTER_MS, so deferred at once.
  const late = { user: asker, guild: h.fake.guild, createdAt: Date.now() - 2000 };
  const pressLate = (label: string, user = asker) => {
    const button = buttonsOf(first).find((b) => b.label === label)!;
    return h.fake.button(button.custom_id, h.fake.botMessage(h.fake.guild.channelId, first), {
      ...late,
      user,
    });
  };
  const edited = (i: { token: string }) =>
    h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(i.token));

  // Paging one's own answer: the update is deferred (6), then the message is edited to page 2.
  const own = pressLate('Next ▶');
  expect((await h.fake.responseTo(own)).body.type).toBe(6);
  const page2 = (await edited(own)).body;
  expect(buttonsOf(page2).find((b: any) => b.label === '2/2')).toBeDefined();

  // A bystander's copy: a private deferral (5, flags 64), then the copy edited in.
  const bystander = pressLate('日本語', makeUser('late-bystander'));
  const deferral = (await h.fake.responseTo(bystander)).body;
  expect(deferral.type).toBe(5);
  expect(deferral.data.flags).toBe(64);
  expect((await edited(bystander)).body.embeds[0].title).toBe('引用：maritime security');
});

test('markdown and @everyone in the corpus are escaped and ping no one', async () => {
  const payload = await ask('gray-zone');
  const value: string = payload.embeds[0].description;
  expect(value).toContain('\\***gray**-**zone**\\*');
  expect(value).toContain('\\_\\_coercion\\_\\_');
  expect(value).toContain('@everyone');
});

test('buttons keep working after a restart: the state is in the id, not in memory', async () => {
  const first = await ask('maritime security');
  await h.bot.stop();
  const { logger } = memoryLogger();
  h.bot = await startBot(configFor(h.fake, corpus.dir), h.engine, logger, {
    cooldown: { limit: 1000 },
  });
  const page2 = payloadOf(await press(first, 'Next ▶'));
  expect(buttonsOf(page2).map((b: any) => b.label)).toContain('2/2');
});

test('no message the bot sent could ping anyone', () => {
  expect(expectNoPings(h.fake)).toBeGreaterThan(8);
});
