import type { Statement } from '../corpus/types.ts';
import { jaOrEn } from '../text/script.ts';
import { extractPeople } from './people/extract.ts';
import type { Person } from './people/types.ts';
import { extractTimes, type TimeExpression } from './times/extract.ts';

/** What a statement says about people and times: plain data, extracted once and kept (or persisted). */
export interface StatementFacts {
  people: Person[];
  /** Time expressions per paragraph position (0-based, like `statement.paragraphs`). */
  times: TimeExpression[][];
}

/** Facts of one statement by position, already extracted (e.g. the persisted index's, see src/engine/factStore.ts). */
export interface FactsSource {
  get(statement: number): StatementFacts;
}

function factLanguage(statement: Statement): 'ja' | 'en' {
  return jaOrEn(statement.language);
}

export function extractFacts(statement: Statement): StatementFacts {
  const lang = factLanguage(statement);
  return {
    people: extractPeople(statement.paragraphs, lang, { title: statement.title, publisher: statement.publisher }),
    times: statement.paragraphs.map((p) =>
      extractTimes(p.text, lang, statement.date, { timezone: statement.timezone, publisher: statement.publisher }),
    ),
  };
}
