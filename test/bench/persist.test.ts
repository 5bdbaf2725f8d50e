import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus } from '../../bench/generate.ts';
import { benchQueries } from '../../bench/queries.ts';
import type { Statement } from '../../src/corpus/types.ts';
import { engineFromFolder } from '../../src/engine/fromFolder.ts';
import type { Engine } from '../../src/engine/types.ts';
import { cacheFile, loadIndexedCorpus } from '../../src/engine/persist.ts';
import { extractFacts } from '../../src/understand/statementFacts.ts';
import { FIXTURE_CORPUS, SEED_CORPUS } from '../helpers.ts';

let root: string;
let corpusDir: string;
let cacheDir: string;
const { statements, people } = generateCorpus({ paragraphs: 1500, seed: 5 });

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'readout-persist-'));
  corpusDir = path.join(root, 'corpus');
  cacheDir = path.join(root, 'cache');
  await writeCorpus(corpusDir, statements);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Who/when questions made from what the statements themselves name: every person's names and roles, and every time expression. */
function factQuestions(list: readonly Statement[]): { text: string; lang: 'ja' | 'en' }[] {
  const out = new Map<string, 'ja' | 'en'>();
  for (const s of list) {
    const lang = s.language.startsWith('ja') ? 'ja' : 'en';
    const facts = extractFacts(s);
    for (const p of facts.people) {
      for (const text of [p.name, ...p.otherNames, p.role ?? '', `${p.name} ${p.role ?? ''}`]) if (text.trim()) out.set(text.trim(), lang);
    }
    for (const exprs of facts.times) for (const t of exprs) out.set(t.text, lang);
  }
  for (const text of ['会談', '電話会談', '外務大臣', '協力', 'meeting', 'call', 'Secretary', 'security', '核']) out.set(text, /[a-z]/i.test(text) ? 'en' : 'ja');
  return [...out].map(([text, lang]) => ({ text, lang }));
}

/** Every who/when/ask answer of `cached` equals `built`'s, in the question's language and without one. */
function expectSameFactAnswers(cached: Engine, built: Engine, questions: { text: string; lang: 'ja' | 'en' }[]): number {
  let compared = 0;
  for (const q of questions) {
    for (const opts of [{ lang: q.lang }, {}]) {
      for (const kind of ['who', 'when', 'ask'] as const) {
        expect(cached[kind](q.text, opts), `${kind} ${q.text}`).toEqual(built[kind](q.text, opts));
        compared++;
      }
    }
  }
  return compared;
}

