/**
 * Which statement answers a question, judged on the statement as a whole (title, lead and items,
 * and the other language's version of the same event), and whether any does. Rare words weigh
 * most; names, places and countries must all be there; a kind of event asked about (a call, a
 * visit) must be one the statement names. A question no statement answers gets none, with the
 * words that were not found.
 */
import { KATAKANA_HEADS } from '../text/wordBoundary.ts';
import {
  JA_COUNTRY_ABBREVIATIONS,
  JA_NOT_NAMES,
  JA_NOT_NAME_FIRST_CHARS,
} from '../understand/people/jaTitles.ts';
import { lowerBound } from '../text/sorted.ts';
import { officeHolderNames, principalsByTitle } from '../understand/people/offices.ts';
import {
  firstKanjiReadAs,
  isKanjiFamilyName,
  kanjiFamilyNames,
  prepareFamilyNames,
  readsAsComposed,
} from '../understand/people/familyNames.ts';
import { escapeRegExp } from '../text/regexp.ts';
import type { Statement } from '../corpus/types.ts';
import type { Library } from './library.ts';
import { CJK_CHAR, primaryLanguage, withoutVariationSelectors } from '../text/script.ts';
import { normalize } from '../text/normalize.ts';
import { JA_COUNTRY_FORMS, canonicalCountry, publisherCountry } from '../understand/countries.ts';
import { extractTimes } from '../understand/times/extract.ts';
import { containsKeyword } from '../index/paragraphIndex.ts';
import type { Keyword } from '../text/tokenize.ts';
import { indexTerms, keywords } from '../text/tokenize.ts';
import { notice } from './notices.ts';
import {
  capitalsFor,
  eventKindsIn,
  formText,
  keywordsOf,
  questionTerms,
  type QuestionTerm,
} from './question.ts';
import { soundKeys, soundsAlike } from '../understand/people/soundKey.ts';
import { FirstSeen } from './firstSeen.ts';
import type { ParagraphMatch, SearchScope } from './search.ts';
import { eventGroup } from './scope.ts';
import type { Lang } from './types.ts';

export interface WeighedTerm {
  term: QuestionTerm;
  /**
   * Statements that hold the term in one of its own forms, when few enough to list; a common term
   * (`common`) is checked statement by statement instead. Read only: it may be the set kept for
   * the form (see formStatements).
   */
  statements: ReadonlySet<number>;
  common: boolean;
  /** How many statements hold it (estimated for a common term). */
  df: number;
  /** Forms (own and synonyms) the corpus holds, for choosing paragraphs within a statement. */
  forms: Keyword[][];
  weight: number;
}

export interface RankedGroup {
  /** The event's statements, the asked language first. */
  statements: number[];
  score: number;
  /** Share of the question's weight the group holds. */
  coverage: number;
}

export interface Relevance {
  terms: WeighedTerm[];
  /** Best first; only groups that hold every distinctive term and, if asked, the kind of event. */
  groups: RankedGroup[];
  /** Distinctive terms no statement holds. */
  absent: QuestionTerm[];
  /** Distinctive terms found, but never together with the rest in one event. */
  apart: QuestionTerm[];
}

/** Every word of the glossary's kinds of event, as search keywords (built once per library). */
const eventWords = new WeakMap<Library, Keyword[][]>();

/** Whether any of the statements names some kind of event (a call, a meeting, a visit...). */
function namesAnEvent(lib: Library, group: readonly number[]): boolean {
  let forms = eventWords.get(lib);
  if (!forms) {
    forms = lib.glossary.synonyms
      .filter((g) => g.event)
      .flatMap((g) => g.words.map((w) => keywords(normalize(w))));
    eventWords.set(lib, forms);
  }
  // The title counts: "Statement by the Prime Minister on ..." names one issued, though its text names no event.
  return forms.some((form) =>
    group.some((si) => lib.index.statementHolds(si, form) || titleHolds(lib, si, form)),
  );
}

/** Whether a statement's title names a kind of event (a Statement by the Press Secretary is one issued). */
export function titleNamesEvent(lib: Library, si: number, event: string): boolean {
  return lib.glossary.synonyms
    .filter((g) => g.event === event)
    .some((g) => g.words.some((w) => titleHolds(lib, si, keywords(normalize(w)))));
}

/** What a question asks counts twice as much as the setting it gives, when choosing the paragraph. */
const FOCUS_BOOST = 2;

/** What a day given in the question adds to the score of an event of that day: it outranks the rest. */
const DAY_BONUS = 1000;

/** The full dates a question gives (with their year): "March 23, 2011", 2015年9月18日. */
/** Days and months read from recent questions: reading dates is the costliest step of a question, and who asks it twice. */
/** The days and months a question gives, and the words that give them ("October 4, 2022"). */
interface AskedDays {
  days: string[];
  months: string[];
  written: string[];
}

const askedDaysCache = new Map<string, AskedDays>();

export function askedDays(topic: string): AskedDays {
  let read = askedDaysCache.get(topic);
  if (!read) {
    read = readAskedDays(topic);
    if (askedDaysCache.size >= 256) askedDaysCache.delete(askedDaysCache.keys().next().value!);
    askedDaysCache.set(topic, read);
  }
  return read;
}

function readAskedDays(topic: string): AskedDays {
  const lang = CJK_CHAR.test(topic) ? 'ja' : 'en';
  try {
    const dated = extractTimes(topic, lang, '2000-01-01').filter(
      (t) => !t.dateFromContext && /\d{4}|平成|令和|昭和/.test(t.text),
    );
    return {
      days: dated.filter((t) => !t.precision).map((t) => t.date),
      // "in March 2026", 2016年6月: the month, YYYY-MM.
      months: dated.filter((t) => t.precision === 'month').map((t) => t.date.slice(0, 7)),
      written: dated.map((t) => t.text),
    };
  } catch {
    return { days: [], months: [], written: [] };
  }
}

/** Whether a date is a day asked (a day either side, for the zones), or in a month asked. */
function nearAsked({ days, months }: AskedDays, date: string): boolean {
  return days.length > 0
    ? days.some((a) => Math.abs(Date.parse(a) - Date.parse(date)) <= 86_400_000)
    : months.some((m) => date.startsWith(m));
}

/** A question that says the meeting was in person ("meet in person", 対面で) asks no call. */
const SAYS_IN_PERSON = /\bin person\b|\bface[- ]to[- ]face\b|対面/i;

/** Calls and video calls are held apart; meetings, visits and meals in person. */
const REMOTE_EVENTS = new Set(['call', 'video']);
const IN_PERSON_EVENTS = new Set(['meeting', 'visit', 'meal']);

