/** Paging and language buttons: state in the custom id, asker only, working after a restart. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBot } from '../../src/discord/bot.ts';
import { decodeButtonId } from '../../src/discord/buttonIds.ts';
import { writeFixtureCorpus } from './corpusFixture.ts';
import { makeUser, type FakeUser } from './fakeDiscord.ts';
import { buttonsOf, configFor, expectNoPings, memoryLogger, payloadOf, startHarness, type Harness } from './harness.ts';

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
  const interaction = h.fake.slashCommand('quote', [{ name: 'query', value: query }], { user: asker, guild: h.fake.guild, locale });
  return payloadOf(await h.fake.responseTo(interaction));
}

/** Presses the button labelled `label` on a message the bot sent with `payload`. */
async function press(payload: any, label: string, user: FakeUser = asker, locale = 'en-US') {
  const button = buttonsOf(payload).find((b) => b.label === label);
  if (!button) throw new Error(`no button "${label}" in ${JSON.stringify(buttonsOf(payload))}`);
  const message = h.fake.botMessage(h.fake.guild.channelId, payload);
  const interaction = h.fake.button(button.custom_id, message, { user, guild: h.fake.guild, locale });
  return h.fake.responseTo(interaction);
}

function excerpts(payload: any): string[] {
  return payload.embeds[0].fields.map((f: any) => f.value);
}

test('quote results beyond the first page: More, Next and Previous page through them in place', async () => {
  const first = await ask('maritime security');
  expect(first.embeds[0].footer.text).toBe('🔎 maritime security\n1/2');
  expect(buttonsOf(first).map((b) => b.label)).toEqual(['More ▶', '日本語']);
  for (const b of buttonsOf(first)) expect(b.custom_id.length).toBeLessThanOrEqual(100);

  const second = await press(first, 'More ▶');
  expect(second.body.type).toBe(7);
  const page2 = payloadOf(second);
  expect(page2.embeds[0].footer.text).toBe('🔎 maritime security\n2/2');
  expect(buttonsOf(page2).map((b) => b.label)).toEqual(['◀ Previous', '日本語']);
  expect(page2.embeds[0].fields[0].name).toMatch(/^4\. /);
  // Different passages on the two pages, all quoting the statement with the words in bold.
  expect(excerpts(page2).some((e) => excerpts(first).includes(e))).toBe(false);
  for (const e of [...excerpts(first), ...excerpts(page2)]) expect(e).toMatch(/\*\*maritime security\*\*/i);

  const back = payloadOf(await press(page2, '◀ Previous'));
  expect(back.embeds).toEqual(first.embeds);
});

test('only the asker may page: anyone else is refused privately, in their language', async () => {
  const first = await ask('maritime security');
  const other = makeUser('curious');
  const refused = await press(first, 'More ▶', other, 'ja');
  expect(refused.body.type).toBe(4);
  expect(refused.body.data.flags).toBe(64);
  expect(refused.body.data.content).toBe('このボタンは質問した方だけが使えます。/quote でご自身の質問をどうぞ。');
});

test('the language button re-renders the same question in the other language', async () => {
  const first = await ask('経済安全保障');
  expect(first.embeds[0].title).toBe('Quote: 経済安全保障');
  const switched = await press(first, '日本語');
  expect(switched.body.type).toBe(7);
  const ja = payloadOf(switched);
  expect(ja.embeds[0].title).toBe('引用：経済安全保障');
  expect(ja.embeds[0].fields[0].value).toContain('**経済安全保障**');
  expect(ja.embeds[0].fields[0].value).toMatch(/第\d+段落/);
  expect(buttonsOf(ja).map((b) => b.label)).toEqual(['さらに表示 ▶', 'English']);
  const back = payloadOf(await press(ja, 'English'));
  expect(back.embeds[0].title).toBe('Quote: 経済安全保障');
});

test('a question too long for the custom id is read back from the footer', async () => {
  const query = 'maritime security '.repeat(8).trim();
  const first = await ask(query);
  const more = buttonsOf(first).find((b) => b.label === 'More ▶')!;
  expect(more.custom_id.length).toBeLessThanOrEqual(100);
  expect(decodeButtonId(more.custom_id)?.query).toBeUndefined();
  const page2 = payloadOf(await press(first, 'More ▶'));
  expect(page2.embeds[0].footer.text).toBe(`🔎 ${query}\n2/2`);
});

test('markdown and @everyone in the corpus are escaped and ping no one', async () => {
  const payload = await ask('gray-zone');
  const value: string = payload.embeds[0].fields[0].value;
  expect(value).toContain('\\***gray**-**zone**\\*');
  expect(value).toContain('\\_\\_coercion\\_\\_');
  expect(value).toContain('@everyone');
});

test('buttons keep working after a restart: the state is in the id, not in memory', async () => {
  const first = await ask('maritime security');
  await h.bot.stop();
  const { logger } = memoryLogger();
  h.bot = await startBot(configFor(h.fake, corpus.dir), h.engine, logger, { cooldown: { limit: 1000 } });
  const page2 = payloadOf(await press(first, 'More ▶'));
  expect(page2.embeds[0].footer.text).toBe('🔎 maritime security\n2/2');
});

test('no message the bot sent could ping anyone', () => {
  expect(expectNoPings(h.fake)).toBeGreaterThan(8);
});
