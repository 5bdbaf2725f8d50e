/**
 * The full build on every core: the statement files are split into as many runs (consecutive in
 * path order) as there are cores, and a worker thread (./buildWorker.ts) reads, parses, indexes
 * and extracts the facts of each run. Reading the files, tokenizing the paragraphs and extracting
 * people and times are nearly all of a build, and each file's work depends on that file alone.
 * The main thread then assembles the corpus from the records, exactly as a load does, and joins
 * the runs' indexes into the index a build of the whole would produce (joinTermIndexData). What
 * comes out is what the one-thread build gives, to the last posting and fact
 * (test/engine/parallelBuild.test.ts).
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  loadCorpusFiles,
  readRecord,
  type CorpusFiles,
  type FileRecord,
  type LoadedCorpus,
} from '../corpus/load.ts';
import type { Statement } from '../corpus/types.ts';
import { ParagraphIndex } from '../index/paragraphIndex.ts';
import { joinTermIndexData } from '../index/segments.ts';
import type { TermIndexData } from '../index/termIndex.ts';
import { extractFacts } from '../understand/statementFacts.ts';
import { encodeFacts, type EncodedFacts } from './factStore.ts';

export interface WorkerInput {
  root: string;
  rels: string[];
}

export interface WorkerOutput {
  records: FileRecord[];
  /** The run's parsed statements' normalized paragraphs, joined, and their lengths. */
  normalized: string;
  lengths: Uint32Array;
  data: TermIndexData;
  facts: { block: Uint8Array; offsets: Uint32Array };
}

export interface ParallelOptions {
  /** Worker threads; default: the cores available. */
  workers?: number;
  /** Fewer statement files than this are read on the main thread: starting workers costs more. */
  minFiles?: number;
}

/** Below this many statement files, threads cost more than they save (each starts in about 100 ms). */
const MIN_FILES = 2000;

function startWorker(input: WorkerInput): Promise<WorkerOutput> {
  const source = import.meta.url.endsWith('.ts');
  const url = new URL(source ? './buildWorker.ts' : './buildWorker.js', import.meta.url);
  return new Promise((resolve, reject) => {
    // From the TypeScript sources (tests, the bench), the worker registers tsx first, as bin/ does.
    const tsx = source ? import.meta.resolve('tsx/esm/api') : undefined;
    const worker = tsx
      ? new Worker(
          `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`,
          { eval: true, workerData: input },
        )
      : new Worker(url, { workerData: input });
    let done = false;
    worker.once('message', (output: WorkerOutput) => {
      done = true;
      resolve(output);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`build worker exited with code ${code}`));
    });
  });
}

/**
 * Loads a corpus folder, indexes it and extracts every statement's facts: on every core when the
 * corpus is large enough and there are several, else on this thread. Either way the same result.
 */
export async function buildIndexed(
  dir: string,
  options: ParallelOptions = {},
): Promise<{
  corpus: LoadedCorpus;
  files?: CorpusFiles;
  index: ParagraphIndex;
  facts: EncodedFacts;
}> {
  const workers = options.workers ?? os.availableParallelism();
  const minFiles = options.minFiles ?? MIN_FILES;
  let outputs: WorkerOutput[] | undefined;
  const { corpus, files } = await loadCorpusFiles(dir, {}, async (root, rels) => {
    if (workers < 2 || rels.length < minFiles) {
      const records: FileRecord[] = [];
      for (const rel of rels) records.push(await readRecord(root, rel));
      return records;
    }
    const runs: string[][] = [];
    const size = Math.ceil(rels.length / workers);
    for (let i = 0; i < rels.length; i += size) runs.push(rels.slice(i, i + size));
    outputs = await Promise.all(runs.map((run) => startWorker({ root, rels: run })));
    return outputs.flatMap((o) => o.records);
  });
  if (!outputs) {
    // Extracted for every statement now (about 0.7 ms each), so that no question pays for it later.
    return {
      corpus,
      ...(files ? { files } : {}),
      index: new ParagraphIndex(corpus.statements),
      facts: encodeFacts(corpus.statements.map(extractFacts)),
    };
  }
  // Every parsed statement, in path order, with its normalized paragraphs and facts.
  const parsed: Statement[] = outputs.flatMap((o) =>
    o.records.flatMap((r) => (r.parsed.statement ? [r.parsed.statement] : [])),
  );
  const normalized: string[] = [];
  for (const o of outputs) {
    let at = 0;
    for (const n of o.lengths) {
      normalized.push(o.normalized.slice(at, at + n));
      at += n;
    }
  }
  const data = joinTermIndexData(outputs.map((o) => o.data));
  const factTexts = outputs.flatMap((o) => {
    const block = Buffer.from(
      o.facts.block.buffer,
      o.facts.block.byteOffset,
      o.facts.block.byteLength,
    );
    return Array.from({ length: o.facts.offsets.length - 1 }, (_, i) =>
      block.subarray(o.facts.offsets[i]!, o.facts.offsets[i + 1]!),
    );
  });
  let index = new ParagraphIndex(parsed, { data, normalized });
  let served = factTexts;
  const same =
    corpus.statements.length === parsed.length &&
    corpus.statements.every((s, i) => s === parsed[i]);
  if (!same) {
    // Statements a load does not serve (a duplicate id): the index of the served ones is the
    // full one updated, merged again.
    const updated = index.update(corpus.statements);
    index = new ParagraphIndex(corpus.statements, {
      data: updated.termData()!,
      normalized: [...updated.normalizedTexts()],
    });
    const position = new Map(parsed.map((s, i) => [s, i]));
    served = corpus.statements.map((s) => factTexts[position.get(s)!]!);
  }
  const offsets = new Uint32Array(served.length + 1);
  served.forEach((t, i) => {
    offsets[i + 1] = offsets[i]! + t.length;
  });
  return {
    corpus,
    ...(files ? { files } : {}),
    index,
    facts: { block: Buffer.concat(served, offsets[served.length]!), offsets },
  };
}
