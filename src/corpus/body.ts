import type { Paragraph } from './types.ts';
import { isCjk } from '../text/script.ts';

/**
 * Item labels that open numbered readout paragraphs: `1 `, `1.`, `１．`, `(1)`, `（１）`, `- `, `・`.
 * A bare number needs a following space, so that 10月31日 is not item 10.
 */
const LABEL =
  /^(?:[(（][0-9０-９]{1,3}[)）]|[0-9０-９]{1,3}[.．、)）](?![0-9０-９])|[0-9０-９]{1,3}(?=[ \u3000])|[-・•*](?=[ \u3000]))/u;

export function paragraphLabel(text: string): string | undefined {
  return LABEL.exec(text)?.[0];
}

/** Joins the lines of one paragraph: Japanese lines meet without a space, others with one. */
function joinLines(lines: string[]): string {
  let out = '';
  for (const line of lines) {
    if (out === '') out = line;
    else out += isCjk(out.at(-1)!) && isCjk(line[0]!) ? line : ` ${line}`;
  }
  return out;
}

/**
 * Splits a statement body into paragraphs. Blank lines separate paragraphs; `firstLine` is the
 * file line of `lines[0]`, so each paragraph knows where it starts.
 */
export function splitParagraphs(lines: string[], firstLine: number): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: string[] = [];
  let startLine = 0;
  const flush = () => {
    if (current.length === 0) return;
    const text = joinLines(current);
    const label = paragraphLabel(text);
    paragraphs.push({
      number: paragraphs.length + 1,
      text,
      line: startLine,
      ...(label ? { label } : {}),
    });
    current = [];
  };
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') {
      flush();
      return;
    }
    if (current.length === 0) startLine = firstLine + i;
    current.push(line);
  });
  flush();
  return paragraphs;
}
