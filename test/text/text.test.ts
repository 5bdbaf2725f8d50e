import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/text/normalize.ts';
import { normalizeWithMap, originalRange } from '../../src/text/offsets.ts';
import { isValidIsoDate } from '../../src/text/calendar.ts';
import { charAt, detectLanguage, isKanji, isKatakana } from '../../src/text/script.ts';
import { indexTerms, keywords } from '../../src/text/tokenize.ts';
import { isWordAlignedMatch } from '../../src/text/wordBoundary.ts';

describe('normalization', () => {
  it('unifies widths and case, and drops the katakana middle dot', () => {
    expect(normalize('アントニー・ブリンケン')).toBe(normalize('アントニーブリンケン'));
    expect(normalize('ＩＣＢＭ（１）')).toBe('icbm(1)');
    expect(normalize('ﾐｻｲﾙ')).toBe('ミサイル');
    expect(normalize('DPRK\u200B')).toBe('dprk');
  });

  it('maps normalized offsets back to the verbatim text', () => {
    const original = 'アントニー・ブリンケン米国国務長官';
    const mapped = normalizeWithMap(original);
    const at = mapped.text.indexOf('ブリンケン');
    const [s, e] = originalRange(mapped, at, at + 'ブリンケン'.length);
    expect(original.slice(s, e)).toBe('ブリンケン');
    const half = normalizeWithMap('ｶﾞｲﾑ省');
    expect(half.text).toBe('ガイム省');
  });
});

describe('character classes, defined once', () => {
  it('kanji is the whole Han script, beyond the BMP too, and 々 〆 〇', () => {
    for (const c of ['外', '𠮷', '𡈽', '々', '〆', '〇', '﨑']) expect(isKanji(c), c).toBe(true);
    for (const c of ['あ', 'ア', 'ー', '・', 'A', '１', '', undefined])
      expect(isKanji(c), String(c)).toBe(false);
    expect(isKanji(charAt('𠮷田', 1))).toBe(true);
    expect(charAt('a𠮷b', 1)).toBe('𠮷');
    expect(charAt('a𠮷b', 2)).toBe('𠮷');
  });

  it('katakana of names takes ・, ー and ＝; the tokenizer keeps 𠮷田 one Japanese run', () => {
    for (const c of ['ア', 'ー', '・', '＝', 'ｱ']) expect(isKatakana(c), c).toBe(true);
    expect(isKatakana('あ')).toBe(false);
    expect(keywords('𠮷田').map((k) => [k.kind, k.text])).toEqual([['cjk', '𠮷田']]);
    expect(detectLanguage('𠮷')).toBe('ja');
  });

  it('a date is real or not in one place: front matter and extracted dates agree', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    for (const d of ['2023-02-29', '2024-13-01', '2024-1-01', '0000-01-01', '2024-04-31'])
      expect(isValidIsoDate(d), d).toBe(false);
  });
});

describe('tokenization', () => {
  it('turns Japanese runs into bigrams plus the run end, and English into stemmed words', () => {
    expect(indexTerms(normalize('北朝鮮'))).toEqual(['北朝', '朝鮮', '鮮']);
    expect(indexTerms(normalize('The DPRK condemned launches'))).toEqual([
      'dprk',
      'condemn',
      'launch',
    ]);
    expect(indexTerms(normalize('the U.S. and Japan'))).toEqual(['us', 'japan']);
    expect(indexTerms(normalize('Ministers met and held talks'))).toEqual(
      indexTerms(normalize('minister meets, holds talk')),
    );
  });

  it('keeps words and Japanese apart when they touch (ICBM級, 31日)', () => {
    expect(keywords(normalize('31日のICBM級弾道ミサイル')).map((k) => [k.kind, k.text])).toEqual([
      ['word', '31'],
      ['cjk', '日の'],
      ['word', 'icbm'],
      ['cjk', '級弾道ミサイル'],
    ]);
  });

  it('queries a Japanese keyword by its bigrams only, and a single kanji as itself', () => {
    expect(keywords('朝鮮')[0]!.terms).toEqual(['朝鮮']);
    expect(keywords('核')[0]!.terms).toEqual(['核']);
  });

  it('detects the language of a question by its script', () => {
    expect(detectLanguage('外務大臣は誰')).toBe('ja');
    expect(detectLanguage('Who is the foreign minister?')).toBe('en');
    expect(detectLanguage('ICBMはいつ')).toBe('ja');
  });
});

describe('Japanese word alignment', () => {
  const at = (text: string, word: string) =>
    isWordAlignedMatch(text, text.indexOf(word), text.indexOf(word) + word.length);
  it('rejects 京都 inside 東京都 but accepts real occurrences', () => {
    expect(at('東京都知事と意見交換', '京都')).toBe(false);
    expect(at('京都府を訪問し', '京都')).toBe(true);
    expect(at('は京都の伝統産業', '京都')).toBe(true);
  });
  it('accepts a keyword at the end of a compound or across words (朝鮮 in 北朝鮮, 露朝 in 露朝間)', () => {
    expect(at('31日の北朝鮮による', '朝鮮')).toBe(true);
    expect(at('を含む露朝間の軍事協力', '露朝')).toBe(true);
    expect(at('ICBM級弾道ミサイルの発射', '弾道ミサイル')).toBe(true);
  });
  it('takes a katakana word where a run ends, not inside one (チエット in グエンミンチエット閣下, no タイ in ブイタインソン)', () => {
    expect(at('グエンミンチエット閣下及び同令夫人', 'チエット')).toBe(true);
    expect(at('ブイタインソンベトナム外務大臣', 'タイ')).toBe(false);
    expect(at('マルコルビオ米国国務長官', 'ルビオ')).toBe(true);
  });
  it('accepts a word after a counter that follows a number (国連 in 第 72 回国連総会)', () => {
    expect(at('第 72 回国連総会出席のため', '国連')).toBe(true);
  });
});
