import { describe, expect, it } from 'vitest';
import { soundKey, soundsAlike } from '../../src/understand/people/soundKey.ts';

describe('katakana and Latin names that sound alike', () => {
  it.each([
    ['ルビオ', 'Rubio'],
    ['トランプ', 'Trump'],
    ['ブリンケン', 'Blinken'],
    ['ポンペオ', 'Pompeo'],
    ['マクロン', 'Macron'],
    ['ゼレンスキー', 'Zelenskyy'],
    ['ショルツ', 'Scholz'],
    ['キャメロン', 'Cameron'],
    ['サリバン', 'Sullivan'],
    ['メローニ', 'Meloni'],
  ])('%s ~ %s', (katakana, latin) => {
    expect(soundKey(katakana)).toBe(soundKey(latin));
    expect(soundsAlike(katakana, latin)).toBe(true);
  });

  it.each([
    ['ディナール', 'Dinard'],
    // A given name of two words asked together (Lee Hsien Loong, リー・シェンロン).
    ['シェンロン', 'Hsienloong'],
    ['プノンペン', 'Phnompenh'],
    ['エルパソ', 'Elpaso'],
    ['レストラン', 'Restaurant'],
    ['ティマーマンス', 'Timmermans'],
  ])('%s ~ %s, a final consonant or closing r not written', (katakana, latin) => {
    expect(soundsAlike(katakana, latin)).toBe(true);
  });

  it.each([
    ['ルビオ', 'Trump'],
    ['ブリンケン', 'Biden'],
    ['ハリス', 'Rice'],
    ['ラミー', 'Rubio'],
    ['ウォン', 'Wang'],
  ])('%s is not %s', (katakana, latin) => {
    expect(soundsAlike(katakana, latin)).toBe(false);
  });
});

describe('names heard across scripts', () => {
  it('hears an r that katakana writes as a long vowel, and f, v, b alike', () => {
    expect(soundsAlike('ティマーマンス', 'Timmermans')).toBe(true);
    expect(soundsAlike('ターンブル', 'Turnbull')).toBe(true);
    expect(soundsAlike('メルケル', 'Merkel')).toBe(true);
    expect(soundsAlike('ラブロフ', 'Lavrov')).toBe(true);
    expect(soundsAlike('ハーヴィスト', 'Haavisto')).toBe(true);
    expect(soundsAlike('クリントン', 'Clinton')).toBe(true);
    expect(soundsAlike('ラブロフ', 'Clinton')).toBe(false);
  });
});
