import type { Paragraph, Statement } from '../corpus/types.ts';
import { parseQuery, relaxKeywords } from '../index/query.ts';
import type { Keyword } from '../text/tokenize.ts';
import type { Library } from './library.ts';
import { detectLanguage } from '../text/script.ts';
import { translateQuery } from './translate.ts';
import type { Lang } from './types.ts';

export interface ParagraphMatch {
  id: number;
  statement: Statement;
  paragraph: Paragraph;
  score: number;
  /** Index terms that matched, and the keywords searched: what highlighting needs. */
  terms: string[];
  keywords: Keyword[];
  /**
   * For a paragraph found through its other-language version: where in it (0 to 1) the words
   * stood there. The excerpt is cut around the same place, sentences keeping their order.
   */
  anchor?: number;
}

export interface SearchOutcome {
  matches: ParagraphMatch[];
  /** The answer comes from statements in another language than the one asked for. */
  fallback: boolean;
  /** Not every keyword was found in the paragraphs returned. */
  partial: boolean;
  /** The query has nothing searchable (only stop words or punctuation). */
  unsearchable: boolean;
  /** Nothing matched as spelled; these close spellings did (labelled in the answer). */
  closeSpellings?: string[];
}

export interface SearchScope {
  lang: Lang;
  /** Statement position to restrict to (already validated). */
  statement?: number;
  limit?: number;
  /** Only statements in the asked language: no fallback to the others. */
  ownLanguageOnly?: boolean;
  /** Only these statement positions. */
  within?: ReadonlySet<number>;
  /** The question asks the hour ("at what time", 何時): a day alone does not answer it. */
  clock?: boolean;
  /** The zone the question asks the time in (日本時間, local time), read before its words were stripped. */
  zone?: string;
  /** The question asks only how long: a day alone does not answer it. */
  duration?: boolean;
  /** The question asks the day itself ("On what date …", 何日): a month alone does not answer it. */
  date?: boolean;
  /** A question in the asker's words ("What did they agree on over dinner?"), not words to find verbatim. */
  question?: boolean;
  /** The question asks for someone's words ("What did X say when …"): see RoutedQuestion.words. */
  words?: boolean;
  /** Whose words it asks for, when it names them: their paragraphs come first. */
  speaker?: string;
}

/**
 * Finds the paragraphs that answer a query, trying the strictest reading first: all keywords in
 * the asked language; then Japanese keywords cut at particles; then the other languages; and only
 * then paragraphs holding some of the keywords. The first attempt that finds anything wins, so a
 * looser reading never pushes out an exact one.
 */
export function searchParagraphs(lib: Library, text: string, scope: SearchScope): SearchOutcome {
  const parsed = parseQuery(text);
  const none = { matches: [], fallback: false, partial: false };
  if (parsed.keywords.length === 0) return { ...none, unsearchable: true };

  const queryLang = detectLanguage(text);
  const otherLang: Lang = scope.lang === 'ja' ? 'en' : 'ja';
  /** Readings of the question for statements in `lang`: through the glossary when it is written in the other language. */
  const readingsIn = (lang: Lang): Keyword[][] => {
    const lists: Keyword[][] = [];
    const translated = lang !== queryLang ? translateQuery(text, lang, lib.glossary) : undefined;
    if (translated) lists.push(parseQuery(translated).keywords);
    lists.push(parsed.keywords);
    const relaxed = relaxKeywords(parsed.keywords);
    if (
      relaxed.some((k, i) => k !== parsed.keywords[i]) ||
      relaxed.length !== parsed.keywords.length
    )
      lists.push(relaxed);
    return lists.filter((l) => l.length > 0);
  };
  const accept = (own: boolean) => (statement: number) => {
    if (scope.within && !scope.within.has(statement)) return false;
    if (scope.statement !== undefined) return statement === scope.statement;
    return (lib.index.statementLanguage(statement) === scope.lang) === own;
  };
  const sides = scope.statement !== undefined || scope.ownLanguageOnly ? [true] : [true, false];

  const attempts: { list: Keyword[]; combineWith: 'AND' | 'OR'; own: boolean }[] = [];
  for (const own of sides) {
    for (const list of readingsIn(own ? scope.lang : otherLang))
      attempts.push({ list, combineWith: 'AND', own });
  }
  for (const own of sides) {
    const loosest = readingsIn(own ? scope.lang : otherLang).at(-1)!;
    if (loosest.length > 1) attempts.push({ list: loosest, combineWith: 'OR', own });
  }

  // Exact and stemmed spellings first, in every reading; a typo-tolerant match only when none finds anything.
  // Paragraphs that held some words, too few, are not looked for again with typos allowed.
  let weak = false;
  for (const [a, fuzzy] of [
    ...attempts.map((a) => [a, false] as const),
    ...attempts.map((a) => [a, true] as const),
  ]) {
    const or = a.combineWith === 'OR';
    if (fuzzy && or && weak) continue;
    let hits = lib.index.find(a.list, {
      combineWith: a.combineWith,
      filter: accept(a.own),
      phrases: parsed.phrases,
      // Paragraphs holding some of the words: the ones holding most of them first (a quote's words
      // are the passage's), then by score, so more are ranked than are shown.
      limit: or && scope.limit !== undefined ? scope.limit * 4 : scope.limit,
      fuzzy,
    });
    if (hits.length === 0) continue;
    if (or) {
      const held = (terms: readonly string[]) => {
        const have = new Set(terms);
        return a.list.filter((k) => k.terms.every((t) => have.has(t))).length;
      };
      // Unless the statements are already the ones the question names, a paragraph that holds less
      // than half of the words is about something else: "an important step toward improving the
      // humanitarian situation" is not answered by every "important".
      const narrowed = scope.statement !== undefined || (scope.within !== undefined && a.own);
      hits = hits
        .map((h, rank) => ({ h, rank, n: held(h.terms) }))
        .filter((x) => narrowed || x.n * 2 >= a.list.length)
        .sort((x, y) => y.n - x.n || x.rank - y.rank)
        .map((x) => x.h)
        .slice(0, scope.limit ?? hits.length);
      if (hits.length === 0) {
        weak = true;
        continue;
      }
    }
    const asked = new Set(a.list.flatMap((k) => k.terms));
    const close = fuzzy
      ? [
          ...new Set(
            hits
              .flatMap((h) => h.terms)
              .filter((t) => !asked.has(t) && ![...asked].some((q) => t.startsWith(q))),
          ),
        ]
      : [];
    const matches = hits.map((h) => {
      const entry = lib.index.entry(h.id);
      const statement = lib.statements[entry.statement]!;
      return {
        id: h.id,
        statement,
        paragraph: statement.paragraphs[entry.paragraph]!,
        score: h.score,
        terms: h.terms,
        keywords: a.list,
      };
    });
    return {
      matches,
      fallback: !a.own,
      partial: a.combineWith === 'OR',
      unsearchable: false,
      ...(close.length ? { closeSpellings: close } : {}),
    };
  }
  return { ...none, unsearchable: false };
}
