import { describe, expect, it } from 'vitest';
import { paragraphLabel, splitParagraphs } from '../../src/corpus/body.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { parseStatementFile } from '../../src/corpus/parse.ts';
import { formatProblem } from '../../src/corpus/types.ts';
import { BROKEN_CORPUS, SEED_CORPUS } from '../helpers.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('statement files', () => {
  it('loads both seed documents with their metadata and stable paragraph numbers', async () => {
    const corpus = await loadCorpus(SEED_CORPUS);
    expect(corpus.problems).toEqual([]);
    const ja = corpus.statements.find((s) => s.language === 'ja')!;
    const en = corpus.statements.find((s) => s.language === 'en')!;
    expect(ja.title).toBe('日米韓外相電話会談');
    expect(ja.date).toBe('2024-11-01');
    expect(ja.event).toBe(en.event);
    expect(ja.paragraphs.map((p) => p.label)).toEqual([undefined, '1', '2', '3']);
    expect(ja.paragraphs[0]!.text).toContain('趙兌烈()韓国外交部長官');
    expect(en.source).toBeUndefined();
    expect(en.paragraphs).toHaveLength(5);
    expect(en.paragraphs.map((p) => p.text).join('\n')).not.toMatch(
      /Begin Text|End Text|was released by/,
    );
    expect(en.paragraphs[3]!.text).toMatch(
      /^The ROK, U\.S\. and Japan condemn in the strongest terms/,
    );
  });

  it('records item labels as written and keeps them in the verbatim text', () => {
    expect(paragraphLabel('1 三者は')).toBe('1');
    expect(paragraphLabel('1.Text')).toBe('1.');
    expect(paragraphLabel('(2) Text')).toBe('(2)');
    expect(paragraphLabel('（１）三者は')).toBe('（１）');
    expect(paragraphLabel('１．両者は')).toBe('１．');
    expect(paragraphLabel('- a bullet')).toBe('-');
    expect(paragraphLabel('10月31日、午後10時頃から')).toBeUndefined();
    expect(paragraphLabel('2024年の会合')).toBeUndefined();
  });

  it('joins the lines of a paragraph: Japanese without a space, English with one', () => {
    const ps = splitParagraphs(
      ['三者は、北朝鮮の', '非核化を確認した。', '', 'The three', 'ministers met.'],
      10,
    );
    expect(ps.map((p) => [p.number, p.text, p.line])).toEqual([
      [1, '三者は、北朝鮮の非核化を確認した。', 10],
      [2, 'The three ministers met.', 13],
    ]);
  });

  it('reports each broken file with file and line, and still loads the good one', async () => {
    const corpus = await loadCorpus(BROKEN_CORPUS);
    expect(corpus.statements.map((s) => s.id)).toEqual(['good-one']);
    const lines = corpus.problems.map(formatProblem);
    expect(lines).toContain('bad-date.md:4: date must be a real date written YYYY-MM-DD');
    expect(lines).toContain('missing-title.md:2: missing required key "title"');
    expect(lines).toContain(
      'missing-title.md:4: language must be a known BCP 47 tag such as ja or en',
    );
    expect(lines).toContain('empty-body.md:8: the statement has no text after its front matter');
    expect(lines).toContain('z-duplicate.md:3: duplicate id "good-one" (already used by good.md)');
    expect(lines).toContain('not-utf8.md:8: file is not valid UTF-8 text');
    expect(lines).toContain(
      'no-front-matter.md:1: file must start with a "---" line that opens the front matter',
    );
    expect(lines.some((l) => l.startsWith('bad-yaml.md:4: front matter is not valid YAML'))).toBe(
      true,
    );
  });

  it('accepts other languages, warns about unknown keys, and rejects a bad source', () => {
    const ko = parseStatementFile(
      'ko.md',
      enc(
        '---\nid: ko-1\ntitle: 한미일 외교장관 통화\ndate: 2024-10-31\nlanguage: ko\npublisher: 외교부\ntags: x\n---\n한미일 외교장관은 통화를 가졌다.\n',
      ),
    );
    expect(ko.statement?.language).toBe('ko');
    expect(ko.problems.map(formatProblem)).toEqual([
      'ko.md:7: warning: unknown key "tags" (ignored)',
    ]);
    const bad = parseStatementFile(
      's.md',
      enc(
        '---\nid: s\ntitle: T\ndate: 2024-01-01\nlanguage: en\npublisher: P\nsource: not a url\n---\nText\n',
      ),
    );
    expect(bad.statement).toBeUndefined();
    expect(bad.problems.map(formatProblem)).toEqual(['s.md:7: source must be an http(s) URL']);
  });

  it('refuses huge files and files with NUL bytes without throwing', () => {
    const huge = parseStatementFile('huge.md', new Uint8Array(3 * 1024 * 1024).fill(0x61));
    expect(huge.problems[0]!.message).toMatch(/too large/);
    const nul = parseStatementFile('nul.md', enc('---\nid: a\n---\n\u0000'));
    expect(nul.problems[0]!.message).toMatch(/NUL/);
  });
});
