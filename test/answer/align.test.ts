import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { alignParagraph, inferredPairs, itemLabel } from '../../src/answer/align.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Statement } from '../../src/corpus/types.ts';
import { engineFromLibrary } from '../../src/engine/fromLibrary.ts';
import { buildLibrary } from '../../src/answer/library.ts';
import { ROOT } from '../helpers.ts';

/** Real MOFA readouts published in Japanese and English (test/fixtures/real/mofa). */
let statements: Statement[];
beforeAll(async () => {
  statements = (await loadCorpus(path.join(ROOT, 'test/fixtures/real/mofa'))).statements;
});

const id = (s: string) => statements.findIndex((x) => x.id === s);

describe('item labels', () => {
  it('reads the labels readouts number their items with, in any width', () => {
    expect(
      ['1. The two', '(2) The', '３ 両首脳', '(a) x', '- bullet', '2023年'].map(itemLabel),
    ).toEqual(['1', '(2)', '3', '(a)', undefined, undefined]);
  });
});

describe('versions of one statement without `event`', () => {
  it('pairs the Japanese and English versions of each real readout by date and shared names and numbers', () => {
    const bare = statements.map(({ event: _event, ...s }) => s as Statement);
    const pairs = inferredPairs(bare).map(([ja, en]) => [
      bare[ja]!.event ?? statements[ja]!.event,
      statements[en]!.event,
    ]);
    const expected = [
      ...new Set(statements.filter((s) => s.language === 'ja').map((s) => s.event)),
    ].filter((e) => statements.some((s) => s.language === 'en' && s.event === e));
    expect(pairs.map(([a]) => a).sort()).toEqual(expected.sort());
    for (const [a, b] of pairs) expect(a).toBe(b);
  });

  it('quotes the Japanese version through an inferred pair, citing the Japanese text', () => {
    const bare = statements.map(({ event: _event, ...s }) => s as Statement);
    const engine = engineFromLibrary(buildLibrary(bare));
    const a = engine.quote('irreplaceable friend', { lang: 'ja' });
    expect(a.kind).toBe('quote');
    expect(a.items[0]!.citations[0]!.language).toBe('ja');
    expect(a.items[0]!.citations[0]!.excerpt).toContain('かけがえのない友人');
    expect(a.notice).toBe('同じ声明の英語版から見つけた箇所です。');
  });
});

describe('aligned paragraphs', () => {
  it('aligns every numbered item of a real pair to the item with the same number', () => {
    const lib = buildLibrary(statements);
    const ja = id('2019-05-20_ja_japan-australia-summit-phone');
    const en = id('2019-05-20_en_japan-australia-summit-phone');
    statements[en]!.paragraphs.forEach((p, i) => {
      const label = itemLabel(p.text);
      if (label === undefined) return;
      const j = alignParagraph(lib, en, i, ja)!;
      expect(itemLabel(statements[ja]!.paragraphs[j]!.text)).toBe(label);
    });
  });
});

describe('numbered items against bulleted ones (holdout39, Kantei 2011)', () => {
  it('aligns the nth numbered English item with the nth bulleted Japanese one', async () => {
    const pair = (await loadCorpus(path.join(ROOT, 'test/fixtures/real/holdout39'))).statements;
    const lib = buildLibrary(pair);
    const en = pair.findIndex((s) => s.id === '2011-03-19_en_kan-roos-courtesy-call');
    const ja = pair.findIndex((s) => s.id === '2011-03-19_ja_kan-roos-courtesy-call');
    const four = pair[en]!.paragraphs.findIndex((p) => p.text.startsWith('4. Finally'));
    const j = alignParagraph(lib, en, four, ja)!;
    expect(pair[ja]!.paragraphs[j]!.text).toMatch(/^- 最後に/);
    const one = pair[en]!.paragraphs.findIndex((p) => p.text.startsWith('1. Ambassador Roos'));
    expect(pair[ja]!.paragraphs[alignParagraph(lib, en, one, ja)!]!.text).toMatch(
      /^- ルース大使から/,
    );
  });
});
