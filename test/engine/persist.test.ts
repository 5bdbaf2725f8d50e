import {
  appendFile,
  cp,
  mkdtemp,
  readdir,
  readFile,
  rm,
  unlink,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, toMarkdown, writeCorpus } from '../../bench/generate.ts';
import { benchQueries } from '../../bench/queries.ts';
import type { Statement } from '../../src/corpus/types.ts';
import { engineFromFolder } from '../../src/engine/fromFolder.ts';
import type { Engine } from '../../src/engine/types.ts';
import { liveEngineFromFolder } from '../../src/engine/live.ts';
import { cacheFile, journalFile, loadIndexedCorpus } from '../../src/engine/persist.ts';
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
      for (const text of [p.name, ...p.otherNames, p.role ?? '', `${p.name} ${p.role ?? ''}`])
        if (text.trim()) out.set(text.trim(), lang);
    }
    for (const exprs of facts.times) for (const t of exprs) out.set(t.text, lang);
  }
  for (const text of [
    '会談',
    '電話会談',
    '外務大臣',
    '協力',
    'meeting',
    'call',
    'Secretary',
    'security',
    '核',
  ])
    out.set(text, /[a-z]/i.test(text) ? 'en' : 'ja');
  return [...out].map(([text, lang]) => ({ text, lang }));
}

/** Every who/when/ask answer of `cached` equals `built`'s, in the question's language and without one. */
function expectSameFactAnswers(
  cached: Engine,
  built: Engine,
  questions: { text: string; lang: 'ja' | 'en' }[],
): number {
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
      expect(cached[q.kind](q.text, { lang: q.lang }), q.text).toEqual(
        built[q.kind](q.text, { lang: q.lang }),
      );
    }
  });

  it('reads a corpus file that changed again at the next start, without a rebuild, and then holds the new text', async () => {
    await loadIndexedCorpus(corpusDir, { cacheDir });
    const file = path.join(corpusDir, statements[0]!.file);
    await appendFile(file, '\n両者は、量子暗号通信の研究協力を開始することで一致しました。\n');
    const after = await loadIndexedCorpus(corpusDir, { cacheDir });
    expect(after.fromCache).toBe(true);
    expect(after.updated).toEqual([statements[0]!.file]);
    const engine = await engineFromFolder(corpusDir, undefined, { cacheDir });
    const answer = engine.quote('量子暗号通信');
    expect(answer.items[0]?.citations[0]?.statement).toBe(statements[0]!.id);
    // The change is in the journal now: the next start reads nothing again.
    const again = await loadIndexedCorpus(corpusDir, { cacheDir });
    expect(again.fromCache).toBe(true);
    expect(again.updated).toBeUndefined();
    expect(again.corpus).toEqual((await loadIndexedCorpus(corpusDir, { cacheDir: false })).corpus);
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

    // One bit anywhere (texts, postings, columns, facts): the digest checked beside the decoding catches it.
    for (const share of [0.05, 0.25, 0.5, 0.75, 0.95]) {
      const intact = await readFile(file);
      const at = Math.floor(intact.length * share);
      intact[at] = intact[at]! ^ 0x01;
      await writeFile(file, intact);
      const flipped = await loadIndexedCorpus(corpusDir, { cacheDir });
      expect(flipped.fromCache, `bit flipped at ${at}`).toBe(false);
      expect(flipped.corpus.statements).toEqual(
        (await loadIndexedCorpus(corpusDir, { cacheDir: false })).corpus.statements,
      );
    }
  });
});

describe('persisted texts', () => {
  it('read back exactly, whatever their characters: Latin-1 ones, two-byte ones, astral ones, and normalized forms equal to the text', async () => {
    const dir = path.join(root, 'texts-corpus');
    const cache = path.join(root, 'texts-cache');
    const texts = [
      'plain ASCII text about the ministers',
      'café, naïve, ÿ and a non\u00a0breaking space',
      'the Minister’s call (a curly apostrophe)',
      '日米首脳会談を行いました。',
      'flags 🇯🇵🇺🇸 and 𠮷野家, astral characters',
      'ＦＵＬＬ－ＷＩＤＴＨ letters and ｶﾀｶﾅ',
      'x',
      'ﬁne ligature, Ⅳ, ㍻',
      'lowercase already',
    ];
    const body = texts.join('\n\n');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, 'texts.md'),
      `---\nid: texts\ntitle: Texts\ndate: 2025-01-01\nlanguage: en\npublisher: Test\n---\n${body}\n`,
    );
    const built = await loadIndexedCorpus(dir, { cacheDir: cache });
    const cached = await loadIndexedCorpus(dir, { cacheDir: cache });
    const fresh = await loadIndexedCorpus(dir, { cacheDir: false });
    expect(cached.fromCache).toBe(true);
    expect(fresh.corpus.statements[0]!.paragraphs.map((p) => p.text)).toEqual(texts);
    for (const loaded of [built, cached]) {
      expect(loaded.corpus.statements).toEqual(fresh.corpus.statements);
      expect([...loaded.index.normalizedTexts()]).toEqual([...fresh.index.normalizedTexts()]);
    }
  });
});

