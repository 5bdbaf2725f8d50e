import { createHash } from 'node:crypto';
import { lowerBound } from '../text/sorted.ts';
import { lstat, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FILE_BYTES, parseStatementFile, type ParsedFile } from './parse.ts';
import type { CorpusProblem, Statement } from './types.ts';
import { statKey, walkCorpus, type CorpusListing } from './walk.ts';

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

/** One statement file as last read: where it stood on disk and what parsing it gave. */
export interface FileRecord {
  size: number;
  mtimeMs: number;
  /**
   * The file's line of the corpus signature (walk.ts, fileEntry) for the bytes that were parsed:
   * a persisted index holding this record is trusted only while the file still has this line.
   */
  line: string;
  /** The file's stat key (walk.ts, statKey) from the `stat` made before reading it; absent in records restored from the persisted index. */
  key?: string;
  parsed: ParsedFile & { digest?: string };
}

/**
 * What a load saw of the folder, kept so that the next load reads only what changed: the listing
 * (sorted, as `walkCorpus` gives it) and every statement file's record by relative path.
 */
export interface CorpusFiles {
  root: string;
  listing: CorpusListing;
  records: Map<string, FileRecord>;
  /** Size and modification time of each glossary file, to notice a change without reading it. */
  glossaries: Map<string, { size: number; mtimeMs: number }>;
  /** Files left unsettled by the last assembly (see LoadOptions.settled): read again next time. */
  unsettled?: string[];
  /** What the last assembly made of the records, for patching it when a few files change. */
  assembled?: Assembled;
}

/** A statement file's contribution before ids are owned: its statement (or last good one). */
interface Candidate {
  rel: string;
  statement: Statement;
  idLine: number;
  /** Line of the error when the file is broken and its last good version serves. */
  brokenAt?: number;
}

/**
 * The last assembly's parts, in path order: patched file by file when a reload read a few files,
 * so that a change costs the files it touches rather than a pass over 100,000 of them (with a
 * string-keyed lookup each: about a third of a second on a busy machine).
 */
interface Assembled {
  candidates: Candidate[];
  /** Statement files whose parse problems were reported, and files left unsettled. */
  problemRels: string[];
  unsettled: string[];
  /** How many candidates hold each id; `shared` counts the ids held by more than one. */
  ids: Map<string, number>;
  shared: number;
}

/**
 * Reads and parses one file. Size is checked before reading, so a huge file is never loaded into
 * memory; a file that vanishes or cannot be read (a save in progress, permissions) is a problem,
 * not a crash of the whole load.
 */
export function readRecord(root: string, rel: string): Promise<FileRecord> {
  return readStatementFile(path.join(root, rel), rel);
}

async function readStatementFile(abs: string, rel: string): Promise<FileRecord> {
  const error = (message: string, line: string, size = -1, mtimeMs = -1): FileRecord => ({
    size,
    mtimeMs,
    line,
    parsed: { problems: [{ file: rel, line: 1, message, severity: 'error' }] },
  });
  try {
    const takenAt = Date.now();
    const info = await stat(abs);
    if (!info.isFile()) return error('not a regular file', `${rel}\0notfile\n`);
    if (info.size > MAX_FILE_BYTES) {
      return error(
        `file is too large (${info.size} bytes; the limit is ${MAX_FILE_BYTES})`,
        `${rel}\0${info.size}\0${info.mtimeMs}\0unread\n`,
        info.size,
        info.mtimeMs,
      );
    }
    const bytes = await readFile(abs);
    const digest = createHash('sha1').update(bytes).digest('hex');
    // The time before reading, the size and hash of what was read: if the file changed meanwhile,
    // the line differs from the file's next one and the record is read again.
    return {
      size: bytes.length,
      mtimeMs: info.mtimeMs,
      line: `${rel}\0${bytes.length}\0${info.mtimeMs}\0${digest}\n`,
      key: statKey(info, takenAt),
      parsed: { ...parseStatementFile(rel, bytes), digest },
    };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return error(
      code === 'ENOENT'
        ? 'file disappeared while loading'
        : `file cannot be read (${code ?? 'error'})`,
      `${rel}\0${code ?? 'error'}\n`,
    );
  }
}

const STAT_BATCH = 64;

