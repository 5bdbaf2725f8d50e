import { beforeAll, describe, expect, it } from 'vitest';
import { QueryError } from '../../src/engine/errors.ts';
import type { Engine } from '../../src/engine/types.ts';
import { engineFor, FIXTURE_CORPUS, SEED_CORPUS } from '../helpers.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await engineFor(SEED_CORPUS, FIXTURE_CORPUS);
});

const where = (a: ReturnType<Engine['quote']>) =>
  a.items.map((i) => `${i.citations[0]!.statement}#${i.citations[0]!.paragraph}`);
const SEED_JA = 'mofa-2024-11-01-japan-us-rok-foreign-ministers-call';
const SEED_EN = 'state-2024-10-31-joint-statement-rok-us-japan-foreign-ministers';

describe('quote on the seed', () => {
  it('finds the item-3 paragraph first for 最も強い言葉で非難, verbatim, with a full citation', () => {
    const a = engine.quote('最も強い言葉で非難');
    expect(a.kind).toBe('quote');
    expect(a.language).toBe('ja');
    const first = a.items[0]!;
    expect(first.citations[0]).toEqual({
      statement: SEED_JA,
      title: '日米韓外相電話会談',
      date: '2024-11-01',
      language: 'ja',
      paragraph: 4,
      excerpt: first.text,
      source: 'https://www.mofa.go.jp/mofaj/press/release/pressit_000001_01340.html',
      highlights: [expect.any(Array)],
    });
    expect(first.text.startsWith('3 また、三者は、北朝鮮によるロシアへの兵士派遣')).toBe(true);
    expect(first.matched).toEqual(['最も強い言葉で非難']);
    const [start, end] = first.citations[0]!.highlights![0]!;
    expect(first.text.slice(start, end)).toBe('最も強い言葉で非難');
  });

  it('finds the English paragraph that condemns DPRK-Russia military cooperation', () => {
    const a = engine.quote('strongest terms', { lang: 'en' });
    expect(where(a)[0]).toBe(`${SEED_EN}#4`);
    expect(a.items[0]!.text).toContain('military cooperation between the DPRK and Russia');
    expect(a.items[0]!.matched).toEqual(['strongest', 'terms']);
  });

  it.each([
    ['ブリンケン', [1]],
    ['弾道ミサイル', [2]],
    ['外務大臣', [1]],
    ['ロシア', [4]],
    ['露朝', [4]],
    ['国連', [2, 3]],
    ['非難', [2, 4]],
    ['北朝鮮', [2, 3, 4]],
    ['朝鮮', [2, 3, 4]],
    ['アントニーブリンケン', [1]],
  ])('finds %s in exactly the seed paragraphs that contain it', (q, paragraphs) => {
    const a = engine.quote(q, { statement: SEED_JA, limit: 10 });
    expect(a.items.map((i) => i.citations[0]!.paragraph).sort()).toEqual(paragraphs);
  });

  it('every excerpt is verbatim corpus text', () => {
    for (const q of [
      '北朝鮮',
      'ballistic missile',
      'Korean Peninsula',
      '非核化',
      'denuclearization',
    ]) {
      for (const item of engine.quote(q, { limit: 10 }).items) {
        const body = item.text.replace(/^…|…$/g, '');
        expect(item.citations[0]!.excerpt).toBe(item.text);
        expect(body.length).toBeGreaterThan(0);
        for (const m of item.matched ?? []) expect(body).toContain(m);
      }
    }
  });

  it('matches English inflections and acronyms (condemned -> condemn, U.S.)', () => {
    const a = engine.quote('condemned', { statement: SEED_EN });
    expect(a.items.map((i) => i.citations[0]!.paragraph).sort()).toEqual([1, 4]);
    expect(a.items.flatMap((i) => i.matched)).toContain('condemn');
    expect(engine.quote('U.S. ironclad').items[0]!.citations[0]!.paragraph).toBe(5);
  });
});

describe('quote on statements we wrote', () => {
  it('does not take 京都 inside 東京都', () => {
    expect(where(engine.quote('京都'))).toEqual(['test-mofa-2019-05-20-kyoto#1']);
    expect(where(engine.quote('東京都')).sort()).toEqual([
      'test-mofa-2023-06-05-tokyo#1',
      'test-mofa-2023-06-05-tokyo#2',
    ]);
  });

  it('finds a reading in brackets, full-width labels and later short references', () => {
    expect(where(engine.quote('カン・ギョンファ'))).toEqual(['test-mofa-2020-02-16-trilateral#1']);
    expect(where(engine.quote('拉致問題'))).toEqual(['test-mofa-2020-02-16-trilateral#3']);
    expect(where(engine.quote('Minister Kang', { lang: 'en' })).sort()).toEqual([
      'test-mofa-en-2020-02-16-trilateral#1',
      'test-mofa-en-2020-02-16-trilateral#3',
      'test-state-2020-02-15-trilateral#2',
      'test-state-2020-02-15-trilateral#4',
    ]);
  });

  it('cuts particles from a Japanese question when the whole run is not in the text', () => {
    const a = engine.quote('ロシアへの兵士派遣について');
    expect(where(a)).toEqual([`${SEED_JA}#4`]);
    expect(a.items[0]!.matched).toEqual(['ロシア', '兵士派遣']);
  });

  it('requires a quoted phrase as written', () => {
    expect(where(engine.quote('"fully verified denuclearization"'))).toEqual([
      'test-state-2020-02-15-trilateral#3',
    ]);
    expect(engine.quote('"verified fully denuclearization"').kind).toBe('none');
  });
});

