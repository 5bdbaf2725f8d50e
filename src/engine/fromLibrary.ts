import { KINDS, type QueryKind } from '../answer/kinds.ts';
import type { Lang } from '../answer/types.ts';
import type { SearchScope } from '../answer/search.ts';
import { detectLanguage, primaryLanguage } from '../text/script.ts';
import { normalize, wellFormed } from '../text/normalize.ts';
import { MAX_QUERY_LENGTH, QueryError } from './errors.ts';
import type { Library } from '../answer/library.ts';
import type { Statement } from '../corpus/types.ts';
import type { Ask, Engine, QueryOptions, StatementSummary } from './types.ts';
import { cleanQuery } from './validate.ts';
import { prepareRelevance } from '../answer/relevance.ts';
import { paragraphCount } from '../corpus/paragraphCount.ts';

/**
 * Each statement's summary, and its title, id and date normalized for finding it, by statement
 * object: the engine made after a change (a new one each time) makes only the changed
 * statements' (at a million paragraphs, normalizing 100,000 titles was a tenth of a second of
 * every change in a bot that prepares its engines). Callers read summaries, never change them.
 */
const summaries = new WeakMap<Statement, StatementSummary>();
const findable = new WeakMap<StatementSummary, { hay: string[]; joined: string }>();

function summary(lib: Library, i: number): StatementSummary {
  const s = lib.statements[i]!;
  let made = summaries.get(s);
  if (!made) summaries.set(s, (made = summaryOf(s)));
  return made;
}

function findableOf(s: StatementSummary): { hay: string[]; joined: string } {
  let made = findable.get(s);
  if (!made) {
    const hay = [s.title, s.id, s.date].map(normalize);
    // One string to search inside: one scan per statement instead of three (NUL never matches a needle).
    findable.set(s, (made = { hay, joined: hay.join('\u0000') }));
  }
  return made;
}

function summaryOf(s: Statement): StatementSummary {
  return {
    id: s.id,
    title: s.title,
    date: s.date,
    language: s.language,
    publisher: s.publisher,
    ...(s.source ? { source: s.source } : {}),
    ...(s.event ? { event: s.event } : {}),
    paragraphs: paragraphCount(s),
  };
}

/** Newest first, then by id: the order people expect in a list of statements. */
function byDateDesc(a: StatementSummary, b: StatementSummary): number {
  return b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
}

/** How a typed title or date is compared: spacing, width and case do not matter. */
function folded(text: string): string {
  return text.replace(/\s+/g, ' ').trim().normalize('NFKC').toLowerCase();
}

/**
 * The engine over a built library (statements, index, facts, glossary): the pure core. The other
 * constructors only get a library ready: engineFromCorpus (a loaded corpus with its glossaries),
 * engineFromFolder (a folder, through the persisted cache) and liveEngineFromFolder (a folder that
 * is followed as it changes).
 */
export function engineFromLibrary(lib: Library): Engine {
  // Built once per engine: naming a statement looked at every title of the corpus on each question.
  let named: Array<Map<string, number[]>> | undefined;
  const namesOf = () =>
    (named ??= [
      (i: number) => lib.statements[i]!.title,
      (i: number) => lib.statements[i]!.date,
      (i: number) => `${lib.statements[i]!.date} ${lib.statements[i]!.title}`,
    ].map((name) => {
      const map = new Map<string, number[]>();
      lib.statements.forEach((_, i) => {
        const key = folded(name(i));
        const list = map.get(key);
        if (list) list.push(i);
        else map.set(key, [i]);
      });
      return map;
    }));

  /**
   * The statement a user named: its id, its exact title, its date when one statement has that
   * date, or "date title" as the suggestions read; undefined for none. Throws
   * QueryError('unknown_statement') for a name that fits no statement, or several.
   */
  const statementIndex = (typed: string | undefined | null): number | undefined => {
    if (!typed?.trim()) return undefined;
    const byId = lib.byId.get(typed.trim());
    if (byId !== undefined) return byId;
    const want = folded(typed);
    for (const names of namesOf()) {
      const found = names.get(want);
      if (found?.length === 1) return found[0];
    }
    throw new QueryError('unknown_statement');
  };

  /** Validates the shared options and works out the answer language. */
  const scopeFor = (
    query: string,
    statement: number | undefined,
    opts: QueryOptions,
  ): SearchScope => {
    // A bare /who or /when about one statement answers in that statement's language.
    const statementLang =
      statement !== undefined ? primaryLanguage(lib.statements[statement]!.language) : undefined;
    const lang: Lang =
      opts.lang ??
      (!query && (statementLang === 'ja' || statementLang === 'en')
        ? statementLang
        : detectLanguage(query));
    const limit =
      opts.limit !== undefined ? Math.max(1, Math.min(50, Math.floor(opts.limit))) : undefined;
    return { lang, ...(statement !== undefined ? { statement } : {}), ...(limit ? { limit } : {}) };
  };

  // One method per question kind: the same gate for the text and the options, then its answer.
  const questions = Object.fromEntries(
    KINDS.map((kind): [QueryKind, Ask] => [
      kind.name,
      (query, opts = {}) => {
        // A statement that does not exist is said first: it is the same mistake whatever was asked.
        const statement = statementIndex(opts.statement);
        const q = cleanQuery(query, { allowEmpty: !kind.arg.required });
        return kind.answer(lib, q, scopeFor(q, statement, opts));
      },
    ]),
  ) as Record<QueryKind, Ask>;

  // Built once per engine (a reload builds a new engine): listing and autocomplete ran the
  // summaries, the sort and the normalization of 20,000 statements on every call.
  let sorted: StatementSummary[] | undefined;
  const allStatements = (): StatementSummary[] =>
    (sorted ??= lib.statements.map((_, i) => summary(lib, i)).sort(byDateDesc));
  let searchable: Array<{ s: StatementSummary; hay: string[]; joined: string }> | undefined;
  const searchIndex = () => (searchable ??= allStatements().map((s) => ({ s, ...findableOf(s) })));

  // Without a language, the one list itself (callers read it, never change it): renderers key their lookups on it.
  const statements = (lang?: Lang): StatementSummary[] =>
    lang ? allStatements().filter((s) => primaryLanguage(s.language) === lang) : allStatements();

  return {
    problems: lib.problems,
    ...questions,
    statements,
    statement(typed) {
      const i = statementIndex(typed);
      return i === undefined ? undefined : summary(lib, i);
    },
    prepare() {
      lib.index.prepare();
      prepareRelevance(lib);
      searchIndex();
    },
    findStatements(prefix: string, max = 25): StatementSummary[] {
      // A negative or fractional count would make slice() count from the end.
      const count = Number.isFinite(max) ? Math.max(0, Math.floor(max)) : 25;
      // Autocomplete text skips cleanQuery; NFKC of a long run of combining marks is quadratic.
      const needle = normalize(wellFormed(prefix.slice(0, MAX_QUERY_LENGTH)).trim());
      if (!needle) return allStatements().slice(0, count);
      // NUL joins the searched fields below; no title, id or date holds one.
      if (needle.includes('\u0000')) return [];
      // Prefix matches first, then matches inside; each newest first. Enough prefix matches end the scan.
      const starts: StatementSummary[] = [];
      const inside: StatementSummary[] = [];
      for (const { s, hay, joined } of searchIndex()) {
        if (!joined.includes(needle)) continue;
        if (hay.some((h) => h.startsWith(needle))) {
          starts.push(s);
          if (starts.length >= count) break;
        } else if (inside.length < count) {
          inside.push(s);
        }
      }
      return [...starts, ...inside].slice(0, count);
    },
  };
}