// Called for every file of the folder on each reload (100,000 at a million paragraphs): the
// cheap suffix test first, the file name only for the few that pass it.
const isGlossary = (abs: string) => /\.ya?ml$/i.test(abs) && GLOSSARY.test(path.basename(abs));
export const isStatementFile = (abs: string) =>
  abs.endsWith(STATEMENT_EXT) && !/(?:^|[\\/])readme\.md$/i.test(abs);
/** Relative path of a file under `root` (listed by walkCorpus, so it starts with `root` and a separator). */
const relativeTo = (root: string, abs: string) => abs.slice(root.length + 1);

/**
 * Loads every statement under `dir` (subfolders included). Invalid files are reported and
 * skipped; a duplicate id keeps the file that already served it (see `previous`), else the first
 * in path order, and reports the others.
 * README.md files describe folders and are not statements.
 */
export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<LoadedCorpus> {
  return (await loadCorpusFiles(dir, options)).corpus;
}

/**
 * The same, with what `reloadCorpusFiles` needs to read only what changes next time. `read`
 * reads the statement files (paths relative to the folder, in path order) when given: the
 * parallel build reads them in worker threads.
 */
export async function loadCorpusFiles(
  dir: string,
  options: LoadOptions = {},
  read?: (root: string, rels: string[]) => Promise<FileRecord[]>,
): Promise<{ corpus: LoadedCorpus; files?: CorpusFiles }> {
  const root = path.resolve(dir);
  let listing: CorpusListing;
  try {
    listing = await walkCorpus(root);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'folder not found'
        : code === 'ETOOMANY'
          ? (err as Error).message
          : 'folder cannot be read';
    return {
      corpus: {
        dir: root,
        statements: [],
        problems: [{ file: dir, line: 0, message: reason, severity: 'error' }],
        glossaryFiles: [],
        kept: [],
      },
    };
  }
  const files: CorpusFiles = { root, listing, records: new Map(), glossaries: new Map() };
  const rels = listing.files.filter(isStatementFile).map((abs) => relativeTo(root, abs));
  if (read) {
    const records = await read(root, rels);
    rels.forEach((rel, i) => {
      files.records.set(rel, records[i]!);
    });
  } else
    for (const rel of rels)
      files.records.set(rel, await readStatementFile(path.join(root, rel), rel));
  await statGlossaries(files);
  return { corpus: assemble(files, options), files };
}

async function statGlossaries(files: CorpusFiles): Promise<void> {
  files.glossaries.clear();
  for (const abs of files.listing.files.filter(isGlossary)) {
    const info = await stat(abs).catch(() => undefined);
    files.glossaries.set(path.relative(files.root, abs), {
      size: info?.size ?? -1,
      mtimeMs: info?.mtimeMs ?? -1,
    });
  }
}

export interface Reloaded {
  corpus: LoadedCorpus;
  files?: CorpusFiles;
  /** Whether a glossary file was added, changed or removed (the glossaries must be read again). */
  glossariesChanged: boolean;
  /** The only paths (relative) that may differ from before; undefined after a scan, when any may. */
  touched?: string[];
}

/**
 * Loads the corpus again after changes, reading only the files that changed: those named in
 * `changed` (paths relative to the folder, as file-system events give them), or, when `changed`
 * is undefined (changes seen by a scan, or events without names), those whose size or
 * modification time differ. Files still settling last time are read again either way. Gives what
 * `loadCorpus` with the same options would: the records of unchanged files are the same, and the
 * corpus is assembled from the records by the same code.
 */
