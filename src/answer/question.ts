/**
 * A question's content words, each with the forms it may take in a statement and how much it
 * decides relevance. Names, places, countries and acronyms are *distinctive*: a statement that
 * lacks one does not answer the question, however many common words it shares. Kinds of event
 * (a call, a visit, a meal) must match too: the date of a call is not the date of a visit.
 */
import { escapeRegExp } from '../text/regexp.ts';
import { normalize } from '../text/normalize.ts';
import { wholeWordPattern } from '../text/wordBoundary.ts';
import { STOPWORDS } from '../text/stopwords.ts';
import { keywords, wordTerm, type Keyword } from '../text/tokenize.ts';
import {
  canonicalCountry,
  COUNTRIES,
  countryVisitForms,
  jaSideCountry,
  JA_COUNTRY_FORMS,
  JA_ONE_CHAR_COUNTRIES,
} from '../understand/countries.ts';
import type { Glossary } from '../understand/glossary.ts';
import {
  EN_HONORIFICS,
  EN_NAME_PARTICLES,
  EN_NOT_NAME_WORDS,
  EN_TITLES,
} from '../understand/people/enTitles.ts';
import { JA_TITLES } from '../understand/people/jaTitles.ts';
import { kanjiFamilyNames, latinFamilyNames } from '../understand/people/familyNames.ts';

export interface QuestionTerm {
  /** The words as the question wrote them, for notices. */
  label: string;
  /** Ways a statement may say it (the word, its other-language forms); any one counts. Each form is a list of keywords, all required. */
  forms: Keyword[][];
  /** Other words for the same thing (glossary synonyms): they count, for less. */
  synonyms: Keyword[][];
  /** A name, place, country or acronym: the evidence must contain it. */
  distinctive: boolean;
  /** Kinds of event the term names (call, visit...), from the glossary's synonyms. */
  events: string[];
  /** A title asked about ("the Korean foreign minister"), not one attached to a name or an event. */
  role?: boolean;
  /** A country or a person's name: it identifies the event but is not its topic. */
  identifies?: boolean;
  /** Pieces of a Japanese compound that no statement holds whole: each counts for part of it. */
  part?: boolean;
  /** A country the people asked about come from ("who represented India", 米国から参加したのは). */
  side?: boolean;
  /** The kinds of the event word it is glued before (決選投票: election): it says which such event. */
  qualifiesEvent?: string[];
  /**
   * Part of what the question asks (the clause right after "Who"), not of the setting it gives:
   * in "Who proposed the toast at the welcome reception?" the toast, not the reception.
   */
  focus?: boolean;
  /**
   * Words of one name written together ("Mark Carney", "Taro Kono") share a number: the name is
   * there when one of them is (a readout writes "Prime Minister Carney").
   */
  nameRun?: number;
  /** A role asked of someone who held it before: 前首相, "the former prime minister". */
  former?: boolean;
  /**
   * A title that is the question's subject ("Who did the UK Prime Minister speak to?"): its holder
   * is the one asking, not the one asked for.
   */
  subject?: boolean;
}

/** Words that qualify a title (foreign minister, vice president) and are none alone. */
const ROLE_MODIFIERS = new Set([
  'foreign',
  'vice',
  'deputy',
  'acting',
  'senior',
  'former',
  'principal',
  'chief',
]);

/** A preposition and the words of its noun phrase before a title: "custody of embassy", "with the". */
const EN_ROLE_OBJECT =
  /\b(?:of|by|with|to|from|into|at|on)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|its\s+)?(?:[\p{Ll}][\p{L}-]*\s+){0,2}(?:\p{Lu}\p{Ll}+(?:an|ese|ish|i)\s+)?$/u;

/** An auxiliary and what may stand between it and a title that is the question's subject ("did the UK"). */
const EN_SUBJECT_BEFORE =
  /\b(?:did|does|do|will|would|has|have|had|can|could)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.'’]*\s+){0,3}$/u;

/** Words that open the setting of an English question: what comes before them is asked. */
const EN_SETTING =
  /\b(?:after|before|at|during|when|while|in|on|ahead\s+of|following|for|since|from)\b/i;

/** Where an English topic's setting begins: its first setting word after some content. */
function settingStart(text: string): number {
  const m = EN_SETTING.exec(text.replace(/^\W*\S+/, (w) => ' '.repeat(w.length)));
  return m ? m.index : text.length;
}

/** Question words and verbs of asking that carry no topic. */
const EN_FRAME = new Set(
  `did does do is was were are be been has have had who whom whose when what which where how why long
  many much time date day took take taken part happen happened place held hold about regarding any
  there their they anyone someone somebody one ones
  scheduled planned expected due`.split(/\s+/),
);
const JA_FRAME = new Set([
  '何',
  '誰',
  '時',
  '方',
  '事',
  '等',
  '者',
  '中',
  '際',
  '上',
  '内',
  '日',
  '月',
  '年',
  '分',
  '間',
  '頃',
  // Whether it was planned is the tense of the question, not its topic (到着する予定だったのは).
  '予定',
  '予定日',
  // The first or the last of several (最後の夕食会) picks among them; the text seldom says 最後.
  '最後',
  '最初',
]);

/** Capitalised words of country names (Korea, Japan): distinctive, unlike other capitalised nouns. */
/** Countries named in one word (Japan, Korean), lower-cased; names of several words are phrases. */
const COUNTRY_WORDS = new Set(
  COUNTRIES.flatMap((c) => [c.name, ...c.en])
    .filter((f) => /^[A-Z]\S*$/.test(f))
    .map((w) => w.toLowerCase()),
);

