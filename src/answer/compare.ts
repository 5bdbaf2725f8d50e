import type { Paragraph } from '../corpus/types.ts';
import type { Library } from '../engine/library.ts';
import { normalize } from '../text/normalize.ts';
import { jaOrEn, primaryLanguage } from '../text/script.ts';
import { cite } from './citation.ts';
import { notice } from './notices.ts';
import { outcomeNotice, quoteItem } from './quote.ts';
import { eventGroup } from './scope.ts';
import { searchParagraphs, type ParagraphMatch, type SearchScope } from './search.ts';
import type { Answer, AnswerItem, Lang } from './types.ts';

const DEFAULT_PAIRS = 3;

/** Item number of a paragraph label, whatever its width or brackets: （１） -> 1, 2. -> 2. */
function itemNumber(p: Paragraph): string | undefined {
  return p.label ? normalize(p.label).replace(/\D/g, '') || undefined : undefined;
}

/**
 * The counterpart of a matching paragraph in the other language: the paragraph with the same item
 * number in a statement of the same event (readouts number their items alike), else the best match
 * of the question among that event's statements in the other language.
 */
function counterpart(lib: Library, m: ParagraphMatch, query: string, other: Lang): AnswerItem | undefined {
  const si = lib.index.entries[m.id]!.statement;
  const group = eventGroup(lib, si).filter((i) => primaryLanguage(lib.statements[i]!.language) === other);
  const number = itemNumber(m.paragraph);
  if (number) {
    for (const i of group) {
      const statement = lib.statements[i]!;
      const p = statement.paragraphs.find((q) => itemNumber(q) === number);
      if (p) return { text: p.text, citations: [cite(statement, p, p.text)], matched: [] };
    }
  }
  const within = group.length ? new Set(group) : undefined;
  const found = searchParagraphs(lib, query, { lang: other, ownLanguageOnly: true, limit: 1, ...(within ? { within } : {}) });
  return found.matches[0] ? quoteItem(found.matches[0]) : undefined;
}

/** The matching passage in Japanese and in English, side by side: citations [ja, en]. */
export function answerCompare(lib: Library, query: string, scope: SearchScope): Answer {
  const limit = scope.limit ?? DEFAULT_PAIRS;
  const outcome = searchParagraphs(lib, query, { ...scope, limit });
  if (outcome.matches.length === 0) {
    return { kind: 'none', language: scope.lang, query, items: [], notice: outcomeNotice(outcome, scope.lang)! };
  }
  let missing = false;
  const items = outcome.matches.map((m) => {
    const own = quoteItem(m);
    const lang = jaOrEn(m.statement.language);
    const other = counterpart(lib, m, query, lang === 'ja' ? 'en' : 'ja');
    if (!other) missing = true;
    const [ja, en] = lang === 'ja' ? [own, other] : [other, own];
    const citations = [...(ja?.citations ?? []), ...(en?.citations ?? [])];
    return { text: own.text, citations, matched: [...(own.matched ?? []), ...(other?.matched ?? [])] };
  });
  const notes = [outcomeNotice(outcome, scope.lang), missing ? notice('noCounterpart', scope.lang) : undefined].filter(Boolean);
  return { kind: 'quote', language: scope.lang, query, items, ...(notes.length ? { notice: notes.join(' ') } : {}) };
}
