import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPeople } from '../../src/understand/people/extract.ts';
import { ROOT } from '../helpers.ts';

/** Paragraphs of a real statement in test/fixtures/real (verbatim, with its source in the file). */
function paragraphsOf(file: string) {
  const body = readFileSync(path.join(ROOT, 'test/fixtures/real', file), 'utf8').split(
    /^---$/m,
  )[2]!;
  return body
    .split(/\n\s*\n/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((text, i) => ({ number: i + 1, text }));
}

describe('organizations and headline abbreviations are no people', () => {
  it('a bureau or ministry between a katakana name and a title is where the person works (MOFA, Quad senior officials, 2022-09-06)', () => {
    const names = extractPeople(
      paragraphsOf('holdout2/2022-09-06_ja_quad-senior-officials-delhi.md'),
      'ja',
    ).map((p) => p.name);
    expect(names.filter((n) => /[局省庁課]/.test(n))).toEqual([]);
    expect(names).toEqual(
      expect.arrayContaining([
        'ドナルド・ルー',
        'カミラ・ドーソン',
        'ジャスティン・ヘイハースト',
        'ヴァニ・ラオ',
      ]),
    );
  });

  it('"PM Boris Johnson" names the Prime Minister (10 Downing Street, 2020-09-23)', () => {
    const people = extractPeople(paragraphsOf('holdout2/2020-09-23_en_uk-pm-call-suga.md'), 'en');
    expect(people.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Boris Johnson', 'Yoshihide Suga']),
    );
  });
});

describe('titles the genre adds', () => {
  it('夫人 after a given name marks a person (MOFA, Japan-ASEAN summit dinner, 2013-12-13)', () => {
    const people = extractPeople(
      paragraphsOf('mofa/2013-12-13_ja_japan-asean-summit-dinner.md'),
      'ja',
    );
    expect(people.map((p) => p.name)).toEqual(expect.arrayContaining(['安倍晋三', '昭恵']));
  });

  it('暫定大統領 is a title (MOFA press secretary, Guinea-Bissau election, 2014-05-23)', () => {
    const people = extractPeople(
      paragraphsOf('mofa/2014-05-23_ja_guinea-bissau-presidential-election-press-secretary.md'),
      'ja',
    );
    expect(people.find((p) => p.role === '暫定大統領')?.name).toMatch(/ヌハマジョ/);
  });
});
