/**
 * Tables of titles and honorifics that users extend without touching code: YAML files in
 * data/people/ at the project root, read once when the module loads. A file in the directory named
 * by READOUT_PEOPLE_TABLES with the same name is read too and its lists are appended.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../../projectRoot.ts';
import { parseYamlFile, readShippedTable } from '../tableFile.ts';

const BUILT_IN = projectPath('data', 'people');

function read(file: string, shipped: boolean): Record<string, unknown> {
  const data = shipped ? readShippedTable(file) : parseYamlFile(file);
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new Error(`${file}: expected a map of lists`);
  return data as Record<string, unknown>;
}

export function loadTable<T>(name: string): T {
  const table = read(join(BUILT_IN, name), true);
  const extra = process.env.READOUT_PEOPLE_TABLES;
  if (extra && existsSync(join(extra, name))) {
    for (const [key, value] of Object.entries(read(join(extra, name), false))) {
      const base = table[key];
      table[key] = Array.isArray(base) && Array.isArray(value) ? [...base, ...value] : value;
    }
  }
  return table as T;
}
