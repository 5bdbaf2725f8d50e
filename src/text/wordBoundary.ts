import { isCjk } from './script.ts';

/**
 * Whether a Japanese keyword found at [start, end) of a text is a real occurrence rather than the
 * tail of one word glued to the head of the next: 京都 inside 東京都 (東京|都) is not Kyoto, while
 * 朝鮮 inside 北朝鮮 and 露朝 inside 露朝間 are what the user meant. A match is rejected only when it
 * starts inside a multi-character word and runs past that word's end. Word boundaries come from
 * the ICU word segmenter, consulted on a small window only.
 */
// Made on first use: creating it loads ICU's Japanese dictionary, about 10 ms of start-up that a
// question without a Japanese match never needs.
let segmenter: Intl.Segmenter | undefined;
const WINDOW = 12;

export function isWordAlignedMatch(text: string, start: number, end: number): boolean {
  if (start === 0 || !isCjk(text[start - 1]!)) return true;
  const from = Math.max(0, start - WINDOW);
  const window = text.slice(from, Math.min(text.length, end + WINDOW));
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  for (const seg of segmenter.segment(window)) {
    const segStart = from + seg.index;
    const segEnd = segStart + seg.segment.length;
    if (segStart < start && start < segEnd) return segEnd >= end;
    if (segStart >= start) break;
  }
  return true;
}

/** A Latin phrase as a pattern that matches it only as whole words ("call" not in "recall"). */
export function wholeWordPattern(phrase: string, flags = 'u'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, flags);
}
