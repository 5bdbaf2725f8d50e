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
    people: extractPeople(statement.paragraphs, lang, {
      title: statement.title,
      publisher: statement.publisher,
      date: statement.date,
    }),
    times: timesOf(statement, lang),
  };
}

/** Paragraph by paragraph, each told the last full date before it (for the lines of a dated list). */
function timesOf(statement: Statement, lang: 'ja' | 'en'): TimeExpression[][] {
  let listDate: string | undefined;
  return statement.paragraphs.map((p) => {
    const times = extractTimes(p.text, lang, statement.date, {
      timezone: statement.timezone,
      publisher: statement.publisher,
      ...(listDate ? { listDate } : {}),
    });
    const dated = times.filter((t) => !t.precision && !t.dateFromContext);
    // A dateline (平成28年9月11日) dates the statement, not a list: 「10日,…」 after it is the day before.
    const dateline =
      dated.length === 1 && p.text.trim().length - (dated[0]!.end - dated[0]!.start) <= 3;
    if (dated.length > 0 && !dateline)
      listDate = dated[dated.length - 1]!.endDate ?? dated[dated.length - 1]!.date;
    return times;
  });
}
