import type { Paragraph, Statement } from '../corpus/types.ts';
import type { Citation } from './types.ts';

export function cite(statement: Statement, paragraph: Paragraph, excerpt: string): Citation {
  return {
    statement: statement.id,
    title: statement.title,
    date: statement.date,
    language: statement.language,
    paragraph: paragraph.number,
    excerpt,
    ...(statement.source ? { source: statement.source } : {}),
  };
}
