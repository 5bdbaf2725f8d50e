import { mergeRanges, type Range } from './highlight.ts';
import type { Highlight } from './types.ts';
import { sentenceBounds } from '../text/sentences.ts';

/** Longest excerpt in characters: fits a Discord embed field with room for the citation. */
export const MAX_EXCERPT = 600;
const ELLIPSIS = '…';

export interface Excerpt {
  text: string;
  /** Offset of `text` (without a leading ellipsis) in the paragraph. */
  offset: number;
  /** How many characters of the paragraph `text` holds (without its ellipses). */
  length: number;
}

/** Cuts a single over-long sentence after a word (space or 、) or at worst between code points. */
function cutSentence(text: string, max: number): string {
  const slice = Array.from(text).slice(0, max).join('');
  const soft = Math.max(
    slice.lastIndexOf(' '),
    slice.lastIndexOf('、') + 1,
    slice.lastIndexOf('，') + 1,
  );
  return soft > max / 2 ? slice.slice(0, soft).trimEnd() : slice;
}

/**
 * The verbatim part of a paragraph to quote: the whole paragraph when it fits, else whole
 * sentences starting at the one with the first match, with an ellipsis where text was left out.
 */
export function makeExcerpt(paragraph: string, matches: Range[], max = MAX_EXCERPT): Excerpt {
  if (paragraph.length <= max) return { text: paragraph, offset: 0, length: paragraph.length };
  const bounds = sentenceBounds(paragraph);
  // The window of whole sentences that holds the most matches, starting at a sentence with one:
  // "search" early in the paragraph does not hide "Urban Search and Rescue Team" later.
  const sentenceOf = (at: number) => {
    let k = 0;
    while (k + 1 < bounds.length && bounds[k + 1]! <= at) k++;
    return k;
  };
  const windowFrom = (k: number): [number, number] => {
    let end = bounds[k]!;
    for (let j = k + 1; j < bounds.length && bounds[j]! - bounds[k]! <= max; j++) end = bounds[j]!;
    return [bounds[k]!, end === bounds[k]! ? bounds[k]! + max : end];
  };
  let i = sentenceOf(matches[0]?.[0] ?? 0);
  let most = -1;
  for (const k of new Set(matches.map(([s]) => sentenceOf(s)))) {
    const [from, to] = windowFrom(k);
    const inside = matches.filter(([s, e]) => s >= from && e <= to).length;
    if (inside > most) [i, most] = [k, inside];
  }
  const start = bounds[i]!;
  let end = start;
  for (let j = i + 1; j < bounds.length && bounds[j]! - start <= max; j++) end = bounds[j]!;
  let body: string;
  if (end === start) body = cutSentence(paragraph.slice(start), max);
  else body = paragraph.slice(start, end);
  const lead = body.length - body.trimStart().length;
  const trimmed = body.trim();
  const offset = start + lead;
  const text =
    (offset > 0 ? ELLIPSIS : '') +
    trimmed +
    (offset + trimmed.length < paragraph.trimEnd().length ? ELLIPSIS : '');
  return { text, offset, length: trimmed.length };
}

/**
 * The ranges of a paragraph (UTF-16 offsets) that lie wholly inside an excerpt of it, as offsets
 * into the excerpt's text (past its leading ellipsis), merged and sorted.
 */
export function excerptHighlights(excerpt: Excerpt, ranges: readonly Range[]): Highlight[] {
  const lead = excerpt.offset > 0 ? ELLIPSIS.length : 0;
  const inside = ranges.filter(
    ([s, e]) => s < e && s >= excerpt.offset && e <= excerpt.offset + excerpt.length,
  );
  return mergeRanges(
    inside.map(([s, e]) => [s - excerpt.offset + lead, e - excerpt.offset + lead]),
  );
}
