import SearchableMap from 'minisearch/SearchableMap';
import { CJK } from '../text/script.ts';

/**
 * A compact inverted index that answers the paragraph index's queries with exactly MiniSearch's
 * results (same documents, same BM25+ scores, same matched terms), but without MiniSearch's cost at
 * 100,000 paragraphs: postings live in typed arrays instead of a Map per term, AND queries start
 * from the rarest term and only probe the others, and scores are computed for candidates only.
 *
 * MiniSearch semantics kept on purpose (see minisearch/dist/es/index.js, `executeQuerySpec`,
 * `termResults`, `combinators`, `search`): BM25+ with k=1.2, b=0.7, d=0.5; field length = number of
 * distinct terms; average field length updated document by document; prefix weight
 * 0.375·len/(len+0.3·distance), fuzzy weight 0.45·len/(len+distance); scores summed left to right
 * in query order; final score multiplied by the number of distinct query terms matched. The term
 * dictionary is a SearchableMap filled in MiniSearch's insertion order, so prefix and fuzzy
 * expansions come in MiniSearch's order and float sums match to the last bit.
 */

/** One query term, as MiniSearch's QuerySpec: exact term plus optional prefix and fuzzy expansion. */
export interface TermSpec {
  term: string;
  prefix: boolean;
  /** MiniSearch's `fuzzy` option: false, a fraction of the term length, or a distance. */
  fuzzy: number | false;
}

/** Specs that must all match (MiniSearch's AND subquery); a keyword of the paragraph index. */
export type KeywordSpecs = TermSpec[];

export interface TermHit {
  id: number;
  score: number;
  /** Document terms matched, in MiniSearch's order (`Object.keys(match)`). */
  terms: string[];
}

export interface TermSearchOptions {
  combineWith: 'AND' | 'OR';
  /** Documents accepted; applied before scoring (MiniSearch applies it after: same set). */
  filter?: (id: number) => boolean;
}

/** The serializable parts: everything needed to answer without re-tokenizing the corpus. */
export interface TermIndexData {
  /** Terms in first-occurrence order (MiniSearch's insertion order). */
  terms: string[];
  /** Postings of term t are docs[offsets[t]..offsets[t+1]), ascending, with their term frequencies. */
  offsets: Uint32Array;
  docs: Uint32Array;
  freqs: Uint16Array;
  /** Distinct terms per document (MiniSearch's field length; 32 bits, so never capped). */
  fieldLength: Uint32Array;
  avgFieldLength: number;
}

/** One term's postings: document ids ascending, with their term frequencies. */
export interface PostingList {
  docs: Uint32Array;
  freqs: Uint16Array;
}

/**
 * The postings as the term index reads them: a full build (TermIndexData), or a full build plus
 * the statements added and removed since (./segments.ts). Either way the index sees what a build
 * from scratch of the same documents would hold: the same terms in the same order, document
 * frequencies, field lengths and average. Only document ids differ: they are ids of the source's
 * id space, where removed documents keep their ids (listed in `removed`) and added ones come after.
 */
export interface PostingSource {
  /** Terms in a build from scratch's first-occurrence order (MiniSearch's insertion order). */
  readonly terms: readonly string[];
  /** Documents that exist: a build from scratch's document count. */
  readonly documentCount: number;
  /** Size of the document id space, removed documents included. */
  readonly idSpace: number;
  /** Distinct terms per document id. */
  readonly fieldLength: Uint32Array;
  readonly avgFieldLength: number;
  /** 1 for the ids of removed documents; absent when there are none. Their postings may remain. */
  readonly removed?: Uint8Array | undefined;
  /** Documents holding term `t` (removed ones not counted). */
  df(t: number): number;
  /** Postings of term `t`, ascending (removed documents may be among them). */
  postings(t: number): PostingList;
}