/** A paragraph that opens by referring back to the event ("During their call,", "In the meeting,"). */
const EVENT_REFERRED =
  /^(?:During|In|On|At|Over|Throughout)\s+(?:the|their|this|today['’]s)\s+[^,.;]{1,40}(?=,)/;

const leadKindsCache = new WeakMap<Library, Map<number, Set<string>>>();

/**
 * The kinds of event a statement records: those its title names, else its lead paragraph (the
 * first that is more than a dateline). A call readout may mention a summit meeting in its items;
 * the title and lead say what took place.
 */
function leadKinds(lib: Library, si: number): Set<string> {
  let cache = leadKindsCache.get(lib);
  if (!cache) leadKindsCache.set(lib, (cache = new Map()));
  let kinds = cache.get(si);
  if (!kinds) {
    const st = lib.statements[si]!;
    // The title says plainly what took place ("… Trilateral Call with …"); the lead may call the
    // same call "this meeting".
    kinds = eventKindsIn(st.title, lib.glossary);
    if (kinds.size === 0)
      kinds = eventKindsIn(
        st.paragraphs.slice(0, 3).find((p) => p.text.length > 60)?.text ?? '',
        lib.glossary,
      );
    // "… today spoke with …" (a call or a meeting), then "During their call, …": the next
    // paragraphs name it as they go on.
    if (kinds.size !== 1) {
      for (const p of st.paragraphs.slice(0, 6)) {
        const opening = EVENT_REFERRED.exec(p.text)?.[0];
        const referred = opening ? eventKindsIn(opening, lib.glossary) : undefined;
        const read = kinds;
        if (
          referred &&
          referred.size > 0 &&
          (read.size === 0 || [...referred].every((k) => read.has(k)))
        ) {
          kinds = referred;
          break;
        }
      }
    }
    cache.set(si, kinds);
  }
  return kinds;
}

/**
 * Whether the statements record a call where a meeting in person is asked, or the other way round:
 * the lead names a kind of event held apart (or in person), and none of the kinds asked.
 */
function otherWayOfMeeting(
  lib: Library,
  group: readonly number[],
  asked: ReadonlySet<string>,
): boolean {
  if (asked.size === 0) return false;
  const lead = new Set(group.flatMap((si) => [...leadKinds(lib, si)]));
  if ([...asked].some((k) => lead.has(k))) return false;
  const askedRemote = [...asked].every((k) => REMOTE_EVENTS.has(k));
  const askedInPerson = [...asked].every((k) => IN_PERSON_EVENTS.has(k));
  return (
    (askedInPerson && [...lead].some((k) => REMOTE_EVENTS.has(k))) ||
    (askedRemote && [...lead].some((k) => IN_PERSON_EVENTS.has(k)))
  );
}

/**
 * Whether the question writes the event word as a thing talked about rather than how the people
 * met: after an acronym that names the occasion (the AFISMA donors' conference), or as what they
 * agreed to hold ("agree to hold the ROK-US vice foreign ministerial meeting in Tokyo").
 */
function namedOccasion(topic: string, label: string): boolean {
  const l = escapeRegExp(label);
  return (
    new RegExp(`\\b(?:\\p{Lu}{2,}|\\p{Lu}+\\d+)\\b(?:\\s+[\\p{L}'’-]+){0,2}\\s+${l}\\b`, 'u').test(
      topic,
    ) ||
    new RegExp(
      `\\b(?:agreed?|plan(?:ned)?|decided?|arrange[ds]?)\\s+to\\s+(?:hold|have|convene)\\b[^,.?;]{0,60}?\\b${l}\\b|\\b(?:upcoming|forthcoming|next)\\s+(?:[\\p{L}'’-]+\\s+){0,4}${l}\\b`,
      'iu',
    ).test(topic)
  );
}

/** How many of the people who took part in the statements' event the question names (Taro Kono and Chrystia Freeland: two). */
function peopleNamed(lib: Library, group: readonly number[], names: WeighedTerm[]): number {
  const labels = names
    .flatMap((w) => [w.term.label, ...w.term.forms.map(formText)])
    .map(normalize)
    .filter((l) => l.length >= 2);
  if (labels.length < 2) return 0;
  // Counted per statement: one person named in both language versions is still one.
  return Math.max(
    ...group.map(
      (si) =>
        lib.facts
          .get(si)
          .people.filter(
            (p) =>
              p.participant &&
              [p.name, p.reading, ...p.otherNames].some(
                (n) => n && labels.some((l) => normalize(n).includes(l)),
              ),
          ).length,
    ),
  );
}

/** The dateline and the lead paragraph. */
const LEAD_PARAGRAPHS = 2;

/**
 * The number of a statement's lead paragraph: the first that is a sentence of some length, after
 * whatever heads it ("Office of the Press Secretary", "For Immediate Release …", a dateline).
 */
function leadParagraph(s: Statement): number {
  const lead = s.paragraphs.find((p) => p.text.length >= 60 && /[.。]/.test(p.text));
  return Math.max(LEAD_PARAGRAPHS, lead?.number ?? 0);
}

/**
 * Whether a name the question gives belongs to a person the statements name but who is not among
 * the participants of the event they record (when they record any).
 */
function namesBystander(
  lib: Library,
  group: readonly number[],
  names: WeighedTerm[],
  /** Only whether they took part, wherever the statement names them. */
  byParticipation = false,
): boolean {
  const people = group.flatMap((si) => lib.facts.get(si).people.map((p) => ({ p, si })));
  const namedBy = (w: WeighedTerm) => {
    const label = normalize(w.term.label);
    return label.length < 2
      ? []
      : people.filter(({ p }) =>
          [p.name, p.reading, ...p.otherNames].some((n) => n && normalize(n).includes(label)),
        );
  };
  // In passing: neither a participant nor named in the title or lead, where readouts name who took part.
  const inLead = ({ p, si }: { p: { mentions: { paragraph: number }[] }; si: number }) => {
    const lead = leadParagraph(lib.statements[si]!);
    return p.mentions.some((m) => m.paragraph <= lead);
  };
  const inTitle = (w: WeighedTerm) =>
    group.some((si) => titleOf(lib.statements[si]!).text.includes(normalize(w.term.label)));
  const verdicts = names
    .map((w) => ({ w, named: namedBy(w) }))
    .filter(({ named }) => named.length > 0)
    .map(({ w, named }) =>
      byParticipation
        ? named.some((x) => x.p.participant)
        : inTitle(w) || named.some((x) => x.p.participant || inLead(x)),
    );
  // Only when the question also names a participant: then the other name is the wrong one's.
  return verdicts.includes(true) && verdicts.includes(false);
}

/** Words after an event that make it the occasion of another: 電話会談の際に, 会談後, 夕食会に先立ち. */
const JA_OCCASION =
  /^(?:の際|に際し|の機会|の場|の席|の後|後に|の前|前に|に先立|中に|の最中|の中で|の冒頭)/;

/** The head kind of a Japanese question whose earlier event words are only its occasion, else none. */
function japaneseHead(topic: string, asked: WeighedTerm[]): WeighedTerm[] {
  if (asked.length < 2 || !CJK_CHAR.test(topic)) return [];
  const at = (w: WeighedTerm) => topic.indexOf(w.term.label);
  const ordered = asked.filter((w) => at(w) >= 0).sort((a, b) => at(a) - at(b));
  const last = ordered.at(-1);
  if (!last || ordered.length < 2) return [];
  const occasions = ordered
    .slice(0, -1)
    .every((w) => JA_OCCASION.test(topic.slice(at(w) + w.term.label.length)));
  return occasions ? [last] : [];
}

/** Below this share of the question's weight, a statement does not answer it. */
const MIN_COVERAGE = 0.5;

/** Below this share of the weight of what is asked (the words that are not names or countries), neither. */
const MIN_TOPIC_COVERAGE = 0.3;

/** A term in more paragraphs than this is common: its statements are not listed, only checked. */
const COMMON_POSTINGS = 2000;

/**
 * The statements holding a form (undefined for a common one) and its paragraph count, kept for
 * the forms asked most: the index never changes under a library, and questions repeat their words.
 */
const formCache = new WeakMap<
  Library,
  Map<string, { postings: number; statements?: ReadonlySet<number> }>
>();
const FORM_CACHE_SIZE = 4000;

function formStatements(
  lib: Library,
  form: Keyword[],
): { postings: number; statements?: ReadonlySet<number> } {
  let cache = formCache.get(lib);
  if (!cache) formCache.set(lib, (cache = new Map()));
  const key = form.map((k) => `${k.kind}:${k.text}`).join(' ');
  const hit = cache.get(key);
  if (hit) return hit;
  const found = lib.index.paragraphsWith(form);
  const value: { postings: number; statements?: ReadonlySet<number> } = { postings: found.length };
  if (found.length <= COMMON_POSTINGS) {
    const set = new Set<number>();
    for (const p of found) set.add(lib.index.statementOf(p));
    value.statements = set;
  }
  if (cache.size >= FORM_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
  return value;
}

/** Whether a statement's title or publisher holds the form (neither is indexed as a paragraph). */
function titleHolds(lib: Library, si: number, form: Keyword[]): boolean {
  const { text, terms } = titleOf(lib.statements[si]!);
  return form.every((k) => (k.kind === 'cjk' ? containsKeyword(text, k) : terms.has(k.terms[0]!)));
}

/** Most paragraphs whose statements are candidates when no rare name narrows them. */
const MAX_CANDIDATES = 120;

/** Most titles a name is looked for in, to add statements that hold it only in their title. */
const MAX_TITLE_CANDIDATES = 200;

/** Most statements a word other than a name may hold to narrow where a place asked is heard. */
const RARE_ANCHOR = 3;

/** How close to the best score a match in the asked language must be to come first. */
const COMPARABLE = 0.75;
/** As much of the question: a word no statement uses (式直 of 開会式直前) may be missing from one. */
const COVERAGE_SLACK = 0.05;

/** Most candidate statements judged in full. */
const MAX_JUDGED = 25;

/**
 * A statement's title with its publisher ("the White House", 外務省 speak too), normalized, and
 * its index terms: kept per statement object, so that a corpus that changed works out only its
 * new statements'.
 */
const titles = new WeakMap<Statement, { text: string; terms: Set<string> }>();

function titleOf(s: Statement): { text: string; terms: Set<string> } {
  let t = titles.get(s);
  if (!t) {
    // A principal named only by title ("The President", in a White House readout) is the statement's too.
    const principals = principalsByTitle(s).map((h) => h.name);
    // The publisher's government speaks too: "the Japanese foreign minister's statement" of 外務省's.
    const country = publisherCountry(s.publisher);
    const text = normalize(
      [
        s.title,
        s.publisher,
        ...principals,
        ...(country ? [country.name, country.ja[0]!] : []),
      ].join('\n'),
    );
    titles.set(s, (t = { text, terms: new Set(indexTerms(text)) }));
  }
  return t;
}

/** Builds now what the first questions would build: the title index, the names heard across scripts, the family names. */
export function prepareRelevance(lib: Library): void {
  titleIndexOf(lib);
  // The first question with a name in the other script would otherwise build these.
  heardNamesOf(lib);
  peopleByFirstKanji(lib);
  prepareFamilyNames();
}

/** Index terms of every title (with publisher) -> statements, ascending; built once per library. */
const titleIndex = new WeakMap<Library, Map<string, number[]>>();

function titleIndexOf(lib: Library): Map<string, number[]> {
  let index = titleIndex.get(lib);
  if (!index) {
    index = new Map();
    lib.statements.forEach((s, si) => {
      for (const term of titleOf(s).terms) {
        const list = index!.get(term);
        if (list) list.push(si);
        else index!.set(term, [si]);
      }
    });
    titleIndex.set(lib, index);
  }
  return index;
}

/**
 * Carries what relevance keeps per library to the library of the corpus after a change: the
 * title index, its positions moved (`moved[old] = new`, -1 for a statement gone) and the added
 * statements' titles put in, instead of reading every title again (most of a second at 100,000
 * statements). Not built for the old library: built when first needed.
 */
export function carryRelevance(
  before: Library,
  after: Library,
  movesOf: () => { moved: Int32Array; added: readonly number[] },
): void {
  // The names heard across scripts and the kanji names by first kanji, by the statements changed alone.
  const heard = heardNames.get(before);
  if (heard)
    heardNames.set(
      after,
      heard.carry(before.statements, after.statements, movesOf(), (si) => heardPartsOf(after, si)),
    );
  const kanji = byFirstKanji.get(before);
  if (kanji)
    byFirstKanji.set(
      after,
      kanji.carry(before.statements, after.statements, movesOf(), (si) => kanjiNamesOf(after, si)),
    );
  const old = titleIndex.get(before);
  if (!old) return;
  const { moved, added } = movesOf();
  const index = new Map<string, number[]>();
  for (const [term, list] of old) {
    const next: number[] = [];
    for (const si of list) {
      const to = moved[si]!;
      if (to >= 0) next.push(to);
    }
    if (next.length) index.set(term, next);
  }
  for (const si of added) {
    for (const term of titleOf(after.statements[si]!).terms) {
      const list = index.get(term);
      if (!list) index.set(term, [si]);
      else list.splice(lowerBound(list, si), 0, si);
    }
  }
  titleIndex.set(after, index);
}

/** Statements whose title holds one of the term's forms: the title index narrows, the exact check decides. */
function titleMatches(lib: Library, w: WeighedTerm, most = Infinity): number[] {
  const index = titleIndexOf(lib);
  const out = new Set<number>();
  for (const form of w.term.forms) {
    // The rarest of the form's terms narrows; the exact check on each of its titles decides.
    let rarest: number[] | undefined;
    for (const t of form.flatMap((k) => k.terms)) {
      const list = index.get(t) ?? [];
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    // A word in many titles is in many texts too: its titles add no candidate worth the checks.
    if ((rarest?.length ?? 0) > most) continue;
    for (const si of rarest ?? []) if (!out.has(si) && titleHolds(lib, si, form)) out.add(si);
  }
  return [...out];
}

function titleAnywhere(lib: Library, w: WeighedTerm): boolean {
  return titleMatches(lib, w).length > 0;
}

function uniqueKeywords(forms: Keyword[][]): Keyword[] {
  const seen = new Set<string>();
  return forms.flat().filter((k) => {
    const key = `${k.kind}:${k.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What a common word found in no statement weighs, as a share of a word found once. */
const ABSENT_WORD_SHARE = 0.3;

/** A synonym counts for this share of the word itself: "summit" is not quite "talks". */
const SYNONYM_SHARE = 0.4;

const NO_STATEMENTS: ReadonlySet<number> = new Set();

function weigh(lib: Library, term: QuestionTerm, total: number): WeighedTerm {
  // The form's own set when one form lists statements (most terms): copying sets of up to
  // thousands of statements for every term of every question was a tenth of its allocations.
  let statements: ReadonlySet<number> | undefined;
  let union: Set<number> | undefined;
  const forms: Keyword[][] = [];
  let common = false;
  let postings = 0;
  for (const form of term.forms) {
    const found = formStatements(lib, form);
    if (found.postings === 0) continue;
    forms.push(form);
    postings = Math.max(postings, found.postings);
    if (!found.statements) common = true;
    else if (!statements) statements = found.statements;
    else {
      union ??= new Set(statements);
      for (const si of found.statements) union.add(si);
      statements = union;
    }
  }
  statements ??= NO_STATEMENTS;
  // Synonyms only say which forms to look for in the chosen statements; they are checked there.
  for (const form of term.synonyms)
    if (form.every((k) => lib.index.holdsAnywhere(k))) forms.push(form);
  const perStatement = lib.index.size / Math.max(1, total);
  const df = common ? Math.min(total, postings / perStatement) : statements.size;
  const idf = Math.log(1 + total / (1 + df));
  // A common word no statement uses is the asker's wording, not the statement's: it weighs little.
  const unused = df === 0 && !term.distinctive ? ABSENT_WORD_SHARE : 1;
  const weight = idf * (term.distinctive ? 1.5 : 1) * (term.part ? 0.5 : 1) * unused;
  return { term, statements, common, df, forms, weight };
}

/** A kanji family name of one character with its title (林外務大臣, 菅総理). */
const ONE_KANJI_NAME = /^\p{Script=Han}\p{Script=Han}{1,6}$/u;

/** Names in kanji the statements write for people, by their first kanji; built once per library (carried over a change). */
const byFirstKanji = new WeakMap<Library, FirstSeen>();

/** The names in kanji a statement writes for people, each once. */
function kanjiNamesOf(lib: Library, si: number): string[] {
  const names = new Set<string>();
  for (const p of lib.facts.get(si).people) {
    // 森 alone: a statement that writes only the family name (森特派大使); 辻󠄀 as 辻.
    const name = withoutVariationSelectors(p.name);
    if (!/^\p{Script=Han}{1,6}$/u.test(name)) continue;
    names.add(name);
  }
  return [...names];
}

const firstKanji = (name: string) => [name[0]!];

function peopleByFirstKanji(lib: Library): FirstSeen {
  let index = byFirstKanji.get(lib);
  if (index) return index;
  index = FirstSeen.build(lib.statements, { of: (si) => kanjiNamesOf(lib, si), keys: firstKanji });
  byFirstKanji.set(lib, index);
  return index;
}

/** An acronym as a question writes it: JCPOA, TPP, G20 is none (a name of its own). */
const ACRONYM = /^[A-Z]{2,8}$/;

/** Runs of capitalised words with the small words a name of a body or treaty holds. */
const CAPITALISED_RUN =
  /\b\p{Lu}[\p{L}-]*(?:\s+(?:(?:of|and|for|on|the|to|in|de)\s+)*\p{Lu}[\p{L}-]*)+/gu;

/** Most statements searched for the phrase an acronym stands for. */
const MAX_SPELLED_OUT = 50;

/**
 * Phrases of these statements whose initials are the acronym ("Joint Comprehensive Plan of Action"
 * for JCPOA or JCPA): the small words count or not, as acronyms are made both ways.
 */
function spelledOut(lib: Library, acronym: string, statements: ReadonlySet<number>): string[] {
  const out = new Set<string>();
  for (const si of [...statements].slice(0, MAX_SPELLED_OUT)) {
    for (const p of lib.statements[si]!.paragraphs) {
      for (const m of p.text.matchAll(CAPITALISED_RUN)) {
        const words = m[0].split(/\s+/);
        const all = words.map((x) => x[0]!.toUpperCase()).join('');
        const capitals = words
          .filter((x) => /^\p{Lu}/u.test(x))
          .map((x) => x[0])
          .join('');
        // The acronym may be a part of a longer run ("the Joint Comprehensive Plan of Action (JCPOA)").
        for (const initials of [all, capitals]) {
          const at = initials.indexOf(acronym);
          if (at === -1) continue;
          const big = words.filter((x) => initials === all || /^\p{Lu}/u.test(x));
          const first = words.indexOf(big[at]!);
          const last = words.lastIndexOf(big[at + acronym.length - 1]!);
          if (first >= 0 && last >= first) out.add(words.slice(first, last + 1).join(' '));
        }
      }
    }
  }
  return [...out];
}

/** A name in katakana, and the countries written in katakana (ミクロネシア, インド) that may follow one. */
const KATAKANA_NAME = /^[\p{Script=Katakana}ー]{2,}$/u;
const KATAKANA_COUNTRIES = JA_COUNTRY_FORMS.filter((f) => KATAKANA_NAME.test(f));

/**
 * The forms of a katakana name glued to a katakana country (ウルセマルミクロネシア) that the
 * statements hold, by name: trying every country is 172 searches, and the same names come back
 * in other questions (カルロス of カルロス・スワンナ and カルロス・ハルトノ).
 */
const gluedForms = new WeakMap<Library, Map<string, Keyword[][]>>();
const GLUED_FORMS_SIZE = 1000;

function gluedToCountry(lib: Library, name: string): Keyword[][] {
  let cache = gluedForms.get(lib);
  if (!cache) gluedForms.set(lib, (cache = new Map()));
  let forms = cache.get(name);
  if (!forms) {
    forms = KATAKANA_COUNTRIES.map((c) => keywordsOf(name + c)).filter(
      (f) => formStatements(lib, f).postings > 0,
    );
    if (cache.size >= GLUED_FORMS_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(name, forms);
  }
  return forms;
}

/** Name parts of the people the statements name, by sound key (built once per library, when first needed; carried over a change). */
const heardNames = new WeakMap<Library, FirstSeen>();

/** The sound keys a name part is heard by. */
const heardKeys = (part: string) => soundKeys(part).filter((key) => key.length >= 2);

/** The parts of the names a statement's people bear (or of the office table's names), each once, in the order met. */
function nameParts(names: Iterable<string>): string[] {
  const parts = new Set<string>();
  const add = (part: string) => {
    parts.add(part);
  };
  const addName = (name: string) => {
    if (/[\p{Script=Katakana}]/u.test(name))
      name
        .split(/[・･=＝\s]/)
        .filter((x) => x.length >= 2)
        .forEach(add);
    // Macapagal-Arroyo is heard as アロヨ too.
    else if (/^[\p{Script=Latin}\s.'’-]+$/u.test(name))
      name
        .split(/\s+/)
        .flatMap((x) => (/^\p{Lu}[^-]+-\p{Lu}/u.test(x) ? [x, ...x.split('-')] : [x]))
        .filter((x) => /^\p{Lu}\p{L}{2,}/u.test(x))
        .forEach(add);
  };
  for (const name of names) addName(name);
  return [...parts];
}

function heardPartsOf(lib: Library, si: number): string[] {
  return nameParts(lib.facts.get(si).people.flatMap((p) => [p.name, ...p.otherNames]));
}

/** The sound index of the names the statements (and the office table) write, built once per library. */
function heardNamesOf(lib: Library): FirstSeen {
  let index = heardNames.get(lib);
  if (index) return index;
  index = FirstSeen.build(lib.statements, {
    of: (si) => heardPartsOf(lib, si),
    keys: heardKeys,
    // The office holders' table spells people no statement writes in Latin (Hillary Rodham Clinton).
    tail: nameParts(officeHolderNames()),
  });
  heardNames.set(lib, index);
  return index;
}

/**
 * Names the statements write in the other script that sound like a name asked: "Clinton" finds
 * クリントン, ラブロフ finds Lavrov. Only names of people the statements name are candidates.
 */
export function namesHeardAs(lib: Library, label: string): string[] {
  const katakana = /^[\p{Script=Katakana}ー・]+$/u.test(label);
  const latin = /^\p{Lu}[\p{L}'’-]+$/u.test(label);
  if (!katakana && !latin) return [];
  const index = heardNamesOf(lib);
  const found = new Set<string>();
  for (const key of soundKeys(label))
    for (const n of index.get(key) ?? [])
      if (n !== label && /[\p{Script=Katakana}]/u.test(n) !== katakana && soundsAlike(label, n))
        found.add(n);
  return [...found];
}

const WRITTEN = { latin: /\p{L}[\p{L}'’-]{2,}/gu, katakana: /[\p{Script=Katakana}ー]{2,}/gu };

/** A statement's words of each script, each once in the order first written: read again by every question that names a word of the other script. */
const written = new WeakMap<Statement, { latin?: string[]; katakana?: string[] }>();

function wordsWritten(s: Statement, script: 'latin' | 'katakana'): string[] {
  let words = written.get(s);
  if (!words) written.set(s, (words = {}));
  let list = words[script];
  if (!list) {
    const seen = new Set<string>();
    for (const p of s.paragraphs) for (const m of p.text.matchAll(WRITTEN[script])) seen.add(m[0]);
    list = words[script] = [...seen];
  }
  return list;
}

/** Words of the given statements, in the other script than a word asked, that sound like it (a name, or a loanword: レストラン, restaurant). */
function wordsHeardIn(lib: Library, statements: readonly number[], label: string): string[] {
  const katakana = /^[\p{Script=Katakana}ー・]+$/u.test(label);
  if (!katakana && !/^\p{Lu}[\p{L}'’-]{2,}$/u.test(label)) return [];
  const found = new Set<string>();
  // Each word once: 25 statements write a few hundred words thousands of times, and comparing
  // sounds was most of a question that asked a katakana word of English statements.
  const tried = new Set<string>();
  for (const si of statements) {
    for (const written of wordsWritten(lib.statements[si]!, katakana ? 'latin' : 'katakana')) {
      if (tried.has(written)) continue;
      tried.add(written);
      // ブリスベンサミット: the place before a katakana noun it is glued to.
      const head = katakana
        ? undefined
        : KATAKANA_HEADS.find((h) => written.length > h.length + 1 && written.endsWith(h));
      const word = head ? written.slice(0, -head.length) : written;
      if (soundsAlike(label, word)) found.add(word);
    }
  }
  return [...found];
}

/**
 * A katakana word the statements write before a middle dot and another katakana word
 * (タオルミーナ・サミット): the index reads them as one word without the dot, so the word asked is
 * looked for as written there, glued to what follows.
 */
function gluedIn(lib: Library, statements: readonly number[], label: string): string[] {
  if (!/^[\p{Script=Katakana}ー]{2,}$/u.test(label)) return [];
  const pattern = new RegExp(
    `(?<![\\p{Script=Katakana}ー])${escapeRegExp(label)}((?:[・･][\\p{Script=Katakana}ー]+)+)`,
    'gu',
  );
  const found = new Set<string>();
  for (const si of statements) {
    for (const p of lib.statements[si]!.paragraphs) {
      for (const m of p.text.matchAll(pattern)) found.add(label + m[1]!.replace(/[・･]/g, ''));
    }
  }
  return [...found];
}

/** Kanji compounds that no statement holds whole (上院選挙): their two-character pieces instead. */
function pieces(term: QuestionTerm): QuestionTerm[] {
  const text = normalize(term.label);
  if (term.distinctive || !/^[\p{Script=Han}]{3,}$/u.test(text)) return [];
  const out: QuestionTerm[] = [];
  for (let i = 0; i + 2 <= text.length; i += 2) {
    const piece = text.slice(i, i + 2);
    out.push({
      label: piece,
      forms: [keywords(piece)],
      synonyms: [],
      distinctive: false,
      events: [],
      part: true,
    });
  }
  return out;
}

export interface JudgeOptions {
  /** Judge events only when the question names something (a quote of common words needs no event). */
  onlyWhenNamed?: boolean;
  /**
   * The question asks someone's words ("What did Robert Heer say when the POWs met Kishida?"):
   * the speaker may be anyone the statement names, not only those who held the event.
   */
  speakerAsked?: boolean;
}

export function judgeRelevance(
  lib: Library,
  topic: string,
  lang: Lang,
  within?: ReadonlySet<number>,
  options: JudgeOptions = {},
): Relevance {
  const total = lib.statements.length;
  const terms: WeighedTerm[] = [];
  const found = (w: WeighedTerm) => w.df > 0 || w.forms.length > 0;
  const questionWords = questionTerms(topic, lib.glossary);
  for (const [at, asked] of questionWords.entries()) {
    let t = asked;
    let w = weigh(lib, t, total);
    // A name is also written in the other script: Clinton クリントン, in the statements published
    // only in the other language.
    let heard: string[] = [];
    if (t.distinctive && t.identifies && !t.role) {
      // "Lee Hsien Loong" is リー・シェンロン: a given name of two words is one word in katakana.
      const next = questionWords[at + 1];
      const joined =
        t.nameRun !== undefined && next?.nameRun === t.nameRun && /^\p{Lu}/u.test(next.label)
          ? namesHeardAs(lib, t.label + next.label.toLowerCase())
          : [];
      heard = [...new Set([...namesHeardAs(lib, t.label), ...joined])];
      if (heard.length > 0) {
        t = { ...t, forms: [...t.forms, ...heard.map((n) => keywordsOf(n))] };
        w = weigh(lib, t, total);
      }
    }
    // 林外務大臣, 菅総理: a family name of one kanji is no word to search for alone; the people the
    // statements name with that family name are (林芳正, 菅義偉), each as written.
    if (
      t.identifies &&
      !t.distinctive &&
      !t.role &&
      ONE_KANJI_NAME.test(t.label) &&
      isKanjiFamilyName(t.label[0]!) &&
      // 米大統領, 新外相: a country's abbreviation or a word of time before a title names no one.
      !JA_COUNTRY_ABBREVIATIONS.has(t.label[0]!) &&
      !JA_NOT_NAMES.has(t.label[0]!) &&
      !JA_NOT_NAME_FIRST_CHARS.has(t.label[0]!)
    ) {
      // No one the statements name has that family name: the person asked is in none of them
      // (「林」を含む声明は見つかりませんでした), rather than whoever else held the title.
      const named = peopleByFirstKanji(lib).get(t.label[0]!) ?? [];
      t = {
        ...t,
        label: t.label[0]!,
        distinctive: true,
        forms: named.length > 0 ? [...t.forms, ...named.map((n) => keywordsOf(n))] : [],
      };
      w = weigh(lib, t, total);
    }
    // "Mori" of a statement published only in Japanese that names 森 (one kanji is no form alone).
    if (t.distinctive && t.identifies && !t.role && /^\p{Lu}\p{Ll}{2,}$/u.test(t.label)) {
      const byFirst = peopleByFirstKanji(lib);
      // "Machimura" of 町村信孝, "Gemba" of 玄葉光一郎, a family name of two kanji the table lacks:
      // its kanji read as in other names. Also when English statements write the name too: the
      // Japanese ones asked of are others.
      const composed = firstKanjiReadAs(t.label).flatMap((k) =>
        (byFirst.get(k) ?? []).filter((n) => readsAsComposed(n.slice(0, 2), t.label)),
      );
      const named = [
        ...(w.df === 0
          ? kanjiFamilyNames(t.label)
              .filter((k) => k.length === 1)
              .flatMap((k) => byFirst.get(k) ?? [])
          : []),
        ...composed,
      ];
      if (named.length > 0) {
        t = { ...t, forms: [...t.forms, ...named.map((n) => keywordsOf(n))] };
        w = weigh(lib, t, total);
      }
    }
    // ジョセフ・ウルセマル・ミクロネシア連邦大統領 is searched without its dots, and a katakana
    // name must end where its run of katakana ends: the name glued to its katakana country is.
    // Also when the name stands alone elsewhere: 「ジャック・シラク・フランス共和国元大統領が26日に逝去」
    // is the paragraph that dates the death, the others only name him.
    const katakana = [t.label, ...heard].filter((n) => KATAKANA_NAME.test(n));
    if (katakana.length > 0 && t.distinctive && t.identifies && !t.role) {
      const glued = katakana.flatMap((n) => gluedToCountry(lib, n));
      if (glued.length > 0) {
        t = { ...t, forms: [...t.forms, ...glued] };
        w = weigh(lib, t, total);
      }
    }
    // 決選投票 asked of statements that never write 決選: which vote is asked is written nowhere,
    // so no statement answers (the 投票 of a parliamentary election is another event). Elections
    // only: a summit or a dinner is often written without its place or host (洞爺湖サミット).
    if (
      w.df === 0 &&
      t.qualifiesEvent?.includes('election') &&
      /^\p{Script=Han}{2,}$/u.test(t.label)
    ) {
      terms.push({ ...w, term: { ...t, distinctive: true } });
      continue;
    }
    if (!found(w) && !t.distinctive && !t.role) {
      const parts = pieces(t).map((p) => weigh(lib, p, total));
      if (parts.some((p) => p.df > 0)) {
        terms.push(...parts);
        continue;
      }
    }
    terms.push(w);
  }
  // A capital asked (Tokyo) is held by a statement of a visit to its country (来日中の) only when
  // the statement names no other capital: "in Tokyo" is not Seoul for a visit to the ROK.
  for (const w of terms) {
    const capitals = w.term.distinctive ? capitalsFor(w.term.label, lib.glossary) : undefined;
    if (!capitals || w.common) continue;
    const holdsAny = (si: number, forms: Keyword[][]) =>
      forms.some((f) => lib.index.statementHolds(si, f) || titleHolds(lib, si, f));
    const kept = [...w.statements].filter(
      (si) => holdsAny(si, capitals.own) || !holdsAny(si, capitals.others),
    );
    if (kept.length < w.statements.size) w.statements = new Set(kept);
  }
  // "JCPOA" asked of statements that spell it out: the phrase whose initials it is, looked for in
  // the statements of the question's rarest other word.
  for (let i = 0; i < terms.length; i++) {
    const w = terms[i]!;
    if (found(w) || !ACRONYM.test(w.term.label)) continue;
    // The statements of the names asked (Trudeau), else of the rarest other word.
    const others = terms.filter((x) => x !== w && !x.common && x.statements.size > 0);
    const named = others.filter((x) => x.term.distinctive);
    const rarest = (named.length > 0 ? named : others).sort(
      (a, b) => a.statements.size - b.statements.size,
    )[0];
    if (!rarest) continue;
    const phrases = spelledOut(lib, w.term.label, rarest.statements);
    if (phrases.length === 0) continue;
    const t = { ...w.term, forms: [...w.term.forms, ...phrases.map((n) => keywordsOf(n))] };
    terms[i] = weigh(lib, t, total);
  }
  // A place asked in the other script than the statements that hold the rest write it (Davao
  // ダバオ): heard in those statements' own words.
  /** The statements where a place not found may be written in the other script: those of the rarest name found, else of the rare words (the Quad, a working dinner). */
  const unheldFor = (w: WeighedTerm, apart: readonly WeighedTerm[] = [w]): number[] => {
    const name = terms
      .filter((x) => !apart.includes(x) && x.term.distinctive && x.df > 0 && !x.common)
      .sort((a, b) => a.df - b.df)[0];
    const anchors = name
      ? [name]
      : terms.filter((x) => !apart.includes(x) && x.df > 0 && x.df <= RARE_ANCHOR && !x.common);
    return [...new Set(anchors.flatMap((x) => [...x.statements]))]
      .filter((si) => !w.statements.has(si))
      .slice(0, MAX_JUDGED);
  };
  for (let i = 0; i < terms.length; i++) {
    const w = terms[i]!;
    if (!w.term.distinctive || w.term.role || w.common) continue;
    const unheld = unheldFor(w);
    if (unheld.length === 0) continue;
    // Phnom Penh is プノンペン, El Paso エルパソ: two words asked, one word written.
    const next = terms[i + 1];
    const pair =
      next && w.term.nameRun !== undefined && next.term.nameRun === w.term.nameRun && !found(next)
        ? wordsHeardIn(lib, unheldFor(w, [w, next]), w.term.label + next.term.label.toLowerCase())
        : [];
    if (pair.length > 0)
      terms[i + 1] = weigh(
        lib,
        { ...next!.term, forms: [...next!.term.forms, ...pair.map(keywordsOf)] },
        total,
      );
    // Taormina is heard as タオルミーナ, which G7タオルミーナ・サミット glues to what follows.
    const sounds = [...wordsHeardIn(lib, unheld, w.term.label), ...pair];
    const heard = [
      ...sounds,
      ...[w.term.label, ...sounds].flatMap((word) => gluedIn(lib, unheld, word)),
    ];
    if (heard.length > 0)
      terms[i] = weigh(
        lib,
        { ...w.term, forms: [...w.term.forms, ...heard.map(keywordsOf)] },
        total,
      );
  }
  const missing = (w: WeighedTerm) => !found(w) && !titleAnywhere(lib, w);
  // A name is missing when none of its words is there ("Mark Carney": Carney is enough).
  const runMissing = (w: WeighedTerm) =>
    w.term.nameRun === undefined
      ? missing(w)
      : terms.filter((x) => x.term.nameRun === w.term.nameRun).every(missing);
  const absent = terms.filter((w) => w.term.distinctive && runMissing(w)).map((w) => w.term);
  if (terms.length === 0 || absent.length > 0) return { terms, groups: [], absent, apart: [] };
  if (options.onlyWhenNamed && !terms.some((w) => w.term.distinctive))
    return { terms, groups: [], absent, apart: [] };

  const seen = new Set<number>();
  const groups: RankedGroup[] = [];
  const totalWeight = terms.reduce((a, w) => a + w.weight, 0);
  // "speak with X by telephone": a word of several kinds (speak with: a call or a meeting) asks for
  // the kind the question names plainly elsewhere, as a statement's words do (eventKindsIn).
  const plainKinds = new Set(
    terms.filter((w) => w.term.events.length === 1).flatMap((w) => w.term.events),
  );
  const asked = terms.filter(
    (w) =>
      w.term.events.length === 1 ||
      (w.term.events.length > 1 && !w.term.events.some((k) => plainKinds.has(k))),
  );
  const askedKinds = new Set(asked.flatMap((w) => w.term.events));
  // "the AFISMA donors' conference", "the G20 summit": an occasion named by its acronym is a thing
  // talked about, not the way the people asked met.
  const heldKinds = new Set(
    asked.filter((w) => !namedOccasion(topic, w.term.label)).flatMap((w) => w.term.events),
  );
  // In English, the kinds in the clause asked (before "after", "at", "during" …) are its head; in
  // Japanese, the last one when an earlier one is only the occasion (電話会談の際に…署名した協定).
  const headKinds = asked.some((w) => w.term.focus)
    ? asked.filter((w) => w.term.focus)
    : japaneseHead(topic, asked);
  const names = terms.filter(
    (w) =>
      w.term.distinctive &&
      w.term.identifies &&
      !w.term.role &&
      canonicalCountry(w.term.label) === undefined,
  );
  // What is asked about. An English word no statement uses is the asker's wording ("represented");
  // a Japanese compound noun no statement uses (投資協定) is a topic nobody wrote about.
  const asking = terms.filter(
    (w) => !w.term.identifies && (found(w) || /^[\p{Script=Han}]{2,}$/u.test(w.term.label)),
  );
  const askingWeight = asking.reduce((a, w) => a + w.weight, 0);
  const required = terms.filter((w) => w.term.distinctive);
  // "Abe's Yasukuni Shrine visit" asked of Kishida's call: a name the question gives in the
  // possessive (the whole name: "Kim Jong-il's death") is whose the thing is, not someone who took
  // part in the event asked.
  const participantsAsked = required.filter(
    (w) =>
      !new RegExp(
        `\\b${escapeRegExp(w.term.label)}(?:-\\p{L}+|\\s\\p{Lu}[\\p{L}-]*){0,3}['’]s\\b`,
        'u',
      ).test(topic),
  );
  const singles = required.filter((w) => w.term.nameRun === undefined);
  const runs = [
    ...new Set(required.flatMap((w) => (w.term.nameRun === undefined ? [] : [w.term.nameRun]))),
  ].map((id) => required.filter((w) => w.term.nameRun === id));
  // Whether a term has a form in Japanese script, and one in Latin script (numbers have both).
  const reachable = new Map(
    terms.map((w) => {
      const texts = [w.term.label, ...[...w.term.forms, ...w.term.synonyms].map(formText)];
      return [
        w,
        [
          texts.some((t) => CJK_CHAR.test(t) || /^\d+$/.test(t)),
          texts.some((t) => /[A-Za-z0-9]/.test(t)),
        ] as const,
      ];
    }),
  );
  // Each check once per statement and term: groups share statements.
  const memo = new Map<number, boolean>();
  const once = (key: number, f: () => boolean) => {
    let v = memo.get(key);
    if (v === undefined) memo.set(key, (v = f()));
    return v;
  };
  const ownIn = (si: number, w: WeighedTerm, i: number) =>
    once((si * terms.length + i) * 3, () =>
      w.common ? w.term.forms.some((f) => lib.index.statementHolds(si, f)) : w.statements.has(si),
    );
  const titleIn = (si: number, w: WeighedTerm, i: number) =>
    once((si * terms.length + i) * 3 + 1, () => w.term.forms.some((f) => titleHolds(lib, si, f)));
  const synonymIn = (si: number, w: WeighedTerm, i: number) =>
    once((si * terms.length + i) * 3 + 2, () =>
      w.term.synonyms.some((f) => lib.index.statementHolds(si, f) || titleHolds(lib, si, f)),
    );
  const index = new Map(terms.map((w, i) => [w, i]));
  const inTitle = (group: number[], w: WeighedTerm) =>
    group.some((si) => titleIn(si, w, index.get(w)!));
  const exactly = (group: number[], w: WeighedTerm) =>
    group.some((si) => ownIn(si, w, index.get(w)!)) || inTitle(group, w);
  // A country the text writes only as an abbreviation before a title (仏外務・欧州問題大臣, 米国務長官)
  // is there as the country of a person it names.
  const countryOfTerm = new Map(
    terms.map((w) => [
      w,
      w.term.identifies && w.term.distinctive ? canonicalCountry(w.term.label) : undefined,
    ]),
  );
  const affiliationIn = (si: number, w: WeighedTerm) => {
    const country = countryOfTerm.get(w);
    return (
      country !== undefined &&
      lib.facts
        .get(si)
        .people.some(
          (p) => p.affiliation !== undefined && canonicalCountry(p.affiliation) === country,
        )
    );
  };
  // A person the text names only by office ("Press Conference by the Prime Minister" on the
  // Prime Minister's site is that day's holder, from the office table) is there by name too.
  const personIn = (si: number, w: WeighedTerm) => {
    if (!w.term.distinctive || !w.term.identifies || countryOfTerm.get(w) !== undefined)
      return false;
    const label = normalize(w.term.label);
    return (
      label.length >= 3 &&
      lib.facts
        .get(si)
        .people.some((p) =>
          [p.name, ...p.otherNames].some((n) => normalize(n).split(/\s+/).includes(label)),
        )
    );
  };
  // The words of a day asked ("on October 4, 2022") are there in a statement of that day that
  // writes no date ("A short while ago, I had a telephone talk …").
  const dated = askedDays(topic);
  const dateWords = new Set(
    terms.filter((w) =>
      dated.written.some((x) =>
        normalize(x)
          .split(/[^\p{L}\p{N}]+/u)
          .includes(normalize(w.term.label)),
      ),
    ),
  );
  const ofAskedDay = (si: number) => nearAsked(dated, lib.statements[si]!.date);
  const holds = (group: number[], w: WeighedTerm) =>
    exactly(group, w) ||
    group.some((si) => synonymIn(si, w, index.get(w)!)) ||
    group.some((si) => affiliationIn(si, w)) ||
    group.some((si) => personIn(si, w)) ||
    (dateWords.has(w) && group.some(ofAskedDay));
  // Words of the title say what the statement is about: they count half as much again.
  const credit = (group: number[], w: WeighedTerm) =>
    exactly(group, w)
      ? w.weight * (inTitle(group, w) ? 1.5 : 1)
      : holds(group, w)
        ? w.weight * SYNONYM_SHARE
        : 0;

  // Every answer holds all distinctive terms: the rarest one's statements (and titles) are the
  // candidates. Without one, the statements of the best-scoring paragraphs are.
  // A name of several words is one unit: any of its words is enough ("Manmohan Singh" is there as
  // "Prime Minister Singh"), so its statements are those of all its words together.
  const units = [...singles.map((w) => [w]), ...runs];
  const unitDf = (unit: WeighedTerm[]) =>
    unit.length === 1 ? unit[0]!.df : new Set(unit.flatMap((w) => [...w.statements])).size;
  const rarest = units
    .filter((u) => u.some((w) => w.df > 0) || u.length === 1)
    .sort((a, b) => unitDf(a) - unitDf(b))[0];
  // Judged in full only the most promising: a first score from the rare terms' lists alone. The
  // best MAX_JUDGED by (score desc, statement asc) are kept as the candidates come, each once:
  // sorting thousands of candidates (a name in thousands of statements) for 25 took longer than
  // judging them.
  const listed = terms.filter((w) => !w.common);
  const best: { si: number; q: number }[] = [];
  const consider = (si: number) => {
    let q = 0;
    for (const w of listed) q = q + (w.statements.has(si) ? w.weight : 0);
    const worst = best[best.length - 1];
    if (best.length === MAX_JUDGED && (q < worst!.q || (q === worst!.q && si > worst!.si))) return;
    let at = best.length;
    while (at > 0 && (best[at - 1]!.q < q || (best[at - 1]!.q === q && best[at - 1]!.si > si)))
      at--;
    best.splice(at, 0, { si, q });
    if (best.length > MAX_JUDGED) best.pop();
  };
  /** Each statement of the lists once: the first list as it is, the others' statements not in it. */
  const considerAll = (lists: Iterable<number>[]) => {
    const seenHere = lists.length > 2 ? new Set<number>() : undefined;
    lists.forEach((list, i) => {
      for (const si of list) {
        if (seenHere) {
          if (seenHere.has(si)) continue;
          seenHere.add(si);
        } else if (i === 1 && (lists[0] as ReadonlySet<number>).has(si)) continue;
        consider(si);
      }
    });
  };
  if (rarest && !rarest.some((w) => w.common)) {
    const lists: Iterable<number>[] = [];
    for (const w of rarest) {
      lists.push(w.statements, new Set(titleMatches(lib, w, MAX_TITLE_CANDIDATES)));
    }
    considerAll(lists);
  } else if (terms.some((w) => !w.common && w.statements.size > 0)) {
    // Without a name, the two rarest listed words' statements.
    const rarestListed = terms
      .filter((w) => !w.common && w.statements.size > 0)
      .sort((a, b) => a.df - b.df);
    considerAll(rarestListed.slice(0, 2).map((w) => w.statements));
  } else {
    // Only common words: the index's best paragraphs for the words as asked name the candidates.
    const list = uniqueKeywords(terms.map((w) => w.term.forms[0]!));
    const filter = within ? (statement: number) => within.has(statement) : undefined;
    const found = new Set<number>();
    for (const h of lib.index.find(list, {
      combineWith: 'OR',
      limit: MAX_CANDIDATES,
      fuzzy: false,
      filter,
    })) {
      found.add(lib.index.statementOf(h.id));
    }
    considerAll([found]);
  }
  const ordered = best.map((c) => c.si).sort((a, b) => a - b);
  let apartCount = 0;
  for (const si of ordered) {
    if (seen.has(si) || (within && !within.has(si))) continue;
    const group = eventGroup(lib, si).filter((g) => !within || within.has(g));
    for (const g of group) seen.add(g);
    if (
      !singles.every((w) => holds(group, w)) ||
      !runs.every((run) => run.some((w) => holds(group, w)))
    ) {
      apartCount++;
      continue;
    }
    // A call is not a visit: a statement that names another kind of event and not the one asked is out.
    // The kinds its title or lead records count too ("welcomed Prime Minister X to NATO
    // Headquarters" is a visit that no word names); not a kind of several groups (a dinner is
    // a meal, and no breakfast).
    const recorded = (w: WeighedTerm) =>
      w.term.events.some(
        (k) =>
          lib.glossary.synonyms.filter((g) => g.event === k).length === 1 &&
          group.some((si) => leadKinds(lib, si).has(k)),
      );
    if (
      asked.length > 0 &&
      !asked.some((w) => holds(group, w) || recorded(w)) &&
      namesAnEvent(lib, group)
    )
      continue;
    // "Who hosted the lunch … after their courtesy call?": the event asked is the lunch; a statement
    // of the courtesy call alone does not answer it.
    if (
      headKinds.length > 0 &&
      headKinds.length < asked.length &&
      !headKinds.some((w) => holds(group, w))
    )
      continue;
    // "When did they meet in Bangkok?" of a telephone talk the minister held from Bangkok: no meeting took place.
    // Only between people the question names (two or more): a visit agreed in a call is asked of it
    // too, and so is the summit of others the call discussed ("the Obama–Medvedev summit that
    // Clinton and Lavrov discussed").
    if (
      askedKinds.size > 0 &&
      (peopleNamed(lib, group, names) >= 2 || SAYS_IN_PERSON.test(topic)) &&
      !namesBystander(lib, group, names, true) &&
      otherWayOfMeeting(lib, group, heldKinds)
    )
      continue;
    const score = terms.reduce((a, w) => a + credit(group, w), 0);
    // A word with no form in the languages of these statements ("ahead", "release" asked of a
    // statement published only in Japanese) cannot be looked for there: it is not counted missing.
    const scripts = new Set(group.map((si) => primaryLanguage(lib.statements[si]!.language)));
    const reach = (w: WeighedTerm) =>
      [...scripts].some((l) => reachable.get(w)![l === 'ja' ? 0 : 1]);
    const weightOf = (ws: WeighedTerm[]) => ws.reduce((a, w) => a + (reach(w) ? w.weight : 0), 0);
    const groupWeight = scripts.size === 2 ? totalWeight : weightOf(terms) || totalWeight;
    const coverage =
      groupWeight > 0
        ? Math.min(1, terms.reduce((a, w) => a + (holds(group, w) ? w.weight : 0), 0) / groupWeight)
        : 0;
    if (coverage < MIN_COVERAGE) continue;
    // Names and countries locate an event; the rest of the question says what is asked about it,
    // and some of that must be there: Japan and Kenya do not answer "the Japan-Kenya investment agreement".
    const groupAsking = scripts.size === 2 ? askingWeight : weightOf(asking) || askingWeight;
    if (
      askingWeight > 0 &&
      asking.reduce((a, w) => a + credit(group, w), 0) / groupAsking < MIN_TOPIC_COVERAGE
    )
      continue;
    // A call or meeting asked about between named people is theirs: one the statement names only
    // in passing ("Prime Minister Abe's visit") did not take part in the one it records.
    // Unless the question names the event's own people too: then it asks of what they discussed.
    if (
      asked.length > 0 &&
      !options.speakerAsked &&
      peopleNamed(lib, group, names) < 2 &&
      namesBystander(lib, group, participantsAsked)
    )
      continue;
    const own = (i: number) => primaryLanguage(lib.statements[i]!.language) === lang;
    // Scored against what could be found in their language: a statement published only in Japanese
    // is not outranked by an English one for holding no English words.
    // Half credit, at the rate the rest is held, for the words it could not hold.
    groups.push({
      statements: [...group.filter(own), ...group.filter((i) => !own(i))],
      score: score + ((totalWeight - groupWeight) * coverage) / 2,
      coverage,
    });
  }
  // A day the question gives ("on March 23, 2011", 2015年9月18日) picks, among the events that
  // answer, the one of that day: the statement's date, or a day its text gives, a day either side
  // for the zones.
  if (dated.days.length > 0 || dated.months.length > 0) {
    // A month asked picks the events of that month, as a day picks that day's.
    const near = (d: string) => nearAsked(dated, d);
    const onDay = (g: RankedGroup) =>
      g.statements.some(
        (si) =>
          near(lib.statements[si]!.date) ||
          lib.facts.get(si).times.some((ts) => ts.some((t) => !t.precision && near(t.date))),
      );
    const matching = groups.filter(onDay);
    if (matching.length > 0 && matching.length < groups.length) {
      const rest = groups.filter((g) => !onDay(g));
      groups.length = 0;
      groups.push(...matching.map((g) => ({ ...g, score: g.score + DAY_BONUS })), ...rest);
    }
  }
  const newest = (g: RankedGroup) =>
    Math.max(...g.statements.map((i) => Date.parse(lib.statements[i]!.date) || 0));
  const hasOwn = (g: RankedGroup) =>
    primaryLanguage(lib.statements[g.statements[0]!]!.language) === lang ? 1 : 0;
  groups.sort((a, b) => b.score - a.score || hasOwn(b) - hasOwn(a) || newest(b) - newest(a));
  // The asked language between comparable matches: a statement in it that holds as much of the
  // question and nearly the score (the other publisher's readout of the same call) comes first.
  const top = groups[0];
  if (top && !hasOwn(top)) {
    const at = groups.findIndex(
      (g) =>
        hasOwn(g) &&
        g.coverage >= top.coverage - COVERAGE_SLACK &&
        g.score >= top.score * COMPARABLE,
    );
    if (at > 0) groups.unshift(...groups.splice(at, 1));
  }
  const apart =
    groups.length === 0 && apartCount > 0 && required.length > 1 ? required.map((w) => w.term) : [];
  return { terms, groups, absent, apart };
}

/** Why nothing answers, naming the words not found. */
export function relevanceNotice(rel: Relevance, lang: Lang): string {
  if (rel.absent.length > 0)
    return notice(
      'notMentioned',
      lang,
      rel.absent.map((t) => t.label),
    );
  if (rel.apart.length > 0)
    return notice(
      'notTogether',
      lang,
      rel.apart.map((t) => t.label),
    );
  return notice('noMatch', lang);
}

export interface TopicMatch extends ParagraphMatch {
  /** How much of the question's topic, then of its names, the paragraph holds: equal tiers answer alike. */
  tier: [number, number];
}

/**
 * The paragraphs of the chosen statements that answer the question, best first: most of the topic
 * (the words that are not names or countries: in "When were the missiles launched before the
 * Hayashi-Park call?" the missiles, not the call's lead), then most of the names, then how many
 * of the question's words it holds; the asked language first. `tier` lets callers keep only the
 * paragraphs that tie for best.
 */
export function topicParagraphs(
  lib: Library,
  rel: Relevance,
  statements: readonly number[],
  lang?: Lang,
  /** Weigh what a who-question asks above its setting (see QuestionTerm.focus). */
  byFocus = false,
  /** Words that say where to look ("according to the October 2006 statement"): like names. */
  whereToLook: (w: WeighedTerm) => boolean = () => false,
): TopicMatch[] {
  const list = uniqueKeywords(rel.terms.flatMap((w) => w.forms));
  if (list.length === 0) return [];
  // The kind of event (電話会談, "call") says which event, like a name, when the question asks
  // something else about it: "…外相電話会談で、…哀悼の意を表した…操縦士" asks the condolences' paragraph.
  // Who-questions only: for /when the kind of event is what the date is of.
  const asksMore =
    byFocus && rel.terms.some((w) => !w.term.identifies && w.term.events.length === 0);
  const setting = (w: WeighedTerm) =>
    w.term.identifies || whereToLook(w) || (w.term.events.length > 0 && !w.term.focus && asksMore);
  const topic = rel.terms.filter((w) => !setting(w));
  const focused = byFocus && topic.some((w) => w.term.focus);
  const names = rel.terms.filter(setting);
  const own = statements.filter(
    (i) => !lang || primaryLanguage(lib.statements[i]!.language) === lang,
  );
  const other = statements.filter((i) => !own.includes(i));
  const wordTerms = [...new Set(list.flatMap((k) => (k.kind === 'word' ? k.terms : [])))];
  for (const side of [own, other]) {
    // The chosen statements have a few dozen paragraphs: each is looked at, no index search needed.
    const matches: TopicMatch[] = [];
    for (const si of side) {
      const [from, to] = lib.index.statementRange(si);
      const statement = lib.statements[si]!;
      for (let id = from; id < to; id++) {
        const has = (form: Keyword[]) => lib.index.paragraphHolds(id, form);
        const present = list.filter((k) => has([k])).length;
        if (present === 0) continue;
        const credit = (w: WeighedTerm) =>
          (!focused ? 1 : w.term.focus ? FOCUS_BOOST : 1 / FOCUS_BOOST) *
          (w.term.forms.some(has)
            ? w.weight
            : w.term.synonyms.some(has)
              ? w.weight * SYNONYM_SHARE
              : 0);
        const sum = (ws: WeighedTerm[]) => ws.reduce((a, w) => a + credit(w), 0);
        const tier: [number, number] = [sum(topic), sum(names)];
        const paragraph = statement.paragraphs[id - from]!;
        matches.push({
          id,
          statement,
          paragraph,
          score: present,
          terms: wordTerms,
          keywords: list,
          tier,
        });
      }
    }
    if (matches.length === 0) continue;
    return matches.sort(
      (a, b) => b.tier[0] - a.tier[0] || b.tier[1] - a.tier[1] || b.score - a.score || a.id - b.id,
    );
  }
  return [];
}

/** The matches that tie with the first for how much of the question they hold. */
export function bestTier(matches: TopicMatch[]): TopicMatch[] {
  const top = matches[0];
  if (!top) return [];
  const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  return matches.filter((m) => close(m.tier[0], top.tier[0]) && close(m.tier[1], top.tier[1]));
}

/** The statements a scope allows: one chosen statement (with its event's other versions), or all. */
export function scopeStatements(scope: SearchScope): ReadonlySet<number> | undefined {
  if (scope.statement !== undefined) return new Set([scope.statement]);
  return scope.within;
}
