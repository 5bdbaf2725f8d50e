/**
 * One worker thread of the parallel build (./parallelBuild.ts): reads and parses its share of the
 * statement files (consecutive in path order), normalizes and indexes their paragraphs, and
 * extracts their who/when facts, with the same functions as the build on the main thread. It
 * sends back the files' records (statements included), the normalized texts as one string, its
 * part of the index and the facts, the large parts as transferred buffers.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readRecord, type FileRecord } from '../corpus/load.ts';
import { buildTermIndexData } from '../index/termIndex.ts';
import { normalize } from '../text/normalize.ts';
import { indexTerms } from '../text/tokenize.ts';
import { extractFacts } from '../understand/statementFacts.ts';
import { encodeFacts } from './factStore.ts';
import type { WorkerInput, WorkerOutput } from './parallelBuild.ts';

const { root, rels } = workerData as WorkerInput;
const records: FileRecord[] = [];
for (const rel of rels) records.push(await readRecord(root, rel));
const statements = records.flatMap((r) => (r.parsed.statement ? [r.parsed.statement] : []));
const normalized = statements.flatMap((s) => s.paragraphs.map((p) => normalize(p.text)));
const data = buildTermIndexData(normalized.map(indexTerms));
const facts = encodeFacts(statements.map(extractFacts));
const output: WorkerOutput = {
  records,
  normalized: normalized.join(''),
  lengths: Uint32Array.from(normalized, (n) => n.length),
  data,
  facts: {
    block: new Uint8Array(facts.block.buffer, facts.block.byteOffset, facts.block.byteLength),
    offsets: facts.offsets,
  },
};
const transfer = [
  data.offsets.buffer,
  data.docs.buffer,
  data.freqs.buffer,
  data.fieldLength.buffer,
  output.lengths.buffer,
  facts.offsets.buffer,
] as ArrayBuffer[];
parentPort!.postMessage(output, transfer);
