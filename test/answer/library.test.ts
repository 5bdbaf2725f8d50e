/**
 * A library made after a change carries over what the one before worked out (the event map, the
 * title index) instead of making it again: the carried lookups must be what a fresh library makes.
 */
import { expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.ts';
import { buildLibrary, moves } from '../../src/answer/library.ts';
import { answerQuote } from '../../src/answer/quote.ts';
import { carryRelevance } from '../../src/answer/relevance.ts';

it('carries the event map and the title index over a change as a fresh library would make them', () => {
  const { statements } = generateCorpus({ paragraphs: 600, seed: 12 });
  const extra = generateCorpus({ paragraphs: 60, seed: 13 }).statements.map((s, i) => ({
    ...s,
    id: `${s.id}-n${i}`,
  }));
  const before = buildLibrary(statements);
  void before.events;
  answerQuote(before, 'Zephyrine', { lang: 'en' });
  const after = [
    ...statements.slice(0, 10),
    extra[0]!,
    ...statements.slice(12, 30),
    extra[1]!,
    ...statements.slice(30),
  ];
  const movesOf = () => moves(statements, after);
  const carried = buildLibrary(after, [], undefined, undefined, undefined, {
    library: before,
    moves: movesOf,
  });
  carryRelevance(before, carried, movesOf);
  const fresh = buildLibrary(after);
  expect([...carried.events].sort()).toEqual([...fresh.events].sort());
  for (const q of ['Zephyrine', 'Foreign Minister', '外務大臣', 'security', 'G7']) {
    expect(answerQuote(carried, q, { lang: 'en' }), q).toEqual(
      answerQuote(fresh, q, { lang: 'en' }),
    );
  }
});
