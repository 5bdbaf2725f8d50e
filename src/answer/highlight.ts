import { containsKeyword } from '../index/paragraphIndex.ts';
import { normalizeWithMap, originalRange, type MappedText } from '../text/offsets.ts';
import { CJK } from '../text/script.ts';
import { foldAcronyms, wordTerm, type Keyword } from '../text/tokenize.ts';
import { isWordAlignedMatch } from '../text/wordBoundary.ts';

export type Range = [number, number];

const WORD = new RegExp(String.raw`(?:\p{L}\.){2,}|(?:(?![${CJK}])[\p{L}\p{N}])+`, 'gu');

/**
 * Where the query matched in a verbatim paragraph, as original-text ranges: Japanese keywords where
 * they occur as words, English words whose index term is among the matched terms (so "condemns"
 * is found for "condemned").
 */
export function matchRanges(
  original: string,
  list: Keyword[],
  matchedTerms: readonly string[],
): Range[] {
  const mapped = mappedText(original);
  const ranges: Range[] = [];
  for (const k of list) {
    if (k.kind !== 'cjk' || !containsKeyword(mapped.text, k)) continue;
    for (
      let at = mapped.text.indexOf(k.text);
      at !== -1;
      at = mapped.text.indexOf(k.text, at + 1)
    ) {
      if (isWordAlignedMatch(mapped.text, at, at + k.text.length)) {
        ranges.push(originalRange(mapped, at, at + k.text.length));
      }
    }
  }
  const terms = new Set(matchedTerms);
  if (list.some((k) => k.kind === 'word')) {
    for (const m of mapped.text.matchAll(WORD)) {
      const term = wordTerm(foldAcronyms(m[0]).replace(/\.$/, ''));
      if (term && terms.has(term))
        ranges.push(originalRange(mapped, m.index, m.index + m[0].length));
    }
  }
  return mergeRanges(ranges);
}

/**
 * The last paragraphs mapped: /when looks for each keyword of a paragraph apart and a quote
 * highlights its paragraph twice, and mapping is a normalization per character.
 */
const recentlyMapped = new Map<string, MappedText>();
const RECENTLY_MAPPED = 16;

function mappedText(original: string): MappedText {
  let mapped = recentlyMapped.get(original);
  if (!mapped) {
    if (recentlyMapped.size >= RECENTLY_MAPPED)
      recentlyMapped.delete(recentlyMapped.keys().next().value!);
    recentlyMapped.set(original, (mapped = normalizeWithMap(original)));
  }
  return mapped;
}

export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
