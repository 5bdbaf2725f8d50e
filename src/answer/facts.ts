import type { Statement } from '../corpus/types.ts';
import { primaryLanguage } from '../text/script.ts';
import { extractPeople, type Person } from '../understand/people.ts';
import { extractTimes, type TimeExpression } from '../understand/times.ts';

/** What a statement says about people and times, extracted once and kept. */
export interface StatementFacts {
  people: Person[];
  /** Time expressions per paragraph position (0-based, like `statement.paragraphs`). */
  times: TimeExpression[][];
}

function factLanguage(statement: Statement): 'ja' | 'en' {
  return primaryLanguage(statement.language) === 'ja' ? 'ja' : 'en';
}

export function extractFacts(statement: Statement): StatementFacts {
  const lang = factLanguage(statement);
  return {
    people: extractPeople(statement.paragraphs, lang),
    times: statement.paragraphs.map((p) => extractTimes(p.text, lang, statement.date)),
  };
}

/**
 * Facts per statement, computed on first use: the console starts at once, and a statement no one
 * asks about costs nothing.
 */
export class FactsCache {
  private readonly cache = new Map<number, StatementFacts>();
  constructor(private readonly statements: readonly Statement[]) {}

  get(statement: number): StatementFacts {
    let facts = this.cache.get(statement);
    if (!facts) {
      facts = extractFacts(this.statements[statement]!);
      this.cache.set(statement, facts);
    }
    return facts;
  }
}