/** A full build as a posting source: postings are views into its arrays. */
export class BuiltPostings implements PostingSource {
  readonly terms: readonly string[];
  readonly documentCount: number;
  readonly idSpace: number;
  readonly fieldLength: Uint32Array;
  readonly avgFieldLength: number;

  constructor(readonly data: TermIndexData) {
    this.terms = data.terms;
    this.documentCount = this.idSpace = data.fieldLength.length;
    this.fieldLength = data.fieldLength;
    this.avgFieldLength = data.avgFieldLength;
  }

  df(t: number): number {
    return this.data.offsets[t + 1]! - this.data.offsets[t]!;
  }

  /** Views made once per term: a question checks the same terms in many statements (hasTermIn). */
  private readonly lists: (PostingList | undefined)[] = [];

  postings(t: number): PostingList {
    let list = this.lists[t];
    if (!list) {
      const { offsets, docs, freqs } = this.data;
      this.lists[t] = list = {
        docs: docs.subarray(offsets[t]!, offsets[t + 1]!),
        freqs: freqs.subarray(offsets[t]!, offsets[t + 1]!),
      };
    }
    return list;
  }
}

const K = 1.2;
const B = 0.7;
const D = 0.5;
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY = 6;
const CJK_START = new RegExp(`^[${CJK}]`, 'u');
/** About 12 bytes each: 2,000,000 postings stay under 25 MB. */
const EXPANDED_CACHE_POSTINGS = 2_000_000;

/** Builds the index data from each document's term list (in document order, ids 0..n-1). */
export function buildTermIndexData(documents: Iterable<readonly string[]>): TermIndexData {
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const postingDocs: number[][] = [];
  const postingFreqs: number[][] = [];
  const fieldLengths: number[] = [];
  let avg = 0;
  let count = 0;
  const local = new Map<number, number>();
  for (const tokens of documents) {
    local.clear();
    for (const term of tokens) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = terms.length;
        termIds.set(term, id);
        terms.push(term);
        postingDocs.push([]);
        postingFreqs.push([]);
      }
      local.set(id, (local.get(id) ?? 0) + 1);
    }
    // MiniSearch: addFieldLength(doc, field, documentCount - 1, uniqueTerms), same float recurrence.
    const length = local.size;
    avg = (avg * count + length) / (count + 1);
    fieldLengths.push(length);
    for (const [id, freq] of local) {
      postingDocs[id]!.push(count);
      postingFreqs[id]!.push(freq);
    }
    count++;
  }
  const offsets = new Uint32Array(terms.length + 1);
  let total = 0;
  for (let t = 0; t < terms.length; t++) {
    offsets[t] = total;
    total += postingDocs[t]!.length;
  }
  offsets[terms.length] = total;
  const docs = new Uint32Array(total);
  const freqs = new Uint16Array(total);
  for (let t = 0; t < terms.length; t++) {
    docs.set(postingDocs[t]!, offsets[t]!);
    const f = postingFreqs[t]!;
    for (let i = 0; i < f.length; i++) freqs[offsets[t]! + i] = Math.min(f[i]!, 0xffff);
  }
  return {
    terms,
    offsets,
    docs,
    freqs,
    fieldLength: Uint32Array.from(fieldLengths),
    avgFieldLength: avg,
  };
}

/** Per-document scratch of the searches, zero between searches (see the TermIndex constructor). */
let shared = { acc: new Float64Array(0), seen: new Uint8Array(0), masks: new Float64Array(0) };

/** Postings of one expanded term with its MiniSearch weight. */
interface WeightedTerm {
  term: string;
  id: number;
  weight: number;
}

/** A spec resolved against the dictionary: its expanded terms and the documents matching any of them. */
export interface ResolvedSpec {
  source: string;
  expanded: WeightedTerm[];
  /** Matching documents ascending, and the spec's score for each (computed on demand for exact specs). */
  docs: Uint32Array;
  scores?: Float64Array;
  /** For a single exact term: the frequencies beside `docs`, and how many documents hold the term. */
  freqs?: Uint16Array;
  df?: number;
  /** The highest of `scores`, once asked (see bound). */
  max?: number;
}

