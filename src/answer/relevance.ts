/**
 * Which statement answers a question, judged on the statement as a whole (title, lead and items,
 * and the other language's version of the same event), and whether any does. Rare words weigh
 * most; names, places and countries must all be there; a kind of event asked about (a call, a
 * visit) must be one the statement names. A question no statement answers gets none, with the
 * words that were not found.
 */
import type { Library } from '../engine/library.ts';
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
  /** Statements that hold the term in any of its forms, or only through a synonym. */
  statements: Set<number>;
  bySynonym: Set<number>;
  /** Paragraph entries holding it, per form found (for choosing paragraphs within a statement). */
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
  const texts = group.flatMap((si) => lib.statements[si]!.paragraphs.map((p) => normalize(p.text)));
  return forms.some((form) =>
    texts.some((t) => form.every((k) => (k.kind === 'cjk' ? containsKeyword(t, k) : new RegExp(`\\b${k.text}`).test(t)))),
  );
}

/** Below this share of the question's weight, a statement does not answer it. */
const MIN_COVERAGE = 0.5;

function statementsOf(lib: Library, paragraphs: number[]): Set<number> {
  const out = new Set<number>();
  for (const p of paragraphs) out.add(lib.index.entries[p]!.statement);
  return out;
}

/** Normalized titles and their English terms, computed once per statement object. */
const titles = new WeakMap<object, { text: string; words: Set<string> }>();

/** Whether a statement's title or publisher holds the form (neither is indexed as a paragraph). */
function titleHolds(lib: Library, si: number, form: Keyword[]): boolean {
  const statement = lib.statements[si]!;
  let title = titles.get(statement);
  if (!title) {
    // The publisher speaks too: "the White House", 外務省.
    const text = normalize(`${statement.title}\n${statement.publisher}`);
    title = { text, words: new Set(keywords(text).flatMap((k) => (k.kind === 'word' ? k.terms : []))) };
    titles.set(statement, title);
  }
  const { text, words } = title;
  return form.every((k) => (k.kind === 'cjk' ? containsKeyword(text, k) : words.has(k.terms[0]!)));
}

/** Most statements to judge one by one: the rarest words' statements come first. */
const MAX_CANDIDATES = 3000;

/** What a common word found in no statement weighs, as a share of a word found once. */
const ABSENT_WORD_SHARE = 0.3;

/** A synonym counts for this share of the word itself: "summit" is not quite "talks". */
const SYNONYM_SHARE = 0.4;

