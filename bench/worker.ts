/**
 * One measured system in its own fresh process, so that memory and cold start are not polluted by
 * the other systems or by the generator. Prints one JSON line on stdout.
 *
 *   node --expose-gc --import tsx bench/worker.ts <readout|readout-cold|minisearch|linear|flexsearch> <corpusDir> <queries.json> [rounds]
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCorpus } from '../src/corpus/load.ts';
import { liveEngineFromFolder } from '../src/engine/live.ts';
import { engineFromFolder } from '../src/engine/fromFolder.ts';
import { engineFromLibrary } from '../src/engine/fromLibrary.ts';
import { buildLibrary } from '../src/answer/library.ts';
import type { Engine } from '../src/engine/types.ts';
import { createFlexSearchBaseline } from './baselines/flexsearch.ts';
import { createLinearBaseline } from './baselines/linear.ts';
import { MiniSearchIndex } from './baselines/minisearch.ts';
import type { BaselineFactory } from './baselines/types.ts';
import { generateCorpus, toMarkdown } from './generate.ts';
import { memoryAfterGc, percentiles, round } from './measure.ts';
import type { BenchQuery, QueryKind } from './queries.ts';

export type Answerer = (q: BenchQuery) => unknown;

export interface WorkerReport {
  buildMs: number;
  /** performance.now() at the first answer: process start (node, tsx, imports) to first answer. */
  firstAnswerMs: number;
  heapMB: number;
  rssMB: number;
  samples?: Record<string, number[]>;
  queries?: Record<string, { p50: number; p95: number; p99: number }>;
  answersPerSec?: number;
  answers?: number;
  firstPass?: { p50: number; p95: number; p99: number };
  /** readout-incremental: one statement added, edited, deleted; each until a question finds it (or no longer does). */
  incremental?: { addMs: number; editMs: number; deleteMs: number };
}

function readoutAnswerer(engine: Engine): Answerer {
  return (q) => engine[q.kind](q.text, { lang: q.lang });
}

async function buildSystem(system: string, dir: string): Promise<Answerer> {
  if (system === 'readout' || system === 'readout-cold')
    return readoutAnswerer(await engineFromFolder(dir));
  if (system === 'minisearch') {
    // The unoptimized path: the same engine over the original MiniSearch index, nothing persisted.
    const corpus = await loadCorpus(dir);
    const index = new MiniSearchIndex(corpus.statements);
    return readoutAnswerer(
      engineFromLibrary(buildLibrary(corpus.statements, corpus.problems, undefined, index)),
    );
  }
  const factories: Record<string, BaselineFactory> = {
    linear: createLinearBaseline,
    flexsearch: createFlexSearchBaseline,
  };
  const factory = factories[system];
  if (!factory) throw new Error(`unknown system ${system}`);
  const corpus = await loadCorpus(dir);
  const baseline = factory(corpus.statements);
  return (q) => baseline.answer(q.text, q.lang);
}

/** Runs every query `rounds` times after one untimed warm-up pass; per-kind latency samples. */
export function timeQueries(answer: Answerer, queries: readonly BenchQuery[], rounds: number) {
  // The warm-up pass is timed too: each question asked for the first time in this process.
  const first: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    answer(q);
    first.push(performance.now() - t);
  }
  const samples: Partial<Record<QueryKind, number[]>> = {};
  let total = 0;
  let count = 0;
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t = performance.now();
      answer(q);
      const ms = performance.now() - t;
      (samples[q.kind] ??= []).push(ms);
      total += ms;
      count++;
    }
  }
  const byKind: Record<string, ReturnType<typeof percentiles>> = {};
  for (const [kind, list] of Object.entries(samples)) byKind[kind] = percentiles(list);
  return {
    queries: byKind,
    firstPass: percentiles(first),
    answersPerSec: round(count / (total / 1000), 1),
    answers: count,
  };
}

