import { paragraphCount } from '../corpus/paragraphCount.ts';
import type { Statement } from '../corpus/types.ts';
import { textsIn, type TextList } from './texts.ts';
import { normalize } from '../text/normalize.ts';
import { primaryLanguage } from '../text/script.ts';
import { indexTerms, type Keyword } from '../text/tokenize.ts';
import { isWordAlignedMatch } from '../text/wordBoundary.ts';
import {
  buildTermIndexData,
  TermIndex,
  type KeywordSpecs,
  type TermIndexData,
  type TermSearchOptions,
} from './termIndex.ts';
import {
  docTerms,
  layout,
  makeBase,
  SegmentedPostings,
  type Base,
  type DocTerms,
  type Layout,
} from './segments.ts';

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
  /** Only paragraphs of the statements (by position) accepted by this predicate are returned. */
  filter?: ((statement: number) => boolean) | undefined;
  /** Phrases (normalized) that must appear in the paragraph. */
  phrases?: string[];
  /** Stop after this many verified hits (results are in score order). */
  limit?: number | undefined;
  /** Allow one typo in long English words (default true); callers try exact spellings first. */
  fuzzy?: boolean;
}

/**
 * What answering reads of a paragraph index: ParagraphIndex below, or the MiniSearch index the
 * bench and the tests compare it with (bench/baselines/minisearch.ts).
 */
export interface ParagraphSearch {
  /** Number of paragraphs. */
  readonly size: number;
  /** Builds now what the first searches would build. */
  prepare(): void;
  /** The statement (position) a paragraph id belongs to. */
  statementOf(id: number): number;
  /** A paragraph id's statement and position in it. */
  entry(id: number): Entry;
  statementLanguage(statement: number): string;
  normalizedText(id: number): string;
  /** Paragraph ids [from, to) of a statement's paragraphs. */
  statementRange(statement: number): [number, number];
  /** Whether a statement holds every keyword of a form. */
  statementHolds(statement: number, form: Keyword[]): boolean;
  /** Whether one paragraph holds every keyword of a form. */
  paragraphHolds(id: number, form: Keyword[]): boolean;
  /** Whether the index holds the keyword's terms at all. */
  holdsAnywhere(k: Keyword): boolean;
  /** Paragraphs holding all of `list` (unranked, ascending), exact words only. */
  paragraphsWith(list: Keyword[]): number[];
  /** Verified hits in score order; ties keep corpus order. */
  find(list: Keyword[], options: FindOptions): Hit[];
}

/** Primary language subtags by tag: a handful of tags, read for every statement of every update. */
const LANGUAGES = new Map<string, string>();
const languageOf = (tag: string): string => {
  let lang = LANGUAGES.get(tag);
  if (lang === undefined) LANGUAGES.set(tag, (lang = primaryLanguage(tag)));
  return lang;
};

/** An updated index becomes a full build again once its changes reach this many documents, or this share of the base. */
const FOLD_MIN_DOCUMENTS = 20_000;
const FOLD_SHARE = 0.05;

/** Above this many candidate paragraphs, Japanese matches are checked as substrings only. */
const MAX_VERIFIED_POSTINGS = 100;

/** Longest word given typo tolerance: no real word is longer, and the edit matrix grows with it. */
const MAX_FUZZY_WORD = 40;

/** How an English word is searched: prefix from 4 letters, one typo in 7 or more, none in numbers. */
export function wordSpec(
  term: string,
  allowFuzzy = true,
): { term: string; prefix: boolean; fuzzy: number | false } {
  const numeric = /\d/.test(term);
  return {
    term,
    prefix: !numeric && term.length >= 4,
    fuzzy:
      allowFuzzy && !numeric && term.length >= 7 && term.length <= MAX_FUZZY_WORD ? 0.2 : false,
  };
}

/** Whether the normalized paragraph really holds a Japanese keyword (not a bigram coincidence). */
export function containsKeyword(normalizedText: string, k: Keyword): boolean {
  if (k.kind !== 'cjk') return true;
  for (
    let at = normalizedText.indexOf(k.text);
    at !== -1;
    at = normalizedText.indexOf(k.text, at + 1)
  ) {
    if (isWordAlignedMatch(normalizedText, at, at + k.text.length)) return true;
  }
  return false;
}

