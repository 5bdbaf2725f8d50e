import { loadEngine } from '../src/engine/load.ts';
const engine = await loadEngine('/tmp/readout-bench/p100000-s20241031/corpus');
const [kind, text] = [process.argv[2] as 'when', process.argv[3]!];
for (let i = 0; i < 3; i++) engine[kind](text);
const t = performance.now();
for (let i = 0; i < 50; i++) engine[kind](text);
console.error(kind, text, ((performance.now() - t) / 50).toFixed(2), 'ms');
