import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractPeople, type Person } from '../../src/understand/people/extract.ts';
import { extractTimes, type TimeExpression } from '../../src/understand/times/extract.ts';
import { hostileText, hundredKilobyteInputs } from './arbitraries.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LANGS = ['ja', 'en'] as const;

/** Mentions point at the words they quote, and every person has a name. */
function expectPeopleOf(paragraphs: { number: number; text: string }[], people: Person[]): void {
  for (const p of people) {
    expect(p.name.trim().length).toBeGreaterThan(0);
    expect(p.mentions.length).toBeGreaterThan(0);
    for (const m of p.mentions) {
      const paragraph = paragraphs.find((x) => x.number === m.paragraph);
      expect(paragraph).toBeDefined();
      expect(paragraph!.text.slice(m.start, m.end)).toBe(m.text);
    }
  }
}

/** Each expression is the verbatim text at its offsets, with well-formed dates and clock times. */
function expectTimesOf(text: string, times: TimeExpression[]): void {
  for (const t of times) {
    expect(t.start).toBeGreaterThanOrEqual(0);
    expect(t.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(t.date).toMatch(ISO_DATE);
    if (t.endDate) expect(t.endDate).toMatch(ISO_DATE);
    if (t.time) expect(t.time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
    if (t.durationMinutes !== undefined) expect(Number.isFinite(t.durationMinutes)).toBe(true);
  }
}

const statementDate = fc
  .date({
    min: new Date('1946-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe('people extractor on hostile text', () => {
  it('never throws, and every mention is the text at its offsets', () => {
    fc.assert(
      fc.property(
        fc.array(hostileText, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...LANGS),
        (texts, lang) => {
          const paragraphs = texts.map((text, i) => ({ number: i + 1, text }));
          expectPeopleOf(paragraphs, extractPeople(paragraphs, lang));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds the minister in a readout sentence wrapped in zero-width and bidi characters', () => {
    const text =
      '\u202Eモテギ\u202C\u200B茂木敏充外務大臣は、\u2066@everyone\u2069の首脳と会談を行った。';
    const people = extractPeople([{ number: 1, text }], 'ja');
    expectPeopleOf([{ number: 1, text }], people);
    expect(people.map((p) => p.name)).toContain('茂木敏充');
  });

  it('each 100 KB paragraph is read once per language', () => {
    for (const { name, text } of hundredKilobyteInputs()) {
      for (const lang of LANGS) {
        const paragraphs = [{ number: 1, text }];
        const people = extractPeople(paragraphs, lang);
        expectPeopleOf(paragraphs, people);
        expect(people.length, `${lang} ${name}`).toBeLessThan(text.length);
      }
    }
  });
});

describe('time extractor on hostile text', () => {
  it('never throws, and every expression is the text at its offsets with a real date', () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom(...LANGS), statementDate, (text, lang, date) => {
        expectTimesOf(text, extractTimes(text, lang, date));
      }),
      { numRuns: 500 },
    );
  });

  it('reads a date around Discord syntax and metacharacters', () => {
    const text =
      '<@&456> 10月31日（木）、午後10時頃から約30分間、*[x](https://e.com)* 会談を行った。';
    const times = extractTimes(text, 'ja', '2024-11-01');
    expectTimesOf(text, times);
    expect(times[0]).toMatchObject({
      date: '2024-10-31',
      time: '22:00',
      approximate: true,
      durationMinutes: 30,
    });
  });

  it('each 100 KB paragraph is read once per language', () => {
    for (const { name, text } of hundredKilobyteInputs()) {
      for (const lang of LANGS) {
        const times = extractTimes(text, lang, '2024-11-01');
        expectTimesOf(text, times);
        expect(times.length, `${lang} ${name}`).toBeLessThan(text.length);
      }
    }
  });

  it('refuses a statement date that is not YYYY-MM-DD with a RangeError, not a crash further in', () => {
    expect(() => extractTimes('10月31日', 'ja', 'yesterday')).toThrow(RangeError);
  });
});
