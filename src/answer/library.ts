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
  // Made when first asked: a corpus that changes gets a new library each time, and at 100,000
  // statements each map costs tens of milliseconds that a question may never need.
  let byId: Map<string, number> | undefined;
  let events: Map<string, number[]> | undefined;
  return {
    statements,
    index,
    problems,
    glossary,
    facts: new FactsCache(statements, facts),
    get byId() {
      return (byId ??= new Map(statements.map((s, i) => [s.id, i])));
    },
    get events() {
      if (!events) {
        events = new Map();
        statements.forEach((s, i) => {
          if (!s.event) return;
          const list = events!.get(s.event);
          if (list) list.push(i);
          else events!.set(s.event, [i]);
        });
      }
      return events;
    },
  };
}

/**
 * How a corpus changed, by statement identity: where each statement of `before` went in `after`
 * (-1 when it is gone), and the positions in `after` of the statements that are new.
 */
export function moves(before: readonly Statement[], after: readonly Statement[]): { moved: Int32Array; added: number[] } {
  const at = new Map<Statement, number>();
  after.forEach((s, i) => at.set(s, i));
  const moved = new Int32Array(before.length);
  const kept = new Uint8Array(after.length);
  before.forEach((s, i) => {
    const to = at.get(s);
    moved[i] = to ?? -1;
    if (to !== undefined) kept[to] = 1;
  });
  const added: number[] = [];
  for (let i = 0; i < after.length; i++) if (!kept[i]) added.push(i);
  return { moved, added };
}
