/**
 * `npm run bench [-- --paragraphs 1000|10000|100000] [--json] [--seed N] [--no-baselines] [--before]`
 *
 * `--before` adds the unoptimized path (the same engine over the original MiniSearch index) as a
 * fourth column, for before/after comparisons in one run.
 *
 * Generates the seeded corpus (written once per size and seed under the system temp folder), then
 * measures Readout, a linear scan and FlexSearch on the same corpus and the same queries. Each
 * system runs in its own fresh child process so that heap, RSS and cold start are its own.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { generateCorpus, parseSizeArgs, writeCorpus } from './generate.ts';
import { round, type SystemResult } from './measure.ts';
import { benchQueries, QUERY_KINDS } from './queries.ts';
import type { WorkerReport } from './worker.ts';
import { buildIsCurrent } from '../bin/launch.js';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));

async function folderBytes(dir: string): Promise<number> {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += (await stat(path.join(e.parentPath ?? e.path, e.name))).size;
  }
  return total;
}

async function worker(
  system: string,
  dir: string,
  queriesFile: string,
  rounds: number,
): Promise<WorkerReport> {
  const { stdout } = await run(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=8192',
      '--import',
      'tsx',
      path.join(here, 'worker.ts'),
      system,
      dir,
      queriesFile,
      String(rounds),
    ],
    { maxBuffer: 64 * 2 ** 20, cwd: path.join(here, '..') },
  );
  const line = stdout.trim().split('\n').at(-1)!;
  return JSON.parse(line) as WorkerReport;
}

const CLI_RUNS = 11;

/**
 * The command line from a cold process, as a user runs it: `readout quote ICBM` on the bundled
 * corpus, spawned CLI_RUNS times, wall time from spawn to exit, median. The compiled build in
 * dist/ is what production runs; it is built first when missing or older than the sources.
 */
