import type { Answer, Citation, Lang } from '../answer/types.ts';
import type { StatementSummary } from '../engine/types.ts';
import { LABELS, paragraphLabel } from './labels.ts';

/** ANSI bold, for matched words in a terminal. */
export const terminalBold = (s: string): string => `\u001b[1m${s}\u001b[22m`;

export interface TextStyle {
  /** Wraps a matched word (e.g. ANSI bold in a terminal); identity by default. */
  highlight?: (s: string) => string;
}

/** Marks every occurrence of the matched words, longest first so that overlaps stay whole. */
export function markMatches(text: string, matched: readonly string[] = [], mark: (s: string) => string): string {
  const words = [...new Set(matched)].filter(Boolean).sort((a, b) => b.length - a.length);
  if (words.length === 0) return text;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return text.replace(new RegExp(escaped.join('|'), 'g'), (m) => mark(m));
}

export function citationLine(c: Citation, lang: Lang): string {
  const where = `${c.title} (${c.date}), ${paragraphLabel(lang, c.paragraph)}`;
  return c.source ? `${where} · ${c.source}` : where;
}

/** Plain-text rendering for the command line and the console. */
export function renderText(answer: Answer, style: TextStyle = {}): string {
  const mark = style.highlight ?? ((s: string) => s);
  const lines: string[] = [];
  if (answer.notice) lines.push(answer.notice, '');
  answer.items.forEach((item, i) => {
    const isQuote = answer.kind === 'quote';
    lines.push(`${i + 1}. ${isQuote ? markMatches(item.text, item.matched, mark) : item.text}`);
    for (const c of item.citations) {
      if (!isQuote || item.citations.length > 1) lines.push(`   “${markMatches(c.excerpt, item.matched, mark)}”`);
      lines.push(`   — ${citationLine(c, answer.language)}`);
    }
    lines.push('');
  });
  return lines.join('\n').trimEnd();
}

export function renderStatements(list: readonly StatementSummary[], lang: Lang): string {
  if (list.length === 0) return LABELS.noStatements[lang];
  return [
    `${LABELS.statements[lang]} (${list.length})`,
    ...list.map((s) => `- ${s.date} [${s.language}] ${s.title}\n  id: ${s.id}${s.source ? `\n  ${s.source}` : ''}`),
  ].join('\n');
}
