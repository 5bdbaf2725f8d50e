/**
 * The YAML tables shipped with the code (data/people/*.yaml, src/understand/times/events.yaml),
 * read as data. `npm run build` also writes each one as JSON under dist/ (same path, `.json`
 * appended); while that copy is at least as new as the YAML, it is read instead: loading the YAML
 * parser and parsing the tables is about 50 ms of a command line's start-up, JSON.parse well
 * under 1 ms. A table edited after the build is newer than its copy and is read as YAML, so an
 * edit always counts.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PROJECT_ROOT } from '../projectRoot.ts';

/** Where the build writes the JSON of a table (an absolute path inside the project). */
export function compiledTableFile(yamlFile: string): string {
  return path.join(PROJECT_ROOT, 'dist', `${path.relative(PROJECT_ROOT, yamlFile)}.json`);
}

function modified(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

let yaml: typeof import('yaml') | undefined;

/**
 * The YAML parser, loaded the first time something is parsed: a start that reads only the built
 * tables and the persisted index never loads it. `require`, because tables are read while modules
 * load, synchronously.
 */
export function yamlModule(): typeof import('yaml') {
  return (yaml ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}

/** A YAML file parsed. */
export function parseYamlFile(file: string): unknown {
  return yamlModule().parse(readFileSync(file, 'utf8')) as unknown;
}

/** A shipped table: its build's JSON when current, else the YAML itself. */
export function readShippedTable(yamlFile: string): unknown {
  const json = compiledTableFile(yamlFile);
  const builtAt = modified(json);
  const editedAt = modified(yamlFile);
  if (builtAt !== undefined && editedAt !== undefined && builtAt >= editedAt)
    return JSON.parse(readFileSync(json, 'utf8')) as unknown;
  return parseYamlFile(yamlFile);
}
