import fc from 'fast-check';

/** Characters people use to break search engines and regular expressions. */
export const METACHARACTERS = [
  '*',
  '?',
  '+',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '|',
  '^',
  '$',
  '\\',
  ':',
  '"',
  '~',
  '-',
  '.',
  '/',
  "'",
  '「',
  '」',
];
export const SEARCH_WORDS = [
  'AND',
  'OR',
  'NOT',
  'NEAR',
  'title:',
  'id:*',
  '-missile',
  '+Japan',
  '"',
  '""',
  '"北朝鮮',
];

/** Zero-width, bidi and byte-order characters that render as nothing or reorder text. */
export const INVISIBLES = [
  ...range(0x200b, 0x200f),
  ...range(0x202a, 0x202e),
  ...range(0x2066, 0x2069),
  0xfeff,
  0x00ad,
  0x2060,
].map((c) => String.fromCharCode(c));

export const DISCORD_SYNTAX = [
  '@everyone',
  '@here',
  '<@123456789012345678>',
  '<@!123456789012345678>',
  '<@&456789012345678901>',
  '<#789012345678901234>',
  '</quote:1234567890>',
  '<:emoji:123456789012345678>',
  '<t:1730419200:F>',
  '[x](https://e.com)',
  '[**bold**](<https://e.com/a b>)',
  '```',
  '```js\nprocess.exit()\n```',
  '`',
  '||spoiler||',
  '> quote',
  '# heading',
  '-# small',
  '**',
  '__',
  '~~',
];

/** Words of real readouts, so that random questions also reach the paths that find and cite paragraphs. */
export const READOUT_WORDS = [
  'North Korea',
  'ballistic missile',
  'condemn',
  'strongest terms',
  'Secretary',
  'Minister',
  'Foreign Minister',
  'Russia',
  'cooperation',
  'trilateral',
  'October 31',
  '2024',
  'who',
  'when',
  'what did',
  'say about',
  '北朝鮮',
  '弾道ミサイル',
  '外務大臣',
  '電話会談',
  '非難',
  '協力',
  '日米韓',
  'ロシア',
  '誰',
  'いつ',
  '何時',
  '10月31日',
  '午後10時',
  '国務長官',
  '長官',
  '会談',
  '拉致問題',
];

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const control = fc
  .integer({ min: 0, max: 0x9f })
  .filter((c) => c < 0x20 || c >= 0x7f)
  .map((c) => String.fromCharCode(c));

/** One hostile piece: anything from a random code point to a Discord mention or a readout phrase. */
export const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 3, arbitrary: fc.constantFrom(...READOUT_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...METACHARACTERS) },
  { weight: 1, arbitrary: fc.constantFrom(...SEARCH_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...INVISIBLES) },
  { weight: 2, arbitrary: fc.constantFrom(...DISCORD_SYNTAX) },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: control },
  { weight: 2, arbitrary: fc.constantFrom(' ', '  ', '\n', '\t', '\u3000', '、', '。', '・') },
);

/** A hostile question of a size people can type (the query path's real input). */
export const hostileText: fc.Arbitrary<string> = fc
  .array(piece, { maxLength: 24 })
  .map((parts) => parts.join(''));

/** Pieces repeated into about `bytes` characters: for catastrophic-backtracking checks. */
export function bigText(parts: string[], size: number): string {
  let out = '';
  for (let i = 0; out.length < size; i++) out += parts[i % parts.length];
  return out.slice(0, size);
}

/** Deterministic 100 KB inputs, each shaped to stress a different kind of pattern. */
export function hundredKilobyteInputs(): { name: string; text: string }[] {
  const size = 100 * 1024;
  return [
    { name: 'one letter', text: 'a'.repeat(size) },
    { name: 'one kanji', text: '北'.repeat(size) },
    { name: 'spaces', text: ' '.repeat(size) },
    { name: 'digits', text: '1'.repeat(size) },
    { name: 'metacharacters', text: bigText(METACHARACTERS, size) },
    { name: 'nested brackets', text: '('.repeat(size / 2) + ')'.repeat(size / 2) },
    { name: 'Japanese brackets', text: bigText(['（', '１', '）', '「', '」', '、'], size) },
    { name: 'invisibles', text: bigText(INVISIBLES, size) },
    { name: 'discord syntax', text: bigText(DISCORD_SYNTAX, size) },
    {
      name: 'readout words',
      text: bigText(
        READOUT_WORDS.map((w) => `${w} `),
        size,
      ),
    },
    {
      name: 'date-like',
      text: bigText(
        [
          '10月31日',
          '、',
          '午後10時頃から',
          '約30分間',
          ' October 31, 2024 at 8:05 p.m. (',
          'local time; ',
        ],
        size,
      ),
    },
    {
      name: 'title chains',
      text: bigText(
        ['Secretary of State ', 'Minister ', 'Foreign ', 'Affairs ', 'Mr. ', 'A. '],
        size,
      ),
    },
    {
      name: 'japanese titles',
      text: bigText(['外務大臣', '長官', '国務', '大統領', '（', 'カン・', '）'], size),
    },
    { name: 'dots and initials', text: bigText(['A.', 'B.', ' ', 'U.S.', '.'], size) },
    { name: 'lone surrogates', text: bigText(['\ud800', 'a', '\udc00', '\udbff'], size) },
    { name: 'combining marks', text: `ｶ${'\u3099\uFF9E\u0301'.repeat(size / 3)}` },
  ];
}