/** Countries named in several words (North Korea, New Zealand, United States), lower-cased. */
const COUNTRY_PHRASES = new Set(
  COUNTRIES.flatMap((c) => [c.name, ...c.en])
    .filter((f) => /\s/.test(f))
    .map((f) => normalize(f)),
);

/** Capitalised words that are common nouns of the genre: capitals do not make them names. */
const EN_GENERIC_CAPITALS = new Set([
  ...[...EN_NOT_NAME_WORDS].filter(
    (w) => !/^[A-Z0-9]{2,}$/.test(w) && !COUNTRY_WORDS.has(w.toLowerCase()),
  ),
  'Talk',
  'Talks',
  'Call',
  'Conference',
  'Video',
  'Telephone',
  'Phone',
  'Visit',
  'Lunch',
  'Dinner',
  'Press',
  'Quote',
  'Please',
  'Tell',
  'Show',
  'Find',
  'List',
  'Give',
  // words that open a question ("According to the Press Secretary, ...")
  'According',
  'Regarding',
  'Concerning',
  'Following',
  'Besides',
  'Given',
  'Apart',
  'Aside',
  'Based',
  'Considering',
]);

/** Lower-cased words of English titles (minister, secretary, president...): what a role question asks for. */
const PORTFOLIO_NOUNS = new Set([
  'State',
  'Affairs',
  'Trade',
  'Defence',
  'Defense',
  'Commonwealth',
  'Development',
  'Finance',
  'Home',
  'Interior',
  'Justice',
  'Security',
  'Health',
  'Economy',
  'Cooperation',
]);

const EN_ROLE_WORDS = (() => {
  const words = new Set<string>();
  for (const phrase of EN_TITLES.phrases()) {
    // The title's own words, not its portfolio: "Secretary of State" makes "secretary" a role word, not "state".
    const head = phrase.split(/\s+(?:of|for|to|and|on)\s+/)[0]!;
    // A portfolio's nouns open some titles ("State Minister", "Foreign Affairs Minister") but are
    // common nouns alone ("the southeastern states", "the Ministry of Foreign Affairs").
    for (const w of head.split(/[\s-]+/))
      if (/^[A-Z]/.test(w) && !PORTFOLIO_NOUNS.has(w)) words.add(stemOf(w.toLowerCase()));
  }
  for (const w of [
    'vice',
    'deputy',
    'acting',
    'foreign',
    'official',
    'leader',
    'spokesperson',
    'envoy',
    'counterpart',
  ])
    words.add(stemOf(w));
  return words;
})();

function stemOf(word: string): string {
  return wordTerm(word) ?? word;
}

/** A form as text again: Japanese keywords run together, English words spaced. */
export function formText(form: readonly Keyword[]): string {
  return form.map((k) => k.text).join(form[0]?.kind === 'cjk' ? '' : ' ');
}

/** The search keywords of a form as a question would write it. */
export function keywordsOf(form: string): Keyword[] {
  return keywords(normalize(form));
}

/** The glossary's tables as lookups, built once per glossary: questions are many, glossaries few. */
interface Lookups {
  /** Normalized form -> every form of its glossary entries and countries. */
  forms: Map<string, Set<string>>;
  /** Normalized word, or its English stems, -> synonym groups. */
  synonyms: Map<string, number[]>;
  /** Synonym phrases, longest first, by script; each pattern compiled when a text first holds the phrase. */
  phrases: { latin: boolean; phrase: string; re?: RegExp }[];
  /** Finished terms by label. */
  terms: Map<string, { forms: Keyword[][]; synonyms: Keyword[][]; events: string[] } | null>;
  /** Normalized form of a capital city -> how a statement says someone is visiting its country. */
  capitals: Map<string, string[]>;
  /** Normalized form of a capital city -> its own forms (東京, Tokyo). */
  capitalForms: Map<string, string[]>;
}

const lookups = new WeakMap<Glossary, Lookups>();

/** Words a one-character country abbreviation stands before (仏外相, 米大統領, 英首相). */
const ABBREVIATED_BEFORE = ['外相', '外務', '首相', '大統領', '国務', '外交', '首脳'];