export async function reloadCorpusFiles(
  last: CorpusFiles,
  changed: Iterable<string> | undefined,
  options: LoadOptions = {},
): Promise<Reloaded> {
  const { root } = last;
  const records = new Map(last.records);
  let listing = last.listing;
  const toRead = new Set<string>();
  let glossariesChanged = false;
  const named =
    changed === undefined
      ? undefined
      : [...new Set(changed)].map((c) => path.normalize(c)).filter((c) => c !== '.' && c !== '');
  let scan = named === undefined;
  if (named) {
    // Each named path is a file now, or gone; anything else (a folder, a link) needs a full scan.
    // The listing stays sorted: a named file is put in (or taken out) at its place.
    const files = [...listing.files];
    for (const rel of named) {
      const abs = path.join(root, rel);
      if (rel.startsWith('..') || path.isAbsolute(rel)) {
        scan = true;
        break;
      }
      const info = await lstat(abs).catch((err: NodeJS.ErrnoException) =>
        err.code === 'ENOENT' ? null : undefined,
      );
      if (info === undefined || (info !== null && !info.isFile())) {
        scan = true;
        break;
      }
      const at = lowerBound(files, abs);
      const listed = files[at] === abs;
      if (info === null) {
        if (!listed) {
          // Not a file we know: a folder that went away, with whatever it held.
          const inside = `${abs}${path.sep}`;
          if (
            files[lowerBound(files, inside)]?.startsWith(inside) ||
            listing.links.some((f) => f.startsWith(inside))
          )
            scan = true;
          continue;
        }
        files.splice(at, 1);
        records.delete(rel);
      } else if (!listed) files.splice(at, 0, abs);
      if (isGlossary(abs)) glossariesChanged = true;
      else if (isStatementFile(abs) && info !== null) toRead.add(rel);
    }
    if (!scan) listing = { ...listing, files };
  }
  if (scan) {
    try {
      listing = await walkCorpus(root);
    } catch {
      // The folder itself is gone or unreadable: a full load says so, as before.
      const again = await loadCorpusFiles(root, options);
      return { ...again, glossariesChanged: true };
    }
    toRead.clear();
    const present = new Set(listing.files);
    for (const rel of [...records.keys()])
      if (!present.has(path.join(root, rel))) records.delete(rel);
    // Size and modification time tell which files to read again (a scan that hashed every file
    // would read the whole corpus); stat calls in batches, as the cache signature does.
    const candidates = listing.files.filter(isStatementFile);
    for (let i = 0; i < candidates.length; i += STAT_BATCH) {
      const batch = candidates.slice(i, i + STAT_BATCH);
      const infos = await Promise.all(batch.map((abs) => stat(abs).catch(() => undefined)));
      batch.forEach((abs, k) => {
        const rel = relativeTo(root, abs);
        const record = records.get(rel);
        const info = infos[k];
        if (!record || !info || info.size !== record.size || info.mtimeMs !== record.mtimeMs)
          toRead.add(rel);
      });
    }
  }
  // Files still settling last time are read again (their last write may have raised no event),
  // and decided again in any case.
  for (const rel of last.unsettled ?? []) if (records.has(rel)) toRead.add(rel);
  for (const rel of toRead) {
    const record = await readStatementFile(path.join(root, rel), rel);
    // The same bytes as last read (size, time and hash): the record stays, so nothing downstream
    // sees a change (an event for a file saved unchanged, a verification that read it again).
    const before = records.get(rel);
    records.set(
      rel,
      before && before.line === record.line && record.parsed.digest !== undefined ? before : record,
    );
  }
  const files: CorpusFiles = { root, listing, records, glossaries: new Map(last.glossaries) };
  await statGlossaries(files);
  if (!glossariesChanged) glossariesChanged = !sameGlossaryStats(last.glossaries, files.glossaries);
  const touched = scan ? undefined : [...new Set([...named!, ...toRead])].sort();
  if (last.assembled) files.assembled = last.assembled;
  return {
    corpus: assemble(files, options, touched),
    files,
    glossariesChanged,
    ...(touched ? { touched } : {}),
  };
}

function sameGlossaryStats(a: CorpusFiles['glossaries'], b: CorpusFiles['glossaries']): boolean {
  if (a.size !== b.size) return false;
  for (const [rel, s] of a) {
    const t = b.get(rel);
    if (!t || t.size !== s.size || t.mtimeMs !== s.mtimeMs) return false;
  }
  return true;
}

/**
 * The corpus from the listing and the records: statements in path order, problems, duplicates,
 * kept versions. With `touched` (the only statement files that may have changed since the last
 * assembly of these files), the last assembly is patched instead, unless ids are shared: owning an
 * id is then decided over the whole corpus, as here.
 */
export function assemble(
  files: CorpusFiles,
  options: LoadOptions,
  touched?: readonly string[],
): LoadedCorpus {
  // Each file's outcome is worked out once per assembly: `settled` keeps count of what it was
  // asked, so a patch that gives way to a full assembly must not ask it again.
  const outcomes = new Map<string, Outcome>();
  const outcomeOf = (rel: string, parsed: ParsedFile & { digest?: string }) => {
    let made = outcomes.get(rel);
    if (!made) outcomes.set(rel, (made = outcome(rel, parsed, options)));
    return made;
  };
  if (touched && files.assembled && files.assembled.shared === 0) {
    const patched = patchAssembly(files, touched, outcomeOf);
    if (patched) return patched;
  }
  return assembleAll(files, options, outcomeOf);
}

