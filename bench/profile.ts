/**
 * Loads the engine on a benchmark corpus and runs the query mix, for `node --cpu-prof`; prints the
 * load time, the query time and the slowest queries on stderr.
 *
 *   node --cpu-prof --import tsx bench/profile.ts /tmp/readout-bench/p100000-s20241031
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { engineFromFolder } from '../src/engine/fromFolder.ts';
import type { BenchQuery } from './queries.ts';

const base = process.argv[2];
if (!base) throw new Error('usage: profile.ts <bench folder holding corpus/ and queries.json>');
const queries = JSON.parse(await readFile(path.join(base, 'queries.json'), 'utf8')) as BenchQuery[];
let t = performance.now();
const engine = await engineFromFolder(path.join(base, 'corpus'));
console.error(`load ${Math.round(performance.now() - t)} ms`);
t = performance.now();
for (let r = 0; r < 3; r++) for (const q of queries) engine[q.kind](q.text, { lang: q.lang });
console.error(`queries ${Math.round(performance.now() - t)} ms for ${3 * queries.length}`);
const times: [number, string, string][] = [];
for (const q of queries) {
  const s = performance.now();
  engine[q.kind](q.text, { lang: q.lang });
  times.push([Math.round((performance.now() - s) * 100) / 100, q.kind, q.text]);
}
times.sort((a, b) => b[0] - a[0]);
console.error(times.slice(0, 12));
