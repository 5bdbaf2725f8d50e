/**
 * Which statement answers a question, judged on the statement as a whole (title, lead and items,
 * and the other language's version of the same event), and whether any does. Rare words weigh
 * most; names, places and countries must all be there; a kind of event asked about (a call, a
 * visit) must be one the statement names. A question no statement answers gets none, with the
 * words that were not found.
 */
import type { Statement } from '../corpus/types.ts';
import type { Library } from './library.ts';
import { primaryLanguage } from '../text/script.ts';
import { normalize } from '../text/normalize.ts';
import { containsKeyword } from '../index/paragraphIndex.ts';
import type { Keyword } from '../text/tokenize.ts';
import { indexTerms, keywords } from '../text/tokenize.ts';
import { notice } from './notices.ts';
import { questionTerms, type QuestionTerm } from './question.ts';
import type { ParagraphMatch, SearchScope } from './search.ts';
import { eventGroup } from './scope.ts';
import type { Lang } from './types.ts';

export interface WeighedTerm {
  term: QuestionTerm;
  /**
   * Statements that hold the term in one of its own forms, when few enough to list; a common term
   * (`common`) is checked statement by statement instead.
   */
  statements: Set<number>;
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
    forms = lib.glossary.synonyms.filter((g) => g.event).flatMap((g) => g.words.map((w) => keywords(normalize(w))));
    eventWords.set(lib, forms);
  }
  return forms.some((form) => group.some((si) => lib.index.statementHolds(si, form)));
}

/** Whether a statement's title names a kind of event (a Statement by the Press Secretary is one issued). */
export function titleNamesEvent(lib: Library, si: number, event: string): boolean {
  return lib.glossary.synonyms
    .filter((g) => g.event === event)
    .some((g) => g.words.some((w) => titleHolds(lib, si, keywords(normalize(w)))));
}

/** The dateline and the lead paragraph. */
const LEAD_PARAGRAPHS = 2;

/**
 * Whether a name the question gives belongs to a person the statements name but who is not among
 * the participants of the event they record (when they record any).
 */
function namesBystander(lib: Library, group: readonly number[], names: WeighedTerm[]): boolean {
  const people = group.flatMap((si) => lib.facts.get(si).people);
  const namedBy = (w: WeighedTerm) => {
    const label = normalize(w.term.label);
    return label.length < 2 ? [] : people.filter((p) => [p.name, p.reading, ...p.otherNames].some((n) => n && normalize(n).includes(label)));
  };
  // In passing: neither a participant nor named in the title or lead, where readouts name who took part.
  const inLead = (p: { mentions: { paragraph: number }[] }) => p.mentions.some((m) => m.paragraph <= LEAD_PARAGRAPHS);
  const verdicts = names
    .map(namedBy)
    .filter((named) => named.length > 0)
    .map((named) => named.some((p) => p.participant || inLead(p)));
  // Only when the question also names a participant: then the other name is the wrong one's.
  return verdicts.includes(true) && verdicts.includes(false);
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
const formCache = new WeakMap<Library, Map<string, { postings: number; statements?: number[] }>>();
const FORM_CACHE_SIZE = 4000;

function formStatements(lib: Library, form: Keyword[]): { postings: number; statements?: number[] } {
  let cache = formCache.get(lib);
  if (!cache) formCache.set(lib, (cache = new Map()));
  const key = form.map((k) => `${k.kind}:${k.text}`).join(' ');
  const hit = cache.get(key);
  if (hit) return hit;
  const found = lib.index.paragraphsWith(form);
  const value: { postings: number; statements?: number[] } = { postings: found.length };
  if (found.length <= COMMON_POSTINGS) {
    const set = new Set<number>();
    for (const p of found) set.add(lib.index.statementOf(p));
    value.statements = [...set];
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
    const text = normalize(`${s.title}\n${s.publisher}`);
    titles.set(s, (t = { text, terms: new Set(indexTerms(text)) }));
  }
  return t;
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
export function carryRelevance(before: Library, after: Library, movesOf: () => { moved: Int32Array; added: readonly number[] }): void {
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
      else list.splice(sortedPosition(list, si), 0, si);
    }
  }
  titleIndex.set(after, index);
}

