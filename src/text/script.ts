/** The two languages Readout answers in. */
export type Lang = 'ja' | 'en';

/**
 * The character classes of Japanese text, defined once, as the inside of a regex character class
 * (`new RegExp(`[${KANJI}]`, 'u')`) for every pattern that needs one.
 *
 * Kanji: the whole Han script, beyond the BMP too (𠮷, 𡈽), with 々 and 〇; 〆 is not Han in
 * Unicode but is written as a kanji.
 */
export const KANJI = String.raw`\p{Script=Han}\u3006`;
/** Katakana with the prolonged sound mark ー, which belongs to no script. */
export const KATAKANA = String.raw`\p{Script=Katakana}\u30FC`;
/** Kanji, hiragana and katakana: the letters of Japanese words (no punctuation, no ・). */
export const CJK = String.raw`${KANJI}\p{Script=Hiragana}${KATAKANA}`;

export const CJK_CHAR = new RegExp(`[${CJK}]`, 'u');
export const CJK_RUN = new RegExp(`[${CJK}]+`, 'gu');
/** Kana, kanji, and full-width forms (ＩＣＢＭ, ？), which only a Japanese keyboard produces. */
const JAPANESE_SCRIPT = new RegExp(`[${CJK}\\uFF01-\\uFF5E]`, 'u');

export function isCjk(char: string): boolean {
  return CJK_CHAR.test(char);
}

const KANJI_CHAR = new RegExp(`^[${KANJI}]`, 'u');
/** Katakana of names: with the middle dot ・, the ＝ of some foreign names, and half-width forms. */
const NAME_KATAKANA_CHAR = new RegExp(`^[${KATAKANA}\\u30FB\\uFF70\\uFF9E\\uFF9F＝=]`, 'u');

/**
 * The classes of every BMP character, worked out once from the patterns above: the people
 * extractor asks about each character of every statement, and a table lookup is far cheaper than
 * a regex. Characters beyond the BMP (rare) are asked of the patterns themselves.
 */
const IS_KANJI = 1;
const IS_KATAKANA = 2;
const BMP = new Uint8Array(0x10000);
for (let x = 0x2e80; x < 0x10000; x++) {
  if (x >= 0xd800 && x <= 0xdfff) continue;
  const c = String.fromCharCode(x);
  BMP[x] = (KANJI_CHAR.test(c) ? IS_KANJI : 0) | (NAME_KATAKANA_CHAR.test(c) ? IS_KATAKANA : 0);
}
BMP[0x3d] = IS_KATAKANA; // '=' between the parts of a foreign name written in katakana

function classOf(c: string | undefined, pattern: RegExp, bit: number): boolean {
  if (!c) return false;
  const x = c.codePointAt(0)!;
  return x < 0x10000 ? (BMP[x]! & bit) !== 0 : pattern.test(c);
}

/** A kanji, given one character (a code point: 𠮷 is two UTF-16 units; see `charAt`). */
export function isKanji(c: string | undefined): boolean {
  return classOf(c, KANJI_CHAR, IS_KANJI);
}

/** Katakana including the middle dot ・, the long mark ー and the ＝ of some foreign names. */
export function isKatakana(c: string | undefined): boolean {
  return classOf(c, NAME_KATAKANA_CHAR, IS_KATAKANA);
}

/** A character of a Japanese name: kanji or (name) katakana. */
/** A variation selector after a kanji picks its glyph (辻󠄀, MOFA's 辻 with one dot): part of the name. */
const VARIATION_SELECTOR = /^[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]$/u;

/** The text without its variation selectors: 辻󠄀清人 as 辻清人. */
export function withoutVariationSelectors(text: string): string {
  return text.replace(/[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu, '');
}

export function isNameChar(c: string | undefined): boolean {
  return isKanji(c) || isKatakana(c) || (c !== undefined && VARIATION_SELECTOR.test(c));
}

/** The whole character at UTF-16 index `i`: both halves of a surrogate pair, from either half. */
export function charAt(text: string, i: number): string | undefined {
  const unit = text.charCodeAt(i);
  if (Number.isNaN(unit)) return undefined;
  if (unit >= 0xdc00 && unit <= 0xdfff && i > 0) {
    const high = text.charCodeAt(i - 1);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(i - 1, i + 1);
  }
  if (unit >= 0xd800 && unit <= 0xdbff) return text.slice(i, i + 2);
  return text[i];
}

/** The language a question is written in: any Japanese script makes it Japanese. */
export function detectLanguage(text: string): Lang {
  return JAPANESE_SCRIPT.test(text) ? 'ja' : 'en';
}

/** `ja-JP` -> `ja`; tags other than ja/en keep their primary subtag. */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

/** The side of a statement for Japanese/English work: Japanese, or else English rules. */
export function jaOrEn(tag: string): Lang {
  return primaryLanguage(tag) === 'ja' ? 'ja' : 'en';
}
