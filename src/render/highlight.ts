/**
 * Where the matched query terms occur in a verbatim excerpt. Terms arrive normalized (NFKC,
 * lower case), while the corpus keeps full-width digits, capitals and so on; so the excerpt is
 * normalized with a map back to the original positions (the same normalization as the index).
 */
import { normalize } from '../text/normalize.ts';
import { normalizeWithMap, originalRange } from '../text/offsets.ts';

export interface Span {
  start: number;
  end: number;
}

/** Non-overlapping spans of `text` matching any term; longer terms win where they overlap. */
export function matchSpans(text: string, terms: readonly string[]): Span[] {
  const mapped = normalizeWithMap(text);
  const normalized = mapped.text;
  const wanted = [...new Set(terms.map((t) => normalize(t).trim()))]
    .filter((t) => t.length > 0)
    .sort((a, b) => b.length - a.length);
  const taken = new Array<boolean>(normalized.length).fill(false);
  const spans: Span[] = [];
  for (const term of wanted) {
    let from = 0;
    for (;;) {
      const at = normalized.indexOf(term, from);
      if (at < 0) break;
      const end = at + term.length;
      let free = true;
      for (let i = at; i < end; i++) if (taken[i]) free = false;
      if (free) {
        for (let i = at; i < end; i++) taken[i] = true;
        const [start, stop] = originalRange(mapped, at, end);
        spans.push({ start, end: stop });
      }
      from = at + 1;
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Splits `text` into plain and matched pieces, in order, covering all of it. */
export function splitByMatches(
  text: string,
  terms: readonly string[],
): Array<{ text: string; matched: boolean }> {
  const pieces: Array<{ text: string; matched: boolean }> = [];
  let at = 0;
  for (const span of matchSpans(text, terms)) {
    if (span.start < at) continue;
    if (span.start > at) pieces.push({ text: text.slice(at, span.start), matched: false });
    pieces.push({ text: text.slice(span.start, span.end), matched: true });
    at = span.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), matched: false });
  return pieces;
}
