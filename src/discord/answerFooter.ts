/**
 * The footer of an answer shows the question (and statement filter) in plain text. It doubles
 * as storage for button state that did not fit in a custom id: footers are not rendered as
 * markdown, so the text reads back exactly as written.
 */
const QUERY_MARK = '🔎 ';
const STATEMENT_MARK = '📄 ';

export function footerLines(query: string, statement?: string): string[] {
  const lines: string[] = [];
  if (query) lines.push(QUERY_MARK + query);
  if (statement) lines.push(STATEMENT_MARK + statement);
  return lines;
}

export function readFooter(
  text: string | undefined | null,
): { query: string; statement?: string } | null {
  if (!text) return null;
  let query: string | undefined;
  let statement: string | undefined;
  for (const line of text.split('\n')) {
    if (query === undefined && line.startsWith(QUERY_MARK)) query = line.slice(QUERY_MARK.length);
    else if (statement === undefined && line.startsWith(STATEMENT_MARK)) {
      statement = line.slice(STATEMENT_MARK.length);
    }
  }
  if (query === undefined && statement === undefined) return null;
  return statement === undefined ? { query: query ?? '' } : { query: query ?? '', statement };
}
