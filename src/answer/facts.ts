import type { Statement } from '../corpus/types.ts';
import {
  extractFacts,
  type FactsSource,
  type StatementFacts,
} from '../understand/statementFacts.ts';

export {
  extractFacts,
  type FactsSource,
  type StatementFacts,
} from '../understand/statementFacts.ts';

/**
 * Facts per statement, kept once computed. With a source (the persisted index) they are decoded
 * from it; without one (no cache, in-memory libraries) they are extracted on first use, so that a
 * statement no one asks about costs nothing.
 */
export class FactsCache {
  private readonly cache = new Map<number, StatementFacts>();
  constructor(
    private readonly statements: readonly Statement[],
    private readonly source?: FactsSource,
  ) {}

  get(statement: number): StatementFacts {
    let facts = this.cache.get(statement);
    if (!facts) {
      facts = this.source ? this.source.get(statement) : extractFacts(this.statements[statement]!);
      this.cache.set(statement, facts);
    }
    return facts;
  }
}
