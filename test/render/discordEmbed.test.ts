import fc from 'fast-check';
import { notice } from '../../src/answer/notices.ts';
import { describe, expect, test } from 'vitest';
import type { Answer, AnswerItem, Citation, Highlight } from '../../src/answer/types.ts';
import {
  DISCORD_LIMITS,
  embedLength,
  escapeText,
  formatExcerpt,
  renderAnswer,
  OFF_IDS,
  renderStatementList,
} from '../../src/render/discordEmbed.ts';

const LONG_PARAGRAPH = Array.from(
  { length: 60 },
  (_, i) =>
    `第${i + 1}に、両首脳は、経済安全保障及び重要鉱物の供給網の強靱化について、関係閣僚による協議を定期的に開催することで一致しました。`,
).join('');

/** Test data: every place `words` stand in `text`, as the answer would give them. */
function at(text: string, ...words: string[]): Highlight[] {
  const out: Highlight[] = [];
  for (const w of words.filter(Boolean))
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) out.push([i, i + w.length]);
  return out.sort((a, b) => a[0] - b[0]);
}

/** A citation of `excerpt` with `words` highlighted wherever they stand. */
function marked(n: number, excerpt: string, ...words: string[]): Citation {
  return { ...citation(n, excerpt), highlights: at(excerpt, ...words) };
}

function citation(n: number, excerpt = LONG_PARAGRAPH): Citation {
  return {
    statement: `pm-2025-0${(n % 9) + 1}-summit-${n}`,
    title: `日印首脳会談（第${n}回）`.repeat(20),
    date: '2025-08-29',
    language: 'ja',
    paragraph: n,
    excerpt,
    source: 'https://www.mofa.go.jp/mofaj/example/page_(1).html',
  };
}

function answer(items: AnswerItem[], extra: Partial<Answer> = {}): Answer {
  return { kind: 'quote', language: 'ja', query: '経済安全保障', items, ...extra };
}

