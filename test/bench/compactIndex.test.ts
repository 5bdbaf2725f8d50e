import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.ts';
import { benchQueries } from '../../bench/queries.ts';
import { ParagraphIndex, type Hit } from '../../src/index/paragraphIndex.ts';
import { parseQuery, relaxKeywords } from '../../src/index/query.ts';
import type { Keyword } from '../../src/text/tokenize.ts';

/**
 * The compact index must return exactly what the MiniSearch path returns: the same paragraphs in
 * the same order, the same scores and the same matched terms, for every query shape.
 */
const { statements, people } = generateCorpus({ paragraphs: 3000, seed: 99 });
const compact = new ParagraphIndex(statements);
const reference = new ParagraphIndex(statements, { engine: 'minisearch' });

const extraQueries = [
  '核', '米', '北朝鮮', '弾道ミサイル 非難', '法の支配', 'ミサイル 核 協力', '「完全な非核化」', 'ロシアへの兵士派遣について',
  'denuclearization', 'condemned launches', 'cooperation security minister', 'resilience', 'resiliance', 'semiconductr',
  'supply chain critical minerals', '"rule of law"', 'Indo-Pacific', '2024', 'U.S. commitment', 'ジョン・ミラー', '量子暗号', 'zzzz',
];

function keywordLists(): Keyword[][] {
  const texts = [...benchQueries(people, 11, 40).map((q) => q.text), ...extraQueries];
  const lists: Keyword[][] = [];
  for (const t of texts) {
    const parsed = parseQuery(t);
    if (parsed.keywords.length === 0) continue;
    lists.push(parsed.keywords, relaxKeywords(parsed.keywords));
  }
  return lists;
}

function comparable(hits: Hit[]) {
  return hits.map((h) => ({ id: h.id, score: h.score, terms: h.terms }));
}

describe('compact paragraph index', () => {
  const lists = keywordLists();
  const ja = (e: { statement: number }) => statements[e.statement]!.language === 'ja';
  const variants = [
    { name: 'AND, all results', options: { combineWith: 'AND' as const } },
    { name: 'OR, all results', options: { combineWith: 'OR' as const } },
    { name: 'AND, Japanese only, first 5', options: { combineWith: 'AND' as const, filter: ja, limit: 5 } },
    { name: 'OR, English only, first 3', options: { combineWith: 'OR' as const, filter: (e: { statement: number }) => !ja(e), limit: 3 } },
    { name: 'AND, one statement', options: { combineWith: 'AND' as const, filter: (e: { statement: number }) => e.statement === 7 } },
  ];

  it.each(variants)('returns the MiniSearch results exactly ($name)', ({ options }) => {
    let nonEmpty = 0;
    for (const list of lists) {
      const expected = comparable(reference.find(list, options));
      const actual = comparable(compact.find(list, options));
      expect(actual, list.map((k) => k.text).join(' ')).toEqual(expected);
      if (expected.length > 0) nonEmpty++;
    }
    // The comparison means something only if most queries find paragraphs.
    expect(nonEmpty).toBeGreaterThan(20);
  });

  it('finds many hits for a single kanji (prefix over bigrams) and orders them like MiniSearch', () => {
    const list = parseQuery('核').keywords;
    const all = compact.find(list, { combineWith: 'AND' });
    expect(all.length).toBeGreaterThan(50);
    expect(comparable(all)).toEqual(comparable(reference.find(list, { combineWith: 'AND' })));
  });
});
