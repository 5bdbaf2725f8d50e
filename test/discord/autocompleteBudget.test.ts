/**
 * Issue 12: autocomplete was exempt from every limit, so one user typing (or scripting) 20 a
 * second crowded out everyone's questions. It now has its own per-user budget; over it, the
 * typist gets an empty list without a lookup, and nobody else is affected.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { AUTOCOMPLETE_BUDGET } from '../../src/discord/bot.ts';
import { writeFixtureCorpus } from './corpusFixture.ts';
import { makeUser } from './fakeDiscord.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
let corpus: Awaited<ReturnType<typeof writeFixtureCorpus>>;
let lookups = 0;

beforeAll(async () => {
  corpus = await writeFixtureCorpus();
  h = await startHarness({
    corpusDir: corpus.dir,
    wrapEngine: (engine) => ({
      ...engine,
      findStatements: (prefix, max) => {
        lookups++;
        return engine.findStatements(prefix, max);
      },
    }),
  });
});
afterAll(async () => {
  await h?.close();
  await corpus?.cleanup();
});

test('past its budget a flooding typist gets empty lists without lookups; others and questions are unaffected', async () => {
  const flooder = makeUser('flooder');
  const flood = Array.from({ length: AUTOCOMPLETE_BUDGET.limit + 5 }, () =>
    h.fake.autocomplete('quote', [{ name: 'statement', value: 'japan', focused: true }], {
      user: flooder,
      guild: h.fake.guild,
    }),
  );
  const answers = await Promise.all(flood.map((i) => h.fake.responseTo(i)));
  const counts = answers.map((r) => (r.body.data.choices as unknown[]).length);
  expect(counts.filter((n) => n > 0)).toHaveLength(AUTOCOMPLETE_BUDGET.limit);
  expect(counts.filter((n) => n === 0)).toHaveLength(5);
  expect(lookups).toBe(AUTOCOMPLETE_BUDGET.limit);

  const other = h.fake.autocomplete(
    'quote',
    [{ name: 'statement', value: 'japan', focused: true }],
    { user: makeUser('other'), guild: h.fake.guild },
  );
  expect(((await h.fake.responseTo(other)).body.data.choices as unknown[]).length).toBeGreaterThan(
    0,
  );
  // Typing does not use up the question limit.
  const question = h.fake.slashCommand('quote', [{ name: 'query', value: 'coast guard' }], {
    user: flooder,
    guild: h.fake.guild,
  });
  expect((await h.fake.responseTo(question)).body.data.embeds[0].title).toBe('Quote: coast guard');
});
