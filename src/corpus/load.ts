import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseStatementFile } from './parse.ts';
import type { CorpusProblem, Statement } from './types.ts';

export interface LoadedCorpus {
  /** Absolute path of the corpus folder. */
  dir: string;
  statements: Statement[];
  problems: CorpusProblem[];
  /** Other files of interest found in the folder (glossaries), absolute paths. */
  glossaryFiles: string[];
}

const STATEMENT_EXT = '.md';
const GLOSSARY = /^glossary.*\.ya?ml$/i;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

/**
 * Loads every statement under `dir` (subfolders included). Invalid files are reported and
 * skipped; a duplicate id keeps the first file (in path order) and reports the second.
 * README.md files describe folders and are not statements.
 */
export async function loadCorpus(dir: string): Promise<LoadedCorpus> {
  const root = path.resolve(dir);
  const statements: Statement[] = [];
  const problems: CorpusProblem[] = [];
  const glossaryFiles: string[] = [];
  const seen = new Map<string, string>();

  let files: string[];
  try {
    files = await listFiles(root);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'folder not found' : 'folder cannot be read';
    return { dir: root, statements, problems: [{ file: dir, line: 0, message: reason, severity: 'error' }], glossaryFiles };
  }

  for (const abs of files) {
    const name = path.basename(abs);
    if (GLOSSARY.test(name)) {
      glossaryFiles.push(abs);
      continue;
    }
    if (!name.endsWith(STATEMENT_EXT) || /^readme\.md$/i.test(name)) continue;
    const rel = path.relative(root, abs);
    const parsed = parseStatementFile(rel, await readFile(abs));
    problems.push(...parsed.problems);
    const s = parsed.statement;
    if (!s) continue;
    const first = seen.get(s.id);
    if (first) {
      problems.push({ file: rel, line: parsed.idLine ?? 1, message: `duplicate id "${s.id}" (already used by ${first})`, severity: 'error' });
      continue;
    }
    seen.set(s.id, rel);
    statements.push(s);
  }
  return { dir: root, statements, problems, glossaryFiles };
}
