import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Statement } from '../../src/corpus/types.ts';
import { MAX_QUERY_LENGTH, QueryError } from '../../src/engine/errors.ts';
import type { Engine, QueryOptions } from '../../src/engine/types.ts';
import type { Answer } from '../../src/answer/types.ts';
import { engineFromFolderInTemp, FIXTURE_CORPUS, SEED_CORPUS } from '../helpers.ts';
import { hostileText, hundredKilobyteInputs, INVISIBLES, piece } from './arbitraries.ts';

const METHODS = ['quote', 'who', 'when', 'compare', 'ask'] as const;
type Method = (typeof METHODS)[number];
const KINDS = new Set(['who', 'when', 'quote', 'none']);

interface Served {
  engine: Engine;
  statements: Map<string, Statement>;
}

async function serve(dir: string): Promise<Served> {
  const [engine, corpus] = await Promise.all([engineFromFolderInTemp(dir), loadCorpus(dir)]);
  return { engine, statements: new Map(corpus.statements.map((s) => [s.id, s])) };
}

/** Runs one question; the only acceptable failure is a QueryError with a message for both languages. */
function ask(
  served: Served,
  method: Method,
  text: string,
  opts?: QueryOptions,
): Answer | QueryError {
  try {
    return served.engine[method](text, opts);
  } catch (err) {
    if (!(err instanceof QueryError)) throw err;
    expect(err.messageFor('en', '/statements')).toMatch(/\S/);
    expect(err.messageFor('ja', '/statements')).toMatch(/\S/);
    return err;
  }
}

/** Answers are plain data of the documented shape, and every excerpt is the corpus's own words. */
function expectWellFormed(served: Served, answer: Answer): void {
  expect(KINDS.has(answer.kind)).toBe(true);
  expect(['ja', 'en']).toContain(answer.language);
  expect(typeof answer.query).toBe('string');
  if (answer.kind === 'none') expect(answer.items).toEqual([]);
  if (answer.notice !== undefined) expect(answer.notice).toMatch(/\S/);
  for (const item of answer.items) {
    expect(typeof item.text).toBe('string');
    expect(item.citations.length).toBeGreaterThan(0);
    for (const c of item.citations) {
      const statement = served.statements.get(c.statement);
      expect(statement, `cited statement ${c.statement} exists`).toBeDefined();
      const paragraph = statement!.paragraphs.find((p) => p.number === c.paragraph);
      expect(paragraph, `paragraph ${c.paragraph} of ${c.statement} exists`).toBeDefined();
      const body = c.excerpt.replace(/^…/, '').replace(/…$/, '');
      expect(body.length).toBeGreaterThan(0);
      expect(paragraph!.text.includes(body), `excerpt is verbatim: ${c.excerpt}`).toBe(true);
      expect(c.title).toBe(statement!.title);
      expect(c.date).toBe(statement!.date);
    }
    for (const m of item.matched ?? []) expect(typeof m).toBe('string');
  }
}

const options = (ids: string[]): fc.Arbitrary<QueryOptions | undefined> =>
  fc.option(
    fc.record(
      {
        lang: fc.constantFrom('ja' as const, 'en' as const),
        statement: fc.oneof(fc.constantFrom(...ids), piece),
        limit: fc.oneof(
          fc.integer({ min: -5, max: 100 }),
          fc.constantFrom(Number.NaN, Infinity, -Infinity, 0.5, 1e308),
        ),
      },
      { requiredKeys: [] },
    ),
    { nil: undefined },
  );