function lookupsOf(glossary: Glossary): Lookups {
  let l = lookups.get(glossary);
  if (l) return l;
  const forms = new Map<string, Set<string>>();
  const addGroup = (all: string[]) => {
    for (const f of all) {
      const key = normalize(f);
      const set = forms.get(key) ?? new Set<string>();
      for (const x of all) set.add(x);
      forms.set(key, set);
    }
  };
  for (const entry of [...glossary.terms, ...glossary.people]) addGroup([...entry.ja, ...entry.en]);
  // A person is asked about by family name (ルビオ長官, 茂木大臣, "Rubio"): each part of a name
  // finds the person's names and name parts in both languages.
  for (const person of glossary.people) {
    const parts = [
      ...person.ja.flatMap(jaNameParts),
      ...person.en.flatMap((n) => n.split(/[\s.]+/).filter((w) => w.length >= 3)),
    ];
    const all = [...person.ja, ...person.en, ...parts];
    for (const part of parts) {
      const set = forms.get(normalize(part)) ?? new Set<string>();
      for (const x of all) set.add(x);
      forms.set(normalize(part), set);
    }
  }
  for (const c of COUNTRIES) addGroup([c.name, ...c.ja, ...c.en]);
  // A country asked is also written as its one-character abbreviation inside a compound (日仏外相
  // 電話会談, クシュネール仏外務・欧州問題大臣); one way only: 日仏 asked is not every French text.
  for (const [abbr, full] of Object.entries(JA_ONE_CHAR_COUNTRIES)) {
    const country = COUNTRIES.find((c) => c.ja.includes(full));
    if (!country) continue;
    const compounds = ['日', ...ABBREVIATED_BEFORE].map((w) => (w === '日' ? w + abbr : abbr + w));
    for (const f of [country.name, ...country.ja, ...country.en])
      for (const x of compounds) forms.get(normalize(f))?.add(x);
  }
  const synonyms = new Map<string, number[]>();
  glossary.synonyms.forEach((g, i) => {
    for (const w of g.words) {
      for (const key of new Set([normalize(w), ...(isLatin(w) ? [stemPhrase(w)] : [])]))
        synonyms.set(key, [...(synonyms.get(key) ?? []), i]);
    }
  });
  // Synonyms, and the names of several words that are one thing: countries, glossary terms.
  // Titles stay words: a run of them asks for a person, which the words' own rule decides.
  const title = (f: string) =>
    f.split(/\s+/).some((w) => EN_ROLE_WORDS.has(stemOf(w.toLowerCase())));
  const multiword = [
    ...COUNTRY_PHRASES,
    ...glossary.terms
      .flatMap((t) => t.en)
      // COVID-19 too: the question's words are split at the hyphen.
      .filter((f) => /[\s-]/.test(f) && !title(f))
      .map(normalize),
  ];
  const phrases = [
    ...new Set([
      ...glossary.synonyms.flatMap((g) => g.words).map((w) => normalize(w)),
      ...multiword,
    ]),
  ]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => ({ latin: isLatin(phrase), phrase }));
  // A capital asked (Tokyo, Berlin) of a statement that writes only the visit to its country
  // (来日中の, ドイツを訪問中の): the statement's events took place there as far as it says.
  const capitals = new Map<string, string[]>();
  const capitalForms = new Map<string, string[]>();
  for (const t of glossary.terms) {
    if (!t.capitalOf) continue;
    const visits = countryVisitForms(t.capitalOf);
    for (const f of [...t.ja, ...t.en]) {
      capitals.set(normalize(f), visits);
      capitalForms.set(normalize(f), [...t.ja, ...t.en]);
    }
  }
  l = { forms, synonyms, phrases, terms: new Map(), capitals, capitalForms };
  lookups.set(glossary, l);
  return l;
}

/** Parts of a Japanese name a question may use alone: katakana family names, kanji name heads. */
function jaNameParts(name: string): string[] {
  if (/[・･]/.test(name)) return name.split(/[・･]/).filter((p) => p.length >= 2);
  // Kanji names carry no separator: the first two or three characters are the usual family name.
  return [2, 3].filter((n) => name.length > n).map((n) => name.slice(0, n));
}

/** A year as Japanese statements date it: 2007 is 平成19年, 2019 平成31年 and 令和元年. */
function eraYears(word: string): string[] {
  if (!/^(?:19|20)\d\d$/.test(word)) return [];
  const y = Number(word);
  const era = (name: string, first: number) =>
    y - first + 1 === 1 ? [`${name}元年`, `${name}1年`] : [`${name}${y - first + 1}年`];
  return [
    ...(y >= 1989 && y <= 2019 ? era('平成', 1989) : []),
    ...(y >= 2019 ? era('令和', 2019) : []),
    ...(y >= 1926 && y <= 1989 ? era('昭和', 1926) : []),
  ];
}

/** Glossary and country-table forms of a word, in both languages, plus its synonyms. */
function formsOf(
  word: string,
  glossary: Glossary,
): { forms: string[]; synonyms: string[]; events: string[] } {
  const l = lookupsOf(glossary);
  const key = normalize(word);
  const forms = new Set<string>([
    word,
    ...(l.forms.get(key) ?? []),
    ...eraYears(word),
    ...derivedForms(key),
    ...(l.capitals.get(key) ?? []),
    // 主催者 asked of 「…首相主催の夕食会」: the one who does it, by what is done.
    ...(/^\p{Script=Han}{2,}者$/u.test(word) ? [word.slice(0, -1)] : []),
  ]);
  const synonyms = new Set<string>();
  const events = new Set<string>();
  const groups = new Set([
    ...(l.synonyms.get(key) ?? []),
    ...(isLatin(word) ? (l.synonyms.get(stemPhrase(word)) ?? []) : []),
  ]);
  for (const i of groups) {
    const g = glossary.synonyms[i]!;
    for (const w of g.words) synonyms.add(w);
    if (g.event) events.add(g.event);
  }
  // A phrase of the glossary names the kind of event its head word does: "presidential election"
  // is an election, 大統領選挙 a 選挙.
  if (events.size === 0) {
    const head = isLatin(word)
      ? key.split(/\s+/).length > 1
        ? [stemPhrase(key.split(/\s+/).at(-1)!), key.split(/\s+/).at(-1)!]
        : []
      : [...l.synonyms.keys()].filter(
          (k) => k.length >= 2 && k.length < key.length && key.endsWith(k) && !isLatin(k),
        );
    for (const k of head)
      for (const i of l.synonyms.get(k) ?? [])
        if (glossary.synonyms[i]!.event) events.add(glossary.synonyms[i]!.event!);
  }
  return {
    forms: [...forms],
    synonyms: [...synonyms].filter((w) => !forms.has(w)),
    events: [...events],
  };
}

/**
 * The noun of a verb asked, and the verb of a noun ("inaugurated" for the statement's
 * "inauguration", "elected" for "election"): the index keeps only inflections together. Forms no
 * statement holds cost nothing.
 */
