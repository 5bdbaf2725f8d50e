import { paragraphCount } from '../corpus/paragraphCount.ts';
import type { Statement } from '../corpus/types.ts';
import type { TextList } from './texts.ts';
import type { PostingList, PostingSource, TermIndexData } from './termIndex.ts';

/**
 * The compact index after statements were added, edited or removed, without a full rebuild: the
 * last full build (the base) is kept as it is, the documents of removed statements are marked
 * removed in it, and the documents of added statements form a second, small segment (the delta)
 * whose ids follow the base's. An edited statement is a removal plus an addition.
 *
 * What the term index reads is exactly what a build from scratch of the new statements would
 * hold, so that answers do not depend on the order in which the corpus was assembled:
 * - the document count, each term's document frequency and each document's field length;
 * - the average field length, by MiniSearch's running recurrence over the documents in corpus
 *   order (one pass over a million numbers: a few milliseconds);
 * - the terms in the order a build from scratch meets them first (document by document, then
 *   position within the document). That order fills the radix trees of prefix and fuzzy
 *   expansion, whose iteration order decides the order in which scores are summed, so it decides
 *   the last bits of scores and with them the order of tied paragraphs.
 *
 * Only document ids differ from a build from scratch: ParagraphIndex maps them to and from corpus
 * order (`toLogical`, `toPhysical`). `materialize()` produces the from-scratch data itself, for
 * persisting a new full build and for the tests that compare the two.
 *
 * An update costs a pass over the statements and the dictionary, plus tokenizing the added and
 * removed paragraphs; never the postings of the base (tens of millions at a million paragraphs).
 */

/** One document's terms in first-occurrence order, with their frequencies (as a full build counts them). */
export interface DocTerms {
  terms: string[];
  freqs: number[];
}

/** Counts one document's terms exactly as buildTermIndexData does. */
export function docTerms(tokens: readonly string[]): DocTerms {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  return { terms: [...counts.keys()], freqs: [...counts.values()] };
}

/** A full build, kept unchanged while updates accumulate beside it. */
export interface Base {
  readonly data: TermIndexData;
  /** Normalized paragraph texts in the base's id order. */
  readonly normalized: TextList;
  readonly statements: readonly Statement[];
  /** First document id of each base statement, plus the end. */
  readonly firstDoc: Uint32Array;
  /** Base statement by identity -> its position. */
  readonly position: ReadonlyMap<Statement, number>;
}

export function makeBase(
  data: TermIndexData,
  normalized: TextList,
  statements: readonly Statement[],
): Base {
  const firstDoc = new Uint32Array(statements.length + 1);
  const position = new Map<Statement, number>();
  statements.forEach((s, i) => {
    firstDoc[i + 1] = firstDoc[i]! + paragraphCount(s);
    position.set(s, i);
  });
  return { data, normalized, statements, firstDoc, position };
}

/** Where each statement of the new corpus lives, and the documents in corpus order. */
export interface Layout {
  /** Corpus-order document id -> id in the segments. */
  toPhysical: Uint32Array;
  /** Id in the segments -> corpus-order document id, -1 for removed documents. */
  toLogical: Int32Array;
  /** 1 for removed base documents (ids past the base are never removed). */
  removed: Uint8Array;
  /** Statements that are not base statements, in corpus order, with their first corpus-order document. */
  added: { statement: Statement; logicalFirst: number }[];
  /** Base statements that are gone. */
  removedStatements: number[];
}

/**
 * Lays the new statements over the base: a statement that is the same object as a base statement
 * keeps its base documents; any other is added. Throws when a statement appears twice.
 */
