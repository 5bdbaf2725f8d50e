/**
 * Words of readout-style times, as tables so that new phrasings are data, not code.
 * Keys are matched case-insensitively for English; longer keys are tried first.
 */
import { escapeRegExp } from '../../text/regexp.ts';

/** Time zone names -> normalized zone. Anything not listed keeps its written form. */
export const ZONE_NAMES: Readonly<Record<string, string>> = {
  日本時間: 'JST',
  東京時間: 'JST',
  日本標準時: 'JST',
  現地時間: 'local',
  米国東部時間: 'ET',
  米東部時間: 'ET',
  米国東部標準時: 'EST',
  米国東部夏時間: 'EDT',
  ワシントン時間: 'ET',
  // The United States spans several zones; a statement that says only 米国時間 means one of them.
  米国西部時間: 'PT',
  米国西部標準時: 'PST',
  米国西部夏時間: 'PDT',
  米西部時間: 'PT',
  米国時間: 'US',
  米時間: 'US',
  ワシントンDC時間: 'ET',
  ニューヨーク時間: 'ET',
  韓国時間: 'KST',
  ソウル時間: 'KST',
  北京時間: 'CST',
  協定世界時: 'UTC',
  グリニッジ標準時: 'GMT',
  'japan time': 'JST',
  'japan standard time': 'JST',
  'tokyo time': 'JST',
  jst: 'JST',
  'local time': 'local',
  'eastern time': 'ET',
  'eastern standard time': 'EST',
  'eastern daylight time': 'EDT',
  'washington time': 'ET',
  'u.s. time': 'US',
  'us time': 'US',
  'washington, d.c. time': 'ET',
  'new york time': 'ET',
  est: 'EST',
  edt: 'EDT',
  et: 'ET',
  'korea time': 'KST',
  'korean time': 'KST',
  'seoul time': 'KST',
  'korea standard time': 'KST',
  kst: 'KST',
  'beijing time': 'CST',
  utc: 'UTC',
  gmt: 'GMT',
  cet: 'CET',
  cest: 'CEST',
  bst: 'BST',
  'pacific time': 'PT',
  'pacific standard time': 'PST',
  'pacific daylight time': 'PDT',
  'u.s. west coast time': 'PT',
  'us west coast time': 'PT',
  'west coast time': 'PT',
  'u.s. western standard time': 'PST',
  'western standard time': 'PST',
  pst: 'PST',
  pdt: 'PDT',
};

/**
 * Normalized zones and places (as written before 時間 / "time") -> IANA zone or fixed offset,
 * so that a clock time can be given as an instant. Zones not listed have no instant.
 */
export const ZONE_IANA: Readonly<Record<string, string>> = {
  JST: 'Asia/Tokyo',
  KST: 'Asia/Seoul',
  ET: 'America/New_York',
  EST: '-05:00',
  EDT: '-04:00',
  CST: 'Asia/Shanghai',
  UTC: '+00:00',
  GMT: '+00:00',
  CET: '+01:00',
  CEST: '+02:00',
  BST: '+01:00',
  PST: '-08:00',
  PDT: '-07:00',
  PT: 'America/Los_Angeles',
  日本: 'Asia/Tokyo',
  東京: 'Asia/Tokyo',
  韓国: 'Asia/Seoul',
  ソウル: 'Asia/Seoul',
  北京: 'Asia/Shanghai',
  中国: 'Asia/Shanghai',
  ドイツ: 'Europe/Berlin',
  ベルリン: 'Europe/Berlin',
  ミュンヘン: 'Europe/Berlin',
  フランス: 'Europe/Paris',
  パリ: 'Europe/Paris',
  英国: 'Europe/London',
  イギリス: 'Europe/London',
  ロンドン: 'Europe/London',
  ベルギー: 'Europe/Brussels',
  ブリュッセル: 'Europe/Brussels',
  スイス: 'Europe/Zurich',
  ジュネーブ: 'Europe/Zurich',
  イタリア: 'Europe/Rome',
  ローマ: 'Europe/Rome',
  ワシントン: 'America/New_York',
  ニューヨーク: 'America/New_York',
  ハワイ: 'Pacific/Honolulu',
  ロシア: 'Europe/Moscow',
  モスクワ: 'Europe/Moscow',
  インド: 'Asia/Kolkata',
  ニューデリー: 'Asia/Kolkata',
  シンガポール: 'Asia/Singapore',
  ベトナム: 'Asia/Ho_Chi_Minh',
  ハノイ: 'Asia/Ho_Chi_Minh',
  タイ: 'Asia/Bangkok',
  バンコク: 'Asia/Bangkok',
  インドネシア: 'Asia/Jakarta',
  ジャカルタ: 'Asia/Jakarta',
  フィリピン: 'Asia/Manila',
  マニラ: 'Asia/Manila',
  オーストラリア: 'Australia/Sydney',
  シドニー: 'Australia/Sydney',
  キャンベラ: 'Australia/Sydney',
  japan: 'Asia/Tokyo',
  tokyo: 'Asia/Tokyo',
  korea: 'Asia/Seoul',
  seoul: 'Asia/Seoul',
  beijing: 'Asia/Shanghai',
  berlin: 'Europe/Berlin',
  paris: 'Europe/Paris',
  london: 'Europe/London',
  brussels: 'Europe/Brussels',
  geneva: 'Europe/Zurich',
  rome: 'Europe/Rome',
  washington: 'America/New_York',
  'new york': 'America/New_York',
  moscow: 'Europe/Moscow',
  'new delhi': 'Asia/Kolkata',
  delhi: 'Asia/Kolkata',
  singapore: 'Asia/Singapore',
  hanoi: 'Asia/Ho_Chi_Minh',
  bangkok: 'Asia/Bangkok',
  jakarta: 'Asia/Jakarta',
  manila: 'Asia/Manila',
  sydney: 'Australia/Sydney',
  canberra: 'Australia/Sydney',
  eastern: 'America/New_York',
};

