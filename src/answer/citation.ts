import type { Paragraph, Statement } from '../corpus/types.ts';
import { excerptHighlights, type Excerpt } from './excerpt.ts';
import type { Range } from './highlight.ts';
import type { AnswerItem, Citation, Lang } from './types.ts';
import { notice } from './notices.ts';
import { primaryLanguage } from '../text/script.ts';

/**
 * A citation of `paragraph`, quoting `excerpt`: an excerpt made of it (then `marked`, ranges of
 * the paragraph, become the citation's highlights where the excerpt shows them), or the text to
 * quote as it is, unmarked.
 */
export function cite(
  statement: Statement,
  paragraph: Paragraph,
  excerpt: Excerpt | string,
  marked: readonly Range[] = [],
): Citation {
  const highlights = typeof excerpt === 'string' ? [] : excerptHighlights(excerpt, marked);
  return {
    statement: statement.id,
    title: statement.title,
    date: statement.date,
    language: statement.language,
    paragraph: paragraph.number,
    excerpt: typeof excerpt === 'string' ? excerpt : excerpt.text,
    ...(statement.source ? { source: statement.source } : {}),
    ...(highlights.length > 0 ? { highlights } : {}),
  };
}

/**
 * The answer, with a notice when it was found only in statements of the other language (an English question
 * about a statement published only in Japanese): the reader sees it is quoted from that text.
 */
export function withOtherLanguageNotice<A extends { language: Lang; items: readonly AnswerItem[] }>(
  answer: A,
): A & { notice?: string } {
  const cited = answer.items.flatMap((i) => i.citations);
  if (cited.length === 0 || cited.some((c) => primaryLanguage(c.language) === answer.language))
    return answer;
  return { ...answer, notice: notice('fallbackLanguage', answer.language) };
}
