import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCorpus, type LoadedCorpus } from '../corpus/load.ts';
import { contentSignature, walkCorpus } from '../corpus/walk.ts';
import type { CorpusProblem, Paragraph, Statement } from '../corpus/types.ts';
import type { Logger } from '../logger.ts';
import { projectPath } from '../projectRoot.ts';
import { extractFacts } from '../understand/statementFacts.ts';
import { encodeFacts, StoredFacts, type EncodedFacts } from './factStore.ts';
import { readGlossaryFiles, type GlossaryRead } from './fromCorpus.ts';
import { ParagraphIndex } from '../index/paragraphIndex.ts';
import type { TermIndexData } from '../index/termIndex.ts';

/**
 * The persisted index: the parsed corpus, the compact paragraph index and every statement's who/when
 * facts in one binary file, so that a restart reads one file instead of parsing thousands of
 * Markdown files, re-tokenizing every paragraph and extracting people and times again. Texts are stored as one UTF-8 block plus lengths, postings as raw typed arrays:
 * nothing large goes through JSON.parse. The file records the corpus signature (every file's
 * path, size, modification time and content hash) and a fingerprint of the code that reads and
 * indexes the corpus; any difference, or any damage (checked by a SHA-256 of the whole file,
 * header included, so swapped sections are caught too), means a rebuild. Writes go to a temporary
 * file renamed into place, so a crash never leaves a half-written index behind, and temporary
 * files a crash left are removed at the next start.
 */

const MAGIC = 'RDOUTIDX';
const FORMAT_VERSION = 4;
/** The file ends with a SHA-256 of every byte before it: header, section table and payload alike. */
const DIGEST_BYTES = 32;
/**
 * Folders whose code or tables decide what the cache holds (parsing, normalization, tokenization,
 * index, people and times), relative to the project folder. Always the TypeScript sources, also
 * when the code runs compiled from dist/ (built from them): tests and production share one cache.
 */
const CODE_FOLDERS = ['src/corpus', 'src/text', 'src/index', 'src/engine', 'src/understand', 'data'];

export interface IndexedCorpus {
  corpus: LoadedCorpus;
  index: ParagraphIndex;
  /** Every statement's who/when facts, extracted at build time; absent without a cache (`cacheDir: false`): extracted on first use then. */
  facts?: StoredFacts;
  /** The corpus's glossaries, parsed when the cache was built; absent without a cache (read by the engine then). */
  glossaries?: GlossaryRead;
  /** Whether the corpus and index came from the persisted file. */
  fromCache: boolean;
}

export interface PersistOptions {
  /** Folder of the cache file; default `.readout-cache` beside the corpus folder. `false` disables it. */
  cacheDir?: string | false;
  logger?: Logger;
}

export function defaultCacheDir(corpusDir: string): string {
  return path.join(path.dirname(path.resolve(corpusDir)), '.readout-cache');
}

export function cacheFile(corpusDir: string, cacheDir: string): string {
  const abs = path.resolve(corpusDir);
  const tag = createHash('sha256').update(abs).digest('hex').slice(0, 12);
  return path.join(cacheDir, `${path.basename(abs)}-${tag}.idx`);
}

let codeFingerprint: Promise<string> | undefined;

function fingerprintCode(): Promise<string> {
  codeFingerprint ??= (async () => {
    const hash = createHash('sha256');
    for (const folder of CODE_FOLDERS) {
      const dir = projectPath(folder);
      // Recursive: understand/ keeps its rules in people/ and times/ subfolders.
      // The rule tables in data/ decide what the extracted facts hold, like the code does.
      const names = (await readdir(dir, { recursive: true })).filter((n) => /\.(?:ts|ya?ml)$/.test(n)).sort();
      for (const name of names) hash.update(name).update(await readFile(path.join(dir, name)));
    }
    return hash.digest('hex');
  })();
  return codeFingerprint;
}

/**
 * Every file's relative path, size, modification time and content hash, plus the code
 * fingerprint. Size and mtime alone are not enough: `cp -p`, `tar x`, `rsync -a` and restored
 * backups change the text and keep both.
 */