function derivedForms(word: string): string[] {
  if (!/^[a-z]{5,}$/.test(word)) return [];
  const m = /^(.{3,}?)(ated|ate|ation|ed|ment|ion)$/.exec(word);
  if (!m) return [];
  const [, base, end] = m as unknown as [string, string, string];
  // "united" is not "union", nor "noted" "notion": a short stem makes other words.
  if (base.length < 5 && (end === 'ed' || end === 'ion')) return [];
  switch (end) {
    case 'ated':
    case 'ate':
      return [`${base}ation`];
    case 'ation':
      return [`${base}ated`, `${base}ate`];
    case 'ed':
      return [`${base}ment`, `${base}ion`];
    case 'ment':
      return [`${base}ed`];
    default:
      return [`${base}ed`];
  }
}

function isLatin(s: string): boolean {
  return /^[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]*$/u.test(s);
}

function stemPhrase(s: string): string {
  return keywordsOf(s)
    .map((k) => k.terms.join('+'))
    .join(' ');
}

function term(
  label: string,
  glossary: Glossary,
  extra: Partial<QuestionTerm> = {},
): QuestionTerm | undefined {
  const cache = lookupsOf(glossary).terms;
  let made = cache.get(label);
  if (made === undefined) {
    const { forms, synonyms, events } = formsOf(label, glossary);
    const lists = forms.map(keywordsOf).filter((l) => l.length > 0);
    made = lists.length
      ? { forms: lists, synonyms: synonyms.map(keywordsOf).filter((l) => l.length > 0), events }
      : null;
    // Bounded: question words are open-ended.
    if (cache.size > 5000) cache.clear();
    cache.set(label, made);
  }
  if (!made) return undefined;
  const across = extra.identifies && made.forms.length === 1 ? familyNameForms(label) : [];
  if (across.length > 0)
    made = {
      ...made,
      forms: [...made.forms, ...across.map(keywordsOf).filter((l) => l.length > 0)],
    };
  return { label, ...made, distinctive: false, ...extra };
}

/**
 * A family name the glossary does not know, in the other script (Kono -> 河野, 川口 -> Kawaguchi):
 * a statement published in one language names the person the question names in the other.
 * One-character names (林, 森) are left out: as forms they would match inside other words.
 */
function familyNameForms(label: string): string[] {
  if (/^\p{Lu}\p{Ll}{2,}$/u.test(label))
    return kanjiFamilyNames(label).filter((k) => k.length >= 2);
  if (/^\p{Script=Han}{2,3}$/u.test(label)) return latinFamilyNames(label);
  return [];
}

/**
 * For a capital city asked: its own forms, and those of every other capital of the glossary. A
 * statement that names another capital took place there, whatever visit it speaks of.
 */
export function capitalsFor(
  label: string,
  glossary: Glossary,
): { own: Keyword[][]; others: Keyword[][] } | undefined {
  const l = lookupsOf(glossary);
  const own = l.capitalForms.get(normalize(label));
  if (!own) return undefined;
  const others = [...new Set([...l.capitalForms.values()].flat())].filter((f) => !own.includes(f));
  return { own: own.map(keywordsOf), others: others.map(keywordsOf) };
}

/** Synonym phrases of the glossary found in a text, longest first, as [start, end, phrase]. */
/** A Japanese verb of one kanji stem as a table writes it (戻る, 着く): the stem, the final kana. */
const JA_VERB = /^(\p{Script=Han}+)([うくぐすつぬぶむる])$/u;
/** The kana a godan verb's stem takes in its forms (戻ら, 戻り, 戻る, 戻れ, 戻ろ, 戻っ). */
const JA_VERB_ROWS: Record<string, string> = {
  う: 'わいうえおっ',
  く: 'かきくけこい',
  ぐ: 'がぎぐげごい',
  す: 'さしすせそ',
  つ: 'たちつてとっ',
  ぬ: 'なにぬねのん',
  ぶ: 'ばびぶべぼん',
  む: 'まみむめもん',
  る: 'らりるれろっ',
};

