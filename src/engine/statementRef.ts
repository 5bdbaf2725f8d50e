/**
 * The statement a user named by hand: its id, its exact title, or its date when one statement
 * has that date. Shared by Discord's `statement` option and the command line's --statement, so a
 * title typed without picking a suggestion works the same everywhere.
 */
import { QueryError } from './errors.ts';
import type { Engine } from './types.ts';

function folded(text: string): string {
  return text.replace(/\s+/g, ' ').trim().normalize('NFKC').toLowerCase();
}

/** The statement id, or undefined for no filter; throws QueryError('unknown_statement'). */
export function resolveStatement(engine: Engine, typed: string | undefined | null): string | undefined {
  if (!typed?.trim()) return undefined;
  const all = engine.statements();
  const byId = all.find((s) => s.id === typed.trim());
  if (byId) return byId.id;
  const want = folded(typed);
  // "2024-11-01 日米韓外相電話会談" is how the suggestions read: accept it typed out too.
  for (const name of [(s: (typeof all)[number]) => s.title, (s: (typeof all)[number]) => s.date, (s: (typeof all)[number]) => `${s.date} ${s.title}`]) {
    const found = all.filter((s) => folded(name(s)) === want);
    if (found.length === 1) return found[0]!.id;
  }
  throw new QueryError('unknown_statement');
}
