/** Character classes of Japanese text, by code point: cheap, and no regex per character. */

export function isKanji(c: string | undefined): boolean {
  if (!c) return false;
  const x = c.charCodeAt(0);
  return (x >= 0x4e00 && x <= 0x9fff) || (x >= 0x3400 && x <= 0x4dbf) || (x >= 0xf900 && x <= 0xfaff) || c === '々' || c === '〆';
}

/** Katakana including the middle dot ・, the long mark ー and the ＝ of some foreign names. */
export function isKatakana(c: string | undefined): boolean {
  if (!c) return false;
  const x = c.charCodeAt(0);
  return (x >= 0x30a1 && x <= 0x30ff) || c === '＝' || c === '=' || (x >= 0xff66 && x <= 0xff9f);
}

export function isKana(c: string | undefined): boolean {
  if (!c) return false;
  const x = c.charCodeAt(0);
  return (x >= 0x3041 && x <= 0x309f) || isKatakana(c);
}

export function isNameChar(c: string | undefined): boolean {
  return isKanji(c) || isKatakana(c);
}

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
