import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import type { Statement } from '../corpus/types.ts';
import { normalize } from '../text/normalize.ts';
import { indexTerms, type Keyword } from '../text/tokenize.ts';
import { isWordAlignedMatch } from '../text/wordBoundary.ts';

/** One indexed paragraph: positions into the statement list, never copies of metadata. */
export interface Entry {
  statement: number;
  paragraph: number;
}

export interface Hit {
  id: number;
  score: number;
  /** Index terms that matched (English stems, Japanese bigrams). */
  terms: string[];
}

export interface FindOptions {
  combineWith: 'AND' | 'OR';
  /** Only entries accepted by this predicate are returned. */
  filter?: (entry: Entry) => boolean;
  /** Phrases (normalized) that must appear in the paragraph. */
  phrases?: string[];
  /** Stop after this many verified hits (results are in score order). */
  limit?: number;
}

function keywordQuery(k: Keyword): Query {
  if (k.kind === 'cjk') {
    // Every bigram of a Japanese keyword is required; a single character is a prefix of its bigrams.
    return k.terms.length === 1
      ? { queries: k.terms, prefix: true, fuzzy: false }
      : { queries: k.terms, combineWith: 'AND', prefix: false, fuzzy: false };
  }
  const term = k.terms[0]!;
  const numeric = /\d/.test(term);
  return {
    queries: [term],
    prefix: !numeric && term.length >= 4,
    fuzzy: !numeric && term.length >= 7 ? 0.2 : false,
  };
}

/** Whether the normalized paragraph really holds a Japanese keyword (not a bigram coincidence). */
export function containsKeyword(normalizedText: string, k: Keyword): boolean {
  if (k.kind !== 'cjk') return true;
  for (let at = normalizedText.indexOf(k.text); at !== -1; at = normalizedText.indexOf(k.text, at + 1)) {
    if (isWordAlignedMatch(normalizedText, at, at + k.text.length)) return true;
  }
  return false;
}

/**
 * The paragraph index: one MiniSearch over every paragraph of every statement, with the
 * normalized text kept for verifying Japanese matches. Statement metadata stays in `statements`.
 */
export class ParagraphIndex {
  readonly statements: readonly Statement[];
  readonly entries: Entry[] = [];
  private readonly normalized: string[] = [];
  private readonly search: MiniSearch<{ id: number; text: string }>;

  constructor(statements: readonly Statement[]) {
    this.statements = statements;
    this.search = new MiniSearch<{ id: number; text: string }>({
      fields: ['text'],
      tokenize: indexTerms,
      processTerm: (t) => t,
      searchOptions: { tokenize: (t) => [t], processTerm: (t) => t },
    });
    const docs: { id: number; text: string }[] = [];
    statements.forEach((s, si) =>
      s.paragraphs.forEach((p, pi) => {
        const id = this.entries.length;
        this.entries.push({ statement: si, paragraph: pi });
        const text = normalize(p.text);
        this.normalized.push(text);
        docs.push({ id, text });
      }),
    );
    this.search.addAll(docs);
  }

  normalizedText(id: number): string {
    return this.normalized[id]!;
  }

  /** Verified hits in score order; ties keep corpus order so answers are stable. */
  find(list: Keyword[], options: FindOptions): Hit[] {
    if (list.length === 0) return [];
    const { filter, phrases = [], limit = Infinity } = options;
    const results: SearchResult[] = this.search.search(
      { combineWith: options.combineWith, queries: list.map(keywordQuery) },
      filter ? { filter: (r) => filter(this.entries[r.id as number]!) } : {},
    );
    results.sort((a, b) => b.score - a.score || (a.id as number) - (b.id as number));
    const hits: Hit[] = [];
    for (const r of results) {
      const id = r.id as number;
      const text = this.normalized[id]!;
      const present = list.filter((k) => containsKeyword(text, k));
      if (options.combineWith === 'AND' ? present.length < list.length : present.length === 0) continue;
      if (!phrases.every((p) => text.replace(/\s+/g, ' ').includes(p))) continue;
      hits.push({ id, score: r.score, terms: r.terms });
      if (hits.length >= limit) break;
    }
    return hits;
  }
}
