/** Brackets around readings and English names in Japanese text, and finding their partner. */

export const OPEN_BRACKETS = new Set(['(', '（']);
export const CLOSE_BRACKETS = new Set([')', '）']);

/** Index of the bracket closing the one at `open`, looking at most `limit` characters ahead. */
export function findClose(text: string, open: number, limit: number): number {
  const stop = Math.min(text.length, open + 1 + limit);
  for (let i = open + 1; i < stop; i++) {
    const c = text[i]!;
    if (CLOSE_BRACKETS.has(c)) return i;
    if (OPEN_BRACKETS.has(c) || c === '\n') return -1;
  }
  return -1;
}

/** Index of the bracket opening the one at `close`, looking at most `limit` characters back. */
export function findOpen(text: string, close: number, limit: number): number {
  const stop = Math.max(-1, close - 1 - limit);
  for (let i = close - 1; i > stop; i--) {
    const c = text[i]!;
    if (OPEN_BRACKETS.has(c)) return i;
    if (CLOSE_BRACKETS.has(c) || c === '\n') return -1;
  }
  return -1;
}
