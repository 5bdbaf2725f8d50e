/**
 * Tables of titles and honorifics that users extend without touching code: YAML files in
 * data/people/ at the project root, read once when the module loads. A file in the directory named
 * by READOUT_PEOPLE_TABLES with the same name is read too and its lists are appended.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const BUILT_IN = fileURLToPath(new URL('../../../data/people/', import.meta.url));

function read(file: string): Record<string, unknown> {
  const data = parse(readFileSync(file, 'utf8')) as unknown;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error(`${file}: expected a map of lists`);
  return data as Record<string, unknown>;
}

export function loadTable<T>(name: string): T {
  const table = read(join(BUILT_IN, name));
  const extra = process.env.READOUT_PEOPLE_TABLES;
  if (extra && existsSync(join(extra, name))) {
    for (const [key, value] of Object.entries(read(join(extra, name)))) {
      const base = table[key];
      table[key] = Array.isArray(base) && Array.isArray(value) ? [...base, ...value] : value;
    }
  }
  return table as T;
}