export function layout(base: Base, next: readonly Statement[]): Layout {
  const baseDocs = base.data.fieldLength.length;
  const kept = new Uint8Array(base.statements.length);
  // Each statement's base position (-1: added) and paragraph count, read once: at 100,000
  // statements every pass over the objects costs tens of milliseconds.
  const from = new Int32Array(next.length);
  const sizes = new Uint32Array(next.length);
  let logical = 0;
  let addedDocs = 0;
  const added: Layout['added'] = [];
  next.forEach((s, i) => {
    const k = base.position.get(s);
    const n = paragraphCount(s);
    sizes[i] = n;
    if (k !== undefined) {
      if (kept[k]) throw new Error(`statement ${s.id} appears twice`);
      kept[k] = 1;
      from[i] = k;
    } else {
      from[i] = -1;
      added.push({ statement: s, logicalFirst: logical });
      addedDocs += n;
    }
    logical += n;
  });
  const space = baseDocs + addedDocs;
  const toPhysical = new Uint32Array(logical);
  const toLogical = new Int32Array(space).fill(-1);
  let at = 0;
  let nextAdded = baseDocs;
  for (let i = 0; i < next.length; i++) {
    const k = from[i]!;
    const n = sizes[i]!;
    const first = k >= 0 ? base.firstDoc[k]! : nextAdded;
    if (k < 0) nextAdded += n;
    for (let p = 0; p < n; p++) {
      toPhysical[at] = first + p;
      toLogical[first + p] = at;
      at++;
    }
  }
  const removed = new Uint8Array(space);
  const removedStatements: number[] = [];
  for (let k = 0; k < base.statements.length; k++) {
    if (kept[k]) continue;
    removedStatements.push(k);
    removed.fill(1, base.firstDoc[k]!, base.firstDoc[k + 1]!);
  }
  return { toPhysical, toLogical, removed, added, removedStatements };
}

/**
 * The base plus the changes, as the term index reads it. `termsOf` gives a statement's documents'
 * terms (cached by the caller across updates: an added statement is tokenized once, and so is a
 * removed one).
 */
export class SegmentedPostings implements PostingSource {
  readonly terms: string[] = [];
  readonly documentCount: number;
  readonly idSpace: number;
  readonly fieldLength: Uint32Array;
  readonly avgFieldLength: number;
  readonly removed: Uint8Array | undefined;
  /** Per term (in `terms` order): its id in the base and in the delta, -1 where it has none. */
  private readonly baseOf: Int32Array;
  private readonly deltaOf: Int32Array;
  private readonly dfOf: Uint32Array;
  private readonly delta: TermIndexData;
  /** Each term's postings as asked for (those in both segments concatenated), made on first use. */
  private readonly joined = new Map<number, PostingList>();

  constructor(
    private readonly base: Base,
    private readonly at: Layout,
    termsOf: (statement: Statement) => DocTerms[],
  ) {
    const baseData = base.data;
    const baseDocs = baseData.fieldLength.length;
    this.idSpace = at.toLogical.length;
    this.documentCount = at.toPhysical.length;
    this.removed = at.removedStatements.length ? at.removed : undefined;

    // Postings of removed documents still sit in the base: count them out per term.
    const removedPostings = new Uint32Array(baseData.terms.length);
    if (at.removedStatements.length) {
      const baseIds = new Map<string, number>();
      baseData.terms.forEach((t, i) => {
        baseIds.set(t, i);
      });
      for (const k of at.removedStatements) {
        for (const doc of termsOf(base.statements[k]!)) {
          for (const t of doc.terms) removedPostings[baseIds.get(t)!]!++;
        }
      }
    }

    // The delta: the added statements' documents, ids after the base's, in corpus order.
    const addedDocs: DocTerms[] = [];
    const addedLogical: number[] = [];
    for (const a of at.added) {
      termsOf(a.statement).forEach((d, p) => {
        addedDocs.push(d);
        addedLogical.push(a.logicalFirst + p);
      });
    }
    this.delta = deltaData(addedDocs, baseDocs);

    this.fieldLength = new Uint32Array(this.idSpace);
    this.fieldLength.set(baseData.fieldLength);
    addedDocs.forEach((d, i) => {
      this.fieldLength[baseDocs + i] = d.terms.length;
    });
    // MiniSearch's running average, over the documents in corpus order, as a build from scratch.
    let avg = 0;
    for (let k = 0; k < this.documentCount; k++)
      avg = (avg * k + this.fieldLength[at.toPhysical[k]!]!) / (k + 1);
    this.avgFieldLength = avg;

    const order = firstOccurrenceOrder(
      base,
      at,
      removedPostings,
      this.delta,
      addedDocs,
      addedLogical,
      termsOf,
    );
    const n = order.length;
    this.baseOf = new Int32Array(n);
    this.deltaOf = new Int32Array(n);
    this.dfOf = new Uint32Array(n);
    order.forEach(([b, d], i) => {
      this.terms.push(b >= 0 ? baseData.terms[b]! : this.delta.terms[d]!);
      this.baseOf[i] = b;
      this.deltaOf[i] = d;
      const baseDf =
        b >= 0 ? baseData.offsets[b + 1]! - baseData.offsets[b]! - removedPostings[b]! : 0;
      const deltaDf = d >= 0 ? this.delta.offsets[d + 1]! - this.delta.offsets[d]! : 0;
      this.dfOf[i] = baseDf + deltaDf;
    });
  }

