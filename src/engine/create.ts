import { answerCompare } from '../answer/compare.ts';
import { answerQuote } from '../answer/quote.ts';
import { routeQuestion } from '../answer/route.ts';
import { answerWhen } from '../answer/when.ts';
import { answerWho } from '../answer/who.ts';
import type { Answer, Lang } from '../answer/types.ts';
import type { SearchScope } from '../answer/search.ts';
import { detectLanguage, primaryLanguage } from '../text/script.ts';
import { normalize, wellFormed } from '../text/normalize.ts';
import { MAX_QUERY_LENGTH, QueryError } from './errors.ts';
import type { Library } from './library.ts';
import type { Engine, QueryOptions, StatementSummary } from './types.ts';
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

  const quote = (query: string, opts?: QueryOptions): Answer => {
    const q = cleanQuery(query);
    return answerQuote(lib, q, scopeFor(q, opts));
  };
  const who = (query: string, opts?: QueryOptions): Answer => {
    const q = cleanQuery(query, { allowEmpty: true });
    return answerWho(lib, q, scopeFor(q, opts));
  };
  const when = (query: string, opts?: QueryOptions): Answer => {
    const q = cleanQuery(query, { allowEmpty: true });
    return answerWhen(lib, q, scopeFor(q, opts));
  };

  const statements = (lang?: Lang): StatementSummary[] =>
    lib.statements
      .map((_, i) => summary(lib, i))
      .filter((s) => !lang || primaryLanguage(s.language) === lang)
      .sort(byDateDesc);

  return {
    problems: lib.problems,
    quote,
    who,
    when,
    compare(query, opts) {
      const q = cleanQuery(query);
      return answerCompare(lib, q, scopeFor(q, opts));
    },
    ask(question, opts) {
      const q = cleanQuery(question);
      // The question's language is the answer's, even once question words are stripped.
      const lang = opts?.lang ?? detectLanguage(q);
      const { route, topic } = routeQuestion(q);
      const routed = { ...opts, lang };
      if (route === 'who') return who(topic, routed);
      if (route === 'when') return when(topic, routed);
      return quote(topic || q, routed);
    },
    statements,
    findStatements(prefix: string, max = 25): StatementSummary[] {
      // A negative or fractional count would make slice() count from the end.
      const count = Number.isFinite(max) ? Math.max(0, Math.floor(max)) : 25;
      // Autocomplete text skips cleanQuery; NFKC of a long run of combining marks is quadratic.
      const needle = normalize(wellFormed(prefix.slice(0, MAX_QUERY_LENGTH)).trim());
      const all = statements();
      if (!needle) return all.slice(0, count);
      const score = (s: StatementSummary) => {
        const hay = [s.title, s.id, s.date].map(normalize);
        if (hay.some((h) => h.startsWith(needle))) return 0;
        if (hay.some((h) => h.includes(needle))) return 1;
        return 2;
      };
      return all
        .map((s) => ({ s, rank: score(s) }))
        .filter((x) => x.rank < 2)
        .sort((a, b) => a.rank - b.rank)
        .slice(0, count)
        .map((x) => x.s);
    },
  };
}