interface Outcome {
  candidate?: Candidate;
  /** Whether the file's parse problems are reported (not while it is settling). */
  reported: boolean;
  unsettled: boolean;
}

type OutcomeOf = (rel: string, parsed: ParsedFile & { digest?: string }) => Outcome;

/** A statement file's outcome: its candidate, whether its problems count, whether it is unsettled. */
function outcome(
  rel: string,
  parsed: ParsedFile & { digest?: string },
  { previous, settled }: LoadOptions,
): Outcome {
  if (
    settled &&
    parsed.digest !== undefined &&
    !sameStatement(previous?.get(rel), parsed.statement) &&
    !settled(rel, parsed.digest)
  ) {
    const last = previous?.get(rel);
    return {
      ...(last ? { candidate: { rel, statement: last, idLine: 1 } } : {}),
      reported: false,
      unsettled: true,
    };
  }
  if (parsed.statement)
    return {
      candidate: { rel, statement: parsed.statement, idLine: parsed.idLine ?? 1 },
      reported: true,
      unsettled: false,
    };
  const last = previous?.get(rel);
  const brokenAt = parsed.problems.find((p) => p.severity === 'error')?.line ?? 1;
  return {
    ...(last ? { candidate: { rel, statement: last, idLine: 1, brokenAt } } : {}),
    reported: true,
    unsettled: false,
  };
}

function assembleAll(files: CorpusFiles, options: LoadOptions, outcomeOf: OutcomeOf): LoadedCorpus {
  const { previous } = options;
  const { root, listing } = files;
  const statements: Statement[] = [];
  const problems: CorpusProblem[] = folderProblems(files);
  const glossaryFiles: string[] = [];
  const kept: string[] = [];
  const unsettled: string[] = [];

  const candidates: Candidate[] = [];
  const problemRels: string[] = [];
  for (const abs of listing.files) {
    if (isGlossary(abs)) {
      glossaryFiles.push(abs);
      continue;
    }
    if (!isStatementFile(abs)) continue;
    const rel = relativeTo(root, abs);
    const parsed = files.records.get(rel)!.parsed;
    const made = outcomeOf(rel, parsed);
    if (made.unsettled) unsettled.push(rel);
    if (made.reported && parsed.problems.length) {
      problems.push(...parsed.problems);
      problemRels.push(rel);
    }
    if (made.candidate) candidates.push(made.candidate);
  }
  files.unsettled = unsettled;
  const ids = new Map<string, number>();
  let shared = 0;
  for (const c of candidates) {
    const n = (ids.get(c.statement.id) ?? 0) + 1;
    ids.set(c.statement.id, n);
    if (n === 2) shared++;
  }
  files.assembled = { candidates, problemRels, unsettled: [...unsettled], ids, shared };

  // Which file owns each id: the one that already served it (a newcomer cannot push a running
  // statement out), else the first in path order.
  const owner = new Map<string, string>();
  for (const c of candidates) {
    if (previous?.get(c.rel)?.id === c.statement.id && !owner.has(c.statement.id))
      owner.set(c.statement.id, c.rel);
  }
  for (const c of candidates) if (!owner.has(c.statement.id)) owner.set(c.statement.id, c.rel);

  const keep = (rel: string, statement: Statement, line: number) => {
    statements.push(statement);
    kept.push(rel);
    problems.push({
      file: rel,
      line,
      message: 'still serving the last good version of this file',
      severity: 'warning',
    });
  };
  for (const c of candidates) {
    const first = owner.get(c.statement.id)!;
    if (first === c.rel) {
      if (c.brokenAt !== undefined) keep(c.rel, c.statement, c.brokenAt);
      else statements.push(c.statement);
      continue;
    }
    problems.push({
      file: c.rel,
      line: c.idLine,
      message: `duplicate id "${c.statement.id}" (already used by ${first})`,
      severity: 'error',
    });
    // An edit that gives a file a taken id is a broken edit too: its last good version stays.
    const last = previous?.get(c.rel);
    if (last && last !== c.statement && !owner.has(last.id)) {
      owner.set(last.id, c.rel);
      keep(c.rel, last, c.idLine);
    }
  }
  return {
    dir: root,
    statements,
    problems,
    glossaryFiles,
    kept,
    ...(unsettled.length ? { unsettled } : {}),
  };
}