  df(t: number): number {
    return this.dfOf[t]!;
  }

  postings(t: number): PostingList {
    let list = this.joined.get(t);
    if (list) return list;
    const b = this.baseOf[t]!;
    const d = this.deltaOf[t]!;
    if (d < 0) list = slice(this.base.data, b);
    else if (b < 0) list = slice(this.delta, d);
    else {
      // Base ids all come before delta ids: the concatenation is ascending.
      const one = slice(this.base.data, b);
      const two = slice(this.delta, d);
      const docs = new Uint32Array(one.docs.length + two.docs.length);
      docs.set(one.docs);
      docs.set(two.docs, one.docs.length);
      const freqs = new Uint16Array(docs.length);
      freqs.set(one.freqs);
      freqs.set(two.freqs, one.freqs.length);
      list = { docs, freqs };
    }
    // Kept: a question checks the same terms in many statements (hasTermIn).
    this.joined.set(t, list);
    return list;
  }

  /** The data a build from scratch of the same documents would produce, in corpus-order ids. */
  materialize(): TermIndexData {
    const { toLogical, toPhysical } = this.at;
    const removed = this.removed;
    const offsets = new Uint32Array(this.terms.length + 1);
    for (let t = 0; t < this.terms.length; t++) offsets[t + 1] = offsets[t]! + this.dfOf[t]!;
    const total = offsets[this.terms.length]!;
    const docs = new Uint32Array(total);
    const freqs = new Uint16Array(total);
    for (let t = 0; t < this.terms.length; t++) {
      let o = offsets[t]!;
      // Base documents then delta documents, each ascending in corpus order: merge the two runs.
      const b = this.baseOf[t]! >= 0 ? slice(this.base.data, this.baseOf[t]!) : undefined;
      const d = this.deltaOf[t]! >= 0 ? slice(this.delta, this.deltaOf[t]!) : undefined;
      let i = 0;
      let j = 0;
      const bn = b?.docs.length ?? 0;
      const dn = d?.docs.length ?? 0;
      while (i < bn || j < dn) {
        while (i < bn && removed?.[b!.docs[i]!]) i++;
        if (i >= bn && j >= dn) break;
        const bl = i < bn ? toLogical[b!.docs[i]!]! : Infinity;
        const dl = j < dn ? toLogical[d!.docs[j]!]! : Infinity;
        if (bl < dl) {
          docs[o] = bl;
          freqs[o++] = b!.freqs[i++]!;
        } else {
          docs[o] = dl;
          freqs[o++] = d!.freqs[j++]!;
        }
      }
      if (o !== offsets[t + 1])
        throw new Error(
          `postings of ${this.terms[t]}: ${o - offsets[t]!} documents, expected ${this.dfOf[t]}`,
        );
    }
    const fieldLength = Uint32Array.from(toPhysical, (p) => this.fieldLength[p]!);
    return {
      terms: [...this.terms],
      offsets,
      docs,
      freqs,
      fieldLength,
      avgFieldLength: this.avgFieldLength,
    };
  }
}

