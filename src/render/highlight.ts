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

/** A letter or digit of a script that separates words with spaces (Japanese and Chinese do not). */
const SPACED_WORD_CHAR = /(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}\p{M}]/u;
/**
 * Never marked inside: links (bold inside one breaks it or changes its target) and Discord's
 * `<…>` syntax (mentions, timestamps, emoji), which must read back exactly as written.
 */
const UNMARKED = /\b(?:https?:\/\/|www\.)[^\s<>"]+|<[^<>\s]+>/giu;

/**
 * A matched word is marked only where it stands as a whole word: "one" not inside "@everyone",
 * "press" not inside "pressing". Japanese and Chinese text has no spaces; there any occurrence counts.
 */
function wholeWord(text: string, start: number, end: number): boolean {
  const spaced = (i: number) => i >= 0 && i < text.length && SPACED_WORD_CHAR.test(text[i]!);
  if (spaced(start) && spaced(start - 1)) return false;
  if (spaced(end - 1) && spaced(end)) return false;
  return true;
}

/** Non-overlapping spans of `text` matching any term; longer terms win where they overlap. */
export function matchSpans(text: string, terms: readonly string[]): Span[] {
  const mapped = normalizeWithMap(text);
  const normalized = mapped.text;
  const unmarked = [...normalized.matchAll(UNMARKED)].map((m) => [m.index, m.index + m[0].length] as const);
  const inUnmarked = (at: number, end: number) => unmarked.some(([s, e]) => at < e && end > s);
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
      let free = wholeWord(normalized, at, end) && !inUnmarked(at, end);
      for (let i = at; i < end && free; i++) if (taken[i]) free = false;
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
