/**
 * Corpus text made harmless for a terminal. A statement file can hold escape sequences that clear
 * the screen, write the clipboard (OSC 52), retitle the window or hide text; printed raw, the
 * terminal obeys them. On a terminal they are removed; piped output stays byte for byte.
 */
import { stripTerminalControls } from '../corpus/controlSequences.ts';
import { KIND_NAMES, type QueryKind } from '../answer/kinds.ts';
import type { Citation, Highlight } from '../answer/types.ts';
import type { Ask, Engine } from '../engine/types.ts';
import { highlightsWithin } from './highlight.ts';

export { stripTerminalControls };

/** Our own bold (ANSI SGR 1 and 22, see terminalBold) survives; the split keeps it at odd indices. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI bold starts with ESC.
const OWN_BOLD = /(\u001B\[1m|\u001B\[22m)/;

/** For output already rendered with `terminalBold`: keeps that bold, strips every other control. */
export function stripForeignControls(output: string): string {
  return output
    .split(OWN_BOLD)
    .map((part, i) => (i % 2 === 1 ? part : stripTerminalControls(part)))
    .join('');
}

function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f)) as T;
  if (value && typeof value === 'object') {
    const mapped = Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)]),
    ) as T;
    if (isMarkedCitation(value)) (mapped as Citation).highlights = movedHighlights(value, f);
    return mapped;
  }
  return value;
}

function isMarkedCitation(value: object): value is Citation & { highlights: Highlight[] } {
  return (
    'excerpt' in value &&
    typeof value.excerpt === 'string' &&
    'highlights' in value &&
    Array.isArray(value.highlights)
  );
}

/**
 * A citation's highlights in its excerpt once `f` has removed characters from it: the excerpt
 * is mapped piece by piece between the highlights' ends. None when that differs from mapping
 * it whole (a sequence running into a highlight).
 */
function movedHighlights(
  c: Citation & { highlights: Highlight[] },
  f: (s: string) => string,
): Highlight[] {
  const marks = highlightsWithin(c.highlights, c.excerpt.length);
  const ends = [0, ...marks.flat(), c.excerpt.length];
  const pieces = ends.slice(1).map((end, i) => f(c.excerpt.slice(ends[i], end)));
  if (pieces.join('') !== f(c.excerpt)) return [];
  const moved: Highlight[] = [];
  let at = 0;
  pieces.forEach((piece, i) => {
    if (i % 2 === 1 && piece.length > 0) moved.push([at, at + piece.length]);
    at += piece.length;
  });
  return moved;
}

/** The engine with every string of every answer stripped of terminal controls (for the console). */
export function terminalSafeEngine(engine: Engine): Engine {
  const safe =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R =>
      mapStrings(fn(...args), stripTerminalControls);
  return {
    ...(Object.fromEntries(
      KIND_NAMES.map((kind): [QueryKind, Ask] => [kind, safe(engine[kind])]),
    ) as Record<QueryKind, Ask>),
    statements: safe(engine.statements),
    statement: safe(engine.statement),
    findStatements: safe(engine.findStatements),
    prepare: () => engine.prepare(),
    get problems() {
      return engine.problems;
    },
  };
}