/** MiniSearch's query spec of one keyword, for the compact index. */
function keywordSpecs(k: Keyword, exact = false, fuzzy = true): KeywordSpecs {
  if (k.kind === 'cjk') {
    return k.terms.length === 1
      ? [{ term: k.terms[0]!, prefix: true, fuzzy: false }]
      : k.terms.map((term) => ({ term, prefix: false, fuzzy: false }));
  }
  return [
    exact ? { term: k.terms[0]!, prefix: false, fuzzy: false } : wordSpec(k.terms[0]!, fuzzy),
  ];
}

export interface ParagraphIndexOptions {
  /** A compact index loaded from the cache (see ./persist.ts), instead of tokenizing the corpus. */
  data?: TermIndexData;
  /** Normalized paragraph texts, in entry order, when already known (persisted). */
  normalized?: TextList;
}

/** What `update()` hands the new index: the full build it extends and the changes over it. */
interface Update {
  base: Base;
  at: Layout;
  postings: SegmentedPostings;
  /** Normalized texts of the added documents, in the order of their ids after the base's. */
  addedTexts: string[];
  tokens: Map<Statement, StatementTokens>;
}

/** A statement's paragraphs normalized and counted, kept while the statement is added or removed. */
interface StatementTokens {
  normalized: string[];
  docs: DocTerms[];
}

/**
 * The paragraph index: every paragraph of every statement, with the normalized text kept for
 * verifying Japanese matches, answered by the compact index of ./termIndex.ts (MiniSearch's
 * results, exactly: see bench/baselines/minisearch.ts). Statement metadata stays in `statements`.
 */
export class ParagraphIndex implements ParagraphSearch {
  readonly statements: readonly Statement[];
  /** Number of paragraphs. */
  readonly size: number;
  /** Statement of each paragraph id, and each statement's first paragraph id (plus the end). */
  private readonly statementOfId: Uint32Array;
  private readonly firstId: Uint32Array;
  /** Normalized texts by paragraph id (a full build), or by term-index id (after updates, see `text`). */
  private readonly normalized: TextList;
  private readonly addedTexts: readonly string[];
  private readonly compact: TermIndex;
  /** Primary language subtag of each statement (ja, en), looked up by filters on every candidate. */
  private readonly languages: string[];
  /** The compact index's last full build: this index's own, or the one `update()` started from. */
  private readonly base: Base;
  /**
   * After `update()`: documents are numbered in corpus order for callers, as a build from scratch
   * numbers them, and by their place in the segments inside the term index; these map between
   * the two. Undefined for a full build, where both are the same.
   */
  private readonly toPhysical?: Uint32Array;
  private readonly toLogical?: Int32Array;
  private readonly postings?: SegmentedPostings;
  /** Added and removed statements' tokens, carried from update to update. */
  private readonly tokens: Map<Statement, StatementTokens>;

  constructor(
    statements: readonly Statement[],
    options: ParagraphIndexOptions = {},
    update?: Update,
  ) {
    this.statements = statements;
    this.languages = statements.map((s) => languageOf(s.language));
    // Plain typed arrays rather than an object per paragraph: an update at a million paragraphs
    // would otherwise allocate hundreds of thousands of them.
    this.firstId = new Uint32Array(statements.length + 1);
    statements.forEach((s, si) => {
      this.firstId[si + 1] = this.firstId[si]! + paragraphCount(s);
    });
    this.size = this.firstId[statements.length]!;
    this.statementOfId = new Uint32Array(this.size);
    for (let si = 0, id = 0; si < statements.length; si++) {
      for (const end = this.firstId[si + 1]!; id < end; id++) this.statementOfId[id] = si;
    }
    if (update) {
      this.base = update.base;
      this.normalized = update.base.normalized;
      this.addedTexts = update.addedTexts;
      this.toPhysical = update.at.toPhysical;
      this.toLogical = update.at.toLogical;
      this.postings = update.postings;
      this.tokens = update.tokens;
      this.compact = new TermIndex(update.postings);
      return;
    }
    this.tokens = new Map();
    this.addedTexts = [];
    this.normalized =
      options.normalized && options.normalized.length === this.size
        ? options.normalized
        : statements.flatMap((s) => s.paragraphs.map((p) => normalize(p.text)));
    const data =
      options.data ?? buildTermIndexData(textsIn(this.normalized, 0, this.size).map(indexTerms));
    this.base = makeBase(data, this.normalized, statements);
    this.compact = new TermIndex(data);
  }

