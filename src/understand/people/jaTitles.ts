/**
 * Japanese titles of officials as MOFA writes them after a name (茂木敏充外務大臣,
 * マイク・ポンペオ米国国務長官). The extractor finds a title first, then reads the country and
 * the name backwards from it, so every title a readout may use belongs here, longest wins. The
 * tables live in data/people/ja.yaml so that users extend them without touching code.
 */
import { PhraseTable } from '../phraseTable.ts';
import { loadTable } from './tables.ts';

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

interface TitleEntry extends JaTitleInfo {
  title: string;
}
type Entry = string | TitleEntry;

interface JaData {
  japanMinistries: string[];
  japanMinistryRanks: Entry[];
  foreignMinistries: string[];
  foreignRanks: Entry[];
  titles: Entry[];
  actingSuffixes: string[];
  formerMarks: string[];
  currentMarks: string[];
  notNames: string[];
  leadingWords: string[];
  personNouns: string[];
  postingMarks: string[];
  organizations: string[];
  organizationSuffixes: string[];
  english: Record<string, string>;
  shortTitles?: Record<string, string[]>;
}

/** The tables a user may extend live in data/people/ja.yaml. */
const DATA = loadTable<JaData>('ja.yaml');

function entry(e: Entry): readonly [string, JaTitleInfo] {
  if (typeof e === 'string') return [e, {}];
  const { title, ...info } = e;
  return [title, info];
}

function* allTitles(): Generator<readonly [string, JaTitleInfo]> {
  for (const m of DATA.japanMinistries) {
    for (const [rank, info] of DATA.japanMinistryRanks.map(entry))
      yield [m + rank, { ...info, japanGov: true }];
  }
  for (const m of DATA.foreignMinistries) {
    for (const [rank, info] of DATA.foreignRanks.map(entry)) {
      yield [m + rank, info];
      // A question typed or normalized without the middle dots (外務欧州問題大臣) names the same post.
      if (m.includes('・')) yield [m.replace(/・/g, '') + rank, info];
    }
  }
  yield* DATA.titles.map(entry);
}

export const JA_TITLES = new PhraseTable<JaTitleInfo>(allTitles());

/** Ministries of Japan (外務, 防衛 ...): 外務省 before a title without a country means Japan's. */
export const JA_JAPAN_MINISTRIES: readonly string[] = DATA.japanMinistries;

/** Written after a title for an acting holder (外務大臣臨時代理, 大統領代行). */
export const JA_ACTING_SUFFIXES: readonly string[] = DATA.actingSuffixes;

/**
 * Kanji that may follow a title without making it part of a longer noun (及び, 閣下, 夫妻 ...; 表敬,
 * 訪日, 来日: "文在寅大統領表敬" in a programme is a call on the person with that title).
 */
export const JA_TITLE_FOLLOWERS = new Set([...'及並閣殿陛候夫等主一宛兼率同始以他自身御表訪来']);

/** Written right before a title: 前 (former), 元 (ex-). */
export const JA_FORMER_MARKS: readonly string[] = DATA.formerMarks;

/** Written right before a title for the holder now (スミス現大統領): dropped, no flag. */
export const JA_CURRENT_MARKS: readonly string[] = DATA.currentMarks;

/** Words that end up where a name should be but are not names (同大臣, 両大臣, 日米韓外相). */
export const JA_NOT_NAMES: ReadonlySet<string> = new Set(DATA.notNames);
export const JA_LEADING_WORDS: readonly string[] = DATA.leadingWords;
export const JA_PERSON_NOUNS: readonly string[] = DATA.personNouns;
export const JA_NOT_NAME_FIRST_CHARS = new Set([...'同両各諸']);
/** Country abbreviations (日米韓外相): a "name" made only of these is a list of countries. */
export const JA_COUNTRY_ABBREVIATIONS = new Set([...'日米韓中露豪英仏独加伊印欧朝台']);

/** 駐日米国大使: the posting is part of the role, not of the name. */
export const JA_POSTING_MARKS: readonly string[] = DATA.postingMarks;

/** Words that end an organisation's name (財団, 大学), see data/people/ja.yaml. */
export const JA_ORGANIZATION_SUFFIXES: readonly string[] = DATA.organizationSuffixes ?? [];

/** Bureaus written between a kanji name and its title (市川恵一総合外交政策局長), longest first. */
export const JA_ORGANIZATIONS: readonly string[] = [...DATA.organizations].sort(
  (a, b) => b.length - a.length,
);

/** Short forms of titles and the titles they stand for (外相: 外務大臣, 外交部長 …), from data/people/ja.yaml. */
export const JA_SHORT_TITLES: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(DATA.shortTitles ?? {}),
);

/** Japanese titles in English, longest first (see `english:` in data/people/ja.yaml). */
const ENGLISH = Object.entries(DATA.english ?? {}).sort((a, b) => b[0].length - a[0].length);

/**
 * A Japanese role in English, when it ends in a title the table knows: 外務副大臣 -> State Minister
 * for Foreign Affairs, 駐日スペイン大使 -> Ambassador to Japan. Undefined when it does not.
 */
export function englishTitle(role: string): string | undefined {
  const hit = ENGLISH.find(([ja]) => role.endsWith(ja));
  if (!hit) return undefined;
  return role.startsWith('駐日') ? `${hit[1]} to Japan` : hit[1];
}