/** Problems of the folder itself: links not followed, subfolders that cannot be read. */
function folderProblems({ root, listing }: CorpusFiles): CorpusProblem[] {
  const problems: CorpusProblem[] = [];
  for (const link of listing.links.filter((l) => l.endsWith(STATEMENT_EXT))) {
    problems.push({
      file: path.relative(root, link),
      line: 1,
      message: 'symbolic link not followed (copy the file into the corpus folder)',
      severity: 'warning',
    });
  }
  for (const { dir: sub, code } of listing.unreadable) {
    problems.push({
      file: path.relative(root, sub),
      line: 0,
      message: `folder cannot be read (${code}): skipped; the rest of the corpus is served`,
      severity: 'warning',
    });
  }
  return problems;
}

/**
 * The last assembly with the touched files' outcomes replaced; undefined when an id ends up
 * held twice (the whole corpus decides who owns it then). Without shared ids no file's outcome
 * depends on another's, so this is what assembleAll gives.
 */
function patchAssembly(
  files: CorpusFiles,
  touched: readonly string[],
  outcomeOf: OutcomeOf,
): LoadedCorpus | undefined {
  const last = files.assembled!;
  const candidates = [...last.candidates];
  const problemRels = [...last.problemRels];
  const unsettled = [...last.unsettled];
  const ids = new Map<string, number>();
  const count = (id: string, by: number) =>
    ids.set(id, (ids.get(id) ?? last.ids.get(id) ?? 0) + by);
  const byRel = (list: readonly { rel: string }[], rel: string) =>
    lowerBound(list, rel, (c) => c.rel);
  const remove = (list: string[], rel: string) => {
    const at = lowerBound(list, rel);
    if (list[at] === rel) list.splice(at, 1);
  };
  const insert = (list: string[], rel: string) => list.splice(lowerBound(list, rel), 0, rel);
  for (const rel of touched) {
    if (!isStatementFile(rel)) continue;
    const at = byRel(candidates, rel);
    if (candidates[at]?.rel === rel) {
      count(candidates[at]!.statement.id, -1);
      candidates.splice(at, 1);
    }
    remove(problemRels, rel);
    remove(unsettled, rel);
    const record = files.records.get(rel);
    if (!record) continue;
    const made = outcomeOf(rel, record.parsed);
    if (made.unsettled) insert(unsettled, rel);
    if (made.reported && record.parsed.problems.length) insert(problemRels, rel);
    if (made.candidate) {
      candidates.splice(byRel(candidates, rel), 0, made.candidate);
      count(made.candidate.statement.id, 1);
    }
  }
  for (const n of ids.values()) if (n > 1) return undefined;
  // The counts move to the new assembly: the last one is not patched again (a reload starts from
  // the newest), and copying 100,000 ids would cost what patching saves.
  const merged = last.ids;
  for (const [id, n] of ids) {
    if (n > 0) merged.set(id, n);
    else merged.delete(id);
  }
  files.assembled = { candidates, problemRels, unsettled, ids: merged, shared: 0 };
  files.unsettled = unsettled;
  const problems = folderProblems(files);
  for (const rel of problemRels) problems.push(...files.records.get(rel)!.parsed.problems);
  const kept: string[] = [];
  const statements = candidates.map((c) => {
    if (c.brokenAt !== undefined) {
      kept.push(c.rel);
      problems.push({
        file: c.rel,
        line: c.brokenAt,
        message: 'still serving the last good version of this file',
        severity: 'warning',
      });
    }
    return c.statement;
  });
  const glossaryFiles = files.listing.files.filter(isGlossary);
  return {
    dir: files.root,
    statements,
    problems,
    glossaryFiles,
    kept,
    ...(unsettled.length ? { unsettled } : {}),
  };
}

function sameStatement(a: Statement | undefined, b: Statement | undefined): boolean {
  // The same object when a file was not read again: no need to compare texts.
  return a !== undefined && b !== undefined && (a === b || JSON.stringify(a) === JSON.stringify(b));
}
