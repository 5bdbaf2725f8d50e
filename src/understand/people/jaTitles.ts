/**
 * Japanese titles of officials as MOFA writes them after a name (茂木敏充外務大臣,
 * マイク・ポンペオ米国国務長官). The extractor finds a title first, then reads the country and
 * the name backwards from it, so every title a readout may use belongs here, longest wins.
 */
import { PhraseTable } from '../phraseTable.ts';

export interface JaTitleInfo {
  /** A title of the Japanese government: with a kanji name and no country, the affiliation is 日本. */
  japanGov?: boolean;
  /** Minister-level or head-of-government title: preferred as the role in a 兼 chain. */
  principal?: boolean;
  /** A courtesy suffix such as 氏 or 閣下: marks a person but is no role. */
  honorific?: boolean;
  deputy?: boolean;
  acting?: boolean;
}

/** Japanese ministries: 外務 + 大臣 = 外務大臣, etc. */
const JAPAN_MINISTRIES = [
  '外務', '防衛', '財務', '経済産業', '総務', '法務', '文部科学', '厚生労働', '農林水産', '国土交通',
  '環境', '復興', 'デジタル', '内閣府特命担当', '経済安全保障担当', '国家公安委員会',
];
const JAPAN_MINISTRY_RANKS: [string, JaTitleInfo][] = [
  ['大臣', { principal: true }],
  ['副大臣', { deputy: true }],
  ['大臣政務官', {}],
];

/** Ministries abroad, combined with the ranks that foreign governments use. */
const FOREIGN_MINISTRIES = [
  '外交部', '統一部', '国防部', '外交通商部', '企画財政部', '産業通商資源部', '外交', '国防', '国務', '財務',
  '商務', '国土安全保障', 'エネルギー', '貿易', '通商', '内務', '経済', '外務・英連邦・開発', '欧州・外務',
  '連邦外務', '外務・国際貿易',
];
const FOREIGN_RANKS: [string, JaTitleInfo][] = [
  ['大臣', { principal: true }],
  ['長官', { principal: true }],
  ['副長官', { deputy: true }],
  ['部長', { principal: true }],
  ['相', { principal: true }],
  ['次官', {}],
  ['副次官', { deputy: true }],
  ['次官補', {}],
  ['第一次官', {}],
  ['第二次官', {}],
];