function weigh(lib: Library, term: QuestionTerm, total: number): WeighedTerm {
  const statements = new Set<number>();
  const bySynonym = new Set<number>();
  const forms: Keyword[][] = [];
  const collect = (lists: Keyword[][], into: Set<number>) => {
    for (const form of lists) {
      const found = statementsOf(lib, lib.index.paragraphsWith(form));
      if (found.size > 0) forms.push(form);
      for (const s of found) into.add(s);
    }
  };
  collect(term.forms, statements);
  collect(term.synonyms, bySynonym);
  for (const s of statements) bySynonym.delete(s);
  const df = statements.size || bySynonym.size;
  const idf = Math.log(1 + total / (1 + df));
  // A common word no statement uses is the asker's wording, not the statement's: it weighs little.
  const unused = df === 0 && !term.distinctive ? ABSENT_WORD_SHARE : 1;
  return { term, statements, bySynonym, forms, weight: idf * (term.distinctive ? 1.5 : 1) * (term.part ? 0.5 : 1) * unused };
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

export function judgeRelevance(lib: Library, topic: string, lang: Lang, within?: ReadonlySet<number>): Relevance {
  const total = lib.statements.length;
  const terms: WeighedTerm[] = [];
  for (const t of questionTerms(topic, lib.glossary)) {
    const w = weigh(lib, t, total);
    if (w.statements.size === 0 && w.bySynonym.size === 0 && !t.distinctive) {
      const parts = pieces(t).map((p) => weigh(lib, p, total));
      if (parts.some((p) => p.statements.size > 0)) {
        terms.push(...parts);
        continue;
      }
    }
    terms.push(w);
  }
  const absent = terms.filter((w) => w.term.distinctive && w.statements.size === 0 && w.bySynonym.size === 0).map((w) => w.term);
  if (terms.length === 0 || absent.length > 0) return { terms, groups: [], absent, apart: [] };

  // Candidate events: every statement holding some term; an event scores as the union of its versions.
  const seen = new Set<number>();
  const groups: RankedGroup[] = [];
  const totalWeight = terms.reduce((a, w) => a + w.weight, 0);
  const asked = terms.filter((w) => w.term.events.length > 0);
  const required = terms.filter((w) => w.term.distinctive);
  const inTitle = (group: number[], w: WeighedTerm) => group.some((si) => w.term.forms.some((f) => titleHolds(lib, si, f)));
  const exactly = (group: number[], w: WeighedTerm) => group.some((si) => w.statements.has(si)) || inTitle(group, w);
  const holds = (group: number[], w: WeighedTerm) =>
    exactly(group, w) || group.some((si) => w.bySynonym.has(si) || w.term.synonyms.some((f) => titleHolds(lib, si, f)));
  // Words of the title say what the statement is about: they count half as much again.
  const credit = (group: number[], w: WeighedTerm) =>
    exactly(group, w) ? w.weight * (inTitle(group, w) ? 1.5 : 1) : holds(group, w) ? w.weight * SYNONYM_SHARE : 0;
  // Every answer holds all distinctive terms: the rarest one's statements are the candidates.
  const candidates = new Set<number>();
  const byRarity = [...(required.length ? required : terms)].sort((a, b) => a.statements.size - b.statements.size);
  for (const w of required.length ? byRarity.slice(0, 1) : byRarity) {
    if (candidates.size >= MAX_CANDIDATES) break;
    for (const s of [...w.statements, ...w.bySynonym]) candidates.add(s);
  }
  // A name may stand in a title only ("Statement by Foreign Minister Kishida on ...").
  if (required.length > 0) {
    const rarest = byRarity[0]!;
    lib.statements.forEach((_, si) => {
      if (rarest.term.forms.some((f) => titleHolds(lib, si, f))) candidates.add(si);
    });
  }
  let apartCount = 0;
  for (const si of [...candidates].sort((a, b) => a - b)) {
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

/** Candidate paragraphs looked at within the chosen statements. */
const MAX_TOPIC_PARAGRAPHS = 60;

/**
 * The paragraphs of the chosen statements that answer the question, best first: most of the topic
 * (the words that are not names or countries: in "When were the missiles launched before the
 * Hayashi-Park call?" the missiles, not the call's lead), then most of the names, then the index's
 * score; the asked language first. `tier` lets callers keep only the paragraphs that tie for best.
 */
export function topicParagraphs(lib: Library, rel: Relevance, statements: readonly number[], lang?: Lang): TopicMatch[] {
  const seen = new Set<string>();
  const list: Keyword[] = [];
  for (const k of rel.terms.flatMap((w) => w.forms.flat())) {
    const key = `${k.kind}:${k.text}`;
    if (!seen.has(key)) list.push(k);
    seen.add(key);
  }
  if (list.length === 0) return [];
  const own = statements.filter((i) => !lang || primaryLanguage(lib.statements[i]!.language) === lang);
  const other = statements.filter((i) => !own.includes(i));
  for (const side of [own, other]) {
    if (side.length === 0) continue;
    const inSide = new Set(side);
    const hits = lib.index.find(list, { combineWith: 'OR', filter: (e) => inSide.has(e.statement), limit: MAX_TOPIC_PARAGRAPHS });
    if (hits.length === 0) continue;
    const matches = hits.map((h): TopicMatch => {
      const entry = lib.index.entries[h.id]!;
      const statement = lib.statements[entry.statement]!;
      const text = lib.index.normalizedText(h.id);
      const words = new Set(indexTerms(text));
      const has = (form: Keyword[]) => form.every((k) => (k.kind === 'cjk' ? containsKeyword(text, k) : words.has(k.terms[0]!)));
      const credit = (w: WeighedTerm) =>
        w.term.forms.some(has) ? w.weight : w.term.synonyms.some(has) ? w.weight * SYNONYM_SHARE : 0;
      const sum = (ws: WeighedTerm[]) => ws.reduce((a, w) => a + credit(w), 0);
      const tier: [number, number] = [sum(rel.terms.filter((w) => !w.term.identifies)), sum(rel.terms.filter((w) => w.term.identifies))];
      return { id: h.id, statement, paragraph: statement.paragraphs[entry.paragraph]!, score: h.score, terms: h.terms, keywords: list, tier };
    });
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
