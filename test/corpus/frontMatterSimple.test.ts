/**
 * Front matter of plain `key: value` lines is read without the YAML parser (simpleValues); for any
 * front matter, what parseFrontMatter gives must be what the YAML parser's reading gives.
 */
import { expect, it } from 'vitest';
import { createRng } from '../../bench/random.ts';
import { FRONT_MATTER_KEYS, parseFrontMatter, simpleValues } from '../../src/corpus/frontMatter.ts';

const KEYS = [...FRONT_MATTER_KEYS, 'unknown'];
const VALUES = [
  'abc',
  'a-slug_1.2',
  '2015-01-01',
  '2015-02-30',
  '22:00',
  '7:05',
  '12',
  '-3',
  '+1',
  '1.5',
  '1e3',
  '.5',
  '1.',
  '0x1F',
  '0o17',
  'true',
  'True',
  'FALSE',
  'null',
  'Null',
  '~',
  '.inf',
  '-.Inf',
  '.NaN',
  '-',
  '- a',
  '? x',
  'a: b',
  'a:b',
  'a #b',
  'C#',
  '"quoted"',
  '"with \\"escape\\""',
  '" spaced "',
  '""',
  "'single'",
  '[a]',
  'Foo [bar]',
  '{x}',
  '&anchor',
  '*alias',
  '!tag',
  '|',
  '>',
  '%x',
  '@x',
  '`x',
  'a\tb',
  'trailing ',
  ' leading',
  '',
  'Japan–Australia Leaders’ Talk',
  '日米外相電話会談',
  'https://example.org/x?y=1#frag',
  'en',
  'ja',
  'en-us',
  'EN',
  'xx-invalid',
  'a"b',
  "it's",
  '😀 emoji',
  'x:',
  'y :z',
  'Asia/Tokyo',
  '"2015-01-01"',
  '"22:00"',
  'a\u0085b',
  'lone \ud83d surrogate',
  'Ministry of Foreign Affairs of Japan',
];

it('reads plain key: value front matter as the YAML parser does', () => {
  const rng = createRng(99);
  let simple = 0;
  for (let n = 0; n < 4000; n++) {
    const lines: string[] = [];
    // Mostly well-formed statements' front matter, with one odd line now and then.
    const keys = rng.chance(0.8) ? ['id', 'title', 'date', 'language', 'publisher'] : [];
    keys.push(...rng.pickDistinct(['source', 'event', 'time', 'timezone'], rng.int(0, 4)));
    // Now and then a key twice, or one not known.
    if (rng.chance(0.1)) keys.push(rng.pick(KEYS));
    for (const key of keys) {
      const value = rng.chance(0.85)
        ? rng.pick(['abc', '2015-01-01', 'en', 'ja', 'Some Title', '"https://x.org/a"', '22:00'])
        : rng.pick(VALUES);
      lines.push(rng.chance(0.03) ? `${key}:${value}` : `${key}: ${value}`);
    }
    if (rng.chance(0.03))
      lines.splice(rng.int(0, lines.length), 0, rng.pick(['', '# c', '---', '  x: y']));
    const text = lines.join('\n');
    if (simpleValues(text, 2)) simple++;
    expect(parseFrontMatter(text, 'f.md', 2), text).toEqual(
      parseFrontMatter(text, 'f.md', 2, false),
    );
  }
  // Both ways were taken.
  expect(simple).toBeGreaterThan(1000);
  expect(simple).toBeLessThan(3900);
});
