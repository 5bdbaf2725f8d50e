/**
 * Sentence ends: Japanese 。！？ and Western . ! ? followed by a space, except the full stop of
 * an abbreviation the genre is full of (U.S., H.E., Mr., Dr., St., No.), or of an initial (Kurt M. Campbell).
 */
const SENTENCE_END =
  /[。！？](?![)）」』])|(?<!\b(?:[A-Z]\.)*[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Gen|Lt|Col|Sen|Rep|Gov|Jr|Sr|Hon|Rt|Amb|Sec|vs|etc|Inc|Co|Ltd)(?=\.))[.!?](?=\s)/g;

/** Where the sentences of a text start, and its length last: [0, …, text.length]. */
export function sentenceBounds(text: string): number[] {
  const bounds = [0];
  for (const m of text.matchAll(SENTENCE_END)) bounds.push(m.index + m[0].length);
  if (bounds.at(-1) !== text.length) bounds.push(text.length);
  return bounds;
}
