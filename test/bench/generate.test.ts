import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus, toMarkdown, writeCorpus } from '../../bench/generate.ts';
import { benchQueries, QUERY_KINDS } from '../../bench/queries.ts';
import { createRng } from '../../bench/random.ts';
import { loadCorpus } from '../../src/corpus/load.ts';

describe('seeded random numbers', () => {
  it('repeat for a seed and differ between seeds', () => {
    const a = createRng(1);
    const b = createRng(1);
    const c = createRng(2);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('benchmark corpus generator', () => {
  it('is deterministic: the same seed gives the same statements, another seed others', () => {
    const one = generateCorpus({ paragraphs: 500, seed: 3 });
    const two = generateCorpus({ paragraphs: 500, seed: 3 });
    const other = generateCorpus({ paragraphs: 500, seed: 4 });
    expect(JSON.stringify(two.statements)).toBe(JSON.stringify(one.statements));
    expect(JSON.stringify(other.statements)).not.toBe(JSON.stringify(one.statements));
  });

  it.each([1, 1000, 10000])('makes exactly %i paragraphs, about ten per statement', (n) => {
    const { statements } = generateCorpus({ paragraphs: n });
    expect(statements.reduce((sum, s) => sum + s.paragraphs.length, 0)).toBe(n);
    if (n >= 1000) {
      const perStatement = n / statements.length;
      expect(perStatement).toBeGreaterThan(8);
      expect(perStatement).toBeLessThan(12);
    }
  });

  it('mixes Japanese readouts and English statements about shared events', () => {
    const { statements } = generateCorpus({ paragraphs: 5000 });
    const ja = statements.filter((s) => s.language === 'ja');
    const en = statements.filter((s) => s.language === 'en');
    expect(ja.length / statements.length).toBeGreaterThan(0.4);
    expect(en.length / statements.length).toBeGreaterThan(0.4);
    const jaEvents = new Set(ja.map((s) => s.event));
    const paired = en.filter((s) => jaEvents.has(s.event));
    expect(paired.length / en.length).toBeGreaterThan(0.8);
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
  });

  it('writes MOFA-style readouts: date, time, duration, people with titles, numbered items', () => {
    const { statements } = generateCorpus({ paragraphs: 2000 });
    const ja = statements.filter((s) => s.language === 'ja');
    for (const s of ja.slice(0, 20)) {
      expect(s.paragraphs[0]!.text).toMatch(
        /^\d{1,2}月\d{1,2}日.*、(午前|午後)\d{1,2}時.*から約.+(分間|時間).*は、.+(との間で、|と).+を行ったところ、概要は以下のとおりです。$/,
      );
      expect(s.paragraphs[1]!.label).toMatch(/^[1１]$/);
      expect(s.title).toMatch(/^日.+(会談)$/);
    }
    const en = statements.filter((s) => s.language === 'en');
    expect(en.some((s) => /Secretary of State/.test(s.paragraphs[0]!.text))).toBe(true);
    // Real vocabulary, not random kanji: a few thousand distinct bigrams, used over and over.
    const bigrams = new Set<string>();
    let total = 0;
    for (const s of ja)
      for (const p of s.paragraphs)
        for (let i = 0; i + 1 < p.text.length; i++, total++) bigrams.add(p.text.slice(i, i + 2));
    expect(bigrams.size).toBeGreaterThan(1000);
    expect(total / bigrams.size).toBeGreaterThan(20);
  });

  it('writes corpus files that the corpus loader reads back unchanged', async () => {
    const { statements } = generateCorpus({ paragraphs: 300 });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'readout-gen-'));
    try {
      await writeCorpus(dir, statements);
      const loaded = await loadCorpus(dir);
      expect(loaded.problems).toEqual([]);
      const byId = new Map(loaded.statements.map((s) => [s.id, s]));
      for (const s of statements) {
        const back = byId.get(s.id)!;
        expect(back).toBeDefined();
        expect({ ...back, paragraphs: back.paragraphs.map((p) => ({ ...p })) }).toEqual(s);
      }
      expect(toMarkdown(statements[0]!)).toMatch(
        /^---\nid: .+\ntitle: .+\ndate: \d{4}-\d{2}-\d{2}\nlanguage: ja\n/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('benchmark query mix', () => {
  it('is fixed for a seed and covers every kind, both languages and single-kanji keywords', () => {
    const { people } = generateCorpus({ paragraphs: 1000 });
    const queries = benchQueries(people);
    expect(benchQueries(people)).toEqual(queries);
    for (const kind of QUERY_KINDS) {
      const ofKind = queries.filter((q) => q.kind === kind);
      expect(ofKind.length).toBeGreaterThan(0);
      expect(new Set(ofKind.map((q) => q.lang))).toEqual(new Set(['ja', 'en']));
    }
    expect(queries.some((q) => /^[\p{Script=Han}]$/u.test(q.text))).toBe(true);
    const shapes = new Set(queries.map((q) => q.shape));
    for (const s of ['single-kanji', 'common', 'rare', 'multi']) expect(shapes).toContain(s);
  });
});
