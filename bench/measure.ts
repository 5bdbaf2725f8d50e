/** Shapes and arithmetic shared by the benchmark runner and its measuring child processes. */
import type { QueryKind } from './queries.ts';

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export interface SystemResult {
  paragraphs: number;
  /** Corpus load (files parsed) plus index build, milliseconds. */
  buildMs: number;
  /** Bytes of the persisted index (0 when the system persists nothing). */
  indexBytes: number;
  /** From a fresh process to the first answer, milliseconds. */
  coldStartMs: number;
  /** `readout quote ICBM` on the bundled corpus, compiled, from spawn to exit, median (Readout only). */
  cliColdMs?: number;
  /** Worst of adding, editing and deleting one statement in a running engine until a question sees it (Readout only). */
  incrementalMs?: number;
  incremental?: { addMs: number; editMs: number; deleteMs: number };
  heapMB: number;
  rssMB: number;
  queries: Partial<Record<QueryKind, Percentiles>>;
  answersPerSec: number;
  /** Latency of each question the first time it is asked in the process (all kinds together). */
  firstPass?: Percentiles;
  /** What the numbers mean when a system cannot do something the others do. */
  notes?: string[];
}

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)) };
}

export function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function memoryAfterGc(): { heapMB: number; rssMB: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  const m = process.memoryUsage();
  return { heapMB: round(m.heapUsed / 2 ** 20, 1), rssMB: round(m.rss / 2 ** 20, 1) };
}
