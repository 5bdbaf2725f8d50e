/**
 * Longest-match lookup of fixed phrases at a position, indexed by first character so a scan over
 * a long paragraph costs one map lookup per character plus a few `startsWith` checks: no regex
 * alternations with hundreds of branches, no backtracking.
 */
export class PhraseTable<T> {
  private readonly byFirst = new Map<string, { phrase: string; value: T }[]>();

  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [phrase, value] of entries) {
      if (phrase.length === 0) continue;
      const first = phrase[0]!;
      let list = this.byFirst.get(first);
      if (!list) this.byFirst.set(first, (list = []));
      if (!list.some((e) => e.phrase === phrase)) list.push({ phrase, value });
    }
    for (const list of this.byFirst.values())
      list.sort((a, b) => b.phrase.length - a.phrase.length);
  }

  /** Every phrase of the table. */
  phrases(): string[] {
    return [...this.byFirst.values()].flatMap((list) => list.map((e) => e.phrase));
  }

  /** Longest phrase starting at `pos` that `accept` (if given) agrees to, or undefined. */
  matchAt(
    text: string,
    pos: number,
    accept?: (phrase: string, end: number) => boolean,
  ): { phrase: string; value: T; end: number } | undefined {
    const list = this.byFirst.get(text[pos] ?? '');
    if (!list) return undefined;
    for (const e of list) {
      if (text.startsWith(e.phrase, pos)) {
        const end = pos + e.phrase.length;
        if (!accept || accept(e.phrase, end)) return { phrase: e.phrase, value: e.value, end };
      }
    }
    return undefined;
  }
}
