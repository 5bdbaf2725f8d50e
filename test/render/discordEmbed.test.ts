import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Answer, AnswerItem, Citation } from '../../src/answer/types.ts';
import {
  DISCORD_LIMITS,
  embedLength,
  formatExcerpt,
  renderAnswer,
  renderStatementList,
} from '../../src/render/discordEmbed.ts';
import { matchSpans } from '../../src/render/highlight.ts';

const LONG_PARAGRAPH = Array.from(
  { length: 60 },
  (_, i) => `第${i + 1}に、両首脳は、経済安全保障及び重要鉱物の供給網の強靱化について、関係閣僚による協議を定期的に開催することで一致しました。`,
).join('');

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

describe('renderAnswer', () => {
  test('a very long Japanese excerpt is cut at 。 with an ellipsis, keeping its bold pairs and source', () => {
    const { message } = renderAnswer(answer([{ text: LONG_PARAGRAPH, citations: [citation(1)], matched: ['経済安全保障'] }]));
    const embed = message.embeds[0]!;
    expectWithinLimits(embed);
    const value = embed.fields![0]!.value;
    expect(value).toMatch(/一致しました。…\n/);
    expect((value.match(/\*\*/g) ?? []).length % 2).toBe(0);
    expect(value).toContain('**経済安全保障**');
    expect(value).toContain('2025-08-29 · 第1段落 · ja · [出典](https://www.mofa.go.jp/mofaj/example/page_%281%29.html)');
  });

  test('many items with many long citations stay within every limit, 6000 in total', () => {
    const items = Array.from({ length: 12 }, (_, i) => ({
      text: `回答${i}：${LONG_PARAGRAPH}`,
      citations: [citation(i), citation(i + 100)],
      matched: ['経済安全保障', '重要鉱物'],
    }));
    for (const pageSize of [1, 3, 12]) {
      const { message, pageCount } = renderAnswer(answer(items, { notice: 'お知らせ'.repeat(500) }), { pageSize, footerLines: ['🔎 ' + 'q'.repeat(600)] });
      expect(pageCount).toBe(Math.ceil(12 / pageSize));
      expectWithinLimits(message.embeds[0]!);
    }
  });

  test('more than 25 citations: at most 25 fields', () => {
    const items = [{ text: 'x', citations: Array.from({ length: 40 }, (_, i) => citation(i, '短い引用。')), matched: [] }];
    const { message } = renderAnswer(answer(items));
    expect(message.embeds[0]!.fields!.length).toBe(25);
    expectWithinLimits(message.embeds[0]!);
  });

  test('property: any text, any count, the embed fits Discord', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 2000 }), { minLength: 0, maxLength: 8 }),
        fc.string({ unit: 'grapheme', maxLength: 600 }),
        (texts, query) => {
          const items = texts.map((t, i) => ({ text: t, citations: [citation(i, t)], matched: [query.slice(0, 3)] }));
          const { message } = renderAnswer(answer(items, { query }), { pageSize: 8 });
          expectWithinLimits(message.embeds[0]!);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('user and corpus markdown is escaped; only the matched words are bold', () => {
    const text = 'The Ministers rejected *gray-zone* tactics, __coercion__ and `pressure` at sea.';
    const { message } = renderAnswer(
      answer([{ text, citations: [{ ...citation(1, text), language: 'en' }], matched: ['coercion'] }], {
        language: 'en',
        query: '**coercion** # heading',
      }),
    );
    const embed = message.embeds[0]!;
    expect(embed.title).toBe('Quote: \\*\\*coercion\\*\\* # heading');
    expect(embed.fields![0]!.value).toContain('\\*gray-zone\\* tactics, \\_\\_**coercion**\\_\\_ and \\`pressure\\`');
  });

  test('an answer line different from its excerpt is listed; a quote line equal to it is not repeated', () => {
    const who = renderAnswer(answer([{ text: '外務大臣（日本）', citations: [citation(1, '短い引用。')], matched: [] }], { kind: 'who' }));
    expect(who.message.embeds[0]!.title).toBe('誰が：経済安全保障');
    expect(who.message.embeds[0]!.description).toBe('**1.** 外務大臣（日本）');
    const quote = renderAnswer(answer([{ text: '短い引用。', citations: [citation(1, '短い引用。')], matched: [] }]));
    expect(quote.message.embeds[0]!.description).toBeUndefined();
  });

  test('no items: a polite "nothing found" and the engine notice', () => {
    const { message } = renderAnswer(answer([], { kind: 'none', language: 'en', notice: 'Try other words.' }));
    expect(message.embeds[0]!.description).toBe('No passage in my statements matches that.\n*Try other words\\.*'.replace('\\.', '.'));
    expect(message.components).toEqual([]);
  });

  test('paging and language buttons carry the ids the adapter gives', () => {
    const items = Array.from({ length: 7 }, (_, i) => ({ text: `t${i}`, citations: [citation(i, `引用${i}。`)], matched: [] }));
    const controls = { pageId: (p: number) => `page-${p}`, switchLangId: 'lang' };
    const middle = renderAnswer(answer(items), { page: 1, pageSize: 3, controls });
    const buttons = middle.message.components[0]!.components;
    expect(buttons.map((b) => [b.label, b.custom_id])).toEqual([['◀ 前へ', 'page-0'], ['次へ ▶', 'page-2'], ['English', 'lang']]);
    expect(middle.message.embeds[0]!.fields!.map((f) => f.name.slice(0, 2))).toEqual(['4.', '5.', '6.']);
    const clamped = renderAnswer(answer(items), { page: 99, pageSize: 3, controls });
    expect(clamped.page).toBe(2);
  });
});

describe('formatExcerpt and matchSpans', () => {
  test('full-width corpus text matches normalized half-width terms', () => {
    expect(formatExcerpt('ＩＣＢＭ級弾道ミサイル', ['icbm'])).toBe('> **ＩＣＢＭ**級弾道ミサイル');
  });

  test('longer terms win over the terms inside them; spans never split surrogates', () => {
    expect(matchSpans('経済安全保障と安全保障', ['安全保障', '経済安全保障'])).toEqual([
      { start: 0, end: 6 },
      { start: 7, end: 11 },
    ]);
    expect(formatExcerpt('𠮷野家の𠮷', ['𠮷'])).toBe('> **𠮷**野家の**𠮷**');
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
  });
});

test('adjacent matched words separated by a space are one bold run', () => {
  expect(formatExcerpt('an intercontinental ballistic missile (ICBM)', ['ballistic', 'missile'])).toBe(
    '> an intercontinental **ballistic missile** (ICBM)',
  );
  expect(formatExcerpt('ballistic and missile', ['ballistic', 'missile'])).toBe('> **ballistic** and **missile**');
});
