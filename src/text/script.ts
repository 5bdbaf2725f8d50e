/** The two languages Readout answers in. */
export type Lang = 'ja' | 'en';

/** Kanji, hiragana, katakana (with the prolonged sound mark), and CJK compatibility ideographs. */
export const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\u3005\u3006]/u;
export const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\u3005\u3006]+/gu;
/** Kana, kanji, and full-width forms (ＩＣＢＭ, ？), which only a Japanese keyboard produces. */
const JAPANESE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\uFF01-\uFF5E]/u;

export function isCjk(char: string): boolean {
  return CJK_CHAR.test(char);
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
