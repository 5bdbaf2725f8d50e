/** The live engine (src/engine/live.ts): a corpus folder that changes while Readout runs. */
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { watchCorpus } from '../../src/corpus/watch.ts';
import { formatProblem } from '../../src/corpus/types.ts';
import { liveEngineFromFolder, type LiveEngine } from '../../src/engine/live.ts';
import { memoryLogger } from '../discord/harness.ts';

/** A MOFA-style readout written for these tests; `extra` is one more numbered paragraph. */
const readout = (id: string, extra: string) => `---
id: ${id}
title: 日仏外相会談
date: 2025-06-12
language: ja
publisher: 外務省
---
6月12日、午後3時から約45分間、岩田健一外務大臣は、ジャン＝ピエール・ルノー・フランス欧州・外務大臣と会談を行いました。

1 ${extra}
`;

const statement = (id: string, title: string, body: string) => `---
id: ${id}
title: ${title}
date: 2025-07-01
language: en
publisher: Ministry of Foreign Affairs of New Zealand
---
${body}
`;

describe('a live engine over a folder that changes', () => {
  let dir: string;
  let live: LiveEngine;
  const file = (rel: string) => path.join(dir, rel);

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'readout-live-'));
    await mkdir(file('ja'));
    await writeFile(
      file('ja/france.md'),
      readout('test-france', '両大臣は、宇宙分野における協力を確認しました。'),
    );
  });
  afterEach(async () => {
    live?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('picks up a file added, edited and deleted, without a restart', async () => {
    live = await liveEngineFromFolder(dir, undefined, { watch: false, cacheDir: false });
    const { engine } = live;
    expect(engine.statements().map((s) => s.id)).toEqual(['test-france']);
    expect(engine.quote('Pacific Islands Forum').kind).toBe('none');

    await writeFile(
      file('nz.md'),
      statement(
        'test-nz',
        'Foreign Minister meets counterpart',
        'The ministers discussed the Pacific Islands Forum and climate resilience.',
      ),
    );
    let report = await live.reload();
    expect(report).toMatchObject({
      swapped: true,
      added: ['nz.md'],
      changed: [],
      removed: [],
      kept: [],
    });
    expect(engine.quote('Pacific Islands Forum').items[0]!.citations[0]!.statement).toBe('test-nz');

    await writeFile(
      file('ja/france.md'),
      readout('test-france', '両大臣は、原子力分野における協力を確認しました。'),
    );
    report = await live.reload();
    expect(report.changed).toEqual([path.join('ja', 'france.md')]);
    expect(engine.quote('原子力').items[0]!.text).toContain('原子力分野');
    expect(engine.quote('宇宙').kind).toBe('none');

    await unlink(file('nz.md'));
    report = await live.reload();
    expect(report.removed).toEqual(['nz.md']);
    expect(engine.statements().map((s) => s.id)).toEqual(['test-france']);
    expect(engine.quote('Pacific Islands Forum').kind).toBe('none');
  });

  it('a broken edit keeps the last good version of that statement, and says where the problem is', async () => {
    const { logger, logs } = memoryLogger();
    live = await liveEngineFromFolder(dir, logger, { watch: false, cacheDir: false });
    const { engine } = live;
    // Saved half-way: the front matter is cut off.
    await writeFile(file('ja/france.md'), '---\nid: test-france\ntitle: 日仏外相会談\n');
    const report = await live.reload();
    expect(report.kept).toEqual([path.join('ja', 'france.md')]);
    expect(report.changed).toEqual([]);
    const lines = report.problems.map(formatProblem);
    expect(lines).toContain(
      `${path.join('ja', 'france.md')}:4: front matter is not closed by a "---" line`,
    );
    expect(engine.problems.map(formatProblem)).toEqual(lines);
    expect(engine.quote('宇宙').items[0]!.citations[0]!.statement).toBe('test-france');
    const logged = logs.map((l) => JSON.parse(l) as { msg: string; file?: string; line?: number });
    expect(logged).toContainEqual(
      expect.objectContaining({
        file: path.join('ja', 'france.md'),
        line: 4,
        msg: expect.stringContaining('front matter is not closed'),
      }),
    );

    // Fixed: the new text replaces the kept one.
    await writeFile(
      file('ja/france.md'),
      readout('test-france', '両大臣は、防衛装備品の協力を確認しました。'),
    );
    const fixed = await live.reload();
    expect(fixed.kept).toEqual([]);
    expect(fixed.changed).toEqual([path.join('ja', 'france.md')]);
    expect(engine.quote('防衛装備品').kind).toBe('quote');
    expect(engine.quote('宇宙').kind).toBe('none');
  });

  it("a new file that takes a running statement's id is the duplicate, even when it sorts first", async () => {
    live = await liveEngineFromFolder(dir, undefined, { watch: false, cacheDir: false });
    await writeFile(
      file('a-copy.md'),
      readout('test-france', '両大臣は、海洋安全保障での協力を確認しました。'),
    );
    const report = await live.reload();
    expect(report.problems.map(formatProblem)).toContain(
      `a-copy.md:2: duplicate id "test-france" (already used by ${path.join('ja', 'france.md')})`,
    );
    expect(live.engine.quote('宇宙').kind).toBe('quote');
    expect(live.engine.quote('海洋安全保障').kind).toBe('none');
  });

  it("an edit that gives a file an id already taken keeps that file's last good version", async () => {
    await writeFile(
      file('nz.md'),
      statement('test-nz', 'Readout', 'The ministers discussed fisheries management.'),
    );
    live = await liveEngineFromFolder(dir, undefined, { watch: false, cacheDir: false });
    await writeFile(
      file('nz.md'),
      statement('test-france', 'Readout', 'The ministers discussed tourism.'),
    );
    const report = await live.reload();
    expect(report.kept).toEqual(['nz.md']);
    expect(report.problems.map(formatProblem)).toContain(
      `nz.md:2: duplicate id "test-france" (already used by ${path.join('ja', 'france.md')})`,
    );
    expect(
      live.engine
        .statements()
        .map((s) => s.id)
        .sort(),
    ).toEqual(['test-france', 'test-nz']);
    expect(live.engine.quote('fisheries').kind).toBe('quote');
    expect(live.engine.quote('宇宙').kind).toBe('quote');
  });

  it('a new file that is broken from the start is reported and skipped; the rest serves', async () => {
    live = await liveEngineFromFolder(dir, undefined, { watch: false, cacheDir: false });
    await writeFile(file('bad.md'), Uint8Array.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]));
    const report = await live.reload();
    expect(report.problems.map(formatProblem)).toContain('bad.md:2: file is not valid UTF-8 text');
    expect(report.kept).toEqual([]);
    expect(live.engine.statements().map((s) => s.id)).toEqual(['test-france']);
  });

  it('a corpus folder that disappears keeps the last corpus serving', async () => {
    live = await liveEngineFromFolder(dir, undefined, { watch: false, cacheDir: false });
    await rm(dir, { recursive: true, force: true });
    const report = await live.reload();
    expect(report.swapped).toBe(false);
    expect(live.engine.quote('宇宙').kind).toBe('quote');
  });

  it('reloads asked for at once never overlap: one runs, the rest share one more run after it', async () => {
    live = await liveEngineFromFolder(dir, undefined, { watch: false, cacheDir: false });
    await writeFile(
      file('nz.md'),
      statement('test-nz', 'Call', 'The ministers discussed fisheries.'),
    );
    const [a, b, c] = [live.reload(), live.reload(), live.reload()];
    expect(b).toBe(c);
    expect(a).not.toBe(b);
    const [first, second] = await Promise.all([a, b]);
    expect(first.added).toEqual(['nz.md']);
    expect(second.added).toEqual([]);
    expect(live.engine.quote('fisheries').kind).toBe('quote');
  });

  it('starts from the persisted index, then follows edits made while running', async () => {
    const cacheDir = path.join(dir, '..', `${path.basename(dir)}-cache`);
    try {
      (await liveEngineFromFolder(dir, undefined, { watch: false, cacheDir })).close();
      live = await liveEngineFromFolder(dir, undefined, { watch: false, cacheDir });
      expect(live.engine.quote('宇宙').kind).toBe('quote');
      await writeFile(
        file('ja/france.md'),
        readout('test-france', '両大臣は、文化交流の拡大を確認しました。'),
      );
      expect((await live.reload()).changed).toEqual([path.join('ja', 'france.md')]);
      expect(live.engine.quote('文化交流').kind).toBe('quote');
      expect(live.engine.quote('宇宙').kind).toBe('none');
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it('the watcher picks up a change on its own', async () => {
    live = await liveEngineFromFolder(dir, undefined, {
      pollMs: 100,
      debounceMs: 50,
      cacheDir: false,
    });
    await writeFile(
      file('nz.md'),
      statement(
        'test-nz',
        'Readout',
        'The ministers welcomed progress on the free trade agreement.',
      ),
    );
    await expect
      .poll(() => live.engine.quote('free trade agreement').kind, { timeout: 15_000, interval: 50 })
      .toBe('quote');
    await unlink(file('nz.md'));
    await expect
      .poll(() => live.engine.quote('free trade agreement').kind, { timeout: 15_000, interval: 50 })
      .toBe('none');
  });

  it('the periodic scan alone finds a change (for file systems without events)', async () => {
    let changes = 0;
    const watcher = watchCorpus(dir, () => changes++, {
      pollMs: 50,
      debounceMs: 10,
      events: false,
    });
    try {
      await watcher.ready;
      await writeFile(file('ja/new.md'), readout('test-new', '両大臣は、人的交流を確認しました。'));
      await expect.poll(() => changes, { timeout: 15_000, interval: 20 }).toBeGreaterThan(0);
    } finally {
      watcher.close();
    }
  });
});

describe('CORPUS_POLL_MS', () => {
  it('is a whole number of milliseconds; 0 turns the scan off; anything else is a clear error', () => {
    expect(loadConfig({}, '/srv').corpusPollMs).toBeUndefined();
    expect(loadConfig({ CORPUS_POLL_MS: '0' }, '/srv').corpusPollMs).toBe(0);
    expect(loadConfig({ CORPUS_POLL_MS: '30000' }, '/srv').corpusPollMs).toBe(30000);
    for (const bad of ['-1', '1.5', 'soon']) {
      expect(() => loadConfig({ CORPUS_POLL_MS: bad }, '/srv')).toThrow(
        /CORPUS_POLL_MS must be a whole number/,
      );
    }
  });
});
