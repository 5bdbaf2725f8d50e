#!/usr/bin/env node
/**
 * `npm run build` (and `prepare`, so `npm install` builds): compiles src/ and commands/ to dist/
 * with tsc, writes the YAML tables shipped with the code (data/, src/) as JSON beside the output
 * (dist/<path>.yaml.json, read by src/understand/tableFile.ts instead of parsing YAML at start),
 * and writes dist/.built last. bin/launch.js runs dist/ only when that stamp is newer than every
 * source, so a half-finished or stale build is never run.
 *
 * Plain JavaScript, not TypeScript: it must run before anything is compiled.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  // An install without dev dependencies (`npm ci --omit=dev`) has no compiler: bin/ then runs the
  // TypeScript sources through tsx, which is a runtime dependency. Slower to start, same answers.
  console.warn(
    'readout build: typescript is not installed; bin/ will run the sources through tsx.',
  );
  process.exit(0);
}

rmSync(dist, { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (result.status !== 0) {
  // No stamp: bin/ keeps running the sources, and the failure is not silent.
  console.error('readout build: tsc failed; dist/ is not usable.');
  process.exit(result.status ?? 1);
}
const { parse } = await import('yaml');
for (const folder of ['data', 'src']) {
  for (const name of readdirSync(path.join(root, folder), { recursive: true })) {
    if (!/\.ya?ml$/.test(name)) continue;
    const rel = path.join(folder, name);
    const out = path.join(dist, `${rel}.json`);
    mkdirSync(path.dirname(out), { recursive: true });
    // The same parse, default options, as the code's own reading of the YAML.
    writeFileSync(out, JSON.stringify(parse(readFileSync(path.join(root, rel), 'utf8'))));
  }
}
if (!existsSync(path.join(dist, 'src/cli/main.js'))) {
  console.error('readout build: dist/src/cli/main.js is missing after tsc.');
  process.exit(1);
}
writeFileSync(path.join(dist, '.built'), `${new Date().toISOString()}\n`);
