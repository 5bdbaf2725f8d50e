import { createHash } from 'node:crypto';
import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FILE_BYTES } from './parse.ts';

/**
 * The one listing of a corpus folder that loading, watching and the cache signature share, so
 * they agree on what the corpus is. A subfolder that cannot be read (a `lost+found`, a
 * colleague's 0700 folder) is listed as unreadable and skipped, never a reason to serve nothing.
 */
export interface CorpusListing {
  /** Regular files, absolute paths, sorted. */
  files: string[];
  /** Symbolic links (never followed), absolute paths, sorted. */
  links: string[];
  /** Subfolders that could not be read, with the system's reason (EACCES...). */
  unreadable: Array<{ dir: string; code: string }>;
}

/**
 * A bound on what a corpus folder may hold: pointed at `/` or a home folder by mistake, the walk
 * stops with a clear error instead of reading the whole disk.
 */
export const MAX_CORPUS_FILES = 200_000;

export class CorpusFolderError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'CorpusFolderError';
  }
}

/**
 * The bookkeeping of one walk, shared by the asynchronous and the synchronous one: which folder is
 * next, what a folder holds, what a folder that cannot be read means.
 */
function walker(root: string, maxFiles: number) {
  const files: string[] = [];
  const links: string[] = [];
  const unreadable: CorpusListing['unreadable'] = [];
  const queue = [root];
  return {
    next: (): string | undefined => queue.shift(),
    failed(dir: string, err: unknown): void {
      if (dir === root) throw err;
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      // Removed between listing and reading is not a problem: the folder is simply gone.
      if (code !== 'ENOENT') unreadable.push({ dir, code });
    },
    read(dir: string, entries: readonly Dirent[]): void {
      // path.join(dir, name) for every entry, normalizing the folder once (names hold no separator
      // and are never . or ..): 100,000 joins were a tenth of a second at a start.
      const prefix = path.join(dir, '_').slice(0, -1);
      for (const e of entries) {
        const full = prefix + e.name;
        if (e.isDirectory()) queue.push(full);
        else if (e.isFile()) files.push(full);
        else if (e.isSymbolicLink()) links.push(full);
      }
      if (files.length > maxFiles) {
        throw new CorpusFolderError(
          `more than ${maxFiles.toLocaleString('en')} files under ${root}: is this the corpus folder?`,
          'ETOOMANY',
        );
      }
    },
    listing: (): CorpusListing => ({ files: files.sort(), links: links.sort(), unreadable }),
  };
}

/** Walks `root` breadth first; throws (with the system code) only when `root` itself cannot be read. */
export async function walkCorpus(
  root: string,
  maxFiles = MAX_CORPUS_FILES,
): Promise<CorpusListing> {
  const walk = walker(root, maxFiles);
  for (let dir = walk.next(); dir !== undefined; dir = walk.next()) {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      walk.failed(dir, err);
      continue;
    }
    walk.read(dir, entries);
  }
  return walk.listing();
}

/**
 * The same listing with synchronous calls: at a start nothing else waits, and 100,000 files are
 * listed in about a tenth of a second instead of half a second of promises.
 */
export function walkCorpusSync(root: string, maxFiles = MAX_CORPUS_FILES): CorpusListing {
  const walk = walker(root, maxFiles);
  for (let dir = walk.next(); dir !== undefined; dir = walk.next()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      walk.failed(dir, err);
      continue;
    }
    walk.read(dir, entries);
  }
  return walk.listing();
}

/**
 * How recent a file's times may be, against the moment it was looked at, for its stat key to be
 * trusted later. File-system clocks are coarse (a kernel tick, a second or two on some file
 * systems): a file written again within the same tick as it was looked at keeps its times and
 * perhaps its size. Such a file gets no key and is hashed at the next start (as git treats
 * "racily clean" entries).
 */
export const RACY_MS = 3000;

/**
 * What must be unchanged for a file's recorded content line to be believed without reading it:
 * size, modification time, change time and inode. The change time is what `cp -p`, `tar x`,
 * `rsync -a` and restored backups cannot set back: they keep size and mtime, but writing the file
 * or setting its times sets ctime to the present. Empty (never matches) for a file whose times are
 * too recent to tell (see RACY_MS), or when it cannot be looked at.
 */
export function statKey(
  info: Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>,
  takenAt: number,
): string {
  if (Math.max(info.mtimeMs, info.ctimeMs) >= takenAt - RACY_MS) return '';
  return `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`;
}

/** Each file's stat key (see statKey), in the order of `files`; synchronous, for the start. */
export function statKeysSync(files: readonly string[], takenAt: number): string[] {
  const keys = new Array<string>(files.length);
  for (let i = 0; i < files.length; i++) {
    const info = statSync(files[i]!, { throwIfNoEntry: false });
    keys[i] = info?.isFile() ? statKey(info, takenAt) : '';
  }
  return keys;
}

/** Files read at once while hashing: enough to keep the disk busy, few enough for the descriptor limit. */
const HASH_BATCH = 32;

/**
 * One file's line of the corpus signature: relative path, size, modification time and a SHA-1 of
 * its content (or the error code when it cannot be read).
 */
export async function fileEntry(root: string, file: string): Promise<string> {
  return (await keyedFileEntry(root, file)).line;
}

/** The file's line and its stat key (see statKey) from the one `stat` made before reading it. */
export async function keyedFileEntry(
  root: string,
  file: string,
): Promise<{ line: string; key: string }> {
  const rel = path.relative(root, file);
  try {
    const takenAt = Date.now();
    const info = await stat(file);
    // Files over the size limit are refused unread by the loader; reading them here would cost for nothing.
    const digest =
      info.size <= MAX_FILE_BYTES
        ? createHash('sha1')
            .update(await readFile(file))
            .digest('hex')
        : 'unread';
    return {
      line: `${rel}\0${info.size}\0${info.mtimeMs}\0${digest}\n`,
      key: info.isFile() ? statKey(info, takenAt) : '',
    };
  } catch (err) {
    return { line: `${rel}\0${(err as NodeJS.ErrnoException).code ?? 'error'}\n`, key: '' };
  }
}

/**
 * Each file's line (see fileEntry), in the order of `files`: the content is what matters, since
 * `cp -p`, `tar x`, `rsync -a` and restored backups keep size and mtime.
 */
export async function contentEntries(root: string, files: readonly string[]): Promise<string[]> {
  const lines: string[] = [];
  for (let i = 0; i < files.length; i += HASH_BATCH) {
    lines.push(
      ...(await Promise.all(files.slice(i, i + HASH_BATCH).map((f) => fileEntry(root, f)))),
    );
  }
  return lines;
}

/** The hash of all files' lines. */
export async function contentSignature(root: string, files: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const line of await contentEntries(root, files)) hash.update(line);
  return hash.digest('hex');
}

/**
 * Why `dir` cannot be a corpus folder (missing, a file, unreadable, the file-system root), or
 * undefined when it can. For entry points, which stop with one line instead of answering
 * "nothing matches" from an empty corpus.
 */
export async function corpusFolderProblem(dir: string): Promise<string | undefined> {
  const abs = path.resolve(dir);
  if (path.parse(abs).root === abs)
    return `${abs} is the root of the file system, not a corpus folder`;
  try {
    const info = await stat(abs);
    if (!info.isDirectory()) return `${abs} is a file, not a folder of statements`;
    await readdir(abs);
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    return code === 'ENOENT' ? `${abs} does not exist` : `${abs} cannot be read (${code})`;
  }
}
