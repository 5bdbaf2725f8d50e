import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ELLIPSIS, fitFormatted, truncateText } from '../../src/render/truncate.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (s: string) => !LONE_SURROGATE.test(s);

const JA_SENTENCES =
  '両外相は、重要鉱物の供給網の強靱化に向けた協力を確認しました。両外相は、海洋安全保障の分野での連携を一層強化することで一致しました。また、両外相は、次回の協議を年内に開催することで一致しました。';

describe('truncateText', () => {
  test('short text is returned unchanged', () => {
    expect(truncateText('短い文。', 10)).toBe('短い文。');
  });

  test('Japanese without spaces is cut after a full stop 。 and marked with an ellipsis', () => {
    const cut = truncateText(JA_SENTENCES, 80);
    expect(cut.length).toBeLessThanOrEqual(80);
    expect(cut.endsWith(`一致しました。${ELLIPSIS}`)).toBe(true);
    expect(JA_SENTENCES.startsWith(cut.slice(0, -1))).toBe(true);
  });

  test('English is cut after a sentence, not inside "U.S."', () => {
    const text =
      'The U.S. and Japan reiterated their support. We again urge the DPRK to return to dialogue immediately and without conditions.';
    expect(truncateText(text, 70)).toBe(`The U.S. and Japan reiterated their support.${ELLIPSIS}`);
  });

  test('without a sentence end, English is cut at a space', () => {
    const text = 'maritime security cooperation between coast guards of like-minded partners';
    const cut = truncateText(text, 40);
    expect(cut).toBe(`maritime security cooperation between${ELLIPSIS}`);
  });

  test('never splits a surrogate pair or an emoji cluster', () => {
    const text = '𠮷野家'.repeat(20) + '👍🏽'.repeat(20);
    for (let max = 2; max < text.length; max++) {
      const cut = truncateText(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(wellFormed(cut)).toBe(true);
      expect(cut).not.toMatch(/👍(?!🏽)/u);
    }
  });

  test('property: always within the limit, well formed, and a prefix of the text plus an ellipsis', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.integer({ min: 1, max: 320 }),
        (text, max) => {
          const cut = truncateText(text, max);
          expect(cut.length).toBeLessThanOrEqual(max);
          expect(wellFormed(cut)).toBe(true);
          if (cut === text) return;
          expect(cut.endsWith(ELLIPSIS)).toBe(true);
          expect(text.startsWith(cut.slice(0, -ELLIPSIS.length).trimEnd())).toBe(true);
        },
      ),
    );
  });
});

describe('fitFormatted', () => {
  test('cuts the raw text until the escaped, formatted result fits', () => {
    const format = (t: string) => `> ${t.replace(/\*/g, '\\*')}`;
    const raw = '*'.repeat(100);
    const fitted = fitFormatted(raw, 50, format);
    expect(fitted.length).toBeLessThanOrEqual(50);
    expect(fitted.startsWith('> \\*')).toBe(true);
  });
});
