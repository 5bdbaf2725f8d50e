import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_GLOSSARY,
  equivalents,
  loadGlossary,
  mergeAcrossLanguages,
  parseGlossary,
  type Glossary,
} from '../../src/understand/glossary.ts';
import { extractPeople } from '../../src/understand/people/extract.ts';

const glossaryPath = new URL('../../corpus/glossary.yaml', import.meta.url);
const shipped = parseGlossary(readFileSync(glossaryPath, 'utf8'), 'corpus/glossary.yaml');
const seed = readFileSync(new URL('../fixtures/seed.txt', import.meta.url), 'utf8').split('\n');
const paragraphs = (texts: string[]) => texts.map((text, i) => ({ number: i + 1, text }));
const names = (pairs: ReturnType<typeof mergeAcrossLanguages>) =>
  pairs.map((p) => [p.ja?.name, p.en?.name]);
const noPeople = (g: Glossary): Glossary => ({ ...g, people: [] });

describe('the shipped glossary', () => {
  it('parses without problems and holds people and at least 30 terms', () => {
    expect(shipped.problems).toEqual([]);
    expect(shipped.glossary.people.length).toBeGreaterThanOrEqual(10);
    expect(shipped.glossary.terms.length).toBeGreaterThanOrEqual(30);
    const motegi = shipped.glossary.people.find((p) => p.ja.includes('茂木敏充'));
    expect(motegi?.en).toContain('MOTEGI Toshimitsu');
    expect(motegi?.role?.ja).toBe('外務大臣');
  });

  it('gives the equivalents of field terms in both directions, after normalization', () => {
    const g = shipped.glossary;
    expect(equivalents(g, '北朝鮮')).toEqual(expect.arrayContaining(['north korea', 'dprk']));
    expect(equivalents(g, 'DPRK')).toContain('北朝鮮');
    expect(equivalents(g, 'ＩＣＢＭ')).toEqual(
      expect.arrayContaining(['intercontinental ballistic missile', '大陸間弾道ミサイル']),
    );
    expect(equivalents(g, 'un  security council')).toContain('安保理');
    expect(equivalents(g, '非難')).toContain('condemn');
    expect(equivalents(g, 'telephone talks')).toContain('電話会談');
    expect(equivalents(g, 'no such term')).toEqual([]);
  });

  it('loadGlossary reads the file; a missing file is an empty glossary without problems', async () => {
    const loaded = await loadGlossary(glossaryPath.pathname, 'corpus/glossary.yaml');
    expect(loaded.glossary).toEqual(shipped.glossary);
    const missing = await loadGlossary('/nonexistent/glossary.yaml');
    expect(missing).toEqual({ glossary: { people: [], terms: [], synonyms: [] }, problems: [] });
  });
});

