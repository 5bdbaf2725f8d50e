import { STOPWORDS } from './stopwords.ts';
import { CJK } from './script.ts';
import { stem } from './stem.ts';

/**
 * Tokenization shared by index and query, applied to normalized text.
 *
 * Japanese has no spaces, so runs of kanji and kana become overlapping character bigrams, plus the
 * run's last character alone: every character then starts some term, which lets a single-kanji
 * query (核) be a prefix search. English (and other spaced scripts) become lightly stemmed words
 * without stop words. Measured on the seed, bigrams with every bigram of a keyword required find
 * 朝鮮 inside 北朝鮮 and 露朝 inside 露朝間, which word segmentation misses.
 */

const NON_CJK_ALNUM = String.raw`(?:(?![${CJK}])[\p{L}\p{N}])`;
const CJK_RUN_OR_WORD = new RegExp(
  `([${CJK}]+)|(${NON_CJK_ALNUM}+(?:['’]${NON_CJK_ALNUM}+)*)`,
  'gu',
);
const DOTTED_ACRONYM = /\b(?:[a-z]\.){2,}/g;

export interface Keyword {
  kind: 'cjk' | 'word';
  /** The keyword as normalized text (a CJK run or an English word). */
  text: string;
  /** Index terms that must all be present. */
  terms: string[];
}

/** "u.s." -> "us" so that acronyms survive as one word. */
export function foldAcronyms(text: string): string {
  return text.replace(DOTTED_ACRONYM, (m) => m.replace(/\./g, ''));
}

/** Index terms of a Japanese run: its bigrams, and its last character alone. */
export function cjkTerms(run: string): string[] {
  const chars = Array.from(run);
  const terms: string[] = [];
  for (let i = 0; i < chars.length; i++) terms.push(chars[i]! + (chars[i + 1] ?? ''));
  return terms;
}

/**
 * Query terms of a Japanese keyword: its bigrams only (the keyword may sit inside a longer run,
 * where its last character is not a run end), or the single character of a one-character keyword.
 */
function cjkQueryTerms(run: string): string[] {
  const terms = cjkTerms(run);
  return terms.length > 1 ? terms.slice(0, -1) : terms;
}

/** The English index term of a word, or undefined for stop words and single letters. */
export function wordTerm(word: string): string | undefined {
  const w = word.replace(/['’].*$/, '');
  if (w.length < 2 && !/\d/.test(w)) return undefined;
  if (STOPWORDS.has(w)) return undefined;
  return stem(w);
}

/** Splits normalized query text into keywords: CJK runs and words, in order. */
export function keywords(normalized: string): Keyword[] {
  const out: Keyword[] = [];
  for (const m of foldAcronyms(normalized).matchAll(CJK_RUN_OR_WORD)) {
    if (m[1]) {
      out.push({ kind: 'cjk', text: m[1], terms: cjkQueryTerms(m[1]) });
    } else if (m[2]) {
      const term = wordTerm(m[2]);
      if (term) out.push({ kind: 'word', text: m[2].replace(/['’].*$/, ''), terms: [term] });
    }
  }
  return out;
}

/** Every index term of a normalized text (MiniSearch's tokenizer). */
export function indexTerms(normalized: string): string[] {
  const terms: string[] = [];
  for (const m of foldAcronyms(normalized).matchAll(CJK_RUN_OR_WORD)) {
    if (m[1]) terms.push(...cjkTerms(m[1]));
    else if (m[2]) {
      const term = wordTerm(m[2]);
      if (term) terms.push(term);
    }
  }
  return terms;
}