export async function corpusSignature(corpusDir: string): Promise<string> {
  const root = path.resolve(corpusDir);
  const { files, unreadable } = await walkCorpus(root);
  const hash = createHash('sha256').update(`v${FORMAT_VERSION}\n${await fingerprintCode()}\n`);
  hash.update(await contentSignature(root, files));
  for (const u of unreadable) hash.update(`${path.relative(root, u.dir)}\0unreadable\n`);
  return hash.digest('hex');
}

// ------------------------------------------------------------------ encoding

interface Section {
  name: string;
  offset: number;
  bytes: number;
}

/** Strings stored as one UTF-8 block and their UTF-16 lengths. */
function encodeStrings(list: readonly string[]): { block: Buffer; lengths: Uint32Array } {
  return { block: Buffer.from(list.join(''), 'utf8'), lengths: Uint32Array.from(list, (s) => s.length) };
}

function decodeStrings(block: Buffer, lengths: Uint32Array): string[] {
  const all = block.toString('utf8');
  const out = new Array<string>(lengths.length);
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    out[i] = all.slice(at, at + lengths[i]!);
    at += lengths[i]!;
  }
  if (at !== all.length) throw new Error('string block length mismatch');
  return out;
}

/** Statement metadata without paragraph texts (those go to a string block). */
type StatementMeta = Omit<Statement, 'paragraphs'> & { p: [number, number, string?][] };

