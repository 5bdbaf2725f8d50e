/**
 * FirstSeen carried over changes (statements added, removed, edited anywhere, first holders of a
 * string among them) must hold what a build from scratch over the same statements holds, in the
 * same order, for every key.
 */
import { expect, it } from 'vitest';
import { FirstSeen } from '../../src/answer/firstSeen.ts';
import type { Statement } from '../../src/corpus/types.ts';
import { moves } from '../../src/answer/library.ts';
import { createRng } from '../../bench/random.ts';

const WORDS = [
  'Abe',
  'Aso',
  'Kishida',
  'Kono',
  'Lavrov',
  'Blinken',
  'Rubio',
  'Wang',
  'Park',
  'Cho',
];
const TAIL = ['Clinton', 'Kono', 'Obama', 'Abe', 'Clinton'];
const keys = (v: string) => [v[0]!, `${v.length}`];

function statementWith(values: string[], n: number): Statement {
  return { id: `s${n}`, values } as unknown as Statement;
}
const valuesOf = (s: Statement) => (s as unknown as { values: string[] }).values;

function pick(rand: () => number): string[] {
  const out = new Set<string>();
  const n = Math.floor(rand() * 4);
  for (let i = 0; i < n; i++) out.add(WORDS[Math.floor(rand() * WORDS.length)]!);
  return [...out];
}

function allKeys(): string[] {
  return [...new Set([...WORDS, ...TAIL].flatMap(keys)), 'none'];
}

it('a carried index holds what a build from scratch holds, in order, after random changes', () => {
  const rng = createRng(7);
  const rand = () => rng.next();
  let made = 0;
  let statements = Array.from({ length: 30 }, () => statementWith(pick(rand), made++));
  const spec = (list: readonly Statement[]) => ({
    of: (si: number) => valuesOf(list[si]!),
    keys,
    tail: TAIL,
  });
  let index = FirstSeen.build(statements, spec(statements));
  for (let round = 0; round < 300; round++) {
    const next = [...statements];
    const changes = 1 + Math.floor(rand() * 3);
    for (let c = 0; c < changes; c++) {
      const at = Math.floor(rand() * (next.length + 1));
      const r = rand();
      if (r < 0.35 || next.length < 3) next.splice(at, 0, statementWith(pick(rand), made++));
      else if (r < 0.7) next.splice(Math.min(at, next.length - 1), 1);
      else next[Math.min(at, next.length - 1)] = statementWith(pick(rand), made++);
    }
    const before = index;
    const beforeLists = allKeys().map((k) => before.get(k));
    index = before.carry(statements, next, moves(statements, next), (si) => valuesOf(next[si]!));
    const fresh = FirstSeen.build(next, spec(next));
    for (const k of allKeys())
      expect(index.get(k), `round ${round} key ${k}`).toEqual(fresh.get(k));
    // The index carried from is left as it was.
    expect(allKeys().map((k) => before.get(k))).toEqual(beforeLists);
    statements = next;
  }
});