describe('problems are reported with file and line, never thrown', () => {
  it('bad YAML', () => {
    const { glossary, problems } = parseGlossary(
      'people:\n  - ja: [岩屋毅\n    en: x\n',
      'corpus/glossary.yaml',
    );
    expect(glossary).toEqual({ people: [], terms: [], synonyms: [] });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.file).toBe('corpus/glossary.yaml');
    expect(problems[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it('bad YAML further down points at its line', () => {
    const text =
      'people: []\nterms:\n  - ja: 非難\n    en: condemn\n  - ja: "unterminated\n    en: c\n';
    const { problems } = parseGlossary(text, 'g.yaml');
    // the parser notices an unterminated quote where the text runs out: at or after its line
    expect(problems[0]).toEqual({
      file: 'g.yaml',
      line: expect.any(Number),
      message: expect.stringMatching(/quote/),
    });
    expect(problems[0]!.line).toBeGreaterThanOrEqual(5);
    expect(
      parseGlossary('people: []\nterms:\n  - ja: a\n\ten: b\n', 'g.yaml').problems[0]!.line,
    ).toBe(4);
  });

  it('wrong shapes: the broken entries are skipped, the good ones kept', () => {
    const text = [
      'people:', //                 1
      '  - ja: 岩屋毅', //          2  (no en)
      '  - ja: []', //              3  (empty ja)
      '    en: Somebody', //        4
      '  - ja: 林芳正', //          5
      '    en: [Hayashi Yoshimasa]', // 6
      '    role: 外務大臣', //      7  (role must be a mapping)
      '  - just a string', //       8
      'terms: 3', //                9
      'colours: [red]', //          10
    ].join('\n');
    const { glossary, problems } = parseGlossary(text, 'g.yaml');
    expect(glossary.people).toEqual([{ ja: ['林芳正'], en: ['Hayashi Yoshimasa'] }]);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 7, 8, 9, 10]);
    expect(problems.every((p) => p.file === 'g.yaml')).toBe(true);
    expect(problems.find((p) => p.line === 2)!.message).toMatch(/en/);
  });

  it('a place may name the country it is the capital of', () => {
    const { glossary, problems } = parseGlossary(
      [
        'terms:',
        '  - { ja: [東京], en: [Tokyo], capitalOf: Japan }',
        '  - { ja: [x], en: [y], capital: z }',
      ].join('\n'),
      'g.yaml',
    );
    expect(glossary.terms[0]).toEqual({ ja: ['東京'], en: ['Tokyo'], capitalOf: 'Japan' });
    expect(problems.map((p) => p.line)).toEqual([3]);
  });

  it('a non-mapping document and an empty one', () => {
    expect(parseGlossary('- a\n- b\n', 'g.yaml').problems).toEqual([
      { file: 'g.yaml', line: 1, message: expect.stringMatching(/mapping/) },
    ]);
    expect(parseGlossary('', 'g.yaml')).toEqual({
      glossary: { people: [], terms: [], synonyms: [] },
      problems: [],
    });
    expect(parseGlossary('people:\nterms:\n', 'g.yaml').problems).toEqual([]);
  });
});

describe('mergeAcrossLanguages', () => {
  const jaSeed = extractPeople(paragraphs(seed.slice(0, 4)), 'ja');
  const enSeed = extractPeople(
    paragraphs(seed.slice(seed.indexOf('Begin Text') + 1, seed.indexOf('End Text'))),
    'en',
  );

  it('pairs the seed people through the glossary', () => {
    expect(names(mergeAcrossLanguages(jaSeed, enSeed, shipped.glossary))).toEqual([
      ['岩屋毅', 'Iwaya Takeshi'],
      ['アントニー・ブリンケン', 'Antony Blinken'],
      ['趙兌烈', 'Cho Tae-yul'],
    ]);
  });

  it('without glossary names: English names in brackets pair two, the same post of the same country pairs the third', () => {
    expect(names(mergeAcrossLanguages(jaSeed, enSeed, noPeople(shipped.glossary)))).toEqual([
      ['岩屋毅', 'Iwaya Takeshi'],
      ['アントニー・ブリンケン', 'Antony Blinken'],
      ['趙兌烈', 'Cho Tae-yul'],
    ]);
  });

  it('with an empty glossary the bracketed English names pair, and a kanji family name its reading (岩屋 Iwaya)', () => {
    expect(names(mergeAcrossLanguages(jaSeed, enSeed, EMPTY_GLOSSARY))).toEqual([
      ['岩屋毅', 'Iwaya Takeshi'],
      ['アントニー・ブリンケン', 'Antony Blinken'],
      ['趙兌烈', 'Cho Tae-yul'],
    ]);
  });

  it('pairs a kanji name with the one English name whose word reads as its family name, and not two', () => {
    const ja = extractPeople(
      paragraphs(['辻外務大臣政務官は,元捕虜の家族の表敬を受けました。']),
      'ja',
    );
    const en = extractPeople(
      paragraphs([
        'Families paid a courtesy call on Mr. Kiyoto Tsuji, Parliamentary Vice Minister for Foreign Affairs.',
      ]),
      'en',
    );
    expect(names(mergeAcrossLanguages(ja, en, EMPTY_GLOSSARY))).toEqual([['辻', 'Kiyoto Tsuji']]);
    const two = extractPeople(
      paragraphs([
        'Mr. Kiyoto Tsuji met Mr. Taro Tsuji, Parliamentary Vice Minister for Foreign Affairs.',
      ]),
      'en',
    );
    expect(names(mergeAcrossLanguages(ja, two, EMPTY_GLOSSARY))).toContainEqual(['辻', undefined]);
  });

  it('a 2020 call written in both languages: upper-case family names and initials match the glossary', () => {
    const ja = extractPeople(
      paragraphs([
        '茂木敏充外務大臣は、マイク・ポンペオ米国国務長官及び康京和(カン・ギョンファ)韓国外交部長官との間で、日米韓外相電話会談を行いました。',
      ]),
      'ja',
    );
    const en = extractPeople(
      paragraphs([
        'Secretary of State Michael R. Pompeo held a call with Japanese Foreign Minister MOTEGI Toshimitsu and Republic of Korea Foreign Minister Kang Kyung-wha.',
      ]),
      'en',
    );
    expect(names(mergeAcrossLanguages(ja, en, shipped.glossary))).toEqual([
      ['茂木敏充', 'MOTEGI Toshimitsu'],
      ['マイク・ポンペオ', 'Michael R. Pompeo'],
      ['康京和', 'Kang Kyung-wha'],
    ]);
  });

  it('a user-added glossary entry pairs a person the code has never seen, in any name order', () => {
    const { glossary, problems } = parseGlossary(
      'people:\n  - ja: [ミハイ・ポペスク]\n    en: [POPESCU Mihai]\nterms: []\n',
      'corpus/glossary.yaml',
    );
    expect(problems).toEqual([]);
    const ja = extractPeople(paragraphs(['ミハイ・ポペスク・ルーマニア首相と会談した。']), 'ja');
    const en = extractPeople(
      paragraphs(['Prime Minister Mihai Popescu met the delegation.']),
      'en',
    );
    expect(names(mergeAcrossLanguages(ja, en, glossary))).toEqual([
      ['ミハイ・ポペスク', 'Mihai Popescu'],
    ]);
  });

  it('two holders of the same post are not guessed: no pairing by role when ambiguous', () => {
    const ja = extractPeople(paragraphs(['甲野太郎外務大臣と乙川次郎外務大臣が会談した。']), 'ja');
    const en = extractPeople(
      paragraphs([
        // Names that are no reading of the kanji: 甲野 reads Kono, which would pair by reading.
        'Japanese Foreign Minister Adam Smith met Japanese Foreign Minister Brian Jones.',
      ]),
      'en',
    );
    const pairs = mergeAcrossLanguages(ja, en, noPeople(shipped.glossary));
    expect(pairs.filter((p) => p.ja && p.en)).toEqual([]);
    expect(pairs).toHaveLength(4);
  });
});
