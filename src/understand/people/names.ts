/**
 * Normal forms of personal names, so that 「マイク・ポンペオ」, "The Honorable Michael R. Pompeo",
 * "Michael R. Pompeo" and "POMPEO Michael" compare equal where they should.
 */
import { EN_HONORIFICS } from './enTitles.ts';
import { withoutVariationSelectors } from '../../text/script.ts';

/** Glossary and query form: NFKC, lower case, ・ removed, spaces collapsed. */
export function normalizeForm(s: string): string {
  return withoutVariationSelectors(s)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[・･=＝]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Japanese name key: NFKC, no middle dots or spaces. */
export function japaneseNameKey(name: string): string {
  // ティマーマンス and テイマーマンス in one statement are one man: small kana count as large ones.
  return normalizeForm(name)
    .replace(/ /g, '')
    .replace(/[ァィゥェォャュョッヮ]/g, (c) => SMALL_KANA[c]!);
}

const SMALL_KANA: Record<string, string> = {
  ァ: 'ア',
  ィ: 'イ',
  ゥ: 'ウ',
  ェ: 'エ',
  ォ: 'オ',
  ャ: 'ヤ',
  ュ: 'ユ',
  ョ: 'ヨ',
  ッ: 'ツ',
  ヮ: 'ワ',
};

/** Removes leading courtesy titles: "H.E. Mr. Kang Kyung-wha" -> "Kang Kyung-wha". */
export function stripEnglishHonorifics(s: string): string {
  let t = s.trim();
  for (let guard = 0; guard < 5; guard++) {
    // "H.E.Mr. Gonzalo DE BENITO": honorifics ending in a period are glued to what follows at times.
    const h = EN_HONORIFICS.find(
      (x) =>
        t.startsWith(`${x} `) ||
        t === x ||
        (x.endsWith('.') && t.startsWith(x) && /^\p{Lu}/u.test(t.slice(x.length))),
    );
    if (!h) break;
    t = t.slice(h.length).trim();
  }
  return t;
}

/** Name tokens without initials ("J."), case, hyphens or periods: the parts that identify. */
export function englishNameTokens(name: string): string[] {
  return stripEnglishHonorifics(name.normalize('NFKC'))
    .split(/[\s,]+/)
    .filter((t) => t.length > 0 && !/^[A-Za-z]\.?$/.test(t) && !/^(jr|sr)\.?$/i.test(t))
    .map((t) => t.toLowerCase().replace(/[-.'’]/g, ''))
    .filter((t) => t.length > 0);
}

/**
 * English name key: sorted tokens, so name order does not matter ("Motegi Toshimitsu" equals
 * "Toshimitsu Motegi" and "MOTEGI Toshimitsu"), and initials are ignored ("Michael R. Pompeo").
 */
export function englishNameKey(name: string): string {
  return [...englishNameTokens(name)].sort().join(' ');
}

/** Any script: the key used when names from both languages meet (glossary, brackets). */
export function crossNameKey(name: string): string {
  return /[A-Za-z]/.test(name) ? englishNameKey(name) : japaneseNameKey(name);
}
