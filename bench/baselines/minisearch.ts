/**
 * Baseline (c), the "before" column of `npm run bench -- --before`: Readout's own engine over the
 * original index, one MiniSearch over every paragraph with Readout's tokenizer, nothing persisted.
 * It is also the reference that test/index/compactIndex.test.ts compares the compact index of
 * src/index/ with: the same paragraphs in the same order, the same scores, the same matched terms.
 */
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import type { Statement } from '../../src/corpus/types.ts';
import {
  containsKeyword,
  wordSpec,
  type Entry,
  type FindOptions,
  type Hit,
  type ParagraphSearch,
} from '../../src/index/paragraphIndex.ts';
import { normalize } from '../../src/text/normalize.ts';
import { primaryLanguage } from '../../src/text/script.ts';
import { indexTerms, type Keyword } from '../../src/text/tokenize.ts';

/** MiniSearch's query of one keyword (the compact index's keywordSpecs, in MiniSearch's terms). */
function keywordQuery(k: Keyword, fuzzy = true): Query {
  if (k.kind === 'cjk') {
    // Every bigram of a Japanese keyword is required; a single character is a prefix of its bigrams.
    return k.terms.length === 1
      ? { queries: k.terms, prefix: true, fuzzy: false }
      : { queries: k.terms, combineWith: 'AND', prefix: false, fuzzy: false };
  }
  const spec = wordSpec(k.terms[0]!, fuzzy);
  return { queries: [spec.term], prefix: spec.prefix, fuzzy: spec.fuzzy };
}

/** The paragraph index answered by MiniSearch: what src/index/paragraphIndex.ts did before its compact index. */
export class MiniSearchIndex implements ParagraphSearch {
  readonly size: number;
  private readonly statementOfId: number[] = [];
  private readonly firstId: number[] = [0];
  private readonly normalized: string[];
  private readonly languages: string[];
  private readonly search: MiniSearch<{ id: number; text: string }>;

  constructor(statements: readonly Statement[]) {
    statements.forEach((s, si) => {
      for (let p = 0; p < s.paragraphs.length; p++) this.statementOfId.push(si);
      this.firstId.push(this.statementOfId.length);
    });
    this.size = this.statementOfId.length;
    this.languages = statements.map((s) => primaryLanguage(s.language));
    this.normalized = statements.flatMap((s) => s.paragraphs.map((p) => normalize(p.text)));
    this.search = new MiniSearch<{ id: number; text: string }>({
      fields: ['text'],
      tokenize: indexTerms,
      processTerm: (t) => t,
      searchOptions: { tokenize: (t) => [t], processTerm: (t) => t },
    });
    this.search.addAll(this.normalized.map((text, id) => ({ id, text })));
  }

  prepare(): void {}

  statementOf(id: number): number {
    return this.statementOfId[id]!;
  }

  entry(id: number): Entry {
    const statement = this.statementOfId[id]!;
    return { statement, paragraph: id - this.firstId[statement]! };
  }

  statementLanguage(statement: number): string {
    return this.languages[statement]!;
  }

  normalizedText(id: number): string {
    return this.normalized[id]!;
  }

  statementRange(statement: number): [number, number] {
    return [this.firstId[statement]!, this.firstId[statement + 1]!];
  }

  statementHolds(statement: number, form: Keyword[]): boolean {
    const [from, to] = this.statementRange(statement);
    return this.rangeHolds(from, to, form);
  }

  paragraphHolds(id: number, form: Keyword[]): boolean {
    return this.rangeHolds(id, id + 1, form);
  }

  private rangeHolds(from: number, to: number, form: Keyword[]): boolean {
    return form.every((k) => {
      for (let id = from; id < to; id++) {
        if (
          k.kind === 'cjk'
            ? containsKeyword(this.normalizedText(id), k)
            : indexTerms(this.normalizedText(id)).includes(k.terms[0]!)
        )
          return true;
      }
      return false;
    });
  }

  holdsAnywhere(k: Keyword): boolean {
    return this.find([k], { combineWith: 'AND', limit: 1, fuzzy: false }).length > 0;
  }

  paragraphsWith(list: Keyword[]): number[] {
    if (list.length === 0) return [];
    return this.find(list, { combineWith: 'AND' })
      .map((h) => h.id)
      .sort((a, b) => a - b);
  }

  find(list: Keyword[], options: FindOptions): Hit[] {
    if (list.length === 0) return [];
    const { filter, phrases = [], limit = Infinity } = options;
    const accept = (text: string) => {
      const present = list.filter((k) => containsKeyword(text, k));
      if (options.combineWith === 'AND' ? present.length < list.length : present.length === 0)
        return false;
      return phrases.every((p) => text.replace(/\s+/g, ' ').includes(p));
    };
    const results: SearchResult[] = this.search.search(
      {
        combineWith: options.combineWith,
        queries: list.map((k) => keywordQuery(k, options.fuzzy ?? true)),
      },
      filter ? { filter: (r) => filter(this.statementOfId[r.id as number]!) } : {},
    );
    results.sort((a, b) => b.score - a.score || (a.id as number) - (b.id as number));
    const hits: Hit[] = [];
    for (const r of results) {
      const id = r.id as number;
      if (!accept(this.normalizedText(id))) continue;
      hits.push({ id, score: r.score, terms: r.terms });
      if (hits.length >= limit) break;
    }
    return hits;
  }
}
