import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project folder (package.json, data/): the nearest folder above this file that holds a
 * package.json. The code runs from src/ (TypeScript, tests) or compiled from dist/src/, one level
 * deeper, so a fixed `../..` from a source file would be wrong in one of the two.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the project folder. */
export const projectPath = (...parts: string[]): string => path.join(PROJECT_ROOT, ...parts);
