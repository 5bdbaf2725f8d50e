import { chmod, mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { MAX_FILE_BYTES, parseStatementFile } from '../../src/corpus/parse.ts';
import { formatProblem } from '../../src/corpus/types.ts';
import { engineFromFolder } from '../../src/engine/fromFolder.ts';

const enc = (s: string) => new TextEncoder().encode(s);

/** A readout in the style of MOFA's, written for these tests. */
const AUSTRALIA = `---
id: test-mofa-2025-03-10-japan-australia-call
title: 日豪外相電話会談
date: 2025-03-10
language: ja
publisher: 外務省
event: test-2025-03-10-japan-australia-call
---
3月10日、午後5時から約25分間、岩田健一外務大臣は、ペニー・ウォン豪州外務大臣と電話会談を行いました。

1 両大臣は、自由で開かれたインド太平洋の実現に向けた協力を確認しました。

2 両大臣は、北朝鮮の核・ミサイル問題について意見交換を行いました。
`;

const CANADA = `---
id: test-gac-2025-04-02-canada-japan
title: Readout of Minister Hale's call with Japan's Foreign Minister
date: 2025-04-02
language: en
publisher: Global Affairs Canada
---
Minister of Foreign Affairs Dana Hale today spoke with Japan's Minister for Foreign Affairs, Kenichi Iwata.

The ministers discussed critical minerals supply chains and maritime security in the Indo-Pacific.
`;

const lineCount = (bytes: Uint8Array) => bytes.filter((b) => b === 0x0a).length + 1;

describe('a statement file cut short, mangled or replaced by junk', () => {
  it('a file cut at any byte is reported with a line inside the file, never thrown', () => {
    const bytes = enc(AUSTRALIA);
    const closing = AUSTRALIA.indexOf('---', 3);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const part = bytes.subarray(0, cut);
      const parsed = parseStatementFile('cut.md', part);
      for (const p of parsed.problems) {
        expect(p.file).toBe('cut.md');
        expect(p.line).toBeGreaterThanOrEqual(1);
        expect(p.line).toBeLessThanOrEqual(lineCount(part) + 1);
      }
      if (cut < closing) expect(parsed.statement, `cut at ${cut}`).toBeUndefined();
      else if (parsed.statement) {
        // What is served is a verbatim prefix of the body, never text that was not in the file.
        const text = new TextDecoder().decode(part);
        for (const p of parsed.statement.paragraphs) expect(text).toContain(p.text.slice(0, 10));
      }
    }
  });

  it('front matter cut mid-way names the line where the file ends', () => {
    const text = AUSTRALIA.slice(0, AUSTRALIA.indexOf('publisher'));
    const parsed = parseStatementFile('cut.md', enc(text));
    expect(parsed.problems.map(formatProblem)).toEqual([
      'cut.md:6: front matter is not closed by a "---" line',
    ]);
  });

  it('a multi-byte character cut in half is reported as not UTF-8 on its line', () => {
    const bytes = enc(AUSTRALIA);
    const at = AUSTRALIA.indexOf('両大臣');
    const byteAt = enc(AUSTRALIA.slice(0, at)).length;
    const parsed = parseStatementFile('half.md', bytes.subarray(0, byteAt + 1));
    expect(parsed.problems.map(formatProblem)).toEqual([
      'half.md:11: file is not valid UTF-8 text',
    ]);
  });

  it('random bytes and random edits of a good file never throw, and every problem has a line', () => {
    const good = enc(CANADA);
    const junk = fc.uint8Array({ maxLength: 2048 });
    const edited = fc
      .array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), {
        minLength: 1,
        maxLength: 8,
      })
      .map((edits) => {
        const copy = good.slice();
        for (const [i, b] of edits) copy[i] = b;
        return copy;
      });
    fc.assert(
      fc.property(fc.oneof(junk, edited), (bytes) => {
        const parsed = parseStatementFile('x.md', bytes);
        expect(
          parsed.statement !== undefined || parsed.problems.some((p) => p.severity === 'error'),
        ).toBe(true);
        for (const p of parsed.problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.message).toMatch(/\S/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('YAML aliases that would expand exponentially are refused, not expanded', () => {
    const bomb = [
      '---',
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...'bcdefgh'
        .split('')
        .map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`),
    ];
    const text = `${bomb.join('\n')}\nid: *h\ntitle: T\ndate: 2025-01-01\nlanguage: en\npublisher: P\n---\nText.\n`;
    const parsed = parseStatementFile('bomb.md', enc(text));
    expect(parsed.statement).toBeUndefined();
    expect(parsed.problems.map(formatProblem)).toContain(
      'bomb.md:10: "id" must be a non-empty text',
    );
  });
});

describe('a corpus folder with broken, strange and hostile files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'readout-hostile-'));
    const put = (rel: string, data: string | Uint8Array) => writeFile(path.join(dir, rel), data);
    await mkdir(path.join(dir, 'ja'));
    await mkdir(path.join(dir, 'folder.md'));
    await put('ja/australia.md', AUSTRALIA);
    await put('folder.md/canada.md', CANADA);
    await put('truncated.md', AUSTRALIA.slice(0, 60));
    // A readout saved in Shift_JIS instead of UTF-8: 外務省 is 8A 4F 96 B1 8F C8.
    await put(
      'shift-jis.md',
      Uint8Array.from([...enc('---\nid: sjis\n'), 0x8a, 0x4f, 0x96, 0xb1, 0x8f, 0xc8, 0x0a]),
    );
    await put(
      'binary.md',
      Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256),
    );
    await put('nul.md', `${CANADA.replace('test-gac', 'nul')}\u0000\u0000`);
    await put('z-duplicate.md', AUSTRALIA.replace('title: 日豪外相電話会談', 'title: 別の会談'));
    await put('empty.md', '');
    await put('huge.md', '');
    await truncate(path.join(dir, 'huge.md'), MAX_FILE_BYTES + 1);
    await symlink('..', path.join(dir, 'ja', 'loop'));
    await symlink('/etc/passwd', path.join(dir, 'passwd.md'));
    await put('glossary.yaml', 'people: [\n  - {ja: 岩田\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports each broken file with file and line, skips it and serves the rest', async () => {
    const corpus = await loadCorpus(dir);
    expect(corpus.statements.map((s) => s.file).sort()).toEqual([
      path.join('folder.md', 'canada.md'),
      path.join('ja', 'australia.md'),
    ]);
    const lines = corpus.problems.map(formatProblem);
    expect(lines).toContain('truncated.md:3: front matter is not closed by a "---" line');
    expect(lines).toContain('shift-jis.md:3: file is not valid UTF-8 text');
    expect(lines).toContain(
      `huge.md:1: file is too large (${MAX_FILE_BYTES + 1} bytes; the limit is ${MAX_FILE_BYTES})`,
    );
    expect(lines).toContain('nul.md:1: file contains NUL bytes: is it a text file?');
    expect(lines).toContain(
      'empty.md:1: file must start with a "---" line that opens the front matter',
    );
    expect(lines).toContain(
      'z-duplicate.md:2: duplicate id "test-mofa-2025-03-10-japan-australia-call" (already used by ja/australia.md)',
    );
    expect(lines).toContain(
      'passwd.md:1: warning: symbolic link not followed (copy the file into the corpus folder)',
    );
    expect(lines.some((l) => l.startsWith('binary.md:'))).toBe(true);
  });

  it('the engine over that folder answers from the good files and lists the problems', async () => {
    const engine = await engineFromFolder(dir, undefined, { cacheDir: false });
    const answer = engine.quote('インド太平洋');
    expect(answer.kind).toBe('quote');
    expect(answer.items[0]!.citations[0]!.statement).toBe(
      'test-mofa-2025-03-10-japan-australia-call',
    );
    expect(engine.quote('critical minerals').items[0]!.citations[0]!.statement).toBe(
      'test-gac-2025-04-02-canada-japan',
    );
    expect(engine.problems.some((p) => p.file === 'glossary.yaml' && p.line >= 1)).toBe(true);
    expect(engine.statements()).toHaveLength(2);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable file is reported, not fatal', async () => {
    const file = path.join(dir, 'secret.md');
    await writeFile(file, CANADA.replace('test-gac', 'secret'));
    await chmod(file, 0o000);
    try {
      const corpus = await loadCorpus(dir);
      expect(corpus.problems.map(formatProblem)).toContain(
        'secret.md:1: file cannot be read (EACCES)',
      );
      expect(corpus.statements).toHaveLength(2);
    } finally {
      await rm(file, { force: true });
    }
  });

  it('a corpus folder that does not exist is one problem, not a crash', async () => {
    const corpus = await loadCorpus(path.join(dir, 'nope'));
    expect(corpus.statements).toEqual([]);
    expect(corpus.problems.map((p) => p.message)).toEqual(['folder not found']);
  });
});
