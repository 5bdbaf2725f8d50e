/**
 * A list of texts read by position: an array, or texts kept in a few large strings and sliced
 * when asked (see TextBlock in ../engine/persist.ts), so that a start does not make a million
 * slices for the few paragraphs a question reads.
 */
export interface TextList {
  readonly length: number;
  at(index: number): string | undefined;
}

/** The texts [from, to) as an array (the list itself when it is an array and whole). */
export function textsIn(list: TextList, from: number, to: number): string[] {
  if (Array.isArray(list)) return from === 0 && to === list.length ? list : list.slice(from, to);
  const out = new Array<string>(to - from);
  for (let i = from; i < to; i++) out[i - from] = list.at(i)!;
  return out;
}