/**
 * A running engine (the live engine, from the persisted index) while one statement file is added
 * in the middle of the corpus order, edited, then deleted: for each, the time from asking it to
 * reload that file to the first answer that shows the change. The file is gone afterwards, so the
 * corpus is as before (the persisted journal records all three).
 */
async function incremental(dir: string): Promise<NonNullable<WorkerReport['incremental']>> {
  const marker = 'Zephyrine';
  const live = await liveEngineFromFolder(dir, undefined, { watch: false });
  // A bot that has been running a while: what its first change needs is ready, and it has
  // answered questions (what the first question of a process builds, such as the title index,
  // is not what a change costs).
  await live.prepared;
  // And has checked every file's content since its start (see LiveEngine.verified).
  const t = performance.now();
  const differing = await live.verified;
  process.stderr.write(
    `incremental: content of every file verified in ${round(performance.now() - t, 0)} ms (${differing.length} differed)\n`,
  );
  live.engine.quote(marker, { lang: 'en' });
  live.engine.who('Foreign Minister', { lang: 'en' });
  const folders = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const folder = folders[folders.length >> 1] ?? '.';
  const [template] = generateCorpus({ paragraphs: 12, seed: 424242 }).statements;
  const rel = path.join(folder, 'bench-incremental.md');
  const statement = (extra: string) => ({
    ...template!,
    id: 'bench-incremental',
    file: rel,
    paragraphs: [
      ...template!.paragraphs,
      {
        number: template!.paragraphs.length + 1,
        line: 1,
        text: `The ministers launched the ${marker} ${extra} Initiative.`,
      },
    ],
  });
  const timed = async (
    write: () => Promise<void>,
    expect: (found: boolean) => boolean,
  ): Promise<number> => {
    await write();
    const t = performance.now();
    await live.reload([rel]);
    const reloaded = performance.now();
    const found = live.engine
      .quote(marker, { lang: 'en' })
      .items.some((i) => i.citations.some((c) => c.statement === 'bench-incremental'));
    const ms = performance.now() - t;
    process.stderr.write(
      `incremental ${rel}: reload ${round(reloaded - t, 1)} ms, answer ${round(ms - (reloaded - t), 1)} ms\n`,
    );
    if (!expect(found)) throw new Error(`incremental: the change to ${rel} is not answered`);
    return round(ms, 1);
  };
  const addMs = await timed(
    () => writeFile(path.join(dir, rel), toMarkdown(statement('Maritime'))),
    (f) => f,
  );
  const editMs = await timed(
    () => writeFile(path.join(dir, rel), toMarkdown(statement('Space'))),
    (f) => f && live.engine.quote('Space Initiative', { lang: 'en' }).items.length > 0,
  );
  const deleteMs = await timed(
    () => rm(path.join(dir, rel)),
    (f) => !f,
  );
  live.close();
  return { addMs, editMs, deleteMs };
}

async function main(): Promise<void> {
  const [system, dir, queriesFile, roundsArg] = process.argv.slice(2);
  if (system === 'readout-incremental' && dir) {
    const t0 = performance.now();
    const result = await incremental(dir);
    process.stdout.write(
      `${JSON.stringify({ buildMs: round(performance.now() - t0, 1), firstAnswerMs: 0, heapMB: 0, rssMB: 0, incremental: result })}\n`,
    );
    return;
  }
  if (!system || !dir || !queriesFile)
    throw new Error('usage: worker.ts <system> <corpusDir> <queries.json> [rounds]');
  const queries = JSON.parse(await readFile(queriesFile, 'utf8')) as BenchQuery[];
  const t0 = performance.now();
  const answer = await buildSystem(system, dir);
  const buildMs = performance.now() - t0;
  answer(queries[0]!);
  const firstAnswerMs = performance.now();
  const memory = memoryAfterGc();
  const report: WorkerReport = {
    buildMs: round(buildMs, 1),
    firstAnswerMs: round(firstAnswerMs, 1),
    ...memory,
  };
  const rounds = Number(roundsArg ?? 0);
  if (rounds > 0) Object.assign(report, timeQueries(answer, queries, rounds));
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

await main();
