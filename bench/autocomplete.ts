/**
 * `node --import tsx bench/autocomplete.ts [statements]`: the time of one autocomplete lookup
 * (engine.findStatements, what the bot runs per keystroke) over N statements (default 20,000),
 * for prefixes as users type them. Prints p50 / p99 / max in milliseconds.
 */
import { engineFromLibrary } from '../src/engine/fromLibrary.ts';
import { buildLibrary } from '../src/answer/library.ts';
import { manyStatements } from './manyStatements.ts';

const count = Number(process.argv[2] ?? 20_000);
const statements = manyStatements(count);
const engine = engineFromLibrary(buildLibrary(statements));
const titles = statements.filter((_, i) => i % 97 === 0).map((s) => s.title);
const prefixes = [
  '',
  '2',
  '2024-',
  'joint',
  'foreign',
  '日',
  '日米',
  '会談',
  'zzz-nothing',
  ...titles.flatMap((t) => [t.slice(0, 1), t.slice(0, 3), t.slice(0, 8), t.slice(4, 12)]),
];

const first = performance.now();
engine.findStatements('j', 25);
const firstMs = performance.now() - first;
const times: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const prefix of prefixes) {
    const t = performance.now();
    engine.findStatements(prefix, 25);
    times.push(performance.now() - t);
  }
}
times.sort((a, b) => a - b);
const at = (p: number) =>
  times[Math.min(times.length - 1, Math.floor((times.length * p) / 100))]!.toFixed(2);
console.log(
  `autocomplete over ${statements.length} statements: first call ${firstMs.toFixed(1)} ms (builds the list), then ${times.length} lookups: p50 ${at(50)} ms, p99 ${at(99)} ms, max ${times.at(-1)!.toFixed(2)} ms`,
);
