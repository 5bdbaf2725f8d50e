import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.ts';
import { benchQueries } from '../../bench/queries.ts';
import { MiniSearchIndex } from '../../bench/baselines/minisearch.ts';
import { createRng } from '../../bench/random.ts';
import { buildLibrary } from '../../src/answer/library.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Statement } from '../../src/corpus/types.ts';
import { engineFromLibrary } from '../../src/engine/fromLibrary.ts';
import { ParagraphIndex, type Hit } from '../../src/index/paragraphIndex.ts';
import { parseQuery, relaxKeywords } from '../../src/index/query.ts';
import type { Keyword } from '../../src/text/tokenize.ts';
import { FIXTURE_CORPUS, SEED_CORPUS } from '../helpers.ts';

/**
 * The compact index must return exactly what MiniSearch returns (bench/baselines/minisearch.ts):
 * the same paragraphs in the same order, the same scores and the same matched terms, for every
 * query shape.
 */
const { statements, people } = generateCorpus({ paragraphs: 3000, seed: 99 });
const compact = new ParagraphIndex(statements);
const reference = new MiniSearchIndex(statements);

const extraQueries = [
  '核',
  '米',
  '北朝鮮',
  '弾道ミサイル 非難',
  '法の支配',
  'ミサイル 核 協力',
  '「完全な非核化」',
  'ロシアへの兵士派遣について',
  'denuclearization',
  'condemned launches',
  'cooperation security minister',
  'resilience',
  'resiliance',
  'semiconductr',
  'supply chain critical minerals',
  '"rule of law"',
  'Indo-Pacific',
  '2024',
  'U.S. commitment',
  'ジョン・ミラー',
  '量子暗号',
  'zzzz',
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
  const ja = (statement: number) => statements[statement]!.language === 'ja';
  const variants = [
    { name: 'AND, all results', options: { combineWith: 'AND' as const } },
    { name: 'OR, all results', options: { combineWith: 'OR' as const } },
    {
      name: 'AND, Japanese only, first 5',
      options: { combineWith: 'AND' as const, filter: ja, limit: 5 },
    },
    {
      name: 'OR, English only, first 3',
      options: {
        combineWith: 'OR' as const,
        filter: (statement: number) => !ja(statement),
        limit: 3,
      },
    },
    // The best few of an OR are found without scoring every posting (TermIndex.searchTop):
    // limits below, around and above the number of hits, and more asked for after rejections.
    { name: 'OR, first 120', options: { combineWith: 'OR' as const, limit: 120 } },
    { name: 'OR, first 1', options: { combineWith: 'OR' as const, limit: 1 } },
    {
      name: 'OR, Japanese only, first 40',
      options: { combineWith: 'OR' as const, filter: ja, limit: 40 },
    },
    {
      name: 'AND, one statement',
      options: { combineWith: 'AND' as const, filter: (statement: number) => statement === 7 },
    },
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

describe("the bench's engine over MiniSearch (npm run bench -- --before)", () => {
  it('answers every kind of question as the engine over the compact index', async () => {
    const loaded = await Promise.all([loadCorpus(SEED_CORPUS), loadCorpus(FIXTURE_CORPUS)]);
    const all = loaded.flatMap((c) => c.statements);
    const compact = engineFromLibrary(buildLibrary(all));
    const before = engineFromLibrary(buildLibrary(all, [], undefined, new MiniSearchIndex(all)));
    const questions = [
      ['quote', 'strongest terms'],
      ['quote', '北朝鮮'],
      ['quote', 'missle'],
      ['who', ''],
      ['who', 'foreign minister'],
      ['when', ''],
      ['when', '電話会談'],
      ['compare', '最も強い言葉で非難'],
      ['ask', 'Who condemned the launch?'],
    ] as const;
    let answered = 0;
    for (const [kind, text] of questions) {
      for (const lang of ['ja', 'en'] as const) {
        const expected = compact[kind](text, { lang });
        expect(before[kind](text, { lang }), `${kind} ${text}`).toEqual(expected);
        if (expected.items.length > 0) answered++;
      }
    }
    expect(answered).toBeGreaterThan(12);
  });
});

/**
 * An index updated in place (statements added, edited, removed, in several steps, anywhere in
 * corpus order) must be indistinguishable from one built from scratch over the same statements:
 * the same data to the last posting and bit, and the same hits, scores and matched terms.
 */
describe('incrementally updated index', () => {
  const lists = keywordLists();
  const extra = generateCorpus({ paragraphs: 400, seed: 7 }).statements.map((s, i) => ({
    ...s,
    id: `${s.id}-x${i}`,
    file: `x/${s.file}`,
  }));
  const rng = createRng(2025);

  /** One step: removes a few statements, edits a few (new objects), inserts a few new ones anywhere. */
  function step(current: readonly Statement[], pool: Statement[]): Statement[] {
    const next = [...current];
    for (let i = rng.int(0, 4); i > 0 && next.length > 1; i--)
      next.splice(rng.int(0, next.length - 1), 1);
    for (let i = rng.int(0, 3); i > 0; i--) {
      const at = rng.int(0, next.length - 1);
      const s = next[at]!;
      // An edit: one paragraph rewritten, one dropped; the file's statement is a new object.
      const paragraphs = s.paragraphs
        .slice(0, Math.max(1, s.paragraphs.length - 1))
        .map((p, k) => (k === 0 ? { ...p, text: `${p.text} 追記 addendum security` } : p));
      next[at] = { ...s, paragraphs };
    }
    for (let i = rng.int(0, 3); i > 0 && pool.length; i--)
      next.splice(rng.int(0, next.length), 0, pool.pop()!);
    return next;
  }

  const variants = [
    { combineWith: 'AND' as const },
    { combineWith: 'OR' as const, limit: 7 },
    { combineWith: 'OR' as const, limit: 60 },
    { combineWith: 'AND' as const, limit: 3, filter: (statement: number) => statement % 3 === 0 },
  ];

  it('holds the same data as a build from scratch after each of several updates', () => {
    const pool = [...extra];
    let current: Statement[] = [...statements];
    let index = new ParagraphIndex(current);
    for (let round = 0; round < 8; round++) {
      current = step(current, pool);
      index = index.update(current);
      const fresh = new ParagraphIndex(current);
      expect(index.termData(), `round ${round}`).toEqual(fresh.termData());
      expect(Array.from({ length: index.size }, (_, id) => index.entry(id))).toEqual(
        Array.from({ length: fresh.size }, (_, id) => fresh.entry(id)),
      );
    }
  });

  it('answers every query exactly as a build from scratch, and as the MiniSearch path', () => {
    const pool = [...extra];
    let current: Statement[] = [...statements];
    let index = new ParagraphIndex(current);
    for (let round = 0; round < 4; round++) {
      current = step(step(current, pool), pool);
      index = index.update(current);
      const fresh = new ParagraphIndex(current);
      const reference = round === 3 ? new MiniSearchIndex(current) : undefined;
      for (const list of lists) {
        const name = `round ${round}: ${list.map((k) => k.text).join(' ')}`;
        for (const options of variants) {
          const expected = comparable(fresh.find(list, options));
          expect(comparable(index.find(list, options)), name).toEqual(expected);
          if (reference) expect(comparable(reference.find(list, options)), name).toEqual(expected);
        }
        expect(index.paragraphsWith(list), name).toEqual(fresh.paragraphsWith(list));
        for (const si of [0, 5, current.length - 1])
          expect(index.statementHolds(si, list), name).toBe(fresh.statementHolds(si, list));
        expect(
          list.map((k) => index.holdsAnywhere(k)),
          name,
        ).toEqual(list.map((k) => fresh.holdsAnywhere(k)));
      }
    }
  });

  it('takes back a removed statement and keeps unchanged ones', () => {
    const without = statements.filter((_, i) => i !== 10);
    const back = new ParagraphIndex(statements).update(without).update(statements);
    expect(back.termData()).toEqual(new ParagraphIndex(statements).termData());
  });

  it('answers the same once its merged data is a full build again (what many changes lead to, and the persisted base)', () => {
    const pool = [...extra];
    const current = step(step(statements, pool), pool);
    const updated = new ParagraphIndex(statements).update(current);
    const folded = new ParagraphIndex(current, {
      data: updated.termData()!,
      normalized: [...updated.normalizedTexts()],
    });
    for (const list of lists.slice(0, 120)) {
      for (const options of variants)
        expect(comparable(folded.find(list, options))).toEqual(
          comparable(updated.find(list, options)),
        );
    }
    expect(folded.update(statements).termData()).toEqual(new ParagraphIndex(statements).termData());
  });
});
