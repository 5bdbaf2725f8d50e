/**
 * Strings the statements of a corpus give (the parts of the names their people bear, say), looked
 * up by key, each list in the order a pass over the corpus meets them first: statement by
 * statement, then within the statement, then a fixed tail (the office table's names) for those no
 * statement gives. Built once from every statement, then carried over a change by the statements
 * removed and added alone, so that a library made after a change does not read every statement's
 * facts again (seconds at a million paragraphs); what it holds is what a build from scratch holds,
 * in the same order.
 */
import type { Statement } from '../corpus/types.ts';

/** How many statements give a string, and where the first one stands. */
interface Seen {
  count: number;
  /** Position of the first statement that gives it. */
  at: number;
  /** Its rank among that statement's strings. */
  rank: number;
}

export interface FirstSeenSpec {
  /** The strings one statement gives, each once, in the order met. */
  of: (statement: number) => readonly string[];
  /** The keys a string is found by. */
  keys: (value: string) => readonly string[];
  /** Strings always held, after every statement's, in this order (repeats are ignored). */
  tail?: readonly string[];
}

export class FirstSeen {
  /** Sorted lists asked for since this was made (it never changes after). */
  private readonly sorted = new Map<string, readonly string[]>();

  private constructor(
    private readonly seen: Map<string, Seen>,
    private readonly byKey: Map<string, Set<string>>,
    private readonly tail: ReadonlyMap<string, number>,
    /** Each statement's strings, by statement object: shared by every carried copy. */
    private readonly given: WeakMap<Statement, readonly string[]>,
    private readonly keysOf: (value: string) => readonly string[],
  ) {}

  static build(statements: readonly Statement[], spec: FirstSeenSpec): FirstSeen {
    const tail = new Map<string, number>();
    for (const v of spec.tail ?? []) if (!tail.has(v)) tail.set(v, tail.size);
    const index = new FirstSeen(new Map(), new Map(), tail, new WeakMap(), spec.keys);
    for (let si = 0; si < statements.length; si++) {
      const values = spec.of(si);
      index.given.set(statements[si]!, values);
      values.forEach((v, rank) => {
        const s = index.seen.get(v);
        if (s) s.count++;
        else {
          index.seen.set(v, { count: 1, at: si, rank });
          index.keyed(v, true);
        }
      });
    }
    for (const v of tail.keys()) if (!index.seen.has(v)) index.keyed(v, true);
    return index;
  }

  /**
   * The same index over the corpus after a change: `moved[old] = new` (-1 for a statement gone),
   * `added` the new statements' positions, ascending; `of` gives an added statement's strings.
   * This one is left as it was.
   */
  carry(
    before: readonly Statement[],
    after: readonly Statement[],
    { moved, added }: { moved: Int32Array; added: readonly number[] },
    of: (statement: number) => readonly string[],
  ): FirstSeen {
    const seen = new Map<string, Seen>();
    for (const [v, s] of this.seen) seen.set(v, { ...s });
    const next = new FirstSeen(seen, new Map(this.byKey), this.tail, this.given, this.keysOf);
    const cloned = new Set<string>();
    const set = (key: string) => {
      let values = next.byKey.get(key);
      if (!cloned.has(key)) {
        cloned.add(key);
        values = new Set(values);
        next.byKey.set(key, values);
      }
      return values!;
    };
    next.keySet = set;
    // Strings whose first statement is gone while others still give them: where they were.
    const lost = new Map<string, number>();
    for (let i = 0; i < before.length; i++) {
      if (moved[i]! >= 0) continue;
      for (const v of this.stringsOf(before[i]!)) {
        const s = seen.get(v)!;
        if (--s.count === 0) {
          seen.delete(v);
          lost.delete(v);
          if (!this.tail.has(v)) next.keyed(v, false);
        } else if (s.at === i) lost.set(v, i);
      }
    }
    for (const [v, s] of seen) {
      if (lost.has(v)) s.at = Number.POSITIVE_INFINITY;
      else s.at = moved[s.at]!;
    }
    const addedHolders = new Map<string, number>();
    for (const si of added) {
      const values = of(si);
      this.given.set(after[si]!, values);
      values.forEach((v, rank) => {
        const s = seen.get(v);
        if (!s) {
          seen.set(v, { count: 1, at: si, rank });
          if (!this.tail.has(v)) next.keyed(v, true);
        } else {
          s.count++;
          if (si < s.at) {
            s.at = si;
            s.rank = rank;
          }
        }
        if (lost.has(v)) addedHolders.set(v, (addedHolders.get(v) ?? 0) + 1);
      });
    }
    // The first of the statements that stayed and give it, unless an added one comes earlier.
    for (const [v, from] of lost) {
      const s = seen.get(v)!;
      if (s.count === (addedHolders.get(v) ?? 0)) continue;
      for (let j = from + 1; j < before.length; j++) {
        const to = moved[j]!;
        if (to < 0) continue;
        if (to > s.at) break;
        const rank = this.stringsOf(before[j]!).indexOf(v);
        if (rank >= 0) {
          s.at = to;
          s.rank = rank;
          break;
        }
      }
    }
    next.keySet = undefined;
    return next;
  }

  /** The strings found by `key`, in the order a pass over the corpus meets them first. */
  get(key: string): readonly string[] | undefined {
    let list = this.sorted.get(key);
    if (!list) {
      const values = this.byKey.get(key);
      if (!values) return undefined;
      list = [...values].sort(
        (a, b) => this.order(a) - this.order(b) || this.rank(a) - this.rank(b),
      );
      this.sorted.set(key, list);
    }
    return list;
  }

  private order(v: string): number {
    return this.seen.get(v)?.at ?? Number.POSITIVE_INFINITY;
  }

  private rank(v: string): number {
    const s = this.seen.get(v);
    return s ? s.rank : this.tail.get(v)!;
  }

  private stringsOf(s: Statement): readonly string[] {
    const values = this.given.get(s);
    if (!values) throw new Error('FirstSeen: a statement it was not built over');
    return values;
  }

  /** While carrying: the key's set, copied before it is first changed. */
  private keySet: ((key: string) => Set<string>) | undefined;

  private keyed(v: string, present: boolean): void {
    for (const key of this.keysOf(v)) {
      const values = this.keySet ? this.keySet(key) : this.byKey.get(key);
      if (present) {
        if (values) values.add(v);
        else this.byKey.set(key, new Set([v]));
      } else {
        values?.delete(v);
        if (values?.size === 0) this.byKey.delete(key);
      }
    }
  }
}