async function cliColdMs(log: (msg: string) => void): Promise<number> {
  const root = path.join(here, '..');
  if (!buildIsCurrent()) {
    log('cli: dist/ missing or older than the sources; npm run build');
    await run(process.execPath, [path.join(root, 'scripts/build.js')], { cwd: root });
  }
  const args = [path.join(root, 'bin/readout.js'), 'quote', 'ICBM'];
  // Once untimed: the bundled corpus's persisted index is (re)built if the code changed.
  await run(process.execPath, args, { cwd: root });
  const times: number[] = [];
  for (let i = 0; i < CLI_RUNS; i++) {
    const t = performance.now();
    await run(process.execPath, args, { cwd: root });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return round(times[CLI_RUNS >> 1]!, 1);
}

function asResult(
  paragraphs: number,
  build: WorkerReport,
  cold: WorkerReport,
  indexBytes: number,
  notes: string[],
): SystemResult {
  return {
    paragraphs,
    buildMs: build.buildMs,
    indexBytes,
    coldStartMs: cold.firstAnswerMs,
    heapMB: Math.max(build.heapMB, cold.heapMB),
    rssMB: Math.max(build.rssMB, cold.rssMB),
    queries: build.queries ?? {},
    answersPerSec: build.answersPerSec ?? 0,
    ...(build.firstPass ? { firstPass: build.firstPass } : {}),
    ...(notes.length ? { notes } : {}),
  };
}

function table(readout: SystemResult, baselines: Record<string, SystemResult>): string {
  const systems: [string, SystemResult][] = [['readout', readout], ...Object.entries(baselines)];
  const rows: [string, (r: SystemResult) => number | undefined][] = [
    ['build ms (load + index)', (r) => r.buildMs],
    ['persisted index MB', (r) => round(r.indexBytes / 2 ** 20, 1)],
    ['cold start ms', (r) => r.coldStartMs],
    ['CLI cold ms (bundled corpus)', (r) => r.cliColdMs],
    ['incremental ms (add/edit/delete, worst)', (r) => r.incrementalMs],
    ['heap MB after GC', (r) => r.heapMB],
    ['RSS MB after GC', (r) => r.rssMB],
    ['answers / s', (r) => r.answersPerSec],
  ];
  for (const p of ['p50', 'p99'] as const)
    rows.push([`first ask ${p} ms`, (r) => r.firstPass?.[p]]);
  for (const kind of QUERY_KINDS) {
    for (const p of ['p50', 'p95', 'p99'] as const)
      rows.push([`${kind} ${p} ms`, (r) => r.queries[kind]?.[p]]);
  }
  const header = [
    'metric',
    ...systems.map(([n]) => n),
    ...systems.slice(1).map(([n]) => `readout/${n}`),
  ];
  const lines = [header];
  for (const [label, get] of rows) {
    const values = systems.map(([, r]) => get(r));
    const ratios = values
      .slice(1)
      .map((v) => (v && values[0] !== undefined ? `${round(values[0] / v, 2)}x` : '-'));
    lines.push([label, ...values.map((v) => (v === undefined ? '-' : String(v))), ...ratios]);
  }
  const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  return lines
    .map((l) =>
      l.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '),
    )
    .join('\n');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const { paragraphs, seed } = parseSizeArgs(argv);
  const json = argv.includes('--json');
  const withBaselines = !argv.includes('--no-baselines');
  const withBefore = argv.includes('--before');
  const log = (msg: string) => process.stderr.write(`${msg}\n`);

  const base = path.join(os.tmpdir(), 'readout-bench', `p${paragraphs}-s${seed}`);
  const corpusDir = path.join(base, 'corpus');
  const queriesFile = path.join(base, 'queries.json');
  const { statements, people } = generateCorpus({ paragraphs, seed });
  if (!existsSync(path.join(base, 'complete'))) {
    log(`writing ${statements.length} statements to ${corpusDir}`);
    await rm(base, { recursive: true, force: true });
    await mkdir(base, { recursive: true });
    await writeCorpus(corpusDir, statements);
    await writeFile(path.join(base, 'complete'), '');
  }
  await writeFile(queriesFile, JSON.stringify(benchQueries(people)));

  // Readout persists its index next to the corpus; a fresh build first, then a restart from it.
  const cacheDir = path.join(base, '.readout-cache');
  await rm(cacheDir, { recursive: true, force: true });
  log('readout: build and queries');
  const build = await worker('readout', corpusDir, queriesFile, 5);
  const indexBytes = await folderBytes(cacheDir);
  log('readout: cold start (median of 3 restarts)');
  const colds: WorkerReport[] = [];
  for (let i = 0; i < 3; i++) colds.push(await worker('readout-cold', corpusDir, queriesFile, 0));
  colds.sort((a, b) => a.firstAnswerMs - b.firstAnswerMs);
  const cold = colds[1]!;
  const notes = indexBytes === 0 ? ['no persisted index: cold start is a full load and build'] : [];
  const readout = asResult(paragraphs, build, cold, indexBytes, notes);
  log('readout: one statement added, edited and deleted in the running engine');
  const inc = (await worker('readout-incremental', corpusDir, queriesFile, 0)).incremental!;
  readout.incremental = inc;
  readout.incrementalMs = Math.max(inc.addMs, inc.editMs, inc.deleteMs);
  log(`cli: readout quote ICBM on the bundled corpus, median of ${CLI_RUNS} cold processes`);
  readout.cliColdMs = await cliColdMs(log);

  const baselines: Record<string, SystemResult> = {};
  const others: [string, number][] = [];
  if (withBaselines) others.push(['linear', 1], ['flexsearch', 5]);
  if (withBefore) others.push(['minisearch', 2]);
  for (const [name, rounds] of others) {
    log(`${name}: build and queries`);
    const r = await worker(name, corpusDir, queriesFile, rounds);
    baselines[name] = asResult(paragraphs, r, r, 0, [
      'nothing persisted: cold start is a full load and build',
    ]);
  }

  if (json) {
    process.stdout.write(`${JSON.stringify({ ...readout, baselines })}\n`);
  } else {
    console.log(
      `${paragraphs} paragraphs, ${statements.length} statements, seed ${seed}, ${os.cpus().length} cores, node ${process.version}`,
    );
    console.log(table(readout, baselines));
    for (const n of readout.notes ?? []) console.log(`note (readout): ${n}`);
  }
}

await main();