export function encodeIndex(signature: string, corpus: LoadedCorpus, index: ParagraphIndex, facts: EncodedFacts, glossaries: GlossaryRead): Buffer {
  const data = index.data;
  if (!data) throw new Error('only the compact index can be persisted');
  const meta: StatementMeta[] = corpus.statements.map(({ paragraphs, ...rest }) => ({
    ...rest,
    p: paragraphs.map((p) => (p.label !== undefined ? [p.number, p.line, p.label] : [p.number, p.line])),
  }));
  const root = corpus.dir;
  const head = JSON.stringify({
    statements: meta,
    problems: corpus.problems,
    glossaryFiles: corpus.glossaryFiles.map((f) => path.relative(root, f)),
    // Parsed glossaries: a start from the cache then never loads the YAML parser (about 50 ms).
    glossaries,
  });
  const texts = encodeStrings(corpus.statements.flatMap((s) => s.paragraphs.map((p) => p.text)));
  const normalized = encodeStrings(index.normalizedTexts());
  const terms = encodeStrings(data.terms);
  const parts: [string, Uint8Array][] = [
    ['meta', Buffer.from(head, 'utf8')],
    ['texts', texts.block],
    ['textLengths', bytesOf(texts.lengths)],
    ['normalized', normalized.block],
    ['normalizedLengths', bytesOf(normalized.lengths)],
    ['terms', terms.block],
    ['termLengths', bytesOf(terms.lengths)],
    ['offsets', bytesOf(data.offsets)],
    ['docs', bytesOf(data.docs)],
    ['freqs', bytesOf(data.freqs)],
    ['fieldLength', bytesOf(data.fieldLength)],
    ['facts', facts.block],
    ['factOffsets', bytesOf(facts.offsets)],
  ];
  const sections: Section[] = [];
  let offset = 0;
  for (const [name, bytes] of parts) {
    sections.push({ name, offset, bytes: bytes.byteLength });
    offset = align8(offset + bytes.byteLength);
  }
  const header = Buffer.from(
    JSON.stringify({ version: FORMAT_VERSION, signature, avgFieldLength: data.avgFieldLength, sections, total: offset }),
    'utf8',
  );
  const start = align8(MAGIC.length + 4 + header.length);
  const out = Buffer.alloc(start + offset + DIGEST_BYTES);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(header.length, MAGIC.length);
  header.copy(out, MAGIC.length + 4);
  parts.forEach(([, bytes], i) => out.set(bytes, start + sections[i]!.offset));
  const body = out.subarray(0, start + offset);
  createHash('sha256').update(body).digest().copy(out, body.length);
  return out;
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** A typed array over the file's bytes (aligned, no copy) or over a copy when not aligned. */
function typed<T>(file: Buffer, at: number, bytes: number, make: (b: ArrayBuffer, o: number, n: number) => T, size: number): T {
  if (bytes % size !== 0) throw new Error('section size');
  const offset = file.byteOffset + at;
  if (offset % size === 0) return make(file.buffer as ArrayBuffer, offset, bytes / size);
  const copy = new Uint8Array(bytes);
  copy.set(file.subarray(at, at + bytes));
  return make(copy.buffer, 0, bytes / size);
}

/** Decodes a persisted index; throws on any inconsistency (the caller rebuilds). */
export function decodeIndex(
  file: Buffer,
  signature: string,
  corpusDir: string,
): { corpus: LoadedCorpus; index: ParagraphIndex; facts: StoredFacts; glossaries: GlossaryRead } {
  if (file.length < MAGIC.length + 4 + DIGEST_BYTES || file.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not an index file');
  // Nothing of the file is believed, header included, before the whole of it checks out.
  const bodyLength = file.length - DIGEST_BYTES;
  if (!createHash('sha256').update(file.subarray(0, bodyLength)).digest().equals(file.subarray(bodyLength))) throw new Error('checksum');
  const headerLength = file.readUInt32LE(MAGIC.length);
  const header = JSON.parse(file.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + headerLength)) as {
    version: number;
    signature: string;
    avgFieldLength: number;
    sections: Section[];
    total: number;
  };
  if (header.version !== FORMAT_VERSION) throw new Error('format version');
  if (header.signature !== signature) throw new Error('corpus changed');
  const start = align8(MAGIC.length + 4 + headerLength);
  if (bodyLength !== start + header.total) throw new Error('truncated');
  const section = (name: string) => {
    const s = header.sections.find((x) => x.name === name);
    if (!s || s.offset < 0 || start + s.offset + s.bytes > bodyLength) throw new Error(`section ${name}`);
    return { at: start + s.offset, bytes: s.bytes };
  };
  const raw = (name: string) => {
    const s = section(name);
    return file.subarray(s.at, s.at + s.bytes);
  };
  const u32 = (name: string) => {
    const s = section(name);
    return typed(file, s.at, s.bytes, (b, o, n) => new Uint32Array(b, o, n), 4);
  };
  const u16 = (name: string) => {
    const s = section(name);
    return typed(file, s.at, s.bytes, (b, o, n) => new Uint16Array(b, o, n), 2);
  };

  const meta = JSON.parse(raw('meta').toString('utf8')) as {
    statements: StatementMeta[];
    problems: CorpusProblem[];
    glossaryFiles: string[];
    glossaries: GlossaryRead;
  };
  if (!meta.glossaries?.glossary || !Array.isArray(meta.glossaries.problems)) throw new Error('glossaries');
  const texts = decodeStrings(raw('texts'), u32('textLengths'));
  let t = 0;
  const statements: Statement[] = meta.statements.map(({ p, ...rest }) => {
    const paragraphs: Paragraph[] = p.map(([number, line, label]) => {
      const text = texts[t++];
      if (text === undefined) throw new Error('paragraph count');
      return label !== undefined ? { number, text, label, line } : { number, text, line };
    });
    return { ...rest, paragraphs };
  });
  if (t !== texts.length) throw new Error('paragraph count');
  const normalized = decodeStrings(raw('normalized'), u32('normalizedLengths'));
  const data: TermIndexData = {
    terms: decodeStrings(raw('terms'), u32('termLengths')),
    offsets: u32('offsets'),
    docs: u32('docs'),
    freqs: u16('freqs'),
    fieldLength: u16('fieldLength'),
    avgFieldLength: header.avgFieldLength,
  };
  checkData(data, texts.length, normalized.length);
  const facts = new StoredFacts({ block: raw('facts'), offsets: u32('factOffsets') });
  if (facts.size !== statements.length) throw new Error('facts count');
  const dir = path.resolve(corpusDir);
  const corpus: LoadedCorpus = {
    dir,
    statements,
    problems: meta.problems,
    glossaryFiles: meta.glossaryFiles.map((f) => path.join(dir, f)),
  };
  return { corpus, index: new ParagraphIndex(statements, { data, normalized }), facts, glossaries: meta.glossaries };
}

/** Cheap structural checks: a damaged file must fail here rather than answer wrongly. */
function checkData(d: TermIndexData, paragraphs: number, normalized: number): void {
  if (normalized !== paragraphs || d.fieldLength.length !== paragraphs) throw new Error('document count');
  if (d.offsets.length !== d.terms.length + 1 || d.offsets[0] !== 0 || d.offsets[d.terms.length] !== d.docs.length) {
    throw new Error('offsets');
  }
  if (d.freqs.length !== d.docs.length) throw new Error('freqs');
  for (let i = 1; i < d.offsets.length; i++) if (d.offsets[i]! < d.offsets[i - 1]!) throw new Error('offsets order');
  for (let i = 0; i < d.docs.length; i++) if (d.docs[i]! >= paragraphs) throw new Error('posting out of range');
  if (!Number.isFinite(d.avgFieldLength)) throw new Error('average field length');
}

/** Temporary files older than this are a crash's leftovers even if their process id is alive again (reused). */
const STALE_TMP_MS = 60 * 60 * 1000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files of `file` that a crash (kill -9, power loss) left behind: those of a
 * process that is gone, or older than an hour. Another process writing the cache right now (a
 * second shard) keeps its own.
 */
export async function removeStaleTemps(file: string, now = Date.now()): Promise<string[]> {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = name.startsWith(prefix) ? /^(\d+)\.(\d+)\.tmp$/.exec(name.slice(prefix.length)) : null;
    if (!m) continue;
    const pid = Number(m[1]);
    const tmp = path.join(dir, name);
    const age = await stat(tmp).then((s) => now - s.mtimeMs, () => undefined);
    if (age === undefined) continue;
    if (pid !== process.pid && processAlive(pid) && age < STALE_TMP_MS) continue;
    if (pid === process.pid && age < STALE_TMP_MS) continue;
    await rm(tmp, { force: true });
    removed.push(tmp);
  }
  return removed;
}