function slice(data: TermIndexData, t: number): PostingList {
  const { offsets, docs, freqs } = data;
  return {
    docs: docs.subarray(offsets[t]!, offsets[t + 1]!),
    freqs: freqs.subarray(offsets[t]!, offsets[t + 1]!),
  };
}

/** The delta's own postings (ids from `firstId`), terms in its own first-occurrence order. */
function deltaData(docs: readonly DocTerms[], firstId: number): TermIndexData {
  const ids = new Map<string, number>();
  const terms: string[] = [];
  const lists: number[][] = [];
  const counts: number[][] = [];
  docs.forEach((d, i) => {
    d.terms.forEach((t, k) => {
      let id = ids.get(t);
      if (id === undefined) {
        id = terms.length;
        ids.set(t, id);
        terms.push(t);
        lists.push([]);
        counts.push([]);
      }
      lists[id]!.push(firstId + i);
      counts[id]!.push(Math.min(d.freqs[k]!, 0xffff));
    });
  });
  const offsets = new Uint32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++) offsets[t + 1] = offsets[t]! + lists[t]!.length;
  const all = new Uint32Array(offsets[terms.length]!);
  const freqs = new Uint16Array(all.length);
  for (let t = 0; t < terms.length; t++) {
    all.set(lists[t]!, offsets[t]!);
    freqs.set(counts[t]!, offsets[t]!);
  }
  return {
    terms,
    offsets,
    docs: all,
    freqs,
    fieldLength: Uint32Array.from(docs, (d) => d.terms.length),
    avgFieldLength: 0,
  };
}

/**
 * The surviving terms in a build from scratch's order, as [base id, delta id] pairs (-1 for none).
 * That order sorts terms by the corpus-order document they first occur in, then by position
 * within it. Base terms whose first base document survives and comes before any delta occurrence
 * keep their relative base order ("unmoved"); the others (first document removed, or first seen
 * in an added document) are placed by that key, reading the few documents concerned.
 */
function firstOccurrenceOrder(
  base: Base,
  at: Layout,
  removedPostings: Uint32Array,
  delta: TermIndexData,
  addedDocs: readonly DocTerms[],
  addedLogical: readonly number[],
  termsOf: (statement: Statement) => DocTerms[],
): [number, number][] {
  const data = base.data;
  const baseDocs = data.fieldLength.length;
  const { toLogical } = at;
  const removed = at.removedStatements.length ? at.removed : undefined;
  const deltaIds = new Map<string, number>();
  delta.terms.forEach((t, i) => {
    deltaIds.set(t, i);
  });
  const baseIds = new Map<string, number>();
  if (delta.terms.length)
    data.terms.forEach((t, i) => {
      baseIds.set(t, i);
    });
  const deltaFirst = (d: number) => addedLogical[delta.docs[delta.offsets[d]!]! - baseDocs]!;

  // A document's terms in first-occurrence order: its position among them is the tie-break.
  const ranks = new Map<number, Map<string, number>>();
  const statementOf = (phys: number): number => {
    let lo = 0;
    let hi = base.statements.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (base.firstDoc[mid]! <= phys) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const rankIn = (logical: number, phys: number, term: string): number => {
    let r = ranks.get(logical);
    if (!r) {
      let doc: DocTerms;
      if (phys >= baseDocs) doc = addedDocs[phys - baseDocs]!;
      else {
        const k = statementOf(phys);
        doc = termsOf(base.statements[k]!)[phys - base.firstDoc[k]!]!;
      }
      r = new Map(doc.terms.map((t, i) => [t, i]));
      ranks.set(logical, r);
    }
    return r.get(term)!;
  };

  const unmoved: [number, number][] = [];
  const moved: { b: number; d: number; logical: number; phys: number }[] = [];
  for (let b = 0; b < data.terms.length; b++) {
    const start = data.offsets[b]!;
    const end = data.offsets[b + 1]!;
    const d = delta.terms.length ? (deltaIds.get(data.terms[b]!) ?? -1) : -1;
    const alive = end - start - removedPostings[b]!;
    if (alive === 0) {
      if (d >= 0)
        moved.push({ b: -1, d, logical: deltaFirst(d), phys: delta.docs[delta.offsets[d]!]! });
      continue;
    }
    let p = start;
    while (removed?.[data.docs[p]!]) p++;
    const phys = data.docs[p]!;
    const logical = toLogical[phys]!;
    if (p === start && (d < 0 || logical < deltaFirst(d))) {
      unmoved.push([b, d]);
      continue;
    }
    if (d >= 0 && deltaFirst(d) < logical)
      moved.push({ b, d, logical: deltaFirst(d), phys: delta.docs[delta.offsets[d]!]! });
    else moved.push({ b, d, logical, phys });
  }
  for (let d = 0; d < delta.terms.length; d++) {
    if (!baseIds.has(delta.terms[d]!))
      moved.push({ b: -1, d, logical: deltaFirst(d), phys: delta.docs[delta.offsets[d]!]! });
  }
  const nameOf = (b: number, d: number) => (b >= 0 ? data.terms[b]! : delta.terms[d]!);
  moved.sort(
    (x, y) =>
      x.logical - y.logical ||
      rankIn(x.logical, x.phys, nameOf(x.b, x.d)) - rankIn(y.logical, y.phys, nameOf(y.b, y.d)),
  );

  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < unmoved.length || j < moved.length) {
    if (j >= moved.length) {
      out.push(unmoved[i++]!);
      continue;
    }
    const m = moved[j]!;
    if (i < unmoved.length) {
      const [b] = unmoved[i]!;
      const phys = data.docs[data.offsets[b]!]!;
      const logical = toLogical[phys]!;
      const first =
        logical < m.logical ||
        (logical === m.logical &&
          rankIn(logical, phys, data.terms[b]!) < rankIn(m.logical, m.phys, nameOf(m.b, m.d)));
      if (first) {
        out.push(unmoved[i++]!);
        continue;
      }
    }
    out.push([m.b, m.d]);
    j++;
  }
  return out;
}