describe('language choice and fallback', () => {
  it('answers in the language of the question, or the one asked for', () => {
    expect(engine.quote('非核化').language).toBe('ja');
    expect(engine.quote('denuclearization').language).toBe('en');
    expect(engine.quote('denuclearization', { lang: 'ja' }).language).toBe('ja');
  });

  it('falls back to the other language with a notice when the asked language has nothing', () => {
    const a = engine.quote('strongest terms', { lang: 'ja' });
    expect(a.kind).toBe('quote');
    expect(a.items[0]!.citations[0]!.language).toBe('en');
    expect(a.notice).toBe('日本語の声明には該当がないため、英語の声明から引用します。');
  });

  it('says so plainly when nothing answers, and never guesses', () => {
    const a = engine.quote('earthquake tsunami');
    expect(a).toMatchObject({ kind: 'none', items: [] });
    expect(a.notice).toMatch(/Nothing in the statements/);
    expect(engine.quote('地震').kind).toBe('none');
  });

  it('marks an answer that holds only some of the words', () => {
    const a = engine.quote('coronavirus earthquake');
    expect(a.kind).toBe('quote');
    expect(a.notice).toMatch(/closest matches/);
  });

  it('shows no paragraph that holds less than half of the words', () => {
    const a = engine.quote('coronavirus earthquake tsunami typhoon', { lang: 'en' });
    expect(a).toMatchObject({ kind: 'none', items: [] });
    const half = engine.quote('coronavirus earthquake tsunami', { lang: 'en' });
    expect(half.kind).toBe('none');
  });
});

describe('bad input', () => {
  it('rejects empty and over-long queries politely', () => {
    expect(() => engine.quote('   ')).toThrow(QueryError);
    expect(() => engine.quote('x'.repeat(501))).toThrow(/too long/);
    expect(() => engine.quote('北朝鮮', { statement: 'no-such-id' })).toThrow(QueryError);
  });

  it('knows a statement by its id, its title, its date when only one has it, or "date title"', () => {
    const all = engine.statements();
    const one = all.find((s) => all.filter((t) => t.date === s.date).length === 1)!;
    for (const typed of [
      one.id,
      ` ${one.title.toUpperCase()}  `,
      one.date,
      `${one.date}  ${one.title}`,
    ]) {
      expect(engine.statement(typed)?.id).toBe(one.id);
      expect(
        engine
          .quote('the', { statement: typed })
          .items.every((i) => i.citations.every((c) => c.statement === one.id)),
      ).toBe(true);
    }
    expect(engine.statement('  ')).toBeUndefined();
    const shared = all.find((s) => all.filter((t) => t.date === s.date).length > 1)!;
    expect(() => engine.statement(shared.date)).toThrow(QueryError);
    // A wrong statement is named first, whatever the question: the same mistake on every surface.
    expect(() => engine.quote('   ', { statement: 'no-such-id' })).toThrow(
      /do not know that statement/,
    );
  });

  it('treats search syntax, Discord syntax and odd Unicode as plain text', () => {
    for (const q of [
      'AND OR NOT',
      'missile*',
      '(((',
      '@everyone ballistic',
      '<@123> 非核化',
      '\u202Eミサイル\u200B',
      'a\uD800b',
      '?',
    ]) {
      const a = engine.quote(q);
      expect(['quote', 'none']).toContain(a.kind);
    }
    expect(engine.quote('@everyone ballistic').kind).toBe('quote');
    // A mention is not a topic: the Japanese answer is not pushed to English by "everyone".
    expect(engine.quote('@everyone 非核化').items[0]!.citations[0]!.language).toBe('ja');
    expect(() => engine.quote('<@123456789012345678> @here')).toThrow(QueryError);
    expect(engine.quote('the of and').notice).toMatch(/too common/);
  });
});

describe('spelling', () => {
  it('labels a typo-tolerant match, which comes only when nothing matches as spelled', async () => {
    const engine = await engineFor(SEED_CORPUS);
    const close = engine.quote('sanctions', { lang: 'en' });
    expect(close.kind).toBe('quote');
    expect(close.notice).toBe('No exact match; showing the close spelling “actions”.');
    const exact = engine.quote('actions', { lang: 'en' });
    expect(exact.notice).toBeUndefined();
  });
});