/** Writes the file atomically: a temporary file in the same folder, then a rename. */
export async function writeIndexFile(file: string, bytes: Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * The corpus and its index: from the cache when it matches the corpus, otherwise loaded, built
 * and written back. A cache that cannot be read or written is only logged: the bot still starts.
 */
export async function loadIndexedCorpus(corpusDir: string, options: PersistOptions = {}): Promise<IndexedCorpus> {
  const { logger } = options;
  const cacheDir = options.cacheDir === undefined ? defaultCacheDir(corpusDir) : options.cacheDir;
  if (cacheDir === false) {
    const corpus = await loadCorpus(corpusDir);
    return { corpus, index: new ParagraphIndex(corpus.statements), fromCache: false };
  }
  const file = cacheFile(corpusDir, cacheDir);
  const removed = await removeStaleTemps(file);
  if (removed.length) logger?.info({ removed }, 'removed temporary cache files left by a crash');
  let signature: string | undefined;
  try {
    signature = await corpusSignature(corpusDir);
    const bytes = await readFile(file);
    const { corpus, index, facts, glossaries } = decodeIndex(bytes, signature, corpusDir);
    logger?.info({ file, statements: corpus.statements.length }, 'index loaded from cache');
    return { corpus, index, facts, glossaries, fromCache: true };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') logger?.info({ file, reason: (err as Error).message }, 'index cache not used; rebuilding');
  }
  const corpus = await loadCorpus(corpusDir);
  const index = new ParagraphIndex(corpus.statements);
  // Extracted for every statement now (about 0.7 ms each), so that no question pays for it later.
  const encoded = encodeFacts(corpus.statements.map(extractFacts));
  const glossaries = await readGlossaryFiles(corpus);
  // The signature was taken before reading the files: if they change meanwhile, the next start
  // sees a different signature and rebuilds, rather than trusting a cache of mixed content.
  // A folder that does not exist has no signature; nothing to cache then.
  if (signature !== undefined && corpus.statements.length > 0) {
    try {
      await writeIndexFile(file, encodeIndex(signature, corpus, index, encoded, glossaries));
    } catch (err) {
      logger?.warn({ file, reason: (err as Error).message }, 'index cache not written');
    }
  }
  return { corpus, index, facts: new StoredFacts(encoded), glossaries, fromCache: false };
}
