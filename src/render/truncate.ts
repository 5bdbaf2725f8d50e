/**
 * Length limits for text that may be Japanese (no spaces to break on) or English.
 * Lengths are UTF-16 code units, as Discord and discord.js count them; a cut never splits a
 * surrogate pair or a grapheme cluster (emoji with modifiers, combining marks).
 */

export const ELLIPSIS = '…';

// Made on first cut: creating a segmenter loads ICU data, about 10 ms of a command line's start,
// and most answers are never cut.
let graphemes: Intl.Segmenter | undefined;

/** Ends of sentences a cut may follow: Japanese full stops, and ASCII ones followed by a space. */
const SENTENCE_END = /[。．！？!?]|\.(?=\s)/g;

/** Largest index <= max that is a grapheme boundary of `text`. */
export function graphemeBoundaryAtOrBefore(text: string, max: number): number {
  if (max >= text.length) return text.length;
  // Only the neighbourhood of the cut matters; segmenting all of a long text for every cut
  // would make fitting an embed quadratic.
  const from = Math.max(0, max - CONTEXT);
  const window = text.slice(from, max + CONTEXT);
  let boundary = from;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { index } of graphemes.segment(window)) {
    if (from + index > max) break;
    boundary = from + index;
  }
  return boundary;
}

/** Longer than any grapheme cluster met in real text (emoji ZWJ sequences included). */
const CONTEXT = 64;

/**
 * Shortens `text` to at most `max` characters. When it has to cut, it prefers the end of a
 * sentence in the last part of the allowed window (so a quote stays a whole sentence), then a
 * space for languages that have them, and otherwise cuts between graphemes; an ellipsis marks
 * every cut.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  const room = max - ELLIPSIS.length;
  const hardCut = graphemeBoundaryAtOrBefore(text, room);
  const window = text.slice(0, hardCut);
  // A sentence end is worth the lost text only if it keeps most of the window.
  const minKeep = Math.floor(room * 0.5);
  let sentenceCut = -1;
  for (const match of window.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (end >= minKeep) sentenceCut = end;
  }
  if (sentenceCut > 0) return window.slice(0, sentenceCut) + ELLIPSIS;
  const space = window.lastIndexOf(' ');
  if (space >= Math.floor(room * 0.7)) return window.slice(0, space).trimEnd() + ELLIPSIS;
  return window + ELLIPSIS;
}

/**
 * The longest prefix-based rendering of `raw` that fits in `max` once formatted: `format` may
 * add markup or escapes, so the raw text is cut until the formatted result fits.
 */
export function fitFormatted(raw: string, max: number, format: (text: string) => string): string {
  let formatted = format(raw);
  if (formatted.length <= max) return formatted;
  let budget = Math.min(raw.length, max);
  while (budget > 0) {
    const candidate = format(truncateText(raw, budget));
    if (candidate.length <= max) return candidate;
    // Shrink in proportion to the overflow (escapes can double the length), by one at least.
    budget = Math.min(budget - 1, Math.floor((budget * max) / candidate.length));
  }
  formatted = format('');
  return formatted.length <= max ? formatted : truncateText(formatted, max);
}
