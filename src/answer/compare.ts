import type { Library } from './library.ts';
import { jaOrEn, primaryLanguage } from '../text/script.ts';
import { alignParagraph, counterpart } from './align.ts';
import { cite } from './citation.ts';
import { noAnswer, notice } from './notices.ts';
import { outcomeNotice, quoteItem } from './quote.ts';
import { judgeRelevance, relevanceNotice, scopeStatements } from './relevance.ts';
import { eventGroup } from './scope.ts';
import { searchParagraphs, type ParagraphMatch, type SearchScope } from './search.ts';
import type { Answer, AnswerItem, Lang } from './types.ts';

const DEFAULT_PAIRS = 3;

/**
 * The counterpart of a matching paragraph in the other language: the aligned paragraph of the same
 * statement's other version (item label, shared numbers, names and glossary words, position),
 * else the best match of the question among that event's statements in the other language.
 */
function counterpartItem(
  lib: Library,
  m: ParagraphMatch,
  query: string,
  other: Lang,
): AnswerItem | undefined {
  const entry = lib.index.entry(m.id);
  const partner = counterpart(lib, entry.statement, other);
  const group = eventGroup(lib, entry.statement).filter(
    (i) => primaryLanguage(lib.statements[i]!.language) === other,
  );
  if (partner !== undefined && !group.includes(partner)) group.push(partner);
  if (group.length === 0) return undefined;
  // The question's own words (or their glossary forms) in the other version decide first.
  const found = searchParagraphs(lib, query, {
    lang: other,
    ownLanguageOnly: true,
    limit: 1,
    within: new Set(group),
  });
  if (found.matches[0] && !found.partial) return quoteItem(found.matches[0]);
  const aligned =
    partner !== undefined
      ? alignParagraph(lib, entry.statement, entry.paragraph, partner)
      : undefined;
  if (partner === undefined || aligned === undefined)
    return found.matches[0] ? quoteItem(found.matches[0]) : undefined;
  const statement = lib.statements[partner]!;
  const p = statement.paragraphs[aligned]!;
  return { text: p.text, citations: [cite(statement, p, p.text)], matched: [] };
}

/** The matching passage in Japanese and in English, side by side: citations [ja, en]. */
export function answerCompare(lib: Library, query: string, scope: SearchScope): Answer {
  const limit = scope.limit ?? DEFAULT_PAIRS;
  const rel = judgeRelevance(lib, query, scope.lang, scopeStatements(scope), {
    onlyWhenNamed: true,
  });
  if (rel.absent.length > 0 || rel.apart.length > 0)
    return noAnswer(scope.lang, query, relevanceNotice(rel, scope.lang));
  const outcome = searchParagraphs(lib, query, { ...scope, limit });
  if (outcome.matches.length === 0) {
    return noAnswer(scope.lang, query, outcomeNotice(outcome, scope.lang));
  }
  let missing = false;
  const items = outcome.matches.map((m) => {
    const own = quoteItem(m);
    const lang = jaOrEn(m.statement.language);
    const other = counterpartItem(lib, m, query, lang === 'ja' ? 'en' : 'ja');
    if (!other) missing = true;
    const [ja, en] = lang === 'ja' ? [own, other] : [other, own];
    const citations = [...(ja?.citations ?? []), ...(en?.citations ?? [])];
    return {
      text: own.text,
      citations,
      matched: [...(own.matched ?? []), ...(other?.matched ?? [])],
    };
  });
  const notes = [
    outcomeNotice(outcome, scope.lang),
    missing ? notice('noCounterpart', scope.lang) : undefined,
  ].filter(Boolean);
  return {
    kind: 'quote',
    language: scope.lang,
    query,
    items,
    ...(notes.length ? { notice: notes.join(' ') } : {}),
  };
}
