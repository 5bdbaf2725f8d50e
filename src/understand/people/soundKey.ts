/**
 * A rough sound key shared by a katakana name and its Latin spelling, so that a foreign person
 * the glossary does not know can still be paired across languages: ルビオ ~ Rubio, トランプ ~ Trump,
 * マクロン ~ Macron, ポンペオ ~ Pompeo. Katakana is romanized (Hepburn, table-driven), then both
 * sides are reduced to consonants with the distinctions Japanese does not make folded away
 * (l/r, v/b, m/n before a labial, doubled letters). Kanji names have no reading here: they pair
 * through the glossary or the brackets only.
 */

const KANA: Record<string, string> = {
  ア: 'a',
  イ: 'i',
  ウ: 'u',
  エ: 'e',
  オ: 'o',
  カ: 'ka',
  キ: 'ki',
  ク: 'ku',
  ケ: 'ke',
  コ: 'ko',
  サ: 'sa',
  シ: 'shi',
  ス: 'su',
  セ: 'se',
  ソ: 'so',
  タ: 'ta',
  チ: 'chi',
  ツ: 'tsu',
  テ: 'te',
  ト: 'to',
  ナ: 'na',
  ニ: 'ni',
  ヌ: 'nu',
  ネ: 'ne',
  ノ: 'no',
  ハ: 'ha',
  ヒ: 'hi',
  フ: 'fu',
  ヘ: 'he',
  ホ: 'ho',
  マ: 'ma',
  ミ: 'mi',
  ム: 'mu',
  メ: 'me',
  モ: 'mo',
  ヤ: 'ya',
  ユ: 'yu',
  ヨ: 'yo',
  ラ: 'ra',
  リ: 'ri',
  ル: 'ru',
  レ: 're',
  ロ: 'ro',
  ワ: 'wa',
  ヲ: 'o',
  ン: 'n',
  ガ: 'ga',
  ギ: 'gi',
  グ: 'gu',
  ゲ: 'ge',
  ゴ: 'go',
  ザ: 'za',
  ジ: 'ji',
  ズ: 'zu',
  ゼ: 'ze',
  ゾ: 'zo',
  ダ: 'da',
  ヂ: 'ji',
  ヅ: 'zu',
  デ: 'de',
  ド: 'do',
  バ: 'ba',
  ビ: 'bi',
  ブ: 'bu',
  ベ: 'be',
  ボ: 'bo',
  パ: 'pa',
  ピ: 'pi',
  プ: 'pu',
  ペ: 'pe',
  ポ: 'po',
  ヴ: 'vu',
  ァ: 'a',
  ィ: 'i',
  ゥ: 'u',
  ェ: 'e',
  ォ: 'o',
  ャ: 'ya',
  ュ: 'yu',
  ョ: 'yo',
  ヮ: 'wa',
};

/** Small kana after a consonant replace its vowel: ティ -> ti, ファ -> fa, ジョ -> jo. */
export function romanize(katakana: string): string {
  let out = '';
  for (const ch of katakana) {
    if (ch === 'ッ')
      out += '\u0000'; // doubles the next consonant; folded away below anyway
    else if (ch === 'ー') continue;
    else if ('ァィゥェォャュョ'.includes(ch) && /[aiueo]$/.test(out)) {
      const small = KANA[ch]!;
      out =
        out.replace(/i?[aiueo]$/, '') +
        (small.startsWith('y') && !/(?:sh|ch|j)$/.test(out.replace(/i?[aiueo]$/, ''))
          ? small
          : small.slice(-1));
    } else out += KANA[ch] ?? '';
  }
  return out.replaceAll('\u0000', '');
}

/** Consonant skeleton with the sounds Japanese merges folded together. */
function skeleton(latin: string): string {
  return (
    latin
      .toLowerCase()
      .replace(/[^a-z]/g, '')
      .replace(/ph/g, 'f')
      .replace(/sch|sh|ch/g, 's')
      .replace(/tsu|ts/g, 's')
      .replace(/c(?=[eiy])/g, 's')
      .replace(/ck|c|q/g, 'k')
      .replace(/z/g, 's')
      .replace(/x/g, 'ks')
      .replace(/l/g, 'r')
      // Lavrov is ラブロフ, Freeland フリーランド: f, v and b are written alike.
      .replace(/[vf]/g, 'b')
      .replace(/w/g, '')
      .replace(/m(?=[bp])/g, 'n')
      .replace(/[aeiouyh]/g, '')
      .replace(/(.)\1+/g, '$1')
  );
}

export function soundKey(name: string): string {
  return skeleton(/[\p{Script=Katakana}]/u.test(name) ? romanize(name) : name);
}

/**
 * The keys a name may be heard as: its sound key, and for a Latin spelling the key without an r
 * that closes a syllable, which katakana often writes as a long vowel (Timmermans ティマーマンス,
 * Turnbull ターンブル; but Merkel メルケル keeps it).
 */
export function soundKeys(name: string): readonly string[] {
  let keys = keysHeard.get(name);
  if (!keys) {
    if (keysHeard.size >= MAX_KEYS_HEARD) keysHeard.clear();
    keysHeard.set(name, (keys = keysOf(name)));
  }
  return keys;
}

/**
 * Keys already worked out, by spelling: a dozen pattern replacements each, and a question
 * compares a name asked with the words of up to 25 statements and the names of their people.
 * Bounded by emptying it.
 */
const keysHeard = new Map<string, readonly string[]>();
const MAX_KEYS_HEARD = 20_000;

function keysOf(name: string): string[] {
  if (/[\p{Script=Katakana}]/u.test(name)) return [soundKey(name)];
  const latin = name.toLowerCase().replace(/l/g, 'r');
  const softened = skeleton(latin.replace(/r(?=[^aeiouyr]|$)/g, ''));
  // Wilmington ウィルミントン, Washington ワシントン: a g after n before a consonant is not written.
  const nasal = skeleton(latin.replace(/ng(?=[^aeiouy]|$)/g, 'n'));
  // Restaurant レストラン, Dinard ディナール: a final t or d after n or r is often not written.
  const clipped = /[nr][td]$/.test(latin) ? skeleton(latin.slice(0, -1)) : undefined;
  // Phnom Penh プノンペン, Phuket プーケット: a ph that is an aspirated p, not an f.
  const aspirated = latin.includes('ph') ? skeleton(latin.replace(/ph/g, 'p')) : undefined;
  const key = soundKey(name);
  return [
    ...new Set([
      key,
      softened,
      nasal,
      ...(clipped ? [clipped] : []),
      ...(aspirated ? [aspirated] : []),
    ]),
  ];
}

function firstSound(name: string): string {
  const latin = /[\p{Script=Katakana}]/u.test(name) ? romanize(name) : name.toLowerCase();
  return latin
    .replace(/[^a-z]/g, '')
    .replace(/^l/, 'r')
    .replace(/^v/, 'b')
    .charAt(0);
}

/**
 * Whether two spellings plausibly name the same sound: equal keys, of three consonants or more,
 * or of two when the names also begin alike (ルビオ ~ Rubio).
 */
export function soundsAlike(a: string, b: string): boolean {
  const kb = soundKeys(b);
  const ka = soundKeys(a).find((k) => kb.includes(k));
  if (ka === undefined) return false;
  return ka.length >= 3 || (ka.length === 2 && firstSound(a) === firstSound(b));
}