function expectWithinLimits(embed: ReturnType<typeof renderAnswer>['message']['embeds'][number]) {
  expect(embed.title!.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
  expect((embed.description ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
  expect((embed.fields ?? []).length).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
  for (const field of embed.fields ?? []) {
    expect(field.name.length).toBeGreaterThan(0);
    expect(field.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
    expect(field.value.length).toBeGreaterThan(0);
    expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
  }
  expect(embedLength(embed)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
}

function embedOf(rendered: ReturnType<typeof renderAnswer>) {
  return rendered.message.embeds[0]!;
}

function buttons(rendered: ReturnType<typeof renderAnswer>) {
  return rendered.message.components.flatMap((row) => row.components) as Array<{
    label?: string;
    custom_id?: string;
    url?: string;
    disabled?: boolean;
  }>;
}

/** Every quoted paragraph of a reply (corpus paragraphs are one line each). */
function quotedBlocks(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('> '))
    .map((b) => b.replace(/\*\*/g, ''));
}

describe('renderAnswer', () => {
  test('a very long Japanese excerpt is cut at 。 with an ellipsis, keeping its bold pairs and a linked short citation', () => {
    const embed = embedOf(
      renderAnswer(
        answer([
          {
            text: LONG_PARAGRAPH,
            citations: [marked(1, LONG_PARAGRAPH, '経済安全保障')],
            matched: ['経済安全保障'],
          },
        ]),
      ),
    );
    expectWithinLimits(embed);
    const value = embed.description!;
    expect(value).toMatch(/一致しました。…\n— \[/);
    expect((value.match(/\*\*/g) ?? []).length % 2).toBe(0);
    expect(value).toContain('**経済安全保障**');
    expect(value).toContain(
      ' · 2025-08-29 · 第1段落](https://www.mofa.go.jp/mofaj/example/page_%281%29.html)',
    );
  });

  test('the short citation names the publisher when the adapter knows it', () => {
    const statements = () => ({ publisher: '外務省 (Ministry of Foreign Affairs of Japan)' });
    const ja = embedOf(
      renderAnswer(answer([{ text: '短い引用。', citations: [citation(1, '短い引用。')] }]), {
        statements,
      }),
    );
    expect(ja.description).toContain('— [外務省 · 2025-08-29 · 第1段落](');
    const en = embedOf(
      renderAnswer(
        answer([{ text: '短い引用。', citations: [citation(1, '短い引用。')] }], {
          language: 'en',
        }),
        { statements },
      ),
    );
    expect(en.description).toContain('— [Ministry of Foreign Affairs of Japan · 2025-08-29 · ¶1](');
  });

  test('many items with many long citations stay within every limit, 6000 in total', () => {
    const items = Array.from({ length: 12 }, (_, i) => ({
      text: `回答${i}：${LONG_PARAGRAPH}`,
      citations: [
        marked(i, LONG_PARAGRAPH, '経済安全保障', '重要鉱物'),
        marked(i + 100, LONG_PARAGRAPH, '経済安全保障', '重要鉱物'),
      ],
      matched: ['経済安全保障', '重要鉱物'],
    }));
    for (const kind of ['quote', 'who'] as const) {
      for (const pageSize of [1, 3, 12]) {
        const rendered = renderAnswer(answer(items, { kind, notice: 'お知らせ'.repeat(500) }), {
          pageSize,
          footer: `🔎 ${'q'.repeat(600)}`,
        });
        expect(rendered.pageCount).toBe(Math.ceil(12 / pageSize));
        expectWithinLimits(embedOf(rendered));
      }
    }
  });

  test('who: the names first, then each cited paragraph once with every name of the page in bold', () => {
    const text = '外務大臣は、米国国務長官及び韓国外交部長官との間で電話会談を行いました。';
    const items = ['外務大臣', '米国国務長官', '韓国外交部長官'].map((name) => ({
      text: `${name}（役職）`,
      citations: [marked(1, text, name)],
      matched: [name],
    }));
    const embed = embedOf(renderAnswer(answer(items, { kind: 'who', query: '' }), { mode: 'who' }));
    const d = embed.description!;
    expect(
      d.startsWith(
        '**1.** 外務大臣（役職）\n**2.** 米国国務長官（役職）\n**3.** 韓国外交部長官（役職）\n\n> ',
      ),
    ).toBe(true);
    expect(quotedBlocks(d)).toHaveLength(1);
    for (const name of ['外務大臣', '米国国務長官', '韓国外交部長官'])
      expect(d).toContain(`**${name}**`);
    // No topic: the title names the statement the answer comes from, not the whole title 20 times.
    expect(embed.title!.startsWith('誰が：日印首脳会談（第1回）')).toBe(true);
    expect(embed.title!.length).toBeLessThanOrEqual(70);
  });

  test('a long paragraph supporting a who answer keeps the sentences that name the people', () => {
    const text = `Minister Tanaka met Secretary Smith in Tokyo. ${'They discussed many other matters at length, with no names at all. '.repeat(8)}Secretary Smith thanked the host.`;
    const embed = embedOf(
      renderAnswer(
        answer(
          [
            {
              text: 'Secretary Smith',
              citations: [{ ...marked(1, text, 'Secretary Smith'), language: 'en' }],
              matched: ['Secretary Smith'],
            },
          ],
          { kind: 'who', language: 'en', query: 'Smith' },
        ),
        { mode: 'who' },
      ),
    );
    expect(embed.description).toContain(
      '> Minister Tanaka met **Secretary Smith** in Tokyo.…**Secretary Smith** thanked the host.',
    );
  });

  test('when: each date labelled with what it dates, and a Discord timestamp where the instant is known', () => {
    const item = {
      text: '2024-10-31 22:00 Japan time, about 30 minutes',
      time: {
        date: '2024-10-31',
        time: '22:00',
        timezone: 'JST',
        what: 'telephone talk',
        instant: '2024-10-31T22:00:00+09:00',
      },
      citations: [
        {
          ...citation(
            1,
            'On October 31, from 10 p.m. for about 30 minutes, the ministers held a telephone talk.',
          ),
          language: 'en',
        },
      ],
      matched: ['October 31, from 10 p.m.'],
    };
    const d = embedOf(
      renderAnswer(answer([item], { kind: 'when', language: 'en', query: '' }), { mode: 'when' }),
    ).description!;
    expect(d.split('\n')[0]).toBe(
      `**1.** telephone talk: 2024-10-31 22:00 Japan time, about 30 minutes · <t:${Date.parse('2024-10-31T13:00:00Z') / 1000}:F>`,
    );
  });

  test('property: any text, any count, the embed fits Discord', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 2000 }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.string({ unit: 'grapheme', maxLength: 600 }),
        fc.constantFrom('quote', 'who', 'compare'),
        (texts, query, mode) => {
          const q = query.slice(0, 3);
          const items = texts.map((t, i) => ({
            text: t,
            citations: [marked(i, t, q), { ...marked(i + 50, t, q), language: 'en' }],
            matched: [q],
          }));
          const rendered = renderAnswer(
            answer(items, { query, kind: mode === 'who' ? 'who' : 'quote' }),
            { pageSize: 8, mode },
          );
          expectWithinLimits(embedOf(rendered));
        },
      ),
      { numRuns: 60 },
    );
  });

  test('user and corpus markdown is escaped; only the matched words are bold', () => {
    const text = 'The Ministers rejected *gray-zone* tactics, __coercion__ and `pressure` at sea.';
    const embed = embedOf(
      renderAnswer(
        answer(
          [
            {
              text,
              citations: [{ ...marked(1, text, 'coercion'), language: 'en' }],
              matched: ['coercion'],
            },
          ],
          {
            language: 'en',
            query: '**coercion** # heading',
          },
        ),
      ),
    );
    expect(embed.title).toBe('Quote: \\*\\*coercion\\*\\* # heading');
    expect(embed.description).toContain(
      '\\*gray-zone\\* tactics, \\_\\_**coercion**\\_\\_ and \\`pressure\\`',
    );
  });

  test('nothing found: one sentence with a hint, no embed, marked for the asker only', () => {
    const rendered = renderAnswer(
      answer([], { kind: 'none', language: 'en', query: 'zzz', notice: notice('noMatch', 'en') }),
    );
    expect(rendered.nothing).toBe(true);
    expect(rendered.message.embeds).toEqual([]);
    expect(rendered.message.content).toBe(
      'Nothing in my statements matches “zzz”; try other words, or /statements to see what I hold.',
    );
    expect(rendered.message.content!.match(/[.;]\s/g) ?? []).toHaveLength(1);
    const mentioned = renderAnswer(answer([], { kind: 'none', language: 'ja', query: 'zzz' }), {
      mention: (n) => `</${n}:42>`,
    });
    expect(mentioned.message.content).toBe(
      '「zzz」に該当する記述はありません（別の言葉を試すか、</statements:42> で声明の一覧をご覧ください）。',
    );
  });

  test('paging: Previous, the count and Next are always there, disabled where they lead nowhere; ids stay unique', () => {
    const items = Array.from({ length: 7 }, (_, i) => ({
      text: `t${i}`,
      citations: [citation(i, `引用${i}。`)],
      matched: [],
    }));
    const controls = { pageId: (p: number) => `page-${p}`, switchLangId: 'lang' };
    const rows = [0, 1, 2].map((page) =>
      buttons(renderAnswer(answer(items), { page, pageSize: 3, controls })),
    );
    for (const row of rows) {
      expect(row.slice(0, 4).map((b) => b.label)).toEqual([
        '◀ 前へ',
        expect.stringMatching(/^\d\/3$/),
        '次へ ▶',
        'English',
      ]);
      const ids = row.filter((b) => b.custom_id).map((b) => b.custom_id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(row[1]!.disabled).toBe(true);
    }
    expect(rows[0]![0]!.disabled).toBe(true);
    expect(rows[1]!.map((b) => b.custom_id).slice(0, 3)).toEqual([
      'page-0',
      OFF_IDS.count,
      'page-2',
    ]);
    expect(rows[1]![0]!.disabled).toBeUndefined();
    expect(rows[2]![2]!.disabled).toBe(true);
    expect(rows[1]!.map((b) => b.label)[1]).toBe('2/3');
    const clamped = renderAnswer(answer(items), { page: 99, pageSize: 3, controls });
    expect(clamped.page).toBe(2);
  });

  test('a link button leads to the source of the quoted statement', () => {
    const row = buttons(
      renderAnswer(answer([{ text: '短い引用。', citations: [citation(1, '短い引用。')] }]), {
        controls: { switchLangId: 'lang' },
      }),
    );
    expect(row).toContainEqual(
      expect.objectContaining({
        label: '出典',
        url: 'https://www.mofa.go.jp/mofaj/example/page_%281%29.html',
      }),
    );
  });

  test('compare: 日本語 and English side by side when short, stacked when long, each with its citation', () => {
    const pair = (ja: string, en: string) => [
      {
        text: ja,
        citations: [marked(1, ja, 'ICBM'), { ...marked(2, en, 'ICBM'), language: 'en' }],
        matched: ['ICBM'],
      },
    ];
    const short = embedOf(
      renderAnswer(
        answer(pair('ICBMを非難しました。', 'They condemned the ICBM launch.'), { query: 'ICBM' }),
        { mode: 'compare' },
      ),
    );
    expect(short.title).toBe('比較：ICBM');
    expect(short.fields!.map((f) => [f.name, f.inline])).toEqual([
      ['日本語', true],
      ['English', true],
    ]);
    expect(short.fields![0]!.value).toContain('> **ICBM**を非難しました。\n— [');
    const long = embedOf(
      renderAnswer(
        answer(pair(LONG_PARAGRAPH, 'They condemned the ICBM launch.'), { query: 'ICBM' }),
        { mode: 'compare' },
      ),
    );
    expect(long.fields!.map((f) => f.inline)).toEqual([false, false]);
    expectWithinLimits(long);
  });
});

describe('formatExcerpt', () => {
  test('bolds the highlights as given, full-width and astral characters included', () => {
    expect(formatExcerpt('ＩＣＢＭ級弾道ミサイル', [[0, 4]])).toBe('> **ＩＣＢＭ**級弾道ミサイル');
    // 𠮷 is two UTF-16 code units: the highlights count them as Discord does.
    expect(
      formatExcerpt('𠮷野家の𠮷', [
        [0, 2],
        [5, 7],
      ]),
    ).toBe('> **𠮷**野家の**𠮷**');
  });

  test('nothing but the highlights is bold, however often the same words stand elsewhere', () => {
    expect(formatExcerpt('経済安全保障と安全保障', [[0, 6]])).toBe('> **経済安全保障**と安全保障');
  });

  test('highlights out of range, empty or overlapping are ignored', () => {
    expect(
      formatExcerpt('abc def', [
        [4, 99],
        [2, 2],
        [-1, 1],
      ]),
    ).toBe('> abc def');
    expect(
      formatExcerpt('abc def', [
        [0, 3],
        [1, 5],
      ]),
    ).toBe('> **abc** def');
  });

  test('never bold inside a link or Discord syntax', () => {
    const text = 'See https://readout.example/x and <t:1:F> for readout.';
    expect(formatExcerpt(text, at(text, 'readout', 't:1'))).toBe(
      `> ${escapeText('See https://readout.example/x and <t:1:F> for ')}**readout**.`,
    );
  });
});

describe('renderStatementList', () => {
  test('a long list is cut with a count of the rest, inside 4096', () => {
    const statements = Array.from({ length: 200 }, (_, i) => ({
      id: `mofa-2025-${i}`,
      title: `日米首脳電話会談 ${i}`.repeat(5),
      date: '2025-01-01',
      language: 'ja',
      publisher: '外務省',
      paragraphs: 3,
      source: 'https://www.mofa.go.jp/x.html',
    }));
    const { embeds } = renderStatementList(statements, 'en');
    expect(embeds[0]!.title).toBe('Statements (200)');
    expect(embeds[0]!.description!.length).toBeLessThanOrEqual(4096);
    expect(embeds[0]!.description).toMatch(/…and \d+ more$/);
    // Titles and dates are what a reader types into `statement`; ids are not shown.
    expect(embeds[0]!.description).not.toContain('mofa-2025-');
    expect(embeds[0]!.description).toContain('**2025-01-01** [日米首脳電話会談 0');
  });
});

test('adjacent highlights separated by a space are one bold run', () => {
  const text = 'an intercontinental ballistic missile (ICBM)';
  expect(formatExcerpt(text, at(text, 'ballistic', 'missile'))).toBe(
    '> an intercontinental **ballistic missile** (ICBM)',
  );
  expect(
    formatExcerpt('ballistic and missile', at('ballistic and missile', 'ballistic', 'missile')),
  ).toBe('> **ballistic** and **missile**');
});
