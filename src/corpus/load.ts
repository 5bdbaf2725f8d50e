import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FILE_BYTES, parseStatementFile, type ParsedFile } from './parse.ts';
import type { CorpusProblem, Statement } from './types.ts';

export interface LoadedCorpus {
  /** Absolute path of the corpus folder. */
  dir: string;
  statements: Statement[];
  problems: CorpusProblem[];
  /** Other files of interest found in the folder (glossaries), absolute paths. */
  glossaryFiles: string[];
  /** Files that failed to load and are served from `previous` (their last good version). */
  kept?: string[];
}

export interface LoadOptions {
  /**
   * The last good statement of each file (by path relative to the corpus root). A file that is
   * now broken keeps serving this version, so a bad edit on a running bot loses nothing.
   */
  previous?: ReadonlyMap<string, Statement>;
}

const STATEMENT_EXT = '.md';
const GLOSSARY = /^glossary.*\.ya?ml$/i;

/**
 * Regular files under `dir`, and symbolic links apart: links are never followed, so the corpus
 * cannot reach outside its folder or loop.
 */
async function listFiles(dir: string): Promise<{ files: string[]; links: string[] }> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const full = (e: (typeof entries)[number]) => path.join(e.parentPath ?? e.path, e.name);
  return {
    files: entries.filter((e) => e.isFile()).map(full).sort(),
    links: entries.filter((e) => e.isSymbolicLink() && e.name.endsWith(STATEMENT_EXT)).map(full).sort(),
  };
}

/**
 * Reads and parses one file. Size is checked before reading, so a huge file is never loaded into
 * memory; a file that vanishes or cannot be read (a save in progress, permissions) is a problem,
 * not a crash of the whole load.
 */
async function readStatementFile(abs: string, rel: string): Promise<ParsedFile> {
  const error = (message: string): ParsedFile => ({ problems: [{ file: rel, line: 1, message, severity: 'error' }] });
  try {
    const info = await stat(abs);
    if (!info.isFile()) return error('not a regular file');
    if (info.size > MAX_FILE_BYTES) return error(`file is too large (${info.size} bytes; the limit is ${MAX_FILE_BYTES})`);
    return parseStatementFile(rel, await readFile(abs));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return error(code === 'ENOENT' ? 'file disappeared while loading' : `file cannot be read (${code ?? 'error'})`);
  }
}

/**
 * Loads every statement under `dir` (subfolders included). Invalid files are reported and
 * skipped; a duplicate id keeps the first file (in path order) and reports the second.
 * README.md files describe folders and are not statements.
 */
export async function loadCorpus(dir: string, { previous }: LoadOptions = {}): Promise<LoadedCorpus> {
  const root = path.resolve(dir);
  const statements: Statement[] = [];
  const problems: CorpusProblem[] = [];
  const glossaryFiles: string[] = [];
  const kept: string[] = [];
  const seen = new Map<string, string>();

  let files: string[];
  try {
    const listed = await listFiles(root);
    files = listed.files;
    for (const link of listed.links) {
      problems.push({ file: path.relative(root, link), line: 1, message: 'symbolic link not followed (copy the file into the corpus folder)', severity: 'warning' });
    }
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'folder not found' : 'folder cannot be read';
    return { dir: root, statements, problems: [{ file: dir, line: 0, message: reason, severity: 'error' }], glossaryFiles, kept };
  }

  for (const abs of files) {
    const name = path.basename(abs);
    if (GLOSSARY.test(name)) {
      glossaryFiles.push(abs);
      continue;
    }
    if (!name.endsWith(STATEMENT_EXT) || /^readme\.md$/i.test(name)) continue;
    const rel = path.relative(root, abs);
    const parsed = await readStatementFile(abs, rel);
    problems.push(...parsed.problems);
    let s = parsed.statement;
    const last = s ? undefined : previous?.get(rel);
    if (last) {
      s = last;
      kept.push(rel);
      const line = parsed.problems.find((p) => p.severity === 'error')?.line ?? 1;
      problems.push({ file: rel, line, message: 'still serving the last good version of this file', severity: 'warning' });
    }
    if (!s) continue;
    const first = seen.get(s.id);
    if (first) {
      problems.push({ file: rel, line: parsed.idLine ?? 1, message: `duplicate id "${s.id}" (already used by ${first})`, severity: 'error' });
      continue;
    }
    seen.set(s.id, rel);
    statements.push(s);
  }
  return { dir: root, statements, problems, glossaryFiles, kept };
}
