import type { Statement } from '../corpus/types.ts';
import type { CorpusProblem } from '../corpus/types.ts';
import { ParagraphIndex, type ParagraphSearch } from '../index/paragraphIndex.ts';
import { FactsCache, type FactsSource } from './facts.ts';
import { EMPTY_GLOSSARY, type Glossary } from '../understand/glossary.ts';

/**
 * Everything the answer functions read: the statements, their paragraph index, and lookups built
 * once at load time. Plain data plus the index; no I/O.
 */
export interface Library {
  statements: readonly Statement[];
  index: ParagraphSearch;
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
  index: ParagraphSearch = new ParagraphIndex(statements),
  /** Facts already extracted for these statements (from the persisted cache); otherwise extracted on first use. */
  facts?: FactsSource,
  /** The library of the corpus before a change, and how the statements moved: lookups it made are carried over. */
  before?: { library: Library; moves: () => { moved: Int32Array; added: readonly number[] } },
): Library {
  // Made when first asked: a corpus that changes gets a new library each time, and at 100,000
  // statements each map costs tens of milliseconds that a question may never need.
  let byId: Map<string, number> | undefined;
  // Only the old map is kept, not the old library: a chain of libraries would keep every index.
  const oldEvents = before && eventMaps.get(before.library);
  const movesOf = before?.moves;
  const library: Library = {
    statements,
    index,
    problems,
    glossary,
    facts: new FactsCache(statements, facts),
    get byId() {
      return (byId ??= new Map(statements.map((s, i) => [s.id, i])));
    },
    get events() {
      let events = eventMaps.get(library);
      if (!events) {
        events =
          oldEvents && movesOf
            ? movedEvents(oldEvents, statements, movesOf())
            : eventsOf(statements);
        eventMaps.set(library, events);
      }
      return events;
    },
  };
  return library;
}

/** Each library's event map, once made (by `events`), so that the next library can carry it. */
const eventMaps = new WeakMap<Library, Map<string, number[]>>();

function eventsOf(statements: readonly Statement[]): Map<string, number[]> {
  const events = new Map<string, number[]>();
  statements.forEach((s, i) => {
    if (!s.event) return;
    const list = events.get(s.event);
    if (list) list.push(i);
    else events.set(s.event, [i]);
  });
  return events;
}

/** The event map of the corpus before a change, its positions moved and the added statements put in. */
function movedEvents(
  old: ReadonlyMap<string, number[]>,
  statements: readonly Statement[],
  { moved, added }: { moved: Int32Array; added: readonly number[] },
): Map<string, number[]> {
  const events = new Map<string, number[]>();
  for (const [event, list] of old) {
    const next: number[] = [];
    for (const i of list) if (moved[i]! >= 0) next.push(moved[i]!);
    if (next.length) events.set(event, next);
  }
  for (const i of added) {
    const event = statements[i]!.event;
    if (!event) continue;
    const list = events.get(event);
    if (!list) events.set(event, [i]);
    else {
      let at = list.length;
      while (at > 0 && list[at - 1]! > i) at--;
      list.splice(at, 0, i);
    }
  }
  return events;
}

/**
 * How a corpus changed, by statement identity: where each statement of `before` went in `after`
 * (-1 when it is gone), and the positions in `after` of the statements that are new.
 */
export function moves(
  before: readonly Statement[],
  after: readonly Statement[],
): { moved: Int32Array; added: number[] } {
  const at = new Map<Statement, number>();
  after.forEach((s, i) => {
    at.set(s, i);
  });
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
