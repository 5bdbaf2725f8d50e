/**
 * A library made after a change carries over what the one before worked out (the event map, the
 * title index, the names heard across scripts) instead of making it again: the carried lookups must be what a fresh library makes.
 */
import { expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.ts';
import { buildLibrary, moves } from '../../src/answer/library.ts';
import { answerQuote } from '../../src/answer/quote.ts';
import { carryRelevance, namesHeardAs } from '../../src/answer/relevance.ts';

it('carries the event map, the title index and the names heard over a change as a fresh library would make them', () => {
  const { statements } = generateCorpus({ paragraphs: 600, seed: 12 });
  const extra = generateCorpus({ paragraphs: 60, seed: 13 }).statements.map((s, i) => ({
    ...s,
    id: `${s.id}-n${i}`,
  }));
  const before = buildLibrary(statements);
  void before.events;
  answerQuote(before, 'Zephyrine', { lang: 'en' });
  answerQuote(before, '林外務大臣', { lang: 'ja' });
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
  // The names heard across scripts, carried by the statements changed alone.
  const labels = new Set<string>();
  for (let si = 0; si < fresh.statements.length; si++)
    for (const p of fresh.facts.get(si).people)
      for (const n of [p.name, ...p.otherNames]) for (const w of n.split(/[・\s]/)) labels.add(w);
  expect(labels.size).toBeGreaterThan(20);
  let heard = 0;
  for (const label of labels) {
    const names = namesHeardAs(carried, label);
    heard += names.length;
    expect(names, label).toEqual(namesHeardAs(fresh, label));
  }
  expect(heard).toBeGreaterThan(0);
  for (const q of ['Zephyrine', 'Foreign Minister', '外務大臣', 'security', 'G7', '林外務大臣']) {
    expect(answerQuote(carried, q, { lang: 'en' }), q).toEqual(
      answerQuote(fresh, q, { lang: 'en' }),
    );
  }
});