function synonymSpans(
  text: string,
  glossary: Glossary,
  latin: boolean,
): [number, number, string][] {
  const spans: [number, number, string][] = [];
  const taken = new Uint8Array(text.length);
  for (const entry of lookupsOf(glossary).phrases) {
    const { phrase, latin: l } = entry;
    if (l !== latin) continue;
    // 戻る asked as 戻りました: a verb of the table in any form of its stem, read as the table writes it.
    const verb = l ? undefined : JA_VERB.exec(phrase);
    if (!text.includes(verb ? verb[1]! : phrase)) continue;
    // Unicode patterns are costly to compile, and most phrases never occur in a question.
    const re = (entry.re ??= l
      ? wholeWordPattern(phrase, 'gu')
      : verb
        ? new RegExp(`${escapeRegExp(verb[1]!)}[${JA_VERB_ROWS[verb[2]!]}]`, 'gu')
        : new RegExp(escapeRegExp(phrase), 'gu'));
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const s = m.index!;
      const e = s + m[0].length;
      if (taken.subarray(s, e).some(Boolean)) continue;
      taken.fill(1, s, e);
      spans.push([s, e, verb ? phrase : text.slice(s, e)]);
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/**
 * The kinds of event (the glossary's synonym groups with an `event`) a text names, each phrase read
 * once and longest first: "held a telephone talk" is a call, not also a meeting for its "talk".
 */
/**
 * "called on the Prime Minister", "calls upon President Ruto": a courtesy call, a meeting in
 * person, not a telephone call. Not "a call on Saturday", nor "called on North Korea to refrain"
 * (an appeal).
 */
const CALL_ON =
  /\b[Cc]all(?:s|ed|ing)?\s+(?:[Oo]n|[Uu]pon)\s+(?=(?:the\s+)?\p{Lu}|and\b)(?!(?:the\s+)?(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)(?![^.;]{0,80}?\bto\s+(?!lunch\b|dinner\b|breakfast\b)\p{Ll})/gu;

/** "Summit Telephone Talk", "Summit Video Conference": a call at the level of leaders, no summit held in person. */
const SUMMIT_BY_WIRE = /\bsummit\s+(?=(?:tele)?phone\b|video\b|virtual\b)/gi;

/** "called for the release", "calls for restraint": an appeal, which statements word as "urges". */
const CALL_FOR = /\b[Cc]all(?:s|ed|ing)?\s+for\b/g;

/** "welcomed Prime Minister X to NATO Headquarters": a visit, though the statement never says so. */
const WELCOMED_TO = /\b([Ww]elcom(?:ed|es|e|ing)\s+[^.;]{1,80}?\s+)to\s+(?=(?:the\s+)?\p{Lu})/gu;

function courtesyCalls(text: string): string {
  return (
    text
      // "on" stays: what follows is whom the call was on, not the person asked for.
      .replace(CALL_ON, 'courtesy call on ')
      .replace(WELCOMED_TO, '$1visit to ')
      .replace(CALL_FOR, 'urge')
      .replace(SUMMIT_BY_WIRE, '')
  );
}

export function eventKindsIn(text: string, glossary: Glossary): Set<string> {
  const norm = normalize(courtesyCalls(text));
  const l = lookupsOf(glossary);
  const perPhrase: Set<string>[] = [];
  for (const latin of [true, false]) {
    for (const [, , phrase] of synonymSpans(norm, glossary, latin)) {
      const key = normalize(phrase);
      const kinds = new Set<string>();
      for (const i of [
        ...(l.synonyms.get(key) ?? []),
        ...(latin ? (l.synonyms.get(stemPhrase(phrase)) ?? []) : []),
      ]) {
        const event = glossary.synonyms[i]!.event;
        if (event) kinds.add(event);
      }
      if (kinds.size > 0) perPhrase.push(kinds);
    }
  }
  // "held a telephone talk ... the overview of the talk": a word of several kinds (talk) is of the
  // kind the text names plainly elsewhere.
  const plain = new Set(perPhrase.filter((k) => k.size === 1).flatMap((k) => [...k]));
  const kinds = new Set(plain);
  for (const k of perPhrase)
    if (k.size > 1 && ![...k].some((x) => plain.has(x))) for (const x of k) kinds.add(x);
  return kinds;
}

/** A phrase of the glossary that is the question's verb ("the leader spoke with …"), not a noun the title qualifies. */
const VERB_PHRASE = /^(?:spoke|speaks?|talked|talks?\s+with|call|called|calls|met|meets)\b/i;

/** Words before a country that make it the side of the people asked about: "represented India", "from the U.S.". */
const SIDE_BEFORE = /\b(?:from|represent(?:ed|ing|s)?|for)\s+(?:the\s+)?$/i;

/** Content terms of an English question (the topic left after the question words are removed). */
function englishTerms(topic: string, glossary: Glossary): QuestionTerm[] {
  // Hyphenated country pairs (Japan-U.S.-ROK) are several countries; acronyms lose their dots.
  const text = topic
    .replace(/\b(?:[A-Za-z]\.){2,}/g, (m) => m.replace(/\./g, ''))
    .replace(/([A-Za-z])-(?=[A-Z])/g, '$1 ')
    // "on" stays: what follows is whom the call was on, not the person asked for.
    .replace(CALL_ON, 'courtesy call on ')
    .replace(CALL_FOR, 'urge');
  const spans = synonymSpans(normalize(text), glossary, true);
  const inSpan = (at: number) => spans.find(([s, e]) => at >= s && at < e);
  interface Token {
    word: string;
    at: number;
    role: boolean;
    name: boolean;
    possessive: boolean;
  }
  const tokens: Token[] = [...text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]*)?/gu)].map((m) => {
    let word = m[0].replace(/['’]s?$/, '');
    // "Iraqis", "Canadians": the people of a country are asked about by its adjective.
    if (
      /s$/.test(word) &&
      !COUNTRY_WORDS.has(word.toLowerCase()) &&
      COUNTRY_WORDS.has(word.slice(0, -1).toLowerCase())
    )
      word = word.slice(0, -1);
    const low = word.toLowerCase();
    return {
      word,
      at: m.index!,
      role: EN_ROLE_WORDS.has(stemOf(low)) && !inSpan(m.index!),
      name:
        /^\p{Lu}/u.test(word) &&
        !EN_ROLE_WORDS.has(stemOf(low)) &&
        !EN_GENERIC_CAPITALS.has(word) &&
        !inSpan(m.index!),
      possessive: /['’]s?$/.test(m[0]),
    };
  });
  // A portfolio's noun is part of the title it follows ("Minister for Foreign Affairs"), no name,
  // and alone ("the Ministry of Foreign Affairs") no title.
  tokens.forEach((t, k) => {
    if (!PORTFOLIO_NOUNS.has(t.word)) return;
    t.name = false;
    let p = k - 1;
    while (p >= 0 && /^(?:foreign|for|of|and|the)$/i.test(tokens[p]!.word)) p--;
    if (
      p >= 0 &&
      tokens[p]!.role &&
      !ROLE_MODIFIERS.has(tokens[p]!.word.toLowerCase()) &&
      !inSpan(t.at)
    )
      t.role = true;
  });
  // "a courtesy call from Australian Foreign Minister Bob Carr": the country belongs to a person
  // named, and says no side.
  const titlesAName = (k: number) => {
    let j = k + 1;
    while (tokens[j]?.role || (tokens[j] && PORTFOLIO_NOUNS.has(tokens[j]!.word))) j++;
    return j > k + 1 && tokens[j]?.name === true;
  };
  const out: QuestionTerm[] = [];
  const used = new Set<[number, number, string]>();
  const setting = settingStart(text);
  for (let i = 0; i < tokens.length; i++) {
    const { word, at } = tokens[i]!;
    const span = inSpan(at);
    if (span) {
      if (!used.has(span)) {
        used.add(span);
        // "North Korea" is one country: required, in any of its names (DPRK).
        const country = COUNTRY_PHRASES.has(span[2]) ? { distinctive: true, identifies: true } : {};
        const t = term(span[2], glossary, { ...country, ...(at < setting ? { focus: true } : {}) });
        if (t) out.push(t);
      }
      continue;
    }
    const low = word.toLowerCase();
    if (STOPWORDS.has(low) || EN_FRAME.has(low) || !wordTerm(low)) continue;
    if (EN_HONORIFICS.some((h) => h.replace(/\.$/, '').toLowerCase() === low)) continue;
    const acronym = /^[A-Z0-9]{2,}$/.test(word) && /[A-Z]/.test(word);
    const country = COUNTRY_WORDS.has(low);
    const distinctive = !tokens[i]!.role && (acronym || country || tokens[i]!.name);
    let role = false;
    if (tokens[i]!.role) {
      // A run of title words asks for a person unless it names one ("Prime Minister Kishida") or
      // qualifies an event ("the foreign ministers' video conference").
      let j = i;
      while (tokens[j + 1]?.role) j++;
      // "Ambassador de Palacio": a name may open with a lower-case particle.
      const particle =
        tokens[j + 1] && EN_NAME_PARTICLES.has(tokens[j + 1]!.word) && tokens[j + 2]?.name;
      const after = particle ? tokens[j + 2] : tokens[j + 1];
      const phraseAfter = after ? inSpan(after.at) : undefined;
      role =
        !tokens[j]!.possessive &&
        !(after && (after.name || (phraseAfter && !VERB_PHRASE.test(phraseAfter[2]))));
      // "foreign ministries'", "vice-ministerial": a modifier is no title without its noun.
      if (ROLE_MODIFIERS.has(tokens[j]!.word.toLowerCase())) role = false;
      // "taken into the custody of embassy officials", "met with the Prime Minister": a title after
      // a preposition is part of what is said, not the person asked for.
      let first = i;
      while (first > 0 && tokens[first - 1]!.role) first--;
      // "Minister of External Affairs": a portfolio after its title's "of" is no object.
      let q = first - 1;
      while (q >= 0 && /^(?:of|for|the)$/i.test(tokens[q]!.word)) q--;
      const portfolio =
        q < first - 1 && q >= 0 && tokens[q]!.role && /^(?:of|for)$/i.test(tokens[q + 1]!.word);
      if (
        role &&
        !portfolio &&
        EN_ROLE_OBJECT.test(text.slice(Math.max(0, tokens[first]!.at - 40), tokens[first]!.at))
      )
        role = false;
    }
    // "Who did the UK Prime Minister speak to?": a title after an auxiliary is the subject.
    let runFrom = i;
    while (runFrom > 0 && tokens[runFrom - 1]!.role) runFrom--;
    const subject =
      role &&
      EN_SUBJECT_BEFORE.test(
        text.slice(Math.max(0, tokens[runFrom]!.at - 40), tokens[runFrom]!.at),
      );
    // "the former prime minister", "which ex-president": a former holder is asked about.
    const former =
      role &&
      /\b(?:former|ex-?)\s+(?:\p{L}+\s+){0,2}$/iu.test(text.slice(Math.max(0, at - 30), at));
    // A run of capitalised words that are neither countries nor acronyms is one name.
    const inRun = (j: number) =>
      tokens[j]?.name &&
      !COUNTRY_WORDS.has(tokens[j]!.word.toLowerCase()) &&
      !/^[A-Z0-9]{2,}$/.test(tokens[j]!.word);
    const adjacent = (j: number) =>
      tokens[j + 1] !== undefined &&
      /^\s+$/.test(text.slice(tokens[j]!.at + tokens[j]!.word.length, tokens[j + 1]!.at));
    let runStart = i;
    while (runStart > 0 && inRun(runStart - 1) && adjacent(runStart - 1) && inRun(runStart))
      runStart--;
    const runLong = inRun(i) && (i > runStart || (adjacent(i) && inRun(i + 1)));
    const t = term(word, glossary, {
      ...(runLong ? { nameRun: runStart } : {}),
      distinctive,
      ...(role ? { role } : {}),
      ...(distinctive ? { identifies: true } : {}),
      // "for Japan's grant": a possessive country owns a thing, it is no side.
      ...(country &&
      SIDE_BEFORE.test(text.slice(Math.max(0, at - 20), at)) &&
      !/^['’]s\b/.test(text.slice(at + word.length)) &&
      !titlesAName(i)
        ? { side: true }
        : {}),
      ...(at < setting ? { focus: true } : {}),
      ...(former ? { former } : {}),
      ...(subject ? { subject } : {}),
    });
    if (t) out.push(t);
  }
  return out;
}

/**
 * Runs of one script, but a country written in two (東ティモール, 南アフリカ) is one piece: split
 * at the change of script it would be a direction and a name that no statement writes alone.
 */
const MIXED_COUNTRIES = JA_COUNTRY_FORMS.filter(
  (f) => /\p{Script=Han}/u.test(f) && /\p{Script=Katakana}/u.test(f),
);
const CJK_PIECE = new RegExp(
  `${MIXED_COUNTRIES.map((f) => `${f}(?![\\p{Script=Katakana}\\u30FC])`).join('|')}${MIXED_COUNTRIES.length ? '|' : ''}[\\p{Script=Han}\\u3005\\u3006]+|[\\p{Script=Katakana}\\u30FC]+`,
  'gu',
);

/** Content terms of a Japanese question: chunks between particles, split where the script changes. */
function japaneseTerms(topic: string, glossary: Glossary): QuestionTerm[] {
  const out: QuestionTerm[] = [];
  const text = normalize(topic);
  const spans = synonymSpans(text, glossary, false);
  let rest = '';
  let last = 0;
  const pieces: { text: string; event?: true }[] = [];
  for (const [s, e, p] of spans) {
    rest = text.slice(last, s);
    pieces.push({ text: rest }, { text: p, event: true });
    last = e;
  }
  pieces.push({ text: text.slice(last) });
  for (const [n, piece] of pieces.entries()) {
    if (piece.event) {
      const t = term(piece.text, glossary);
      if (t) out.push(t);
      continue;
    }
    // Latin words inside a Japanese question (ICBM, G7) are handled as in English.
    for (const m of piece.text.matchAll(
      /[\p{Script=Latin}0-9]+(?:[.-][\p{Script=Latin}0-9]+)*/gu,
    )) {
      const t = term(m[0], glossary, {
        distinctive: /\p{Script=Latin}/u.test(m[0]),
        identifies: true,
      });
      if (t) out.push(t);
    }
    let katakanaEnd = -1;
    const gluedToEvent = pieces[n + 1]?.event === true;
    for (const m of piece.text.matchAll(CJK_PIECE)) {
      // A title glued to a katakana name (ルビオ長官) belongs to that name; one glued to an
      // event noun (外相電話会談) qualifies the event.
      const qualifies = gluedToEvent && m.index! + m[0].length === piece.text.length;
      // 米側から同席したのは: the side whose people are asked, a country before 側.
      const side = /^(.+)側$/u.exec(m[0])?.[1];
      const sideCountry = side ? jaSideCountry(side) : undefined;
      const sideTerm = sideCountry
        ? term(sideCountry, glossary, { distinctive: true, identifies: true, side: true })
        : undefined;
      const made = sideTerm
        ? [sideTerm]
        : japaneseChunk(m[0], glossary, m.index === katakanaEnd, qualifies);
      const last = made[made.length - 1];
      if (qualifies && last && m[0].endsWith(last.label))
        last.qualifiesEvent = term(pieces[n + 1]!.text, glossary)?.events ?? [];
      // 米国から参加したのは, 豪州の参加者: the country the people asked about come from.
      const after = piece.text.slice(m.index! + m[0].length);
      if (/^(?:から|の(?:参加者|出席者|代表))/.test(after))
        for (const t of made)
          if (t.distinctive && JA_COUNTRY_FORMS.includes(normalize(t.label))) t.side = true;
      out.push(...made);
      katakanaEnd = /^[\p{Script=Katakana}\u30FC]/u.test(m[0]) ? m.index! + m[0].length : -1;
    }
    // 飛び越える, 申し入れた: a compound verb is kanji split by its inflection, and its stem
    // (飛び越) is as telling as any noun; the kanji runs are kept as they are.
    for (const m of piece.text.matchAll(COMPOUND_VERB_STEM)) {
      const t = term(m[1]!, glossary);
      if (t) out.push(t);
    }
  }
  // 「2007年12月28日の北京で、福田総理が夕食会を兼ねた会談を行った相手」: the setting comes first,
  // what is asked in the clause after the last comma.
  const comma = Math.max(topic.lastIndexOf('、'), topic.lastIndexOf(','), topic.lastIndexOf('，'));
  if (comma > 0 && comma < topic.length - 1) {
    const asked = normalize(topic.slice(comma + 1));
    for (const t of out) if (asked.includes(normalize(t.label))) t.focus = true;
  }
  return out;
}

/** Kanji, the renyō ending of a verb, kanji: 飛び越, 取り組, 申し入; not 対し, 関し (to, about). */
const COMPOUND_VERB_STEM =
  /(?<![対関際])(?=(\p{Script=Han}[きぎしじちびみりえけげせべめれ]\p{Script=Han}))/gu;

/** Name-run numbers of Japanese country-and-place pairs, apart from the English ones (token positions). */
const JA_RUN_BASE = 1_000_000;

/** One kanji or katakana run: countries split out, titles told apart from names and event nouns. */
const JA_RELATIVE_TIME =
  /^(?:先週|今週|来週|先月|今月|来月|昨年|今年|来年|本年|本日|昨日|明日|今日|先日|翌日|前日)/;

function japaneseChunk(
  chunk: string,
  glossary: Glossary,
  afterName = false,
  beforeEvent = false,
): QuestionTerm[] {
  const out: QuestionTerm[] = [];
  if (/^[\p{Script=Katakana}\u30FC]+$/u.test(chunk)) {
    if (chunk.length < 2) return out;
    // チエット・ベトナム(国家主席): a name, then its country, run together once the dot is gone.
    const country = JA_COUNTRY_FORMS.find(
      (f) =>
        chunk.endsWith(f) &&
        chunk.length - f.length >= 2 &&
        /^[\p{Script=Katakana}\u30FC]+$/u.test(f),
    );
    if (country && !JA_COUNTRY_FORMS.includes(chunk)) {
      return [chunk.slice(0, -country.length), country].flatMap(
        (part) => term(part, glossary, { distinctive: true, identifies: true }) ?? [],
      );
    }
    // パキスタン・バジョール(管区): a country, then a place in it.
    const leading = JA_COUNTRY_FORMS.find(
      (f) =>
        chunk.startsWith(f) &&
        chunk.length - f.length >= 2 &&
        /^[\p{Script=Katakana}\u30FC]+$/u.test(f),
    );
    // One of the two is enough (a run of one name): the statement may write them apart
    // (パキスタン・連邦直轄部族地域バジョール) or together (カナダ・シャルルボワ, searched without its dot).
    if (leading && !JA_COUNTRY_FORMS.includes(chunk)) {
      const run = JA_RUN_BASE + chunk.length * 31 + chunk.charCodeAt(0);
      return [leading, chunk.slice(leading.length)].flatMap(
        (part) => term(part, glossary, { distinctive: true, identifies: true, nameRun: run }) ?? [],
      );
    }
    const t = term(chunk, glossary, { distinctive: true, identifies: true });
    return t ? [t] : out;
  }
  // 先週安倍(首相): a word of relative time glued to what follows dates it and is no part of it.
  let s = chunk.replace(JA_RELATIVE_TIME, '');
  if (s.length < 2) s = chunk;
  // 日米韓, 日加, 日仏: one-character country abbreviations in a row.
  let abbr = 0;
  while (abbr < s.length && (s[abbr] === '日' || JA_ONE_CHAR_COUNTRIES[s[abbr]!] !== undefined))
    abbr++;
  if (abbr >= 2) {
    const t = term(s.slice(0, abbr), glossary, { distinctive: true, identifies: true });
    if (t) out.push(t);
    s = s.slice(abbr);
  }
  // Country names inside a compound (韓国外交部長官), but not inside a longer word of the glossary
  // that starts there (インド太平洋 is the Indo-Pacific, not India).
  const l = lookupsOf(glossary);
  const inLongerWord = (at: number, length: number) => {
    for (let end = at + length + 1; end <= s.length; end++)
      if (l.forms.has(s.slice(at, end))) return true;
    return false;
  };
  for (const form of JA_COUNTRY_FORMS) {
    const at = s.indexOf(form);
    if (at === -1 || form.length < 2) continue;
    if (inLongerWord(at, form.length)) continue;
    out.push(...japaneseChunk(s.slice(0, at), glossary, afterName));
    const t = term(form, glossary, { distinctive: true, identifies: true });
    if (t) out.push(t);
    s = s.slice(at + form.length);
    const tail = japaneseChunk(s, glossary, false, beforeEvent);
    // A title right after a country is the role asked about (韓国 + 外交部長官).
    return [...out, ...tail];
  }
  if (s.length < 2 || JA_FRAME.has(s)) return out;
  const title = titleAtEnd(s);
  if (title !== undefined) {
    const before = s.slice(0, s.length - title.length).replace(/[前元現新]$/, '');
    if ((afterName || beforeEvent) && before.length === 0) {
      const t = term(title, glossary);
      if (t) out.push(t);
      return out;
    }
    // 首相兼外相: two posts of one person, no name.
    const chained = /兼$/.test(before) ? before.slice(0, -1) : undefined;
    if (chained !== undefined && titleAtEnd(chained) === chained) {
      for (const post of [chained, title]) {
        const t = term(post, glossary, { role: true });
        if (t) out.push(t);
      }
      return out;
    }
    if (before.length >= 1 && !JA_FRAME.has(before)) {
      // 上川大臣, 林前大臣: a name with its title, which identifies a person rather than asking for one.
      // A name is required like any other: a statement that never names 岸田 does not answer for him.
      const t = term(
        before.length >= 2 ? before : s,
        glossary,
        before.length >= 2 ? { distinctive: true, identifies: true } : { identifies: true },
      );
      if (t) out.push(t);
      return out;
    }
    // 前首相, 元大統領: a former holder is asked about.
    const t = term(title, glossary, {
      role: true,
      ...(/[前元]$/.test(s.slice(0, s.length - title.length)) ? { former: true } : {}),
    });
    if (t) out.push(t);
    return out;
  }
  const t = term(s, glossary);
  if (t) out.push(t);
  return out;
}

/** The longest Japanese title that ends a chunk (外交部長官, 大統領権限代行 -> 大統領...). */
function titleAtEnd(s: string): string | undefined {
  for (let i = 0; i < s.length; i++) {
    const m = JA_TITLES.matchAt(s, i);
    if (m && (m.end === s.length || /^(?:権限)?代行$|^代理$/.test(s.slice(m.end))))
      return s.slice(i);
  }
  return undefined;
}

export function questionTerms(topic: string, glossary: Glossary): QuestionTerm[] {
  const ja = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(topic);
  const terms = ja ? japaneseTerms(topic, glossary) : englishTerms(topic, glossary);
  // One term per label; a title asked for (…オーストラリアの首相) wins over the same word naming
  // someone else (リー・クァンユー元首相の国葬).
  const byLabel = new Map<string, number>();
  const out: QuestionTerm[] = [];
  for (const t of terms) {
    const k = normalize(t.label);
    const at = byLabel.get(k);
    if (at === undefined) {
      byLabel.set(k, out.push(t) - 1);
    } else if (t.role && !out[at]!.role) out[at] = t;
  }
  return out;
}

/** The country a question's word names, if it names one. */
export function countryOf(t: QuestionTerm): string | undefined {
  for (const f of [t.label, ...t.forms.map(formText)]) {
    const c = canonicalCountry(f);
    if (c) return c;
  }
  return undefined;
}
