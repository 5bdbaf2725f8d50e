/** Every slash command, in both locales, against the real corpus through the fake Discord. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_QUERY_LENGTH } from '../../src/engine/errors.ts';
import { escapeText } from '../../src/render/discordEmbed.ts';
import { LABELS } from '../../src/render/labels.ts';
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
  const interaction = h.fake.slashCommand(name, options, {
    user,
    locale,
    ...(dm ? {} : { guild: h.fake.guild }),
  });
  const response = await h.fake.responseTo(interaction);
  expect(response.body.type).toBe(4);
  // Interaction callbacks are authorized by their token, never by the bot token.
  expect(response.headers.authorization).toBeUndefined();
  return payloadOf(response);
}

const cases = [
  {
    locale: 'en-US',
    lang: 'en',
    query: 'ballistic missile',
    bold: 'ballistic missile',
    publisher: 'U.S. Department of State',
    date: '2024-10-31',
    source: '',
    quote: 'Quote: ',
    compare: 'Compare: ',
    switchTo: '日本語',
    statements: 'Statements (2)',
    help: 'Readout: answers',
    who: 'Who',
    when: 'When',
    cmd: { who: '/who', statements: '/statements' },
    opt: 'lang',
  },
  {
    locale: 'ja',
    lang: 'ja',
    query: '弾道ミサイル',
    bold: '弾道ミサイル',
    publisher: '外務省',
    date: '2024-11-01',
    source: 'https://www.mofa.go.jp/mofaj/press/release/pressit_000001_01340.html',
    quote: '引用：',
    compare: '比較：',
    switchTo: 'English',
    statements: '声明一覧 (2)',
    help: 'Readout：',
    who: '誰が',
    when: 'いつ',
    cmd: { who: '/誰', statements: '/声明一覧' },
    opt: '言語',
  },
] as const;

/** Corpus paragraphs are one line each: every quoted line is one paragraph. */
function quotedLines(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('> '))
    .map((l) => l.replace(/\*\*/g, ''));
}