describe('persisted who/when facts', () => {
  it("are every statement's extracted facts, read back from the file", async () => {
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
    for (const q of bench)
      expect(cached[q.kind](q.text, { lang: q.lang }), q.text).toEqual(
        built[q.kind](q.text, { lang: q.lang }),
      );
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

describe('persisted changes (the journal beside the base)', () => {
  let dir: string;
  let cache: string;
  const questions = benchQueries(people, 5, 8);
  const toMd = (s: Statement) => toMarkdown(s);

  beforeAll(async () => {
    dir = path.join(root, 'journal-corpus');
    cache = path.join(root, 'journal-cache');
    await cp(corpusDir, dir, { recursive: true });
  });

  /** What a start from the cache gives must be what a start without one gives: corpus and answers. */
  async function expectLikeAFreshLoad(): Promise<void> {
    const loaded = await loadIndexedCorpus(dir, { cacheDir: cache });
    expect(loaded.fromCache).toBe(true);
    expect(loaded.updated, 'the journal holds every change: nothing to read again').toBeUndefined();
    const fresh = await loadIndexedCorpus(dir, { cacheDir: false });
    expect(loaded.corpus).toEqual(fresh.corpus);
    expect(loaded.index.termData()).toEqual(fresh.index.termData());
    const cached = await engineFromFolder(dir, undefined, { cacheDir: cache });
    const built = await engineFromFolder(dir, undefined, { cacheDir: false });
    for (const q of questions)
      expect(cached[q.kind](q.text, { lang: q.lang }), q.text).toEqual(
        built[q.kind](q.text, { lang: q.lang }),
      );
  }

  it('records each change of a running engine without rewriting the base, and a start replays it', async () => {
    await loadIndexedCorpus(dir, { cacheDir: cache });
    const base = cacheFile(dir, cache);
    const before = await readFile(base);
    const live = await liveEngineFromFolder(dir, undefined, { cacheDir: cache, watch: false });
    const [first, second, third] = statements;
    // Edit, add (in the middle of the corpus order), delete, break: one reload each.
    await writeFile(
      path.join(dir, first!.file),
      toMd({
        ...first!,
        paragraphs: [
          ...first!.paragraphs,
          { number: 99, line: 1, text: '両国は宇宙状況把握で協力することで一致した。' },
        ],
      }),
    );
    await live.reload([first!.file]);
    const added = {
      ...second!,
      id: 'journal-added',
      file: `${path.dirname(second!.file)}/0-journal-added.md`,
    };
    await writeFile(path.join(dir, added.file), toMd(added));
    await live.reload([added.file]);
    await unlink(path.join(dir, third!.file));
    await live.reload([third!.file]);
    await writeFile(path.join(dir, second!.file), '---\nid: [broken\n---\n');
    await live.reload([second!.file]);
    await live.flushed();
    live.close();
    expect(live.engine.quote('宇宙状況把握').items[0]?.citations[0]?.statement).toBe(first!.id);
    expect(await readFile(base)).toEqual(before);
    expect((await readFile(journalFile(base), 'utf8')).trim().split('\n')).toHaveLength(5);
    await expectLikeAFreshLoad();
  });

  it('ignores a torn last line, and reads the files it was about again', async () => {
    const base = cacheFile(dir, cache);
    const s = statements[5]!;
    const live = await liveEngineFromFolder(dir, undefined, { cacheDir: cache, watch: false });
    await writeFile(path.join(dir, s.file), toMd({ ...s, title: 'A title rewritten' }));
    await live.reload([s.file]);
    await live.flushed();
    live.close();
    const journal = await readFile(journalFile(base));
    await writeFile(journalFile(base), journal.subarray(0, journal.length - 40));
    const loaded = await loadIndexedCorpus(dir, { cacheDir: cache });
    expect(loaded.updated).toEqual([s.file]);
    expect(loaded.corpus.statements.find((x) => x.id === s.id)?.title).toBe('A title rewritten');
    await expectLikeAFreshLoad();
  });

  it('reads files changed while nothing ran, and folds a long journal into a new base', async () => {
    const base = cacheFile(dir, cache);
    const before = await readFile(base);
    // More than a tenth of the statements: the next start writes a new base.
    const changed = statements.slice(20, 40);
    for (const s of changed)
      await writeFile(path.join(dir, s.file), toMd({ ...s, title: `${s.title} (revised)` }));
    const loaded = await loadIndexedCorpus(dir, { cacheDir: cache });
    expect(loaded.updated?.sort()).toEqual(changed.map((s) => s.file).sort());
    // Recorded in the journal, which now holds more than a tenth: the next start folds it in.
    await loadIndexedCorpus(dir, { cacheDir: cache });
    expect(await readFile(base)).not.toEqual(before);
    await expect(readFile(journalFile(base))).rejects.toThrow();
    await expectLikeAFreshLoad();
    const live = await liveEngineFromFolder(dir, undefined, { cacheDir: cache, watch: false });
    for (const s of statements.slice(40, 45)) {
      await writeFile(path.join(dir, s.file), toMd({ ...s, title: `${s.title} (again)` }));
      await live.reload([s.file]);
    }
    await live.flushed();
    live.close();
    await expectLikeAFreshLoad();
  });
});
