/**
 * The marked and plain pieces of an excerpt, from its citation's highlights: the offsets the
 * answer computed where it matched. Nothing is searched for again here, so every surface marks
 * exactly what the answer matched (京都 and not the 京都 inside 東京都).
 */
import type { Highlight } from '../answer/types.ts';

export interface Piece {
  text: string;
  marked: boolean;
}

/** Highlights that lie inside `[0, length)` of a text, sorted, overlaps and empty ones dropped. */
export function highlightsWithin(highlights: readonly Highlight[], length: number): Highlight[] {
  const out: Highlight[] = [];
  for (const [s, e] of [...highlights].sort((a, b) => a[0] - b[0])) {
    if (!(Number.isInteger(s) && Number.isInteger(e)) || s < 0 || e > length || s >= e) continue;
    if (out.length > 0 && s < out.at(-1)![1]) continue;
    out.push([s, e]);
  }
  return out;
}

/** Only spaces between two marked words: "**ballistic missile**" reads better than "**ballistic** **missile**". */
const JOINING_GAP = /^[ \u3000]+$/;

/** `text` cut into plain and marked pieces, in order, covering all of it. */
export function highlightPieces(text: string, highlights: readonly Highlight[] = []): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const [s, e] of highlightsWithin(highlights, text.length)) {
    const gap = text.slice(at, s);
    const last = pieces.at(-1);
    if (last?.marked && (gap === '' || JOINING_GAP.test(gap))) last.text += gap + text.slice(s, e);
    else {
      if (gap) pieces.push({ text: gap, marked: false });
      pieces.push({ text: text.slice(s, e), marked: true });
    }
    at = e;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}

/** Marks the highlights of `text` with `mark`, the rest as it is. */
export function markHighlights(
  text: string,
  highlights: readonly Highlight[] | undefined,
  mark: (s: string) => string,
): string {
  return highlightPieces(text, highlights)
    .map((p) => (p.marked ? mark(p.text) : p.text))
    .join('');
}