  /** Builds now what the first searches would build (the compact index's prefix trees). */
  prepare(): void {
    this.compact.prepare();
  }

  /**
   * The index of `next` (the corpus after files were added, edited or removed), answering exactly
   * as `new ParagraphIndex(next)` would, without rebuilding: statements that are the same objects
   * as before keep their postings, the others are tokenized (see ./segments.ts).
   */
  update(next: readonly Statement[]): ParagraphIndex {
    const base = this.base;
    const at = layout(base, next);
    // Tokens of the statements that differ from the base now; the rest are dropped from the cache.
    const tokens = new Map<Statement, StatementTokens>();
    const tokensOf = (s: Statement): StatementTokens => {
      let t = tokens.get(s) ?? this.tokens.get(s);
      if (!t) {
        const k = base.position.get(s);
        const normalized =
          k !== undefined
            ? textsIn(base.normalized, base.firstDoc[k]!, base.firstDoc[k + 1]!)
            : s.paragraphs.map((p) => normalize(p.text));
        t = { normalized, docs: normalized.map((n) => docTerms(indexTerms(n))) };
      }
      tokens.set(s, t);
      return t;
    };
    const postings = new SegmentedPostings(base, at, (s) => tokensOf(s).docs);
    const addedTexts = at.added.flatMap((a) => tokensOf(a.statement).normalized);
    const updated = new ParagraphIndex(next, {}, { base, at, postings, addedTexts, tokens });
    // Each update rebuilds the delta and rereads the removed documents' terms: once they are many,
    // one pass over every posting (about a second at a million paragraphs) makes them the base.
    const changed =
      addedTexts.length +
      at.removedStatements.reduce((n, k) => n + base.firstDoc[k + 1]! - base.firstDoc[k]!, 0);
    if (changed > Math.max(FOLD_MIN_DOCUMENTS, FOLD_SHARE * base.data.fieldLength.length)) {
      return new ParagraphIndex(next, {
        data: updated.termData()!,
        normalized: [...updated.normalizedTexts()],
      });
    }
    return updated;
  }

  /**
   * The compact index's data in corpus order, as a build from scratch would produce it: the full
   * build's own data, or after updates their merge (a pass over every posting).
   */
  termData(): TermIndexData {
    return this.postings ? this.postings.materialize() : this.base.data;
  }

  /** The statement (position) a paragraph id belongs to. */
  statementOf(id: number): number {
    return this.statementOfId[id]!;
  }

  /** A paragraph id's statement and position in it. */
  entry(id: number): Entry {
    const statement = this.statementOfId[id]!;
    return { statement, paragraph: id - this.firstId[statement]! };
  }

  /** Normalized text by term-index id. */
  private text(physical: number): string {
    const baseSize = this.normalized.length;
    return physical < baseSize
      ? this.normalized.at(physical)!
      : this.addedTexts[physical - baseSize]!;
  }

  /** Corpus-order document id of a term-index id. */
  private logical(physical: number): number {
    return this.toLogical ? this.toLogical[physical]! : physical;
  }

  statementLanguage(statement: number): string {
    return this.languages[statement]!;
  }

  normalizedText(id: number): string {
    return this.toPhysical ? this.text(this.toPhysical[id]!) : this.normalized.at(id)!;
  }

  /** Normalized texts in corpus order (persisted with the index). */
  normalizedTexts(): readonly string[] {
    if (!this.toPhysical) return textsIn(this.normalized, 0, this.normalized.length);
    return Array.from(this.toPhysical, (p) => this.text(p));
  }

  /** Paragraph ids [from, to) of a statement's paragraphs. */
  statementRange(statement: number): [number, number] {
    return [this.firstId[statement]!, this.firstId[statement + 1]!];
  }

