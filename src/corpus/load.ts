import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FILE_BYTES, parseStatementFile, type ParsedFile } from './parse.ts';
import type { CorpusProblem, Statement } from './types.ts';
import { walkCorpus } from './walk.ts';

export interface LoadedCorpus {
  /** Absolute path of the corpus folder. */
  dir: string;
  statements: Statement[];
  problems: CorpusProblem[];
  /** Other files of interest found in the folder (glossaries), absolute paths. */
  glossaryFiles: string[];
  /** Files that failed to load and are served from `previous` (their last good version). */
  kept?: string[];
  /** Files not yet settled (see `LoadOptions.settled`): their previous version serves, or nothing yet. */
  unsettled?: string[];
}

export interface LoadOptions {
  /**
   * The last good statement of each file (by path relative to the corpus root). A file that is
   * now broken keeps serving this version, so a bad edit on a running bot loses nothing.
   */
  previous?: ReadonlyMap<string, Statement>;
  /**
   * Asked about each file that is new or differs from `previous`, with a hash of its bytes: false
   * means it may still be being written, so its previous version keeps serving (a new file waits)
   * and it is listed in `unsettled`. A half-written file must never be quoted as verbatim text.
   */
  settled?: (rel: string, digest: string) => boolean;
}

const STATEMENT_EXT = '.md';
const GLOSSARY = /^glossary.*\.ya?ml$/i;

/**
 * Reads and parses one file. Size is checked before reading, so a huge file is never loaded into
 * memory; a file that vanishes or cannot be read (a save in progress, permissions) is a problem,
 * not a crash of the whole load.
 */
async function readStatementFile(abs: string, rel: string): Promise<ParsedFile & { digest?: string }> {
  const error = (message: string): ParsedFile => ({ problems: [{ file: rel, line: 1, message, severity: 'error' }] });
  try {
    const info = await stat(abs);
    if (!info.isFile()) return error('not a regular file');
    if (info.size > MAX_FILE_BYTES) return error(`file is too large (${info.size} bytes; the limit is ${MAX_FILE_BYTES})`);
    const bytes = await readFile(abs);
    return { ...parseStatementFile(rel, bytes), digest: createHash('sha1').update(bytes).digest('hex') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return error(code === 'ENOENT' ? 'file disappeared while loading' : `file cannot be read (${code ?? 'error'})`);
  }
}

/**
 * Loads every statement under `dir` (subfolders included). Invalid files are reported and
 * skipped; a duplicate id keeps the file that already served it (see `previous`), else the first
 * in path order, and reports the others.
 * README.md files describe folders and are not statements.
 */
export async function loadCorpus(dir: string, { previous, settled }: LoadOptions = {}): Promise<LoadedCorpus> {
  const root = path.resolve(dir);
  const statements: Statement[] = [];
  const problems: CorpusProblem[] = [];
  const glossaryFiles: string[] = [];
  const kept: string[] = [];
  const unsettled: string[] = [];

  let files: string[];
  try {
    const listed = await walkCorpus(root);
    files = listed.files;
    for (const link of listed.links.filter((l) => l.endsWith(STATEMENT_EXT))) {
      problems.push({ file: path.relative(root, link), line: 1, message: 'symbolic link not followed (copy the file into the corpus folder)', severity: 'warning' });
    }
    for (const { dir: sub, code } of listed.unreadable) {
      problems.push({ file: path.relative(root, sub), line: 0, message: `folder cannot be read (${code}): skipped; the rest of the corpus is served`, severity: 'warning' });
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'folder not found' : code === 'ETOOMANY' ? (err as Error).message : 'folder cannot be read';
    return { dir: root, statements, problems: [{ file: dir, line: 0, message: reason, severity: 'error' }], glossaryFiles, kept };
  }

  const candidates: { rel: string; statement: Statement; idLine: number; brokenAt?: number }[] = [];
  for (const abs of files) {
    const name = path.basename(abs);
    if (GLOSSARY.test(name)) {
      glossaryFiles.push(abs);
      continue;
    }
    if (!name.endsWith(STATEMENT_EXT) || /^readme\.md$/i.test(name)) continue;
    const rel = path.relative(root, abs);
    const parsed = await readStatementFile(abs, rel);
    if (settled && parsed.digest !== undefined && !sameStatement(previous?.get(rel), parsed.statement) && !settled(rel, parsed.digest)) {
      unsettled.push(rel);
      const last = previous?.get(rel);
      if (last) candidates.push({ rel, statement: last, idLine: 1 });
      continue;
    }
    problems.push(...parsed.problems);
    if (parsed.statement) {
      candidates.push({ rel, statement: parsed.statement, idLine: parsed.idLine ?? 1 });
      continue;
    }
    const last = previous?.get(rel);
    if (last) candidates.push({ rel, statement: last, idLine: 1, brokenAt: parsed.problems.find((p) => p.severity === 'error')?.line ?? 1 });
  }

  // Which file owns each id: the one that already served it (a newcomer cannot push a running
  // statement out), else the first in path order.
  const owner = new Map<string, string>();
  for (const c of candidates) {
    if (previous?.get(c.rel)?.id === c.statement.id && !owner.has(c.statement.id)) owner.set(c.statement.id, c.rel);
  }
  for (const c of candidates) if (!owner.has(c.statement.id)) owner.set(c.statement.id, c.rel);

  const keep = (rel: string, statement: Statement, line: number) => {
    statements.push(statement);
    kept.push(rel);
    problems.push({ file: rel, line, message: 'still serving the last good version of this file', severity: 'warning' });
  };
  for (const c of candidates) {
    const first = owner.get(c.statement.id)!;
    if (first === c.rel) {
      if (c.brokenAt !== undefined) keep(c.rel, c.statement, c.brokenAt);
      else statements.push(c.statement);
      continue;
    }
    problems.push({ file: c.rel, line: c.idLine, message: `duplicate id "${c.statement.id}" (already used by ${first})`, severity: 'error' });
    // An edit that gives a file a taken id is a broken edit too: its last good version stays.
    const last = previous?.get(c.rel);
    if (last && last !== c.statement && !owner.has(last.id)) {
      owner.set(last.id, c.rel);
      keep(c.rel, last, c.idLine);
    }
  }
  return { dir: root, statements, problems, glossaryFiles, kept, ...(unsettled.length ? { unsettled } : {}) };
}

function sameStatement(a: Statement | undefined, b: Statement | undefined): boolean {
  return a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