describe.each([
  ['the seed corpus', SEED_CORPUS],
  ['the fixture corpus', FIXTURE_CORPUS],
])('hostile questions on %s', (_name, dir) => {
  let served: Served;
  beforeAll(async () => {
    served = await serve(dir);
  });

  it('every method answers random, hostile text with a well-formed answer or a QueryError', () => {
    const ids = [...served.statements.keys()];
    let answered = 0;
    fc.assert(
      fc.property(fc.constantFrom(...METHODS), hostileText, options(ids), (method, text, opts) => {
        const result = ask(served, method, text, opts);
        if (result instanceof QueryError) {
          expect(['empty', 'unknown_statement']).toContain(result.code);
          return;
        }
        answered++;
        expectWellFormed(served, result);
      }),
      { numRuns: 400 },
    );
    // The generator reaches the answer path, not only the input gate.
    expect(answered).toBeGreaterThan(200);
  });

  it('a question that hits the corpus still cites verbatim text when wrapped in hostile characters', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...METHODS),
        fc.constantFrom(
          'ballistic missile',
          'North Korea',
          '北朝鮮',
          '弾道ミサイル',
          'cooperation',
          '協力',
        ),
        fc.array(
          fc.constantFrom(...INVISIBLES, '@everyone', '<@&456>', '*', '"', '\\', '(', '```'),
          { maxLength: 6 },
        ),
        (method, words, noise) => {
          const text = noise.slice(0, 3).join('') + words + noise.slice(3).join('');
          const result = ask(served, method, text);
          if (result instanceof QueryError) throw result;
          expectWellFormed(served, result);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('over-long questions get the documented too_long error, whatever they contain', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...METHODS),
        fc
          .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
          .filter((s) => s.trim().length > 0),
        fc.integer({ min: MAX_QUERY_LENGTH + 1, max: 5000 }),
        (method, unit, length) => {
          let text = '';
          while (text.replace(/\s+/g, ' ').trim().length <= length) text += `${unit}x`;
          expect(() => served.engine[method](text)).toThrow(QueryError);
          try {
            served.engine[method](text);
          } catch (err) {
            expect((err as QueryError).code).toBe('too_long');
            expect((err as QueryError).messageFor('en', '/statements')).toContain(
              String(MAX_QUERY_LENGTH),
            );
            expect((err as QueryError).messageFor('ja', '/statements')).toContain(
              String(MAX_QUERY_LENGTH),
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a question at the limit is answered; one character more is refused', () => {
    const atLimit = `${'missile '.repeat(MAX_QUERY_LENGTH).slice(0, MAX_QUERY_LENGTH - 1)}x`;
    expect(atLimit).toHaveLength(MAX_QUERY_LENGTH);
    for (const method of METHODS) {
      expectWellFormed(served, served.engine[method](atLimit));
      expect(() => served.engine[method](`${atLimit}y`)).toThrow(
        'That question is too long: please keep it to 500 characters or fewer.',
      );
    }
  });

  it('each 100 KB input returns (once per method), refused as too long', () => {
    for (const { name, text } of hundredKilobyteInputs()) {
      for (const method of METHODS) {
        const result = ask(served, method, text);
        expect(result, `${method} on ${name}`).toBeInstanceOf(QueryError);
        expect((result as QueryError).code).toBe('too_long');
      }
      expect(served.engine.findStatements(text).length).toBeLessThanOrEqual(25);
    }
  });

  it('each 100 KB input cut to the longest accepted question is answered (once per method)', () => {
    for (const { name, text } of hundredKilobyteInputs()) {
      const longest = Array.from(text).slice(0, MAX_QUERY_LENGTH).join('');
      for (const method of METHODS) {
        const result = ask(served, method, longest);
        if (result instanceof QueryError) expect(result.code, `${method} on ${name}`).toBe('empty');
        else expectWellFormed(served, result);
      }
    }
  });

  it('statement lists and autocomplete take any prefix', () => {
    fc.assert(
      fc.property(hostileText, fc.integer({ min: -3, max: 40 }), (prefix, max) => {
        const found = served.engine.findStatements(prefix, max);
        expect(found.length).toBeLessThanOrEqual(Math.max(0, max));
        for (const s of found) expect(served.statements.has(s.id)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