export interface TermResults {
  /** Matching documents, ascending, with their final scores. */
  ids: number[];
  scores: Float64Array;
  /** Which keywords each document matched (bit k = keyword k). */
  keywordMask: Float64Array;
  resolved: ResolvedSpec[][];
}

/** The best documents of an OR search, in rank order (see TermIndex.searchTop). */
export interface TopResults {
  ids: number[];
  scores: number[];
  keywordMask: number[];
  resolved: ResolvedSpec[][];
  /** Whether these are all the matching documents: when not, more can be asked for. */
  complete: boolean;
}

/** Bounds of scores are raised by this share, against rounding (see searchTop). */
const BOUND_MARGIN = 1 + 1e-9;

export class TermIndex {
  private readonly source: PostingSource;
  private readonly ids = new Map<string, number>();
  private cjkTree: SearchableMap<number> | undefined;
  private wordTree: SearchableMap<number> | undefined;
  private readonly documentCount: number;
  private readonly removed: Uint8Array | undefined;
  private readonly acc: Float64Array;
  private readonly seen: Uint8Array;
  private readonly masks: Float64Array;

  constructor(source: PostingSource | TermIndexData) {
    this.source = 'postings' in source ? source : new BuiltPostings(source);
    this.source.terms.forEach((t, i) => {
      this.ids.set(t, i);
    });
    this.documentCount = this.source.documentCount;
    this.removed = this.source.removed;
    const space = this.source.idSpace;
    // Every search leaves them zeroed and searches never interleave (they are synchronous), so
    // all indexes share one set: an update does not allocate another 17 MB at a million paragraphs.
    if (shared.seen.length < space)
      shared = {
        acc: new Float64Array(space),
        seen: new Uint8Array(space),
        masks: new Float64Array(space),
      };
    ({ acc: this.acc, seen: this.seen, masks: this.masks } = shared);
  }

  get size(): number {
    return this.documentCount;
  }

  /** How many documents hold a term exactly (0 when it is not indexed). */
  documentFrequency(term: string): number {
    const id = this.ids.get(term);
    return id === undefined ? 0 : this.source.df(id);
  }

  /** Whether some document in [from, to) holds the term exactly: one binary search in its postings. */
  hasTermIn(term: string, from: number, to: number): boolean {
    const id = this.ids.get(term);
    if (id === undefined) return false;
    // Callers ask about the range of a statement that exists: no removed document lies in it.
    const { docs } = this.source.postings(id);
    const lo = lowerBound(docs, from, 0);
    return lo < docs.length && docs[lo]! < to;
  }

  /** Builds both trees now (see tree), so that no question pays for them. */
  prepare(): void {
    this.tree('a');
    this.tree('あ');
  }

  /**
   * Radix trees for prefix and fuzzy expansion, built on first use: one for Japanese terms, one for
   * the others. A word never fuzzy- or prefix-matches a Japanese bigram (no shared characters, and
   * the edit distance would exceed MiniSearch's bound), so splitting changes no result; it spares
   * English fuzzy searches a walk through thousands of kanji branches.
   */
  private tree(term: string): SearchableMap<number> {
    const cjk = CJK_START.test(term);
    let map = cjk ? this.cjkTree : this.wordTree;
    if (!map) {
      map = new SearchableMap<number>();
      const { terms } = this.source;
      for (let i = 0; i < terms.length; i++) {
        const t = terms[i]!;
        if (CJK_START.test(t) === cjk) map.set(t, i);
      }
      if (cjk) this.cjkTree = map;
      else this.wordTree = map;
    }
    return map;
  }