  /**
   * Whether a statement holds every keyword of a form (English words exactly, anywhere in it;
   * Japanese words verified in a paragraph): a few binary searches, no ranking.
   */
  statementHolds(statement: number, form: Keyword[]): boolean {
    const [from, to] = this.statementRange(statement);
    return this.rangeHolds(from, to, form);
  }

  /** Whether one paragraph holds every keyword of a form (English words exactly). */
  paragraphHolds(id: number, form: Keyword[]): boolean {
    return this.rangeHolds(id, id + 1, form);
  }

  private rangeHolds(from: number, to: number, form: Keyword[]): boolean {
    // One statement's documents (or one paragraph): consecutive in the segments too.
    const physFrom = this.toPhysical && from < to ? this.toPhysical[from]! : from;
    const physTo = this.toPhysical && from < to ? this.toPhysical[to - 1]! + 1 : to;
    return form.every((k) => {
      if (k.kind === 'cjk') {
        for (let id = from; id < to; id++)
          if (containsKeyword(this.normalizedText(id), k)) return true;
        return false;
      }
      return this.compact.hasTermIn(k.terms[0]!, physFrom, physTo);
    });
  }

  /** Whether the index holds the keyword's terms at all (a cheap first test, before any search). */
  holdsAnywhere(k: Keyword): boolean {
    return k.terms.every((t) => this.compact.documentFrequency(t) > 0);
  }

  /**
   * Paragraphs holding all of `list` (unranked, ascending): which statements mention a word,
   * without ranking thousands of paragraphs. Exact words only: no prefix or typo. Japanese
   * matches are verified at word boundaries when few; a word in thousands of paragraphs is common
   * whatever its boundaries, and verifying each would cost more than the question.
   */
  paragraphsWith(list: Keyword[]): number[] {
    if (list.length === 0) return [];
    const ids = this.inCorpusOrder(
      this.compact.search(
        list.map((k) => keywordSpecs(k, true)),
        { combineWith: 'AND' },
      ).ids,
    );
    if (!list.some((k) => k.kind === 'cjk')) return ids;
    if (ids.length > MAX_VERIFIED_POSTINGS) {
      // A Japanese keyword that is its one index term (a bigram, one character) stands in every
      // paragraph holding the term, or a longer term it begins: only the other keywords are
      // read, and most questions then decode no text (thousands of paragraphs at a million).
      const read = list.filter(
        (k) => !(k.kind === 'cjk' && k.terms.length === 1 && k.terms[0] === k.text),
      );
      if (read.length === 0) return ids;
      return ids.filter((id) => {
        const text = this.normalizedText(id);
        return read.every((k) => text.includes(k.text));
      });
    }
    return ids.filter((id) => list.every((k) => containsKeyword(this.normalizedText(id), k)));
  }

  /** Term-index ids as corpus-order ids, ascending. */
  private inCorpusOrder(ids: number[]): number[] {
    const toLogical = this.toLogical;
    if (!toLogical) return ids;
    let sorted = true;
    for (let i = 0; i < ids.length; i++) {
      ids[i] = toLogical[ids[i]!]!;
      if (i > 0 && ids[i]! < ids[i - 1]!) sorted = false;
    }
    // Added documents come after the base's in the term index, but anywhere in corpus order.
    return sorted ? ids : ids.sort((a, b) => a - b);
  }

  /** Verified hits in score order; ties keep corpus order so answers are stable. */
  find(list: Keyword[], options: FindOptions): Hit[] {
    if (list.length === 0) return [];
    const { phrases = [], limit = Infinity } = options;
    const accept = (text: string) => {
      const present = list.filter((k) => containsKeyword(text, k));
      if (options.combineWith === 'AND' ? present.length < list.length : present.length === 0)
        return false;
      return phrases.every((p) => text.replace(/\s+/g, ' ').includes(p));
    };
    return this.findCompact(this.compact, list, options, accept, limit);
  }

