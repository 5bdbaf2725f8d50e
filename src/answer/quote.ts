import type { Library } from '../engine/library.ts';
import { cite } from './citation.ts';
import { makeExcerpt } from './excerpt.ts';
import { matchRanges } from './highlight.ts';
import { notice } from './notices.ts';
import { searchParagraphs, type ParagraphMatch, type SearchOutcome, type SearchScope } from './search.ts';
import type { Answer, AnswerItem, Lang } from './types.ts';

export const DEFAULT_QUOTE_LIMIT = 5;

/** A cited, verbatim item for one matching paragraph, with the matched words to highlight. */
export function quoteItem(match: ParagraphMatch): AnswerItem {
  const ranges = matchRanges(match.paragraph.text, match.keywords, match.terms);
  const excerpt = makeExcerpt(match.paragraph.text, ranges);
  const body = excerpt.text.replace(/^…|…$/g, '');
  const matched = [
    ...new Set(
      ranges
        .filter(([s, e]) => s >= excerpt.offset && e <= excerpt.offset + body.length)
        .map(([s, e]) => match.paragraph.text.slice(s, e)),
    ),
  ];
  return { text: excerpt.text, citations: [cite(match.statement, match.paragraph, excerpt.text)], matched };
}

/** The notice that tells the user how the answer was found, when it is not a plain match. */
export function outcomeNotice(outcome: SearchOutcome, lang: Lang): string | undefined {
  if (outcome.unsearchable) return notice('onlyCommonWords', lang);
  if (outcome.matches.length === 0) return notice('noMatch', lang);
  const parts = [];
  if (outcome.fallback) parts.push(notice('fallbackLanguage', lang));
  if (outcome.partial) parts.push(notice('partialMatch', lang));
  return parts.length ? parts.join(' ') : undefined;
}

export function answerQuote(lib: Library, query: string, scope: SearchScope): Answer {
  const outcome = searchParagraphs(lib, query, { ...scope, limit: scope.limit ?? DEFAULT_QUOTE_LIMIT });
  const notice = outcomeNotice(outcome, scope.lang);
  if (outcome.matches.length === 0) {
    return { kind: 'none', language: scope.lang, query, items: [], ...(notice ? { notice } : {}) };
  }
  return {
    kind: 'quote',
    language: scope.lang,
    query,
    items: outcome.matches.map(quoteItem),
    ...(notice ? { notice } : {}),
  };
}