describe.each(cases)('locale $locale', (c) => {
  test('/quote answers with the excerpt, matched words bold, then a short citation linked to the source', async () => {
    const data = await run('quote', [{ name: 'query', value: c.query }], c.locale);
    const embed = data.embeds[0];
    expect(embed.title).toBe(`${c.quote}${c.query}`);
    const d: string = embed.description;
    expect(d.startsWith('> ')).toBe(true);
    expect(d).toContain(`**${c.bold}**`);
    expect(d).toMatch(
      c.lang === 'ja'
        ? new RegExp(`— \\[?${c.publisher} · ${c.date} · 第\\d+段落`)
        : new RegExp(`— \\[?${c.publisher} · ${c.date} · ¶\\d+`),
    );
    if (c.source) expect(d).toContain(`](${c.source})`);
    if (c.source)
      expect(buttonsOf(data)).toContainEqual(expect.objectContaining({ style: 5, url: c.source }));
    expect(embed.footer).toBeUndefined();
    expect(data.flags ?? 0).toBe(0);
    expect(buttonsOf(data).map((b) => b.label)).toContain(c.switchTo);
  });

  test('/who and /when: the answer lines first, each supporting paragraph quoted once, the chosen statement in the title', async () => {
    for (const [name, options] of [
      ['who', []],
      ['when', [{ name: 'query', value: 'ICBM' }]],
    ] as const) {
      const query = options[0]?.value ?? '';
      const answer = h.engine[name](query, { lang: c.lang });
      expect(answer.items.length).toBeGreaterThan(0);
      const data = await run(name, [...options], c.locale);
      const sep = c.lang === 'ja' ? '：' : ': ';
      const title: string = data.embeds[0].title;
      if (query) expect(title).toBe(`${c[name]}${sep}${query}`);
      else
        expect(
          title.startsWith(
            `${c[name]}${sep}${c.lang === 'ja' ? '日米韓外相電話会談' : 'Joint Statement'}`,
          ),
        ).toBe(true);
      const d: string = data.embeds[0].description;
      answer.items.slice(0, 5).forEach((item, i) => {
        // A date is labelled with what it dates (発射：, call: ) when the statement says.
        const what = item.time?.what
          ? `${escapeText(item.time.what)}${LABELS.headingSeparator[c.lang]}`
          : '';
        expect(d).toContain(`**${i + 1}.** ${what}${escapeText(item.text)}`);
      });
      expect(d.indexOf('**1.**')).toBeLessThan(d.indexOf('\n> '));
      const quoted = quotedLines(d);
      expect(new Set(quoted).size).toBe(quoted.length);
      expect(d).toContain(answer.items[0]!.citations[0]!.date);
    }
  });

  test('/compare labels the Japanese and the English passage and sets them side by side', async () => {
    const data = await run('compare', [{ name: 'query', value: 'ICBM' }], c.locale);
    expect(data.embeds[0].title).toBe(`${c.compare}ICBM`);
    const fields = data.embeds[0].fields;
    expect(fields.map((f: any) => f.name)).toEqual(['日本語', 'English']);
    expect(fields[0].value).toContain('**ICBM**');
    expect(fields[1].value).toContain('**ICBM**');
    // One pair per page: when several pairs match, the count shows how many.
    const pairs = h.engine.compare('ICBM', { lang: c.lang }).items.length;
    expect(buttonsOf(data).some((b: any) => b.label === `1/${pairs}` && b.disabled)).toBe(
      pairs > 1,
    );
  });

  test('/statements lists every statement with its date and title, no ids', async () => {
    const data = await run('statements', [], c.locale);
    expect(data.embeds[0].title).toBe(c.statements);
    const d: string = data.embeds[0].description;
    expect(d).toContain('2024-11-01');
    expect(d).toContain('2024-10-31');
    expect(d).toContain('日米韓外相電話会談');
    for (const s of h.engine.statements()) expect(d).not.toContain(s.id);
  });

  test('/help is private, in the user language, with localized names and one example per command', async () => {
    const data = await run('help', [], c.locale);
    expect(data.flags).toBe(64);
    const embed = data.embeds[0];
    expect(embed.title.startsWith(c.help)).toBe(true);
    // Commands this bot has been asked through are known by id: their mentions are clickable.
    expect(embed.description).toMatch(/<\/(who|quote|statements|compare|when):\d+>/);
    expect(embed.description).toContain(
      `\`${c.lang === 'ja' ? '/引用 質問:弾道ミサイル' : '/quote query:ballistic missile'}\``,
    );
    expect(embed.description).toContain(`\`${c.opt}\``);
    // The managers' commands are listed too, under their localized names.
    const named = (en: string, ja: string) =>
      new RegExp(`(${c.lang === 'ja' ? ja : `/${en}`}|</${en}:\\d+>) — `);
    expect(embed.description).toMatch(named('follow', '/フォロー'));
    expect(embed.description).toMatch(named('settings', '/設定'));
  });

  test('a question nothing answers gets one sentence, shown only to the asker', async () => {
    const data = await run('quote', [{ name: 'query', value: 'zzzqqq' }], c.locale);
    expect(data.flags).toBe(64);
    expect(data.embeds ?? []).toEqual([]);
    expect(data.content).toContain('zzzqqq');
    expect(data.content.split(/(?<=[.。])\s*/).filter(Boolean)).toHaveLength(1);
  });

  test('errors are private, polite and localized', async () => {
    const unknown = await run(
      'quote',
      [
        { name: 'query', value: 'ICBM' },
        { name: 'statement', value: 'no-such-statement' },
      ],
      c.locale,
    );
    expect(unknown.flags).toBe(64);
    expect(unknown.content).toBe(
      c.lang === 'ja'
        ? 'その声明は見つかりません。/statements で一覧を表示できます。'
        : 'I do not know that statement. Use /statements to list the ones I have.',
    );
    const long = await run(
      'quote',
      [{ name: 'query', value: 'ミサイル'.repeat(MAX_QUERY_LENGTH) }],
      c.locale,
    );
    expect(long.flags).toBe(64);
    expect(long.content).toContain(String(MAX_QUERY_LENGTH));
    expect(long.embeds ?? []).toEqual([]);
  });
});