  /**
   * Same hits as MiniSearch would give: every match scored, then visited in (score desc, id asc)
   * order until `limit` verified hits; only the best few are sorted (top-k), more on demand.
   */
  private findCompact(
    index: TermIndex,
    list: Keyword[],
    options: FindOptions,
    accept: (text: string) => boolean,
    limit: number,
  ): Hit[] {
    const { filter } = options;
    const specs = list.map((k) => keywordSpecs(k, false, options.fuzzy ?? true));
    const searchOptions = {
      combineWith: options.combineWith,
      ...(filter ? { filter: (id: number) => filter(this.statementOfId[this.logical(id)]!) } : {}),
    };
    if (Number.isFinite(limit) && options.combineWith === 'OR' && list.length > 1)
      return this.findTop(index, specs, searchOptions, accept, limit);
    const result = index.search(specs, searchOptions);
    // Ties are broken by corpus order, whatever the ids inside the term index.
    const ids = this.toLogical ? result.ids.map((id) => this.toLogical![id]!) : result.ids;
    const hits: Hit[] = [];
    for (const i of rankedPositions(ids, result.scores, limit)) {
      const id = ids[i]!;
      if (!accept(this.normalizedText(id))) continue;
      hits.push({
        id,
        score: result.scores[i]!,
        terms: index.matchedTerms(result.ids[i]!, result.resolved, result.keywordMask[i]!),
      });
      if (hits.length >= limit) break;
    }
    return hits;
  }

  /**
   * findCompact for an OR of several keywords: only the best `limit` and a few more are scored in
   * full (TermIndex.searchTop), four times as many again while verification rejects some. At a
   * million paragraphs the common words of a question hold hundreds of thousands of paragraphs,
   * and scoring them all was most of a question's time. The fewer kept, the sooner the longer
   * lists are left unread: `limit * 4 + 32` (the ranking's first batch) was 10-20% slower.
   */
  private findTop(
    index: TermIndex,
    specs: KeywordSpecs[],
    options: TermSearchOptions,
    accept: (text: string) => boolean,
    limit: number,
  ): Hit[] {
    const hits: Hit[] = [];
    let done = 0;
    for (let want = limit + 32; ; want *= 4) {
      const top = index.searchTop(specs, { ...options, order: this.toLogical }, want)!;
      for (let i = done; i < top.ids.length; i++) {
        const id = this.logical(top.ids[i]!);
        if (!accept(this.normalizedText(id))) continue;
        hits.push({
          id,
          score: top.scores[i]!,
          terms: index.matchedTerms(top.ids[i]!, top.resolved, top.keywordMask[i]!),
        });
        if (hits.length >= limit) return hits;
      }
      if (top.complete) return hits;
      done = top.ids.length;
    }
  }
}

/** Positions of `ids` in (score desc, id asc) order, produced lazily: the best `want` first. */
function* rankedPositions(
  ids: readonly number[],
  scores: Float64Array,
  limit: number,
): Generator<number> {
  const n = ids.length;
  const before = (a: number, b: number) => scores[b]! - scores[a]! || ids[a]! - ids[b]!;
  if (!Number.isFinite(limit) || n <= 256) {
    const all = Array.from({ length: n }, (_, i) => i).sort(before);
    yield* all;
    return;
  }
  // Rejected candidates (failed verification) are rare; take a few times the limit, widen if needed.
  let want = Math.min(n, limit * 4 + 32);
  let done = 0;
  for (;;) {
    const top = topPositions(n, want, before);
    for (let i = done; i < top.length; i++) yield top[i]!;
    done = top.length;
    if (want >= n) return;
    want = Math.min(n, want * 4);
  }
}

/** The `want` first positions under `before`, sorted: one pass with a bounded max-heap. */
function topPositions(n: number, want: number, before: (a: number, b: number) => number): number[] {
  const heap: number[] = [];
  const worseFirst = (a: number, b: number) => before(b, a);
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (worseFirst(heap[i]!, heap[p]!) >= 0) break;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worseFirst(heap[l]!, heap[m]!) < 0) m = l;
      if (r < heap.length && worseFirst(heap[r]!, heap[m]!) < 0) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (let i = 0; i < n; i++) {
    if (heap.length < want) {
      heap.push(i);
      up(heap.length - 1);
    } else if (before(i, heap[0]!) < 0) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort(before);
}
