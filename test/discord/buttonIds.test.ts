import fc from 'fast-check';
import { expect, test } from 'vitest';
import { readFooter, footerLines } from '../../src/discord/answerFooter.ts';
import { KIND_NAMES } from '../../src/answer/kinds.ts';
import {
  ANYONE,
  decodeButtonId,
  encodeButtonId,
  type ButtonState,
} from '../../src/discord/buttonIds.ts';

const asker = '123456789012345678';

test('state round-trips through the custom id, query last so it may contain the separator', () => {
  const state: ButtonState = {
    action: 'page',
    kind: 'quote',
    page: 3,
    lang: 'ja',
    askerId: asker,
    statement: 'mofa-2025-02-20',
    query: 'a|b 弾道ミサイル',
  };
  const id = encodeButtonId(state);
  expect(id.length).toBeLessThanOrEqual(100);
  expect(decodeButtonId(id)).toEqual(state);
});

test('a question that does not fit is left to the message footer', () => {
  const state: ButtonState = {
    action: 'lang',
    kind: 'ask',
    page: 0,
    lang: 'en',
    askerId: asker,
    query: '経済安全保障'.repeat(20),
  };
  const id = encodeButtonId(state);
  expect(id.length).toBeLessThanOrEqual(100);
  const decoded = decodeButtonId(id)!;
  expect(decoded.query).toBeUndefined();
  expect(decoded.askerId).toBe(asker);
  expect(readFooter(`${footerLines(state.query!, 'some-statement').join('\n')}\n1/3`)).toEqual({
    query: state.query,
    statement: 'some-statement',
  });
});

test("an ask button (an announcement's /who, /when) carries the kind and the statement, for anyone", () => {
  const state: ButtonState = {
    action: 'ask',
    kind: 'who',
    page: 0,
    lang: 'ja',
    askerId: ANYONE,
    statement: 'mofa-2024-11-01-japan-us-rok-foreign-ministers-call',
    query: '',
  };
  const id = encodeButtonId(state);
  expect(id).toBe('r1|a|w|0|j|0|mofa-2024-11-01-japan-us-rok-foreign-ministers-call|');
  expect(decodeButtonId(id)).toEqual(state);
  expect(decodeButtonId(encodeButtonId({ ...state, statement: 's'.repeat(90) }))).toEqual({
    action: 'ask',
    kind: 'who',
    page: 0,
    lang: 'ja',
    askerId: ANYONE,
  });
  // Anything else in an ask id was not made by the bot.
  for (const forged of [
    'r1|a|w|1|j|0|s|',
    `r1|a|w|0|j|${asker}|s|`,
    'r1|a|w|0|j|0|s|ICBM',
    'r1|a|w|0|j|0||',
    'r1|a|w|0|j|0|s|a|b',
  ]) {
    expect(decodeButtonId(forged)).toBeNull();
  }
});

test('ids that are not ours, or malformed, decode to null', () => {
  for (const id of [
    '',
    'other-bot:next',
    'r1|x|q|0|e|1||q',
    'r1|p|q|0|e|notanid||q',
    'r1|p|q|0|fr|1||q',
    'r1|p|q|0|e|1|s',
  ]) {
    expect(decodeButtonId(id)).toBeNull();
  }
});

test('property: every id is at most 100 characters and decodes to the same state or defers to the footer', () => {
  fc.assert(
    fc.property(
      fc.record({
        action: fc.constantFrom('page', 'lang'),
        kind: fc.constantFrom(...KIND_NAMES),
        page: fc.nat(40),
        lang: fc.constantFrom('ja', 'en'),
        askerId: fc.bigInt(10n ** 16n, 10n ** 19n).map(String),
        statement: fc.option(fc.stringMatching(/^[a-z0-9-]{1,80}$/), { nil: undefined }),
        query: fc.string({ unit: 'grapheme', maxLength: 120 }),
      }),
      (raw) => {
        const state = { ...raw } as ButtonState;
        if (state.statement === undefined) delete state.statement;
        const id = encodeButtonId(state);
        expect(id.length).toBeLessThanOrEqual(100);
        const decoded = decodeButtonId(id)!;
        expect(decoded).not.toBeNull();
        if (decoded.query === undefined) {
          expect({
            ...decoded,
            query: state.query,
            ...(state.statement ? { statement: state.statement } : {}),
          }).toEqual(state);
        } else {
          expect(decoded).toEqual(state);
        }
      },
    ),
  );
});
