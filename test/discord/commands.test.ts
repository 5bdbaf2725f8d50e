/** Every slash command, in both locales, against the real corpus through the fake Discord. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_QUERY_LENGTH } from '../../src/engine/errors.ts';
import { uiLabels } from '../../src/render/discordEmbed.ts';
import { makeUser, type CommandOption, type FakeUser } from './fakeDiscord.ts';
import { buttonsOf, expectNoPings, payloadOf, startHarness, type Harness } from './harness.ts';

let h: Harness;
let user: FakeUser;
beforeAll(async () => {
  h = await startHarness({ cooldown: { limit: 1000 } });
  user = makeUser('commander');
});
afterAll(async () => {
  await h?.close();
});

async function run(name: string, options: CommandOption[], locale: string, dm = false) {
  const interaction = h.fake.slashCommand(name, options, { user, locale, ...(dm ? {} : { guild: h.fake.guild }) });
  const response = await h.fake.responseTo(interaction);
  expect(response.body.type).toBe(4);
  // Interaction callbacks are authorized by their token, never by the bot token.
  expect(response.headers.authorization).toBeUndefined();
  return payloadOf(response);
}

const cases = [
  { locale: 'en-US', lang: 'en', quote: 'Quote: ', compare: 'Compare: ', switchTo: '日本語', statements: 'Statements (2)', help: 'Readout: answers' },
  { locale: 'ja', lang: 'ja', quote: '引用：', compare: '比較：', switchTo: 'English', statements: '声明一覧 (2)', help: 'Readout：' },
] as const;

describe.each(cases)('locale $locale', (c) => {
  test('/quote answers with the excerpt, matched words bold, title, date, paragraph and source', async () => {
    const data = await run('quote', [{ name: 'query', value: '弾道ミサイル' }], c.locale);
    const embed = data.embeds[0];
    expect(embed.title).toBe(`${c.quote}弾道ミサイル`);
    const field = embed.fields[0];
    expect(field.name).toContain('日米韓外相電話会談');
    expect(field.value).toContain('**弾道ミサイル**');
    expect(field.value).toContain('2024-11-01');
    expect(field.value).toMatch(c.lang === 'ja' ? /第\d+段落/ : /¶\d+/);
    expect(field.value).toContain('(https://www.mofa.go.jp/mofaj/press/release/pressit_000001_01340.html)');
    expect(embed.footer.text).toBe('🔎 弾道ミサイル');
    expect(data.flags ?? 0).toBe(0);
    expect(buttonsOf(data).map((b) => b.label)).toContain(c.switchTo);
  });

  test('/who and /when head the answer with the kind the engine answered; /compare with Compare', async () => {
    const sep = c.lang === 'ja' ? '：' : ': ';
    for (const name of ['who', 'when'] as const) {
      const data = await run(name, [{ name: 'query', value: 'ICBM' }], c.locale);
      const kind = h.engine[name]('ICBM', { lang: c.lang }).kind;
      expect(data.embeds[0].title).toBe(`${uiLabels(c.lang)[kind]}${sep}ICBM`);
      expect(JSON.stringify(data.embeds[0].fields)).toContain('ICBM');
    }
    const data = await run('compare', [{ name: 'query', value: 'ICBM' }], c.locale);
    expect(data.embeds[0].title).toBe(`${c.compare}ICBM`);
  });

  test('/statements lists every statement with its date', async () => {
    const data = await run('statements', [], c.locale);
    expect(data.embeds[0].title).toBe(c.statements);
    expect(data.embeds[0].description).toContain('2024-11-01');
    expect(data.embeds[0].description).toContain('2024-10-31');
    expect(data.embeds[0].description).toContain('日米韓外相電話会談');
  });

  test('/help is private and in the user language', async () => {
    const data = await run('help', [], c.locale);
    expect(data.flags).toBe(64);
    expect(data.embeds[0].title.startsWith(c.help)).toBe(true);
  });

  test('errors are private, polite and localized', async () => {
    const unknown = await run('quote', [{ name: 'query', value: 'ICBM' }, { name: 'statement', value: 'no-such-statement' }], c.locale);
    expect(unknown.flags).toBe(64);
    expect(unknown.content).toBe(c.lang === 'ja' ? 'その声明は見つかりません。/statements で一覧を表示できます。' : 'I do not know that statement. Use /statements to list the ones I have.');
    const long = await run('quote', [{ name: 'query', value: 'ミサイル'.repeat(MAX_QUERY_LENGTH) }], c.locale);
    expect(long.flags).toBe(64);
    expect(long.content).toContain(String(MAX_QUERY_LENGTH));
    expect(long.embeds ?? []).toEqual([]);
  });
});

test('the lang option wins over the Discord locale', async () => {
  const data = await run('quote', [{ name: 'query', value: 'ICBM' }, { name: 'lang', value: 'en' }], 'ja');
  expect(data.embeds[0].title).toBe('Quote: ICBM');
  expect(buttonsOf(data).map((b) => b.label)).toContain('日本語');
});

test('/statements with lang lists that language only', async () => {
  const data = await run('statements', [{ name: 'lang', value: 'ja' }], 'en-US');
  expect(data.embeds[0].title).toBe('声明一覧 (1)');
  expect(data.embeds[0].description).toContain('2024-11-01');
  expect(data.embeds[0].description).not.toContain('2024-10-31');
});

test('hide makes the answer ephemeral; a valid statement restricts and is shown', async () => {
  const [statement] = h.engine.statements('en');
  const data = await run('quote', [{ name: 'query', value: 'ballistic missile' }, { name: 'statement', value: statement!.id }, { name: 'hide', value: true }], 'en-US');
  expect(data.flags).toBe(64);
  expect(data.embeds[0].footer.text).toBe(`🔎 ballistic missile\n📄 ${statement!.id}`);
  for (const field of data.embeds[0].fields) expect(field.name).toContain(statement!.title.slice(0, 20));
});

test('commands work in a DM with the bot (user instead of member)', async () => {
  const data = await run('quote', [{ name: 'query', value: 'ICBM' }], 'en-US', true);
  expect(data.embeds[0].title).toBe('Quote: ICBM');
});

test('autocomplete offers statement titles and dates, within Discord limits', async () => {
  const interaction = h.fake.autocomplete('quote', [{ name: 'query', value: 'ICBM' }, { name: 'statement', value: '2024', focused: true }], { user, guild: h.fake.guild });
  const response = await h.fake.responseTo(interaction);
  expect(response.body.type).toBe(8);
  const choices = response.body.data.choices;
  expect(choices.length).toBe(2);
  const ids = h.engine.statements().map((s) => s.id);
  for (const choice of choices) {
    expect(choice.name.length).toBeLessThanOrEqual(100);
    expect(choice.name).toMatch(/^2024-\d\d-\d\d /);
    expect(ids).toContain(choice.value);
  }
});

test('no message the bot sent could ping anyone', () => {
  expect(expectNoPings(h.fake)).toBeGreaterThan(10);
});