const FIXED: [string, JaTitleInfo][] = [
  // heads of government and state
  ['内閣総理大臣', { principal: true, japanGov: true }],
  ['総理大臣', { principal: true, japanGov: true }],
  ['総理', { principal: true }],
  ['首相', { principal: true }],
  ['副総理', { deputy: true }],
  ['副首相', { deputy: true }],
  ['大統領', { principal: true }],
  ['副大統領', { deputy: true }],
  ['国家主席', { principal: true }],
  ['国家副主席', { deputy: true }],
  ['国務院総理', { principal: true }],
  ['国王', { principal: true }],
  ['女王', { principal: true }],
  ['皇太子', {}],
  ['首長', { principal: true }],
  ['総書記', { principal: true }],
  ['国務委員会委員長', { principal: true }],
  // cabinet office of Japan
  ['内閣官房長官', { principal: true, japanGov: true }],
  ['官房長官', { principal: true, japanGov: true }],
  ['内閣官房副長官', { deputy: true, japanGov: true }],
  ['国家安全保障局長', { japanGov: true }],
  ['外務審議官', { japanGov: true }],
  ['外務事務次官', { japanGov: true }],
  ['事務次官', {}],
  ['外務報道官', { japanGov: true }],
  ['大臣政務官', { japanGov: true }],
  ['政務官', {}],
  ['審議官', {}],
  ['参事官', {}],
  ['局長', {}],
  // bare ranks used in short references (茂木大臣, 康長官, ポンペオ長官)
  ['大臣', { principal: true }],
  ['副大臣', { deputy: true }],
  ['長官', { principal: true }],
  ['副長官', { deputy: true }],
  ['次官', {}],
  ['次官補', {}],
  ['外相', { principal: true }],
  ['蔵相', { principal: true }],
  ['防衛相', { principal: true }],
  ['国防相', { principal: true }],
  ['財務相', { principal: true }],
  ['経産相', { principal: true }],
  ['貿易相', { principal: true }],
  ['通商相', { principal: true }],
  // security and foreign-policy posts abroad
  ['国家安全保障担当大統領補佐官', {}],
  ['大統領補佐官', {}],
  ['国家安全保障補佐官', {}],
  ['国家安保室長', {}],
  ['首席補佐官', {}],
  ['通商代表', { principal: true }],
  ['国務委員', {}],
  ['中央外事工作委員会弁公室主任', {}],
  ['外事工作委員会弁公室主任', {}],
  ['弁公室主任', {}],
  ['報道官', {}],
  // international organisations
  ['事務総長', { principal: true }],
  ['事務局長', { principal: true }],
  ['事務次長', { deputy: true }],
  ['上級代表', { principal: true }],
  ['委員長', { principal: true }],
  ['副委員長', { deputy: true }],
  ['議長', { principal: true }],
  ['副議長', { deputy: true }],
  ['総裁', { principal: true }],
  ['副総裁', { deputy: true }],
  // diplomats and envoys
  ['国連常駐代表', {}],
  ['国連次席常駐代表', {}],
  ['常駐代表', {}],
  ['次席常駐代表', {}],
  ['特命全権大使', {}],
  ['臨時代理大使', { acting: true }],
  ['大使', {}],
  ['暫定大統領', { principal: true }],
  ['公使', {}],
  ['総領事', {}],
  ['特使', {}],
  ['特別代表', {}],
  ['特別補佐官', {}],
  // courtesy suffixes
  ['氏', { honorific: true }],
  // 昭恵夫人: a spouse named by given name; after a title (大統領夫人) the title is not a name.
  ['夫人', { honorific: true }],
  ['閣下', { honorific: true }],
];

function* allTitles(): Generator<readonly [string, JaTitleInfo]> {
  for (const m of JAPAN_MINISTRIES) {
    for (const [rank, info] of JAPAN_MINISTRY_RANKS) yield [m + rank, { ...info, japanGov: true }];
  }
  for (const m of FOREIGN_MINISTRIES) {
    for (const [rank, info] of FOREIGN_RANKS) yield [m + rank, info];
  }
  yield* FIXED;
}

export const JA_TITLES = new PhraseTable<JaTitleInfo>(allTitles());

/** Written after a title for an acting holder (外務大臣臨時代理, 大統領代行). */
export const JA_ACTING_SUFFIXES: readonly string[] = ['臨時代理', '職務代行', '権限代行', '代行', '代理'];

/** Kanji that may follow a title without making it part of a longer noun (及び, 閣下, 夫妻 ...). */
export const JA_TITLE_FOLLOWERS = new Set([...'及並閣殿夫等主一宛兼率同始以他自身御']);

/** Written right before a title: 前 (former), 元 (ex-). */
export const JA_FORMER_MARKS: readonly string[] = ['前', '元'];

/** Written right before a title for the holder now (スミス現大統領): dropped, no flag. */
export const JA_CURRENT_MARKS: readonly string[] = ['現'];

/** Words that end up where a name should be but are not names (同大臣, 両大臣, 日米韓外相). */
export const JA_NOT_NAMES = new Set(['本', '当', '新', '現', '前', '元', '歴代', '次期', '全', '三者', '首脳', '閣僚', '各国', '同国', '両国', '共同']);
export const JA_NOT_NAME_FIRST_CHARS = new Set([...'同両各諸']);
/** Country abbreviations (日米韓外相): a "name" made only of these is a list of countries. */
export const JA_COUNTRY_ABBREVIATIONS = new Set([...'日米韓中露豪英仏独加伊印欧朝台']);

/** 駐日米国大使: the posting is part of the role, not of the name. */
export const JA_POSTING_MARKS: readonly string[] = ['駐日', '在京'];
