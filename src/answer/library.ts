import type { Statement } from '../corpus/types.ts';
import type { CorpusProblem } from '../corpus/types.ts';
import { ParagraphIndex } from '../index/paragraphIndex.ts';
import { FactsCache, type FactsSource } from './facts.ts';
import { EMPTY_GLOSSARY, type Glossary } from '../understand/glossary.ts';

/**
 * Everything the answer functions read: the statements, their paragraph index, and lookups built
 * once at load time. Plain data plus the index; no I/O.
 */
export interface Library {
  statements: readonly Statement[];
  index: ParagraphIndex;
  byId: ReadonlyMap<string, number>;
  /** Event id -> statement positions, across languages. */
  events: ReadonlyMap<string, readonly number[]>;
  problems: readonly CorpusProblem[];
  /** Cross-language names and terms from the corpus's glossary files. */
  glossary: Glossary;
  facts: FactsCache;
}

export function buildLibrary(
  statements: readonly Statement[],
  problems: readonly CorpusProblem[] = [],
  glossary: Glossary = EMPTY_GLOSSARY,
  /** A prebuilt index of these statements (from the persisted cache). */
  index: ParagraphIndex = new ParagraphIndex(statements),
  /** Facts already extracted for these statements (from the persisted cache); otherwise extracted on first use. */
  facts?: FactsSource,
): Library {
  const byId = new Map<string, number>();
  const events = new Map<string, number[]>();
  statements.forEach((s, i) => {
    byId.set(s.id, i);
    if (s.event) events.set(s.event, [...(events.get(s.event) ?? []), i]);
  });
  return { statements, index, byId, events, problems, glossary, facts: new FactsCache(statements, facts) };
}
