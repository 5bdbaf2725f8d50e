import { expect, test } from 'vitest';
import { SeenEvents } from '../../src/discord/seenEvents.ts';

test('an id is new once; the oldest ids are forgotten past the capacity', () => {
  const seen = new SeenEvents(3);
  expect(['a', 'b', 'a', 'c'].map((id) => seen.first(id))).toEqual([true, true, false, true]);
  expect(seen.first('d')).toBe(true); // forgets 'a'
  expect(seen.first('a')).toBe(true);
  expect(seen.first('c')).toBe(false);
});
