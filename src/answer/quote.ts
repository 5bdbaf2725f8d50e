import type { Library } from './library.ts';
import { cite } from './citation.ts';
import { makeExcerpt } from './excerpt.ts';
import { matchRanges } from './highlight.ts';
import { noAnswer, notice } from './notices.ts';
import { alignParagraph, counterpart } from './align.ts';
import { sentenceBounds } from '../text/sentences.ts';
import { judgeRelevance, relevanceNotice, scopeStatements } from './relevance.ts';
import {
  searchParagraphs,
  type ParagraphMatch,
  type SearchOutcome,
  type SearchScope,
} from './search.ts';
import type { Answer, AnswerItem, Lang } from './types.ts';
import { wholeWordPattern } from '../text/wordBoundary.ts';

export const DEFAULT_QUOTE_LIMIT = 5;

/** A cited, verbatim item for one matching paragraph, with the matched words to highlight. */
export function quoteItem(match: ParagraphMatch): AnswerItem {
  const ranges = matchRanges(match.paragraph.text, match.keywords, match.terms);
  const at =
    match.anchor === undefined ? undefined : Math.round(match.anchor * match.paragraph.text.length);
  const excerpt = makeExcerpt(
    match.paragraph.text,
    ranges.length === 0 && at !== undefined ? [[at, at]] : ranges,
  );
  const citation = cite(match.statement, match.paragraph, excerpt, ranges);
  const matched = [
    ...new Set((citation.highlights ?? []).map(([s, e]) => excerpt.text.slice(s, e))),
  ];
  return { text: excerpt.text, citations: [citation], matched };
}

/** The notice that tells the user how the answer was found, when it is not a plain match. */
export function outcomeNotice(
  outcome: SearchOutcome,
  lang: Lang,
  items: AnswerItem[] = [],
): string | undefined {
  if (outcome.unsearchable) return notice('onlyCommonWords', lang);
  if (outcome.matches.length === 0) return notice('noMatch', lang);
  const parts = [];
  if (outcome.closeSpellings) {
    // The words as the statements spell them ("actions"), where the excerpts show them.
    const shown = [...new Set(items.flatMap((i) => i.matched ?? []))];
    parts.push(notice('closeSpelling', lang, shown.length ? shown : outcome.closeSpellings));
  }
  if (outcome.fallback) parts.push(notice('fallbackLanguage', lang));
  if (outcome.partial) parts.push(notice('partialMatch', lang));
  return parts.length ? parts.join(' ') : undefined;
}

/**
 * A match found in the other language's statement, carried to the aligned paragraph of that
 * statement's version in the asked language, when there is one.
 */
function throughCounterpart(
  lib: Library,
  match: ParagraphMatch,
  lang: Lang,
): ParagraphMatch | undefined {
  const entry = lib.index.entry(match.id);
  const partner = counterpart(lib, entry.statement, lang);
  if (partner === undefined) return undefined;
  const found = matchRanges(match.paragraph.text, match.keywords, match.terms);
  // The sentences that hold the words found, when the paragraph has several.
  const bounds = sentenceBounds(match.paragraph.text);
  const part: [number, number] | undefined =
    found.length > 0 && bounds.length > 2
      ? [
          bounds.filter((b) => b <= found[0]![0]).at(-1)!,
          bounds.find((b) => b >= found[found.length - 1]![1]) ?? match.paragraph.text.length,
        ]
      : undefined;
  const paragraph = alignParagraph(lib, entry.statement, entry.paragraph, partner, part);
  if (paragraph === undefined) return undefined;
  const statement = lib.statements[partner]!;
  const id = lib.index.statementRange(partner)[0] + paragraph;
  const anchor =
    found.length > 0
      ? (found[0]![0] + found[found.length - 1]![1]) / 2 / Math.max(1, match.paragraph.text.length)
      : undefined;
  return {
    id,
    statement,
    paragraph: statement.paragraphs[paragraph]!,
    score: match.score,
    terms: [],
    keywords: [],
    ...(anchor !== undefined ? { anchor } : {}),
  };
}

export function answerQuote(lib: Library, query: string, scope: SearchScope): Answer {
  const none = (text?: string): Answer => noAnswer(scope.lang, query, text);
  // Paragraphs rank a quote of common words well; a name narrows it to the events that hold it.
  const rel = judgeRelevance(lib, query, scope.lang, scopeStatements(scope), {
    onlyWhenNamed: true,
    speakerAsked: scope.words === true,
  });
  // A name no statement holds means none; other words may be missing, the answer then says it is partial.
  if (rel.absent.length > 0 || rel.apart.length > 0) return none(relevanceNotice(rel, scope.lang));
  // A question that names people or places is about an event: when no event that names them
  // answers it (a dinner asked of a readout of a meeting), there is nothing to quote.
  if (scope.question && rel.groups.length === 0 && rel.terms.some((w) => w.term.distinctive))
    return none(notice('noMatch', scope.lang));
  // Only the statements that answer the question as a whole; their paragraphs are ranked as before.
  const relevant =
    rel.groups.length > 0 ? new Set(rel.groups.flatMap((g) => g.statements)) : undefined;
  const within =
    relevant && scope.within
      ? new Set([...relevant].filter((i) => scope.within!.has(i)))
      : (relevant ?? scope.within);
  const outcome = searchParagraphs(lib, query, {
    ...scope,
    ...(within ? { within } : {}),
    limit: scope.limit ?? DEFAULT_QUOTE_LIMIT,
  });
  if (outcome.matches.length === 0) return none(outcomeNotice(outcome, scope.lang));
  // "What did Robert Heer say when …": the paragraphs that name him first.
  const speaker = scope.speaker?.split(/\s+/).at(-1);
  if (speaker) {
    const named = wholeWordPattern(speaker);
    const says = (m: ParagraphMatch) => named.test(m.paragraph.text);
    outcome.matches.sort((a, b) => Number(says(b)) - Number(says(a)));
  }
  // A free question ("What was on the menu at the dinner?") that no paragraph answers in all its
  // words is not answered by the paragraphs that share some: they say something else. Unless it
  // asks what someone said ("What did the UK Prime Minister welcome about …"): the closest is that.
  if (scope.question && outcome.partial && !scope.words) return none(notice('noMatch', scope.lang));
  if (outcome.fallback) {
    const carried = outcome.matches.map((m) => throughCounterpart(lib, m, scope.lang));
    if (carried.some(Boolean)) {
      const seen = new Set<number>();
      const matches = outcome.matches
        .map((m, i) => carried[i] ?? m)
        .filter((m) => !seen.has(m.id) && seen.add(m.id))
        .sort((a, b) => Number(b.keywords.length === 0) - Number(a.keywords.length === 0));
      return {
        kind: 'quote',
        language: scope.lang,
        query,
        items: matches.map(quoteItem),
        notice: [
          notice('throughOtherVersion', scope.lang),
          ...(outcome.partial ? [notice('partialMatch', scope.lang)] : []),
        ].join(' '),
      };
    }
  }
  const items = outcome.matches.map(quoteItem);
  const text = outcomeNotice(outcome, scope.lang, items);
  return { kind: 'quote', language: scope.lang, query, items, ...(text ? { notice: text } : {}) };
}