test('a command the bot no longer has is told so privately, not as an expired button', async () => {
  for (const [locale, text] of [
    ['en-US', /^I no longer have that command\. (\/help|<\/help:\d+>) lists the ones I have\.$/],
    [
      'ja',
      /^そのコマンドは今はありません。(\/ヘルプ|<\/help:\d+>) で使えるコマンドをご覧ください。$/,
    ],
  ] as const) {
    const data = await run('retired', [], locale);
    expect(data.flags).toBe(64);
    expect(data.content).toMatch(text);
  }
});

test('the lang option wins over the Discord locale', async () => {
  const data = await run(
    'quote',
    [
      { name: 'query', value: 'ICBM' },
      { name: 'lang', value: 'en' },
    ],
    'ja',
  );
  expect(data.embeds[0].title).toBe('Quote: ICBM');
  expect(buttonsOf(data).map((b) => b.label)).toContain('日本語');
});

test('/statements with lang lists that language only', async () => {
  const data = await run('statements', [{ name: 'lang', value: 'ja' }], 'en-US');
  expect(data.embeds[0].title).toBe('声明一覧 (1)');
  expect(data.embeds[0].description).toContain('2024-11-01');
  expect(data.embeds[0].description).not.toContain('2024-10-31');
});

test('hide makes the answer ephemeral; a statement typed as its id, exact title or date restricts the answer', async () => {
  const [statement] = h.engine.statements('en');
  for (const typed of [
    statement!.id,
    statement!.title,
    ` ${statement!.date} `,
    `${statement!.date} ${statement!.title}`,
  ]) {
    const data = await run(
      'quote',
      [
        { name: 'query', value: 'ballistic missile' },
        { name: 'statement', value: typed },
        { name: 'hide', value: true },
      ],
      'en-US',
    );
    expect(data.flags).toBe(64);
    // The statement is shown by title, never by its id.
    expect(data.embeds[0].footer.text).toBe(`🔎 ballistic missile\n📄 ${statement!.title}`);
    expect(data.embeds[0].description).toContain(`${statement!.date} · ¶`);
    expect(data.embeds[0].description).not.toContain('2024-11-01 · ¶');
  }
});

test('commands work in a DM with the bot (user instead of member)', async () => {
  const data = await run('quote', [{ name: 'query', value: 'ICBM' }], 'en-US', true);
  expect(data.embeds[0].title).toBe('Quote: ICBM');
});

test('autocomplete offers statement titles and dates, within Discord limits', async () => {
  const interaction = h.fake.autocomplete(
    'quote',
    [
      { name: 'query', value: 'ICBM' },
      { name: 'statement', value: '2024', focused: true },
    ],
    { user, guild: h.fake.guild },
  );
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

test('an interaction that arrives late is deferred first, then the answer is edited in', async () => {
  const interaction = h.fake.slashCommand(
    'quote',
    [
      { name: 'query', value: 'ICBM' },
      { name: 'hide', value: true },
    ],
    { user, guild: h.fake.guild, createdAt: Date.now() - 2500 },
  );
  const deferred = await h.fake.responseTo(interaction);
  expect(deferred.body).toEqual({ type: 5, data: { flags: 64 } });
  const edit = await h.fake.waitForRequest(
    (r) =>
      r.method === 'PATCH' &&
      r.path === `/webhooks/${h.fake.applicationId}/${interaction.token}/messages/@original`,
  );
  expect(edit.rawPath).toContain('/messages/%40original');
  expect(edit.body.embeds[0].title).toBe('Quote: ICBM');

  const bad = h.fake.slashCommand(
    'quote',
    [
      { name: 'query', value: 'ICBM' },
      { name: 'statement', value: 'nope' },
    ],
    { user, guild: h.fake.guild, createdAt: Date.now() - 2500 },
  );
  expect((await h.fake.responseTo(bad)).body.type).toBe(5);
  const note = await h.fake.waitForRequest(
    (r) => r.method === 'POST' && r.path === `/webhooks/${h.fake.applicationId}/${bad.token}`,
  );
  expect(note.body.flags).toBe(64);
  expect(note.body.content).toContain('/statements');
  expect(h.fake.requests.some((r) => r.method === 'DELETE' && r.path.includes(bad.token))).toBe(
    true,
  );
});

test('no message the bot sent could ping anyone', () => {
  expect(expectNoPings(h.fake)).toBeGreaterThan(10);
});