export function normalizeZone(written: string): string {
  const trimmed = written.trim();
  return ZONE_NAMES[trimmed] ?? ZONE_NAMES[trimmed.toLowerCase()] ?? trimmed;
}

/** English words that mark the following clock time or duration as approximate. */
export const EN_APPROX_BEFORE = [
  'approximately',
  'approx.',
  'about',
  'around',
  'roughly',
  'some',
  'nearly',
  'almost',
  'shortly after',
  'just after',
  'just before',
  'shortly before',
];
/** Japanese words that mark the following duration as approximate. */
export const JA_APPROX_BEFORE = ['約', 'およそ', '概ね', 'おおむね', 'ほぼ'];
/** Japanese words after a time or duration that make it approximate. */
export const JA_APPROX_AFTER = [
  '頃',
  'ごろ',
  '前後',
  '過ぎ',
  'すぎ',
  '程度',
  'ほど',
  '余り',
  'あまり',
  '強',
  '弱',
];

/** English number words for durations ("one hour", "forty minutes"). */
export const EN_NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  'twenty-five': 25,
  thirty: 30,
  'thirty-five': 35,
  forty: 40,
  'forty-five': 45,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Japanese days relative to the statement date. */
export const JA_STATEMENT_DAYS: Readonly<Record<string, number>> = {
  本日: 0,
  今日: 0,
  昨日: -1,
  一昨日: -2,
  明日: 1,
  明後日: 2,
};
/** Japanese days relative to the previous date of the text. */
export const JA_CONTEXT_DAYS: Readonly<Record<string, number>> = {
  同日: 0,
  当日: 0,
  前日: -1,
  翌日: 1,
  翌々日: 2,
};
/** Month words relative to the statement month. */
export const JA_MONTH_SHIFT: Readonly<Record<string, number>> = {
  先月: -1,
  前月: -1,
  今月: 0,
  本月: 0,
  来月: 1,
  翌月: 1,
};
/** Year words: shift from the statement year, or from the previous date's year. */
export const JA_YEAR_SHIFT: Readonly<
  Record<string, { shift: number; base: 'statement' | 'context' }>
> = {
  一昨年: { shift: -2, base: 'statement' },
  昨年: { shift: -1, base: 'statement' },
  去年: { shift: -1, base: 'statement' },
  本年: { shift: 0, base: 'statement' },
  今年: { shift: 0, base: 'statement' },
  来年: { shift: 1, base: 'statement' },
  同年: { shift: 0, base: 'context' },
  前年: { shift: -1, base: 'context' },
  翌年: { shift: 1, base: 'context' },
};
/** Weeks relative to the statement date, in days. */
export const JA_WEEK_SHIFT: Readonly<Record<string, number>> = {
  先週: -7,
  今週: 0,
  来週: 7,
};
/** English day phrases relative to the previous date of the text. */
export const EN_CONTEXT_DAYS: Readonly<Record<string, number>> = {
  'the same day': 0,
  'that day': 0,
  'the previous day': -1,
  'the day before': -1,
  'the preceding day': -1,
  'the following day': 1,
  'the next day': 1,
  'the day after': 1,
};

/**
 * Words that make a sentence about the future, so an undated day or month after the statement
 * date is read as upcoming rather than last year's. Not a purpose (出席するため,…会談を行った).
 */
export const FUTURE_CUES =
  /予定|見込み|開催される|行われる|実施される|訪問する(?!ため)|出席する(?!ため)|来月|来年|来週|今後|will\b|shall\b|plans? to|planned|scheduled|upcoming|forthcoming|to be held|next\b|expected to|intends? to/i;

/** Longest-first alternation of table keys, with regex metacharacters escaped. */
export function alternation(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
}