/**
 * The data of consecutive parts of a corpus, each built on its own (in a worker thread, see
 * src/engine/parallelBuild.ts), joined into the data a build of the whole would produce: a
 * term's first occurrence is in the first part that holds it, at its place there, so the terms
 * come in the whole's order; postings are the parts' in order, their ids shifted; the average
 * field length is MiniSearch's running one over all documents in order.
 */
export function joinTermIndexData(parts: readonly TermIndexData[]): TermIndexData {
  const ids = new Map<string, number>();
  const terms: string[] = [];
  const dfs: number[] = [];
  const globalOf = parts.map((part) =>
    part.terms.map((t, k) => {
      let id = ids.get(t);
      if (id === undefined) {
        id = terms.length;
        ids.set(t, id);
        terms.push(t);
        dfs.push(0);
      }
      dfs[id]! += part.offsets[k + 1]! - part.offsets[k]!;
      return id;
    }),
  );
  const offsets = new Uint32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++) offsets[t + 1] = offsets[t]! + dfs[t]!;
  const docs = new Uint32Array(offsets[terms.length]!);
  const freqs = new Uint16Array(docs.length);
  const fill = Uint32Array.from(offsets.subarray(0, terms.length));
  let shift = 0;
  parts.forEach((part, p) => {
    const map = globalOf[p]!;
    for (let k = 0; k < part.terms.length; k++) {
      const g = map[k]!;
      const from = part.offsets[k]!;
      const to = part.offsets[k + 1]!;
      let at = fill[g]!;
      for (let i = from; i < to; i++, at++) {
        docs[at] = part.docs[i]! + shift;
        freqs[at] = part.freqs[i]!;
      }
      fill[g] = at;
    }
    shift += part.fieldLength.length;
  });
  const fieldLength = new Uint32Array(shift);
  let at = 0;
  for (const part of parts) {
    fieldLength.set(part.fieldLength, at);
    at += part.fieldLength.length;
  }
  let avg = 0;
  for (let k = 0; k < fieldLength.length; k++) avg = (avg * k + fieldLength[k]!) / (k + 1);
  return { terms, offsets, docs, freqs, fieldLength, avgFieldLength: avg };
}
