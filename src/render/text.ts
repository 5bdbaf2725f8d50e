/**
 * Plain-text rendering for the command line and the console, with the layout every surface
 * shares (./layout.ts): a title, the answer lines, then each supporting paragraph once with a
 * short citation.
 */
import type { Answer, Citation, Lang } from '../answer/types.ts';
import type { StatementSummary } from '../engine/types.ts';
import { markHighlights } from './highlight.ts';
import { LABELS } from './labels.ts';
import {
  layoutAnswer,
  shortCitation,
  type Evidence,
  type Mode,
  type StatementLookup,
} from './layout.ts';

/** ANSI bold, for matched words in a terminal. */
export const terminalBold = (s: string): string => `\u001b[1m${s}\u001b[22m`;

export interface TextStyle {
  /** Wraps a highlight, where the answer matched (e.g. ANSI bold in a terminal); identity by default. */
  highlight?: ((s: string) => string) | undefined;
  /** The question as typed, for the title (the engine's query is stripped of question words). */
  asked?: string;
  mode?: Mode;
  statements?: StatementLookup;
  /** How the reader lists statements here: "readout statements" or "/statements". */
  statementsRef?: string;
}

export function citationLine(c: Citation, lang: Lang, statements?: StatementLookup): string {
  const cite = shortCitation(c, lang, statements);
  return cite.url ? `${cite.text} · ${cite.url}` : cite.text;
}

function quoteLines(
  e: Evidence,
  lang: Lang,
  style: TextStyle,
  indent: string,
  label = '',
): string[] {
  const mark = style.highlight ?? ((s: string) => s);
  return [
    `${indent}${label}“${markHighlights(e.excerpt, e.highlights, mark)}”`,
    `${indent}${' '.repeat(label.length ? 2 : 0)}— ${citationLine(e.citation, lang, style.statements)}`,
  ];
}

export function renderText(answer: Answer, style: TextStyle = {}): string {
  const lang = answer.language;
  const layout = layoutAnswer(answer, {
    ...(style.asked !== undefined ? { asked: style.asked } : {}),
    ...(style.mode ? { mode: style.mode } : {}),
    ...(style.statements ? { statements: style.statements } : {}),
    statementsRef: style.statementsRef ?? 'readout statements',
  });
  if (layout.nothing) return layout.nothing;
  const out: string[] = [layout.title, ''];
  if (layout.notice) out.push(layout.notice, '');
  for (const line of layout.lines) {
    out.push(
      `${line.n}. ${line.what ? `${line.what}${LABELS.headingSeparator[lang]}` : ''}${line.text}`,
    );
  }
  if (layout.lines.length > 0) out.push('', `${LABELS.evidence[lang]}:`);
  let lastN: number | undefined;
  for (const e of layout.evidence) {
    if (layout.compare) {
      const label = `${LABELS.languageName[e.side ?? 'en']}: `;
      if (e.n !== lastN) out.push(`${lastN === undefined ? '' : '\n'}${e.n}.`);
      out.push(...quoteLines(e, lang, style, '   ', label));
    } else if (e.n !== undefined) {
      const [first = '', cite = ''] = quoteLines(e, lang, style, '   ');
      out.push(`${e.n}. ${first.trimStart()}`, cite, '');
    } else {
      out.push(...quoteLines(e, lang, style, '  '));
    }
    lastN = e.n;
  }
  return out.join('\n').trimEnd();
}

export function renderStatements(list: readonly StatementSummary[], lang: Lang): string {
  if (list.length === 0) return LABELS.noStatements[lang];
  return [
    `${LABELS.statements[lang]} (${list.length})`,
    ...list.map(
      (s) =>
        `- ${s.date} [${s.language}] ${s.title}\n  id: ${s.id}${s.source ? `\n  ${s.source}` : ''}`,
    ),
  ].join('\n');
}

/** Statement metadata by id, from an engine's list (publisher and source for short citations). */
export function lookupIn(list: readonly StatementSummary[]): StatementLookup {
  // Engines hand out one list until the corpus changes: its map is built once, not per answer.
  let byId = lookups.get(list);
  if (!byId) lookups.set(list, (byId = new Map(list.map((s) => [s.id, s]))));
  return (id) => byId.get(id);
}

const lookups = new WeakMap<readonly StatementSummary[], Map<string, StatementSummary>>();
