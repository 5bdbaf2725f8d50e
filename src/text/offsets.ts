import { normalize } from './normalize.ts';

/**
 * Normalized text with a map back to the original, so that a match found in normalized text can
 * be highlighted in the verbatim excerpt. Normalization is applied per base character with its
 * combining marks (half-width ｶﾞ stays one unit), which is what NFKC composes.
 */
export interface MappedText {
  text: string;
  /** origin[i] is the offset in the original of normalized code unit i; origin[text.length] = original length. */
  origin: number[];
}

const UNIT = /[\s\S][\p{M}\uFF9E\uFF9F]*/gu;

export function normalizeWithMap(original: string): MappedText {
  let text = '';
  const origin: number[] = [];
  for (const m of original.matchAll(UNIT)) {
    const piece = normalize(m[0]);
    for (let i = 0; i < piece.length; i++) origin.push(m.index);
    text += piece;
  }
  origin.push(original.length);
  return { text, origin };
}

/** Original [start, end) of a normalized range. */
export function originalRange(mapped: MappedText, start: number, end: number): [number, number] {
  const s = mapped.origin[start] ?? mapped.origin[mapped.origin.length - 1]!;
  let e = mapped.origin[end] ?? mapped.origin[mapped.origin.length - 1]!;
  if (e <= s) e = mapped.origin.find((o) => o > s) ?? mapped.origin[mapped.origin.length - 1]!;
  return [s, e];
}
