import { KINDS, type QueryKind } from '../answer/kinds.ts';
import type { Lang } from '../answer/types.ts';
import type { SearchScope } from '../answer/search.ts';
import { detectLanguage, primaryLanguage } from '../text/script.ts';
import { normalize, wellFormed } from '../text/normalize.ts';
import { MAX_QUERY_LENGTH, QueryError } from './errors.ts';
import type { Library } from '../answer/library.ts';
import type { Ask, Engine, QueryOptions, StatementSummary } from './types.ts';
import { cleanQuery } from './validate.ts';

function summary(lib: Library, i: number): StatementSummary {
  const s = lib.statements[i]!;
  return {
    id: s.id,
    title: s.title,
    date: s.date,
    language: s.language,
    publisher: s.publisher,
    ...(s.source ? { source: s.source } : {}),
    ...(s.event ? { event: s.event } : {}),
    paragraphs: s.paragraphs.length,
  };
}

/** Newest first, then by id: the order people expect in a list of statements. */
function byDateDesc(a: StatementSummary, b: StatementSummary): number {
  return b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
}

export function createEngine(lib: Library): Engine {
  /** Validates the shared options and works out the answer language. */
  const scopeFor = (query: string, opts: QueryOptions = {}): SearchScope => {
    let statement: number | undefined;
    if (opts.statement !== undefined) {
      statement = lib.byId.get(opts.statement);
      if (statement === undefined) throw new QueryError('unknown_statement');
    }
    // A bare /who or /when about one statement answers in that statement's language.
    const statementLang = statement !== undefined ? primaryLanguage(lib.statements[statement]!.language) : undefined;
    const lang: Lang =
      opts.lang ?? (!query && (statementLang === 'ja' || statementLang === 'en') ? statementLang : detectLanguage(query));
    const limit = opts.limit !== undefined ? Math.max(1, Math.min(50, Math.floor(opts.limit))) : undefined;
    return { lang, ...(statement !== undefined ? { statement } : {}), ...(limit ? { limit } : {}) };
  };

  // One method per question kind: the same gate for the text and the options, then its answer.
  const questions = Object.fromEntries(
    KINDS.map((kind): [QueryKind, Ask] => [
      kind.name,
      (query, opts) => {
        const q = cleanQuery(query, { allowEmpty: !kind.arg.required });
        return kind.answer(lib, q, scopeFor(q, opts));
      },
    ]),
  ) as Record<QueryKind, Ask>;

  // Built once per engine (a reload builds a new engine): listing and autocomplete ran the
  // summaries, the sort and the normalization of 20,000 statements on every call.
  let sorted: StatementSummary[] | undefined;
  const allStatements = (): StatementSummary[] =>
    (sorted ??= lib.statements.map((_, i) => summary(lib, i)).sort(byDateDesc));
  let searchable: Array<{ s: StatementSummary; hay: string[]; joined: string }> | undefined;
  const searchIndex = () =>
    (searchable ??= allStatements().map((s) => {
      const hay = [s.title, s.id, s.date].map(normalize);
      // One string to search inside: one scan per statement instead of three (NUL never matches a needle).
      return { s, hay, joined: hay.join('\u0000') };
    }));

  const statements = (lang?: Lang): StatementSummary[] =>
    allStatements().filter((s) => !lang || primaryLanguage(s.language) === lang);

  return {
    problems: lib.problems,
    ...questions,
    statements,
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
