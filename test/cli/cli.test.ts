import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { BROKEN_CORPUS, copyCorpus, ROOT, SEED_CORPUS } from '../helpers.ts';

const run = promisify(execFile);
const BIN = path.join(ROOT, 'bin/readout.js');

/** Where the command line runs by default: a folder whose `corpus/` is a copy of the bundled one (the index cache goes beside it). */
let seed: Awaited<ReturnType<typeof copyCorpus>>;
beforeAll(async () => {
  seed = await copyCorpus(SEED_CORPUS);
});
afterAll(() => seed.cleanup());

async function readout(
  args: string[],
  cwd = seed.root,
): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, CORPUS_DIR: '' },
    });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('readout command line', () => {
  it('quote --json prints the answer model with the item-3 paragraph first', async () => {
    const { stdout, code } = await readout(['quote', '--json', '最も強い言葉で非難']);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(answer).toMatchObject({ kind: 'quote', language: 'ja', query: '最も強い言葉で非難' });
    expect(answer.items[0].citations[0]).toMatchObject({
      title: '日米韓外相電話会談',
      paragraph: 4,
      date: '2024-11-01',
      language: 'ja',
    });
  });

  it('quote --lang en prints a title, the passage and then its short citation', async () => {
    const { stdout } = await readout(['quote', '--lang', 'en', 'strongest terms']);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('Quote: strongest terms');
    expect(lines[2]).toMatch(
      /^1\. “The ROK, U\.S\. and Japan condemn in the strongest terms deepening military cooperation/,
    );
    expect(lines[3]).toBe('   — U.S. Department of State · 2024-10-31 · ¶4');
  });

  it('who: the names first, then each supporting paragraph once, labelled', async () => {
    const { stdout } = await readout(['who', '--lang', 'ja', '--statement', '日米韓外相電話会談']);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('誰が：日米韓外相電話会談');
    expect(lines.slice(2, 5)).toEqual([
      '1. 岩屋毅（外務大臣）',
      '2. アントニー・ブリンケン（米国国務長官）',
      '3. 趙兌烈（韓国外交部長官）',
    ]);
    expect(lines).toContain('根拠:');
    const quoted = lines.filter((l) => l.trimStart().startsWith('“'));
    expect(new Set(quoted).size).toBe(quoted.length);
    expect(stdout).toContain('— 外務省 · 2024-11-01 · 第1段落 · https://www.mofa.go.jp/');
  });

  it('unknown flags and commands: one line that says what to fix, exit 2', async () => {
    const flag = await readout(['quote', '--limt', '3', 'x']);
    expect(flag.code).toBe(2);
    expect(flag.stderr.trim()).toBe(
      'readout: unknown option --limt (did you mean --limit?); see readout --help',
    );
    const command = await readout(['qoute', 'x']);
    expect(command.code).toBe(2);
    expect(command.stderr.trim()).toBe(
      'readout: unknown command "qoute" (did you mean quote?); see readout --help',
    );
  });

  it('--version prints the version of package.json; --help has an example per command', async () => {
    const version = await readout(['--version']);
    expect(version.stdout.trim()).toMatch(/^readout \d+\.\d+\.\d+$/);
    const help = await readout(['--help']);
    for (const example of [
      'readout who --lang en',
      'readout quote ballistic missile',
      'readout compare strongest terms',
    ])
      expect(help.stdout).toContain(example);
  });

  it("messages name the command line's own commands", async () => {
    const unknown = await readout(['quote', '--statement', 'nope', 'x']);
    expect(unknown.stderr.trim()).toBe(
      'I do not know that statement. Use readout statements to list the ones I have.',
    );
    const nothing = await readout(['quote', 'zzzqqq']);
    expect(nothing.stdout.trim()).toBe(
      'Nothing in my statements matches “zzzqqq”; try other words, or readout statements to see what I hold.',
    );
  });

  it('check reports broken files with file:line and exits 1', async () => {
    const { stdout, code } = await readout(['check', '--corpus', BROKEN_CORPUS]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      'test/fixtures/broken/bad-date.md:4: date must be a real date written YYYY-MM-DD',
    );
    expect((await readout(['check'])).code).toBe(0);
  });

  it('check also validates glossary files', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'readout-check-'));
    await writeFile(
      path.join(dir, 'glossary.yaml'),
      'people:\n  - ja: [林芳正]\n    en: [HAYASHI Yoshimasa\n',
    );
    const { stdout, code } = await readout(['check', '--corpus', dir]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/glossary\.yaml:\d+: /);
  });

  it('rejects a bad option and an empty query with a clear message and exit 2', async () => {
    const bad = await readout(['quote', '--lang', 'fr', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--lang must be ja or en');
    const empty = await readout(['quote', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('Please give me something to look for');
  });

  it('import turns raw text into a corpus file that loads and answers', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'readout-import-'));
    const raw = path.join(dir, 'raw.txt');
    await writeFile(
      raw,
      [
        'title: 日豪外相電話会談',
        'date: 2025-03-12',
        'publisher: 外務省',
        '',
        '3月11日、午後6時から約25分間、岩屋外務大臣は、ペニー・ウォン豪州外務大臣と電話会談を行いました。',
        '1 両大臣は、自由で開かれたインド太平洋の実現に向けて緊密に連携することで一致しました。',
      ].join('\n'),
    );
    const out = path.join(dir, 'corpus');
    const imported = await readout(['import', raw, '--out', out]);
    expect(imported.code).toBe(0);
    const corpus = await loadCorpus(out);
    expect(corpus.problems).toEqual([]);
    expect(corpus.statements[0]).toMatchObject({
      title: '日豪外相電話会談',
      language: 'ja',
      date: '2025-03-12',
    });
    expect(corpus.statements[0]!.paragraphs.map((p) => p.label)).toEqual([undefined, '1']);
    const { stdout } = await readout(['quote', '--json', '--corpus', out, 'インド太平洋']);
    expect(JSON.parse(stdout).items[0].citations[0].paragraph).toBe(2);
    const again = await readout(['import', raw, '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('import drops the State Department markers and takes the title above them', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'readout-import-'));
    const raw = path.join(dir, 'state.txt');
    await writeFile(
      raw,
      'Joint Statement on Example Cooperation\nThe text of the following joint statement was released.\nBegin Text\nFirst paragraph.\nSecond paragraph.\nEnd Text\n',
    );
    const r = await readout([
      'import',
      raw,
      '--out',
      dir,
      '--date',
      '2025-01-02',
      '--publisher',
      'U.S. Department of State',
    ]);
    expect(r.code).toBe(0);
    const file = await readFile(
      path.join(dir, '2025-01-02-joint-statement-on-example-cooperation.md'),
      'utf8',
    );
    expect(file).toContain('title: Joint Statement on Example Cooperation');
    expect(file).toContain('language: en');
    expect(file.endsWith('---\nFirst paragraph.\n\nSecond paragraph.\n')).toBe(true);
  });
});