  /**
   * MiniSearch's calcBM25Score, operation for operation, as a function of a posting's frequency
   * and document for one term: its inverse document frequency (a logarithm) and the field lengths
   * read once per term, not once per posting.
   */
  private bm25For(df: number): (freq: number, doc: number) => number {
    const invDocFreq = Math.log(1 + (this.documentCount - df + 0.5) / (df + 0.5));
    const { fieldLength, avgFieldLength } = this.source;
    return (freq, doc) =>
      invDocFreq *
      (D + (freq * (K + 1)) / (freq + K * (1 - B + (B * fieldLength[doc]!) / avgFieldLength)));
  }

  /** Exact term, then prefix expansions, then fuzzy ones: MiniSearch's executeQuerySpec order. */
  private expand(spec: TermSpec): WeightedTerm[] {
    const out: WeightedTerm[] = [];
    const exact = this.ids.get(spec.term);
    if (exact !== undefined) out.push({ term: spec.term, id: exact, weight: 1 });
    if (!spec.prefix && !spec.fuzzy) return out;
    let fuzzyMatches: Map<string, [number, number]> | undefined;
    if (spec.fuzzy) {
      const f = spec.fuzzy;
      const maxDistance = f < 1 ? Math.min(MAX_FUZZY, Math.round(spec.term.length * f)) : f;
      if (maxDistance) fuzzyMatches = this.tree(spec.term).fuzzyGet(spec.term, maxDistance);
    }
    if (spec.prefix) {
      for (const [term, id] of this.tree(spec.term).atPrefix(spec.term)) {
        const distance = term.length - spec.term.length;
        if (!distance) continue;
        fuzzyMatches?.delete(term);
        out.push({
          term,
          id,
          weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance),
        });
      }
    }
    if (fuzzyMatches) {
      for (const [term, [id, distance]] of fuzzyMatches) {
        if (!distance) continue;
        out.push({ term, id, weight: (FUZZY_WEIGHT * term.length) / (term.length + distance) });
      }
    }
    return out;
  }

  /**
   * Expanded specs (a single kanji's bigrams, an English prefix, fuzzy variants) are costly to
   * merge and recur across the attempts of one question and across questions; their merged lists
   * are kept, most recently used last, up to a bounded number of postings.
   */
  private readonly expandedCache = new Map<string, ResolvedSpec>();
  private expandedCacheSize = 0;

  private resolve(spec: TermSpec): ResolvedSpec {
    if (!spec.prefix && !spec.fuzzy) return this.resolveUncached(spec);
    const key = `${spec.prefix ? 'p' : '-'}${spec.fuzzy === false ? '-' : spec.fuzzy}:${spec.term}`;
    const cached = this.expandedCache.get(key);
    if (cached) {
      this.expandedCache.delete(key);
      this.expandedCache.set(key, cached);
      return cached;
    }
    const resolved = this.resolveUncached(spec);
    if (resolved.scores) {
      this.expandedCache.set(key, resolved);
      this.expandedCacheSize += resolved.docs.length;
      for (const [k, old] of this.expandedCache) {
        if (this.expandedCacheSize <= EXPANDED_CACHE_POSTINGS) break;
        this.expandedCache.delete(k);
        this.expandedCacheSize -= old.docs.length;
      }
    }
    return resolved;
  }

  private resolveUncached(spec: TermSpec): ResolvedSpec {
    const expanded = this.expand(spec);
    if (expanded.length === 0) return { source: spec.term, expanded, docs: new Uint32Array(0) };
    if (expanded.length === 1 && expanded[0]!.weight === 1) {
      const id = expanded[0]!.id;
      const { docs, freqs } = this.source.postings(id);
      return { source: spec.term, expanded, docs, freqs, df: this.source.df(id) };
    }
    // Several terms: accumulate per document in expansion order (MiniSearch's `result.score += ...`).
    const { acc, seen, removed } = this;
    const touched: number[] = [];
    for (const w of expanded) {
      const bm25 = this.bm25For(this.source.df(w.id));
      const { docs, freqs } = this.source.postings(w.id);
      for (let p = 0; p < docs.length; p++) {
        const doc = docs[p]!;
        if (removed?.[doc]) continue;
        const score = w.weight * bm25(freqs[p]!, doc);
        if (seen[doc]) acc[doc] = acc[doc]! + score;
        else {
          seen[doc] = 1;
          acc[doc] = score;
          touched.push(doc);
        }
      }
    }
    const sorted = Uint32Array.from(touched).sort();
    const scores = new Float64Array(sorted.length);
    for (let i = 0; i < sorted.length; i++) {
      const doc = sorted[i]!;
      scores[i] = acc[doc]!;
      acc[doc] = 0;
      seen[doc] = 0;
    }
    return { source: spec.term, expanded, docs: sorted, scores };
  }

  /** The spec's score for documents known to match it, in ascending order. */
  private scoresFor(spec: ResolvedSpec, candidates: Uint32Array | number[]): Float64Array {
    const out = new Float64Array(candidates.length);
    // Candidates that are the spec's own list need no search in it.
    const own = candidates === spec.docs;
    const bm25 = spec.scores ? undefined : this.bm25For(spec.df!);
    let j = 0;
    for (let i = 0; i < candidates.length; i++) {
      const doc = candidates[i]!;
      j = own ? i : lowerBound(spec.docs, doc, j);
      if (spec.scores) out[i] = spec.scores[j]!;
      else {
        const w = spec.expanded[0]!;
        // MiniSearch multiplies the raw score by termWeight * termBoost * fieldBoost * docBoost (all 1 here).
        out[i] = w.weight * bm25!(spec.freqs![j]!, doc);
      }
    }
    return out;
  }

  /** Documents present in every spec's list, rarest list first; the filter runs on survivors only. */
  private intersect(
    specs: ResolvedSpec[],
    userFilter?: (id: number) => boolean,
  ): number[] | Uint32Array {
    if (specs.length === 0 || specs.some((s) => s.docs.length === 0)) return [];
    // Removed documents may still sit in the postings of the full build: never a result.
    const { removed } = this;
    const filter = removed
      ? (id: number) => !removed[id] && (!userFilter || userFilter(id))
      : userFilter;
    if (specs.length === 1) {
      const docs = specs[0]!.docs;
      // The list itself, not a copy (a common word's is hundreds of thousands at a million paragraphs).
      if (!filter) return docs;
      const out: number[] = [];
      for (let i = 0; i < docs.length; i++) if (filter(docs[i]!)) out.push(docs[i]!);
      return out;
    }
    const order = [...specs].sort((a, b) => a.docs.length - b.docs.length);
    let candidates: ArrayLike<number> = order[0]!.docs;
    for (let s = 1; s < order.length && candidates.length > 0; s++) {
      const list = order[s]!.docs;
      const kept: number[] = [];
      let j = 0;
      for (let i = 0; i < candidates.length; i++) {
        const doc = candidates[i]!;
        j = lowerBound(list, doc, j);
        if (j < list.length && list[j] === doc) kept.push(doc);
      }
      candidates = kept;
    }
    const out: number[] = [];
    for (let i = 0; i < candidates.length; i++)
      if (!filter || filter(candidates[i]!)) out.push(candidates[i]!);
    return out;
  }

  /**
   * All matching documents with MiniSearch's scores, as parallel arrays (ids ascending). Each
   * keyword is an AND of its specs; keywords are combined with `combineWith`.
   */
  search(keywords: KeywordSpecs[], options: TermSearchOptions): TermResults {
    const resolved = keywords.map((k) => k.map((s) => this.resolve(s)));
    const sourcesOf = (mask: number) => {
      const set = new Set<string>();
      resolved.forEach((specs, k) => {
        if (hasBit(mask, k)) for (const s of specs) set.add(s.source);
      });
      return set.size || 1;
    };
    if (options.combineWith === 'AND' || resolved.length === 1) {
      const found = this.intersect(resolved.flat(), options.filter);
      const perSpec = resolved.map((specs) => specs.map((s) => this.scoresFor(s, found)));
      const ids = Array.isArray(found) ? found : Array.from(found);
      const scores = new Float64Array(ids.length);
      const full = 2 ** resolved.length - 1;
      const quality = sourcesOf(full);
      // Left-to-right sums: within a keyword over its specs, then over keywords (MiniSearch's reduce).
      const keywordScore = new Float64Array(ids.length);
      perSpec.forEach((specs, k) => {
        specs.forEach((column, s) => {
          if (s === 0) keywordScore.set(column);
          else for (let i = 0; i < ids.length; i++) keywordScore[i] = keywordScore[i]! + column[i]!;
        });
        if (k === 0) scores.set(keywordScore);
        else for (let i = 0; i < ids.length; i++) scores[i] = scores[i]! + keywordScore[i]!;
      });
      for (let i = 0; i < ids.length; i++) scores[i] = scores[i]! * quality;
      return { ids, scores, keywordMask: new Float64Array(ids.length).fill(full), resolved };
    }
    // OR: each keyword's own AND, then summed in keyword order for the documents holding it.
    const { acc, seen, masks } = this;
    let touched: number[] = [];
    resolved.forEach((specs, k) => {
      const ids = this.intersect(specs, options.filter);
      const perSpec = specs.map((s) => this.scoresFor(s, ids));
      const bit = 2 ** k;
      for (let i = 0; i < ids.length; i++) {
        let kw = perSpec[0]![i]!;
        for (let s = 1; s < perSpec.length; s++) kw = kw + perSpec[s]![i]!;
        const doc = ids[i]!;
        if (seen[doc]) {
          acc[doc] = acc[doc]! + kw;
          masks[doc] = masks[doc]! + bit;
        } else {
          seen[doc] = 1;
          acc[doc] = kw;
          masks[doc] = bit;
          touched.push(doc);
        }
      }
    });
    // The documents in ascending order: sorted when few, else read off `seen` in one pass (at a
    // million paragraphs common words touch hundreds of thousands, and a pass is cheaper).
    let order: Uint32Array;
    if (touched.length * 16 < seen.length) order = Uint32Array.from(touched).sort();
    else {
      order = new Uint32Array(touched.length);
      let lo = touched[0] ?? 0;
      let hi = lo;
      for (const doc of touched) {
        if (doc < lo) lo = doc;
        if (doc > hi) hi = doc;
      }
      let n = 0;
      for (let doc = lo; doc <= hi && n < order.length; doc++) if (seen[doc]) order[n++] = doc;
    }
    touched = [];
    const scores = new Float64Array(order.length);
    const keywordMask = new Float64Array(order.length);
    const qualityCache = new Map<number, number>();
    let lastMask = -1;
    let lastQuality = 0;
    for (let i = 0; i < order.length; i++) {
      const doc = order[i]!;
      const mask = masks[doc]!;
      let q = mask === lastMask ? lastQuality : qualityCache.get(mask);
      if (q === undefined) qualityCache.set(mask, (q = sourcesOf(mask)));
      lastMask = mask;
      lastQuality = q;
      scores[i] = acc[doc]! * q;
      keywordMask[i] = mask;
      acc[doc] = 0;
      seen[doc] = 0;
      masks[doc] = 0;
    }
    return { ids: Array.from(order), scores, keywordMask, resolved };
  }

  /**
   * The highest score a spec can give any document: the highest of its merged scores, or for one
   * exact term the limit of BM25+ as its frequency grows (no posting is read).
   */
  private bound(spec: ResolvedSpec): number {
    if (spec.docs.length === 0) return 0;
    if (spec.scores) {
      if (spec.max === undefined) {
        let max = 0;
        for (let i = 0; i < spec.scores.length; i++)
          if (spec.scores[i]! > max) max = spec.scores[i]!;
        spec.max = max;
      }
      return spec.max;
    }
    const df = spec.df!;
    const invDocFreq = Math.log(1 + (this.documentCount - df + 0.5) / (df + 0.5));
    return spec.expanded[0]!.weight * invDocFreq * (D + K + 1);
  }

  /**
   * The first `want` documents of an OR search in (score desc, `order` asc) order, with the scores
   * `search` gives them to the last bit, without scoring every posting of common words: the
   * keywords' documents are scored from the shortest list up, each document once and in full
   * (the other lists probed), and the longer lists are left unread once no document holding only
   * their keywords could reach the last score kept. Such a document scores at most the sum of
   * those keywords' bounds times their number of sources; it is left out only when that is below
   * the last score kept, so ties are kept whatever their order. Undefined for a search that is not
   * an OR of several keywords (`search` then).
   */
  searchTop(
    keywords: KeywordSpecs[],
    options: TermSearchOptions & { order?: ArrayLike<number> | undefined },
    want: number,
  ): TopResults | undefined {
    if (options.combineWith !== 'OR' || keywords.length < 2 || want < 1) return undefined;
    const resolved = keywords.map((k) => k.map((s) => this.resolve(s)));
    const n = resolved.length;
    // The filter (and removed documents) is asked of the documents scored only, not of every
    // posting: a document it refuses is refused in every list.
    const { removed } = this;
    const userFilter = options.filter;
    const filter = removed
      ? (id: number) => !removed[id] && (!userFilter || userFilter(id))
      : userFilter;
    const lists = resolved.map((specs) => {
      const ids = specs.length === 1 ? specs[0]!.docs : this.intersect(specs);
      return ids instanceof Uint32Array ? ids : Uint32Array.from(ids);
    });
    const sources = new Map<number, number>();
    const sourcesOf = (mask: number) => {
      let q = sources.get(mask);
      if (q === undefined) {
        const set = new Set<string>();
        resolved.forEach((specs, k) => {
          if (hasBit(mask, k)) for (const s of specs) set.add(s.source);
        });
        sources.set(mask, (q = set.size || 1));
      }
      return q;
    };
    const byLength = [...lists.keys()]
      .filter((k) => lists[k]!.length > 0)
      .sort((a, b) => lists[a]!.length - lists[b]!.length || a - b);
    // What a document holding only the keywords from byLength[j] on can score at most.
    const restBound = new Float64Array(byLength.length + 1);
    for (let j = byLength.length - 1, sum = 0, mask = 0; j >= 0; j--) {
      const k = byLength[j]!;
      for (const s of resolved[k]!) sum += this.bound(s);
      mask += 2 ** k;
      restBound[j] = sum * sourcesOf(mask) * BOUND_MARGIN;
    }
    const bm25 = resolved.map((specs) =>
      specs.map((s) => (s.scores ? undefined : this.bm25For(s.df!))),
    );
    const at = new Int32Array(n);
    const specAt = resolved.map((specs) => new Int32Array(specs.length));
    const tie = (doc: number) => (options.order ? options.order[doc]! : doc);
    // The best so far, worst first (a binary heap): document, score, keywords.
    const heapDocs: number[] = [];
    const heapScores: number[] = [];
    const heapMasks: number[] = [];
    const worse = (i: number, j: number) =>
      heapScores[i]! < heapScores[j]! ||
      (heapScores[i] === heapScores[j] && tie(heapDocs[i]!) > tie(heapDocs[j]!));
    const swap = (i: number, j: number) => {
      [heapDocs[i], heapDocs[j]] = [heapDocs[j]!, heapDocs[i]!];
      [heapScores[i], heapScores[j]] = [heapScores[j]!, heapScores[i]!];
      [heapMasks[i], heapMasks[j]] = [heapMasks[j]!, heapMasks[i]!];
    };
    const down = (i: number) => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heapDocs.length && worse(l, m)) m = l;
        if (r < heapDocs.length && worse(r, m)) m = r;
        if (m === i) return;
        swap(i, m);
        i = m;
      }
    };
    let dropped = false;
    const keep = (doc: number, score: number, mask: number) => {
      if (heapDocs.length < want) {
        heapDocs.push(doc);
        heapScores.push(score);
        heapMasks.push(mask);
        for (let i = heapDocs.length - 1; i > 0; ) {
          const p = (i - 1) >> 1;
          if (!worse(i, p)) break;
          swap(i, p);
          i = p;
        }
        return;
      }
      dropped = true;
      const s0 = heapScores[0]!;
      if (score < s0 || (score === s0 && tie(doc) > tie(heapDocs[0]!))) return;
      heapDocs[0] = doc;
      heapScores[0] = score;
      heapMasks[0] = mask;
      down(0);
    };
    let j = 0;
    for (; j < byLength.length; j++) {
      if (heapDocs.length === want && restBound[j]! < heapScores[0]!) break;
      const list = lists[byLength[j]!]!;
      at.fill(0);
      for (const a of specAt) a.fill(0);
      documents: for (let d = 0; d < list.length; d++) {
        const doc = list[d]!;
        if (filter && !filter(doc)) continue;
        // Scored already with a shorter list it is in.
        for (let e = 0; e < j; e++) {
          const k = byLength[e]!;
          const other = lists[k]!;
          const p = (at[k] = lowerBound(other, doc, at[k]!));
          if (p < other.length && other[p] === doc) continue documents;
        }
        // MiniSearch's sums: within a keyword over its specs, then over keywords in query order.
        let score = 0;
        let mask = 0;
        for (let k = 0; k < n; k++) {
          const other = lists[k]!;
          const p = (at[k] = lowerBound(other, doc, at[k]!));
          if (!(p < other.length && other[p] === doc)) continue;
          const specs = resolved[k]!;
          let kw = 0;
          for (let s = 0; s < specs.length; s++) {
            const spec = specs[s]!;
            const q = (specAt[k]![s] = lowerBound(spec.docs, doc, specAt[k]![s]!));
            const v = spec.scores
              ? spec.scores[q]!
              : spec.expanded[0]!.weight * bm25[k]![s]!(spec.freqs![q]!, doc);
            kw = s === 0 ? v : kw + v;
          }
          score = mask === 0 ? kw : score + kw;
          mask += 2 ** k;
        }
        keep(doc, score * sourcesOf(mask), mask);
      }
    }
    const ranked = [...heapDocs.keys()].sort(
      (a, b) => heapScores[b]! - heapScores[a]! || tie(heapDocs[a]!) - tie(heapDocs[b]!),
    );
    return {
      ids: ranked.map((i) => heapDocs[i]!),
      scores: ranked.map((i) => heapScores[i]!),
      keywordMask: ranked.map((i) => heapMasks[i]!),
      resolved,
      complete: j === byLength.length && !dropped,
    };
  }

  /** Document terms matched by a document, in MiniSearch's `Object.keys(match)` order. */
  matchedTerms(doc: number, resolved: ResolvedSpec[][], keywordMask: number): string[] {
    const out: string[] = [];
    resolved.forEach((specs, k) => {
      if (!hasBit(keywordMask, k)) return;
      for (const s of specs) {
        for (const w of s.expanded) {
          const list = this.source.postings(w.id).docs;
          const at = lowerBound(list, doc, 0);
          if (at < list.length && list[at] === doc && !out.includes(w.term)) out.push(w.term);
        }
      }
    });
    return out;
  }
}

/** Keyword sets are plain numbers (sums of powers of two) so that more than 32 keywords still work. */
function hasBit(mask: number, k: number): boolean {
  return Math.floor(mask / 2 ** k) % 2 === 1;
}

/** First position at or after `from` whose value is >= target (galloping, then binary search). */
function lowerBound(list: Uint32Array, target: number, from: number): number {
  let lo = from;
  let step = 1;
  let hi = from;
  while (hi < list.length && list[hi]! < target) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  if (hi > list.length) hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