describe('persisted index', () => {
  it('is written on the first load and read back on the next one, with identical answers', async () => {
    const first = await loadIndexedCorpus(corpusDir, { cacheDir });
    expect(first.fromCache).toBe(false);
    expect((await readdir(cacheDir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const second = await loadIndexedCorpus(corpusDir, { cacheDir });
    expect(second.fromCache).toBe(true);
    expect(second.corpus.statements).toEqual(first.corpus.statements);
    expect(second.corpus.problems).toEqual(first.corpus.problems);

    const built = await engineFromFolder(corpusDir, undefined, { cacheDir: false });
    const cached = await engineFromFolder(corpusDir, undefined, { cacheDir });
    for (const q of benchQueries(people, 3, 15)) {
      expect(cached[q.kind](q.text, { lang: q.lang }), q.text).toEqual(built[q.kind](q.text, { lang: q.lang }));
    }
  });

  it('is rebuilt when a corpus file changes, and then holds the new text', async () => {
    await loadIndexedCorpus(corpusDir, { cacheDir });
    const file = path.join(corpusDir, statements[0]!.file);
    await appendFile(file, '\n両者は、量子暗号通信の研究協力を開始することで一致しました。\n');
    const after = await loadIndexedCorpus(corpusDir, { cacheDir });
    expect(after.fromCache).toBe(false);
    const engine = await engineFromFolder(corpusDir, undefined, { cacheDir });
    const answer = engine.quote('量子暗号通信');
    expect(answer.items[0]?.citations[0]?.statement).toBe(statements[0]!.id);
    expect((await loadIndexedCorpus(corpusDir, { cacheDir })).fromCache).toBe(true);
  });

  it('is rebuilt, not trusted, when the file is damaged or cut short', async () => {
    await loadIndexedCorpus(corpusDir, { cacheDir });
    const file = cacheFile(corpusDir, cacheDir);
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const cut = await loadIndexedCorpus(corpusDir, { cacheDir });
    expect(cut.fromCache).toBe(false);
    expect(cut.corpus.statements.length).toBe(statements.length);

    const whole = await readFile(file);
    // Overwrite bytes near the end (the facts and their offsets) with 0xff.
    whole.fill(0xff, whole.length - 4000, whole.length - 2000);
    await writeFile(file, whole);
    const damaged = await loadIndexedCorpus(corpusDir, { cacheDir });
    expect(damaged.fromCache).toBe(false);
    expect((await loadIndexedCorpus(corpusDir, { cacheDir })).fromCache).toBe(true);
  });
});

describe('persisted who/when facts', () => {
  it('are every statement\'s extracted facts, read back from the file', async () => {
    await rm(cacheDir, { recursive: true, force: true });
    const built = await loadIndexedCorpus(corpusDir, { cacheDir });
    const cached = await loadIndexedCorpus(corpusDir, { cacheDir });
    expect(cached.fromCache).toBe(true);
    expect(cached.facts?.size).toBe(statements.length);
    expect(built.facts?.size).toBe(statements.length);
    let people = 0;
    cached.corpus.statements.forEach((s, i) => {
      const fresh = extractFacts(s);
      expect(cached.facts!.get(i), s.id).toEqual(fresh);
      expect(built.facts!.get(i), s.id).toEqual(fresh);
      people += fresh.people.length;
    });
    expect(people).toBeGreaterThan(statements.length);
  });

  it('give the same who/when answers as a fresh in-memory build, on a generated corpus', async () => {
    await loadIndexedCorpus(corpusDir, { cacheDir });
    const cached = await engineFromFolder(corpusDir, undefined, { cacheDir });
    const built = await engineFromFolder(corpusDir, undefined, { cacheDir: false });
    const bench = benchQueries(people, 11, 40).filter((q) => q.kind !== 'quote');
    for (const q of bench) expect(cached[q.kind](q.text, { lang: q.lang }), q.text).toEqual(built[q.kind](q.text, { lang: q.lang }));
    // A sample of statements, so that the questions stay a few hundred.
    const questions = factQuestions(statements.filter((_, i) => i % 15 === 0));
    expect(expectSameFactAnswers(cached, built, questions)).toBeGreaterThan(300);
  });

  it('give the same who/when answers as a fresh in-memory build, on the seed and fixture statements', async () => {
    const both = path.join(root, 'real');
    await cp(SEED_CORPUS, path.join(both, 'seed'), { recursive: true });
    await cp(FIXTURE_CORPUS, path.join(both, 'fixtures'), { recursive: true });
    const realCache = path.join(root, 'real-cache');
    expect((await loadIndexedCorpus(both, { cacheDir: realCache })).fromCache).toBe(false);
    const { corpus, fromCache } = await loadIndexedCorpus(both, { cacheDir: realCache });
    expect(fromCache).toBe(true);
    expect(corpus.statements.length).toBeGreaterThanOrEqual(8);
    const cached = await engineFromFolder(both, undefined, { cacheDir: realCache });
    const built = await engineFromFolder(both, undefined, { cacheDir: false });
    const questions = factQuestions(corpus.statements);
    expect(expectSameFactAnswers(cached, built, questions)).toBeGreaterThan(100);
    // The answers are real ones, not two empty answers agreeing.
    const answered = questions.filter((q) => built.who(q.text, { lang: q.lang }).items.length > 0);
    expect(answered.length).toBeGreaterThan(questions.length / 2);
  });
});
