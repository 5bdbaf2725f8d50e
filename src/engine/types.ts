import type { Answer, Lang } from '../answer/types.ts';
import type { CorpusProblem, StatementMeta } from '../corpus/types.ts';

/** Options shared by every question. */
export interface QueryOptions {
  /** Answer language; without it, the language of the question's script. */
  lang?: Lang;
  /** Restrict the answer to one statement id. */
  statement?: string;
  /** Upper bound on items (quote results are ranked; adapters page over them). */
  limit?: number;
}

/** A statement's metadata without its text, for lists and autocomplete. */
export interface StatementSummary extends Omit<StatementMeta, 'time' | 'timezone'> {
  paragraphs: number;
}

/**
 * What adapters (CLI, console, Discord) call. Every method is synchronous, pure over the loaded
 * corpus, and returns plain data; invalid input throws `QueryError` (see ./errors.ts).
 */
export interface Engine {
  quote(query: string, opts?: QueryOptions): Answer;
  who(query: string, opts?: QueryOptions): Answer;
  when(query: string, opts?: QueryOptions): Answer;
  /** The matching passage in both languages: items carry a Japanese and an English citation. */
  compare(query: string, opts?: QueryOptions): Answer;
  /** A free question, routed to who / when / quote by its wording. */
  ask(question: string, opts?: QueryOptions): Answer;
  statements(lang?: Lang): StatementSummary[];
  /** Statement ids and titles matching a prefix of a title, id or date (autocomplete). */
  findStatements(prefix: string, max?: number): StatementSummary[];
  /** Problems found while loading the corpus (the valid files are served anyway). */
  readonly problems: readonly CorpusProblem[];
}
