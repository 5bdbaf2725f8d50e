import type { QueryKind } from '../answer/kinds.ts';
import type { Answer, Lang } from '../answer/types.ts';
import type { CorpusProblem, StatementMeta } from '../corpus/types.ts';

/** Options shared by every question. */
export interface QueryOptions {
  /** Answer language; without it, the language of the question's script. */
  lang?: Lang;
  /** Restrict the answer to one statement: its id, exact title, date or "date title" (see `Engine.statement`). */
  statement?: string;
  /** Upper bound on items (quote results are ranked; adapters page over them). */
  limit?: number;
}

/** A statement's metadata without its text, for lists and autocomplete. */
export interface StatementSummary extends Omit<StatementMeta, 'time' | 'timezone'> {
  paragraphs: number;
}

/** One question of a kind: `engine.quote('ballistic missile')`, `engine[kind](text, opts)`. */
export type Ask = (query: string, opts?: QueryOptions) => Answer;

/**
 * What adapters (CLI, console, Discord) call: one method per question kind of answer/kinds.ts,
 * and the statement list. Every method is synchronous, pure over the loaded corpus, and returns
 * plain data; invalid input throws `QueryError` (see ./errors.ts).
 */
export type Engine = Record<QueryKind, Ask> & EngineLists;

export interface EngineLists {
  statements(lang?: Lang): StatementSummary[];
  /**
   * The statement a user named by hand (Discord's `statement` option, the command line's
   * --statement): its id, its exact title, its date when one statement has that date, or
   * "date title" as the suggestions read. Undefined for a blank name; throws
   * QueryError('unknown_statement') when no single statement fits.
   */
  statement(typed: string | undefined | null): StatementSummary | undefined;
  /** Statement ids and titles matching a prefix of a title, id or date (autocomplete). */
  findStatements(prefix: string, max?: number): StatementSummary[];
  /**
   * Builds now the indexes that the first questions and lookups would otherwise build on the way
   * (about 0.6 s at 20,000 statements): a long-running adapter calls it once after loading, so
   * that no question, and nothing waiting behind it, pays for them. Calling it again costs nothing.
   */
  prepare(): void;
  /** Problems found while loading the corpus (the valid files are served anyway). */
  readonly problems: readonly CorpusProblem[];
}