function sortedPosition(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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

function weigh(lib: Library, term: QuestionTerm, total: number): WeighedTerm {
  const statements = new Set<number>();
  const forms: Keyword[][] = [];
  let common = false;
  let postings = 0;
  for (const form of term.forms) {
    const found = formStatements(lib, form);
    if (found.postings === 0) continue;
    forms.push(form);
    postings = Math.max(postings, found.postings);
    if (!found.statements) common = true;
    else for (const si of found.statements) statements.add(si);
  }
  // Synonyms only say which forms to look for in the chosen statements; they are checked there.
  for (const form of term.synonyms) if (form.every((k) => lib.index.holdsAnywhere(k))) forms.push(form);
  const perStatement = lib.index.size / Math.max(1, total);
  const df = common ? Math.min(total, postings / perStatement) : statements.size;
  const idf = Math.log(1 + total / (1 + df));
  // A common word no statement uses is the asker's wording, not the statement's: it weighs little.
  const unused = df === 0 && !term.distinctive ? ABSENT_WORD_SHARE : 1;
  const weight = idf * (term.distinctive ? 1.5 : 1) * (term.part ? 0.5 : 1) * unused;
  return { term, statements, common, df, forms, weight };
}

/** Kanji compounds that no statement holds whole (上院選挙): their two-character pieces instead. */
function pieces(term: QuestionTerm): QuestionTerm[] {
  const text = normalize(term.label);
  if (term.distinctive || !/^[\p{Script=Han}]{3,}$/u.test(text)) return [];
  const out: QuestionTerm[] = [];
  for (let i = 0; i + 2 <= text.length; i += 2) {
    const piece = text.slice(i, i + 2);
    out.push({ label: piece, forms: [keywords(piece)], synonyms: [], distinctive: false, events: [], part: true });
  }
  return out;
}

export interface JudgeOptions {
  /** Judge events only when the question names something (a quote of common words needs no event). */
  onlyWhenNamed?: boolean;
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
  for (const t of questionTerms(topic, lib.glossary)) {
    const w = weigh(lib, t, total);
    if (!found(w) && !t.distinctive) {
      const parts = pieces(t).map((p) => weigh(lib, p, total));
      if (parts.some((p) => p.df > 0)) {
        terms.push(...parts);
        continue;
      }
    }
    terms.push(w);
  }
  const absent = terms.filter((w) => w.term.distinctive && !found(w) && !titleAnywhere(lib, w)).map((w) => w.term);
  if (terms.length === 0 || absent.length > 0) return { terms, groups: [], absent, apart: [] };
  if (options.onlyWhenNamed && !terms.some((w) => w.term.distinctive)) return { terms, groups: [], absent, apart: [] };

  const seen = new Set<number>();
  const groups: RankedGroup[] = [];
  const totalWeight = terms.reduce((a, w) => a + w.weight, 0);
  const asked = terms.filter((w) => w.term.events.length > 0);
  // What is asked about. An English word no statement uses is the asker's wording ("represented");
  // a Japanese compound noun no statement uses (投資協定) is a topic nobody wrote about.
  const asking = terms.filter((w) => !w.term.identifies && (found(w) || /^[\p{Script=Han}]{2,}$/u.test(w.term.label)));
  const askingWeight = asking.reduce((a, w) => a + w.weight, 0);
  const required = terms.filter((w) => w.term.distinctive);
  // Each check once per statement and term: groups share statements.
  const memo = new Map<number, boolean>();
  const once = (key: number, f: () => boolean) => {
    let v = memo.get(key);
    if (v === undefined) memo.set(key, (v = f()));
    return v;
  };
  const ownIn = (si: number, w: WeighedTerm, i: number) =>
    once((si * terms.length + i) * 3, () => (w.common ? w.term.forms.some((f) => lib.index.statementHolds(si, f)) : w.statements.has(si)));
  const titleIn = (si: number, w: WeighedTerm, i: number) => once((si * terms.length + i) * 3 + 1, () => w.term.forms.some((f) => titleHolds(lib, si, f)));
  const synonymIn = (si: number, w: WeighedTerm, i: number) =>
    once((si * terms.length + i) * 3 + 2, () => w.term.synonyms.some((f) => lib.index.statementHolds(si, f) || titleHolds(lib, si, f)));
  const index = new Map(terms.map((w, i) => [w, i]));
  const inTitle = (group: number[], w: WeighedTerm) => group.some((si) => titleIn(si, w, index.get(w)!));
  const exactly = (group: number[], w: WeighedTerm) => group.some((si) => ownIn(si, w, index.get(w)!)) || inTitle(group, w);
  const holds = (group: number[], w: WeighedTerm) => exactly(group, w) || group.some((si) => synonymIn(si, w, index.get(w)!));
  // Words of the title say what the statement is about: they count half as much again.
  const credit = (group: number[], w: WeighedTerm) =>
    exactly(group, w) ? w.weight * (inTitle(group, w) ? 1.5 : 1) : holds(group, w) ? w.weight * SYNONYM_SHARE : 0;

  // Every answer holds all distinctive terms: the rarest one's statements (and titles) are the
  // candidates. Without one, the statements of the best-scoring paragraphs are.
  const candidates = new Set<number>();
  const rarest = [...required].sort((a, b) => a.df - b.df)[0];
  if (rarest && !rarest.common) {
    for (const si of rarest.statements) candidates.add(si);
    for (const si of titleMatches(lib, rarest, MAX_TITLE_CANDIDATES)) candidates.add(si);
  } else if (terms.some((w) => !w.common && w.statements.size > 0)) {
    // Without a name, the two rarest listed words' statements.
    const listed = terms.filter((w) => !w.common && w.statements.size > 0).sort((a, b) => a.df - b.df);
    for (const w of listed.slice(0, 2)) for (const si of w.statements) candidates.add(si);
  } else {
    // Only common words: the index's best paragraphs for the words as asked name the candidates.
    const list = uniqueKeywords(terms.map((w) => w.term.forms[0]!));
    const filter = within ? (statement: number) => within.has(statement) : undefined;
    for (const h of lib.index.find(list, { combineWith: 'OR', limit: MAX_CANDIDATES, fuzzy: false, ...(filter ? { filter } : {}) })) {
      candidates.add(lib.index.statementOf(h.id));
    }
  }
  // Judged in full only the most promising: a first score from the rare terms' lists alone.
  const listed = terms.filter((w) => !w.common);
  const quick = (si: number) => listed.reduce((a, w) => a + (w.statements.has(si) ? w.weight : 0), 0);
  const ordered = [...candidates]
    .map((si) => ({ si, q: quick(si) }))
    .sort((a, b) => b.q - a.q || a.si - b.si)
    .slice(0, MAX_JUDGED)
    .map((c) => c.si)
    .sort((a, b) => a - b);
  let apartCount = 0;
  for (const si of ordered) {
    if (seen.has(si) || (within && !within.has(si))) continue;
    const group = eventGroup(lib, si).filter((g) => !within || within.has(g));
    group.forEach((g) => seen.add(g));
    if (!required.every((w) => holds(group, w))) {
      apartCount++;
      continue;
    }
    // A call is not a visit: a statement that names another kind of event and not the one asked is out.
    if (asked.length > 0 && !asked.some((w) => holds(group, w)) && namesAnEvent(lib, group)) continue;
    const score = terms.reduce((a, w) => a + credit(group, w), 0);
    const coverage = totalWeight > 0 ? terms.reduce((a, w) => a + (holds(group, w) ? w.weight : 0), 0) / totalWeight : 0;
    if (coverage < MIN_COVERAGE) continue;
    // Names and countries locate an event; the rest of the question says what is asked about it,
    // and some of that must be there: Japan and Kenya do not answer "the Japan-Kenya investment agreement".
    if (askingWeight > 0 && asking.reduce((a, w) => a + credit(group, w), 0) / askingWeight < MIN_TOPIC_COVERAGE) continue;
    // A call or meeting asked about between named people is theirs: one the statement names only
    // in passing ("Prime Minister Abe's visit") did not take part in the one it records.
    if (asked.length > 0 && namesBystander(lib, group, required)) continue;
    const own = (i: number) => primaryLanguage(lib.statements[i]!.language) === lang;
    groups.push({ statements: [...group.filter(own), ...group.filter((i) => !own(i))], score, coverage });
  }
  const newest = (g: RankedGroup) => Math.max(...g.statements.map((i) => Date.parse(lib.statements[i]!.date) || 0));
  const hasOwn = (g: RankedGroup) => (primaryLanguage(lib.statements[g.statements[0]!]!.language) === lang ? 1 : 0);
  groups.sort((a, b) => b.score - a.score || hasOwn(b) - hasOwn(a) || newest(b) - newest(a));
  const apart = groups.length === 0 && apartCount > 0 && required.length > 1 ? required.map((w) => w.term) : [];
  return { terms, groups, absent, apart };
}

/** Why nothing answers, naming the words not found. */
export function relevanceNotice(rel: Relevance, lang: Lang): string {
  if (rel.absent.length > 0) return notice('notMentioned', lang, rel.absent.map((t) => t.label));
  if (rel.apart.length > 0) return notice('notTogether', lang, rel.apart.map((t) => t.label));
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
export function topicParagraphs(lib: Library, rel: Relevance, statements: readonly number[], lang?: Lang): TopicMatch[] {
  const list = uniqueKeywords(rel.terms.flatMap((w) => w.forms));
  if (list.length === 0) return [];
  const topic = rel.terms.filter((w) => !w.term.identifies);
  const names = rel.terms.filter((w) => w.term.identifies);
  const own = statements.filter((i) => !lang || primaryLanguage(lib.statements[i]!.language) === lang);
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
          w.term.forms.some(has) ? w.weight : w.term.synonyms.some(has) ? w.weight * SYNONYM_SHARE : 0;
        const sum = (ws: WeighedTerm[]) => ws.reduce((a, w) => a + credit(w), 0);
        const tier: [number, number] = [sum(topic), sum(names)];
        const paragraph = statement.paragraphs[id - from]!;
        matches.push({ id, statement, paragraph, score: present, terms: wordTerms, keywords: list, tier });
      }
    }
    if (matches.length === 0) continue;
    return matches.sort((a, b) => b.tier[0] - a.tier[0] || b.tier[1] - a.tier[1] || b.score - a.score || a.id - b.id);
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
