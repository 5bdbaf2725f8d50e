import { createHash } from 'node:crypto';
import { lowerBound } from '../text/sorted.ts';
import {
  appendFile,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  truncate,
  writeFile,
} from 'node:fs/promises';
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import {
  assemble,
  loadCorpusFiles,
  reloadCorpusFiles,
  type CorpusFiles,
  type FileRecord,
  type LoadedCorpus,
  type Reloaded,
} from '../corpus/load.ts';
import {
  keyedFileEntry,
  statKeysSync,
  walkCorpusSync,
  type CorpusListing,
} from '../corpus/walk.ts';
import type { CorpusProblem, Paragraph, Statement } from '../corpus/types.ts';
import type { Logger } from '../logger.ts';
import { projectPath } from '../projectRoot.ts';
import { extractFacts, type StatementFacts } from '../understand/statementFacts.ts';
import { encodeFacts, LayeredFacts, StoredFacts, type EncodedFacts } from './factStore.ts';
import { readGlossaryFiles, type GlossaryRead } from './fromCorpus.ts';
import { buildIndexed } from './parallelBuild.ts';
import { ParagraphIndex } from '../index/paragraphIndex.ts';
import type { TermIndexData } from '../index/termIndex.ts';
import type { TextList } from '../index/texts.ts';
import { deferParagraphs, type ParagraphSource } from '../corpus/paragraphCount.ts';

/**
 * The persisted index: the parsed corpus, the compact paragraph index and every statement's
 * who/when facts in one binary file (the base), so that a restart reads one file instead of
 * parsing thousands of Markdown files, re-tokenizing every paragraph and extracting people and
 * times again; and beside it a journal of the changes since (`<base>.log`), so that a changed
 * statement costs one appended line rather than rewriting the base (89 MB at 100,000 paragraphs).
 *
 * Base: texts are stored as one UTF-8 block plus lengths, postings as raw typed arrays: nothing
 * large goes through JSON.parse at start. It records a fingerprint of the code that reads and
 * indexes the corpus (a difference means a full rebuild), the corpus signature (every file's
 * path, size, modification time and content hash), each file's line of that signature with its
 * stat key (a start believes a file's line while its size, mtime, ctime and inode are the same:
 * see stateOf and statKey; the live engine hashes the believed files once after it serves), and what
 * loading each statement file gave (the records a later reload starts from). Any damage (checked
 * by a SHA-256 of the whole file, header included, so swapped sections are caught too) means a
 * rebuild. Writes go to a temporary file renamed into place, so a crash never leaves a
 * half-written base behind, and temporary files a crash left are removed at the next start.
 *
 * Journal: one line per change, `<sha-256 of the JSON> <JSON>`: the files' new signature lines,
 * the statement files read again (their records, facts included), glossaries when they changed,
 * and the corpus signature after the change. It starts with the base's digest, so it never
 * applies to another base. A start replays it over the base (records, then the index updated as
 * the live engine updates it), and trusts the result only if the corpus on disk has the
 * signature of the last good line; otherwise the files that differ are read again and one more
 * line is written, and only when too much differs is everything rebuilt. A torn last line (a
 * crash while appending) is ignored. When the journal has grown past a tenth of the base's
 * statements, the start writes a new base from the replayed state and empties the journal.
 */

const MAGIC = 'RDOUTIDX';
const FORMAT_VERSION = 9;
/** The file ends with a SHA-256 of every byte before it: header, section table and payload alike. */
const DIGEST_BYTES = 32;
const JOURNAL_MAGIC = 'RDOUTLOG';
/** A start reads the differing files again when they are at most this share of the corpus, else rebuilds. */
const MAX_UPDATED_SHARE = 0.1;
/** A start rewrites the base when the journal has re-read more statement files than this share of the base's. */
const MAX_JOURNAL_SHARE = 0.1;
/**
 * Folders whose code or tables decide what the cache holds (parsing, normalization, tokenization,
 * index, people and times), relative to the project folder. Always the TypeScript sources, also
 * when the code runs compiled from dist/ (built from them): tests and production share one cache.
 */
const CODE_FOLDERS = [
  'src/corpus',
  'src/text',
  'src/index',
  'src/engine',
  'src/understand',
  'data',
];

export interface IndexedCorpus {
  corpus: LoadedCorpus;
  index: ParagraphIndex;
  /** Every statement's who/when facts: persisted ones (extracted at build time, those of changed statements when they changed), or absent without a cache (`cacheDir: false`): extracted on first use then. */
  facts?: StoredFacts | LayeredFacts;
  /** The corpus's glossaries, parsed when the cache was built; absent without a cache (read by the engine then). */
  glossaries?: GlossaryRead;
  /** Whether the corpus and index came from the persisted file (`updated` is set too when files had changed since). */
  fromCache: boolean;
  /** Statement files read again at start because they differed from the persisted index (relative paths). */
  updated?: string[];
  /** Files read and hashed at start because their stat key did not vouch for their recorded line (a start from the persisted index). */
  hashed?: number;
  /** Files believed at start by their stat key, without reading them (a start from the persisted index): see LiveEngine.verified. */
  believed?: number;
  /** The files as loaded, for reading only what changes next (see reloadCorpusFiles); made on first use. */
  files: () => CorpusFiles | undefined;
  /** The persisted index, to record later changes in (absent without a cache). */
  store?: IndexStore;
}

export interface PersistOptions {
  /** Folder of the cache file; default `.readout-cache` beside the corpus folder. `false` disables it. */
  cacheDir?: string | false | undefined;
  logger?: Logger | undefined;
}

export function defaultCacheDir(corpusDir: string): string {
  return path.join(path.dirname(path.resolve(corpusDir)), '.readout-cache');
}

export function cacheFile(corpusDir: string, cacheDir: string): string {
  const abs = path.resolve(corpusDir);
  const tag = createHash('sha256').update(abs).digest('hex').slice(0, 12);
  return path.join(cacheDir, `${path.basename(abs)}-${tag}.idx`);
}

export function journalFile(file: string): string {
  return `${file}.log`;
}

let codeFingerprint: Promise<string> | undefined;

function fingerprintCode(): Promise<string> {
  codeFingerprint ??= (async () => {
    const hash = createHash('sha256');
    for (const folder of CODE_FOLDERS) {
      const dir = projectPath(folder);
      // Recursive: understand/ keeps its rules in people/ and times/ subfolders.
      // The rule tables in data/ (the family-name table too) decide what the extracted facts hold, like the code does.
      const names = (await readdir(dir, { recursive: true }))
        .filter((n) => /\.(?:ts|ya?ml|tsv)$/.test(n))
        .sort();
      for (const name of names) hash.update(name).update(await readFile(path.join(dir, name)));
    }
    return hash.digest('hex');
  })();
  return codeFingerprint;
}

/** The corpus as its signature sees it: every file's line (walk.ts, fileEntry) and stat key, by relative path, and the unreadable folders. */
interface CorpusState {
  lines: Map<string, string>;
  /** Each file's stat key (walk.ts, statKey) when it was looked at, before anything was read. */
  keys: Map<string, string>;
  unreadable: string[];
  /** Files whose content was read and hashed for their line: their stat key did not vouch for a known line. */
  hashed: string[];
}

/** What a start sees of the folder without reading a file: the listing and every file's stat key. */
interface Snapshot {
  root: string;
  listing: CorpusListing;
  keys: string[];
}

/** Synchronous: nothing else runs at a start, and 100,000 files take a third of a second instead of one and a half. */
function snapshot(root: string): Snapshot {
  const listing = walkCorpusSync(root);
  return { root, listing, keys: statKeysSync(listing.files, Date.now()) };
}

/** Files hashed at once (see contentEntries in walk.ts). */
const HASH_BATCH = 32;

/**
 * Every file's line. A file keeps the line `trusted` gives it (its known line, when its stat key
 * still vouches for it); every other file is read and hashed now. Size and mtime alone would not
 * do: `cp -p`, `tar x`, `rsync -a` and restored backups change the text and keep both; the stat
 * key holds the change time and inode too, which those cannot keep.
 */
async function stateOf(
  snap: Snapshot,
  trusted: (rel: string, key: string) => string | undefined,
): Promise<CorpusState> {
  const { root, listing, keys } = snap;
  const lines = new Map<string, string>();
  const keyOf = new Map<string, string>();
  const toHash: number[] = [];
  for (let i = 0; i < listing.files.length; i++) {
    const rel = relativeTo(root, listing.files[i]!);
    const key = keys[i]!;
    const line = trusted(rel, key);
    if (line === undefined) toHash.push(i);
    lines.set(rel, line ?? '');
    keyOf.set(rel, key);
  }
  const hashed: string[] = [];
  for (let b = 0; b < toHash.length; b += HASH_BATCH) {
    const batch = toHash.slice(b, b + HASH_BATCH);
    const entries = await Promise.all(batch.map((i) => keyedFileEntry(root, listing.files[i]!)));
    batch.forEach((i, k) => {
      const rel = relativeTo(root, listing.files[i]!);
      lines.set(rel, entries[k]!.line);
      hashed.push(rel);
    });
  }
  return {
    lines,
    keys: keyOf,
    unreadable: listing.unreadable.map((u) => path.relative(root, u.dir)),
    hashed,
  };
}

/** Relative path of a listed file (walkCorpus lists them under `root` and a separator). */
function relativeTo(root: string, abs: string): string {
  return abs.slice(root.length + 1);
}

/** The signature of a corpus state: files in path order (all share the folder's prefix, so relative paths sort alike). */
function signatureOf(
  code: string,
  lines: ReadonlyMap<string, string>,
  unreadable: readonly string[],
): string {
  const content = createHash('sha256');
  for (const rel of [...lines.keys()].sort(byPath)) content.update(lines.get(rel)!);
  return finishSignature(code, content.digest('hex'), unreadable);
}

function finishSignature(code: string, content: string, unreadable: readonly string[]): string {
  const hash = createHash('sha256').update(`v${FORMAT_VERSION}\n${code}\n`).update(content);
  for (const u of unreadable) hash.update(`${u}\0unreadable\n`);
  return hash.digest('hex');
}

/**
 * Every file's signature line in path order, kept up to date by a running engine: a changed file's
 * line is put in its place, and the signature hashes the lines in order with no sort of 100,000
 * paths at every change.
 */
class SignatureLines {
  private readonly keys: string[];
  private readonly values: string[];

  constructor(lines: ReadonlyMap<string, string>) {
    this.keys = [...lines.keys()].sort(byPath);
    this.values = this.keys.map((k) => lines.get(k)!);
  }

  private find(rel: string): number {
    return lowerBound(this.keys, rel);
  }

  get(rel: string): string | undefined {
    const at = this.find(rel);
    return this.keys[at] === rel ? this.values[at] : undefined;
  }

  set(rel: string, line: string | null): void {
    const at = this.find(rel);
    const present = this.keys[at] === rel;
    if (line === null) {
      if (present) {
        this.keys.splice(at, 1);
        this.values.splice(at, 1);
      }
    } else if (present) this.values[at] = line;
    else {
      this.keys.splice(at, 0, rel);
      this.values.splice(at, 0, line);
    }
  }

  paths(): readonly string[] {
    return this.keys;
  }

  signature(code: string, unreadable: readonly string[]): string {
    const content = createHash('sha256');
    for (const line of this.values) content.update(line);
    return finishSignature(code, content.digest('hex'), unreadable);
  }
}

/** The listing's order (walkCorpus sorts absolute paths; under one folder that is the relative paths' code-unit order). */
function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Statement metadata without paragraph texts (those go to a string block). */
type StatementMeta = Omit<Statement, 'paragraphs'>;

/** A paragraph without a label, in the label lengths (see paragraphColumns). */
const NO_LABEL = 0xffffffff;

/**
 * Paragraphs' numbers, lines and labels as columns (typed arrays, labels one block), with each
 * statement's paragraph count: a million paragraphs come back without a million small arrays
 * going through JSON.parse and then to the garbage collector.
 */
function paragraphColumns(statements: readonly Statement[]) {
  const total = statements.reduce((n, s) => n + s.paragraphs.length, 0);
  const counts = Uint32Array.from(statements, (s) => s.paragraphs.length);
  const numbers = new Uint32Array(total);
  const lines = new Uint32Array(total);
  const labelLengths = new Uint32Array(total);
  const labels: string[] = [];
  let t = 0;
  for (const s of statements) {
    for (const p of s.paragraphs) {
      numbers[t] = p.number;
      lines[t] = p.line;
      labelLengths[t] = p.label === undefined ? NO_LABEL : p.label.length;
      if (p.label !== undefined) labels.push(p.label);
      t++;
    }
  }
  return { counts, numbers, lines, labelLengths, labels: Buffer.from(labels.join(''), 'utf8') };
}

/**
 * A statement file's record as stored: `ref` is the statement's position in the corpus (>= 0),
 * or -2 - k for the k-th unserved statement (parsed but not served: a duplicate id), or -1.
 */
type StoredRecord = [
  rel: string,
  size: number,
  mtimeMs: number,
  line: string,
  ref: number,
  idLine: number | null,
  digest: string | null,
  problems: CorpusProblem[],
];

/** What a later reload starts from, besides every file's signature line (their own sections): the records. */
interface StoredFiles {
  links: string[];
  unreadable: { dir: string; code: string }[];
  records: StoredRecord[];
  unserved: Statement[];
}

/** What the base holds besides the index: enough to rebuild the loader's state without reading the folder. */
export interface BaseContent {
  code: string;
  signature: string;
  corpus: LoadedCorpus;
  index: ParagraphIndex;
  facts: EncodedFacts;
  glossaries: GlossaryRead;
  lines: ReadonlyMap<string, string>;
  /** Each file's stat key (by relative path, as `lines`): a start believes a file's line while its key is the same. */
  keys: ReadonlyMap<string, string>;
  files: CorpusFiles;
}

function storeFiles(content: BaseContent): StoredFiles {
  const { corpus, files } = content;
  const root = files.root;
  const position = new Map(corpus.statements.map((s, i) => [s, i]));
  const unserved: Statement[] = [];
  const records: StoredRecord[] = [];
  for (const [rel, r] of files.records) {
    const s = r.parsed.statement;
    let ref = -1;
    if (s) {
      const at = position.get(s);
      if (at !== undefined) ref = at;
      else ref = -2 - (unserved.push(s) - 1);
    }
    records.push([
      rel,
      r.size,
      r.mtimeMs,
      r.line,
      ref,
      r.parsed.idLine ?? null,
      r.parsed.digest ?? null,
      r.parsed.problems,
    ]);
  }
  return {
    links: files.listing.links.map((l) => path.relative(root, l)),
    unreadable: files.listing.unreadable.map((u) => ({
      dir: path.relative(root, u.dir),
      code: u.code,
    })),
    records,
    unserved,
  };
}

function restoreFiles(
  stored: StoredFiles,
  root: string,
  statements: readonly Statement[],
  lines: ReadonlyMap<string, string>,
): CorpusFiles {
  const records = new Map<string, FileRecord>();
  for (const [rel, size, mtimeMs, line, ref, idLine, digest, problems] of stored.records) {
    const statement =
      ref >= 0 ? statements[ref] : ref <= -2 ? stored.unserved[-2 - ref] : undefined;
    if (ref >= 0 && !statement) throw new Error('record statement');
    records.set(rel, {
      size,
      mtimeMs,
      line,
      parsed: {
        problems,
        ...(statement ? { statement } : {}),
        ...(idLine !== null ? { idLine } : {}),
        ...(digest !== null ? { digest } : {}),
      },
    });
  }
  return {
    root,
    listing: {
      files: [...lines.keys()].map((rel) => path.join(root, rel)),
      links: stored.links.map((l) => path.join(root, l)),
      unreadable: stored.unreadable.map((u) => ({ dir: path.join(root, u.dir), code: u.code })),
    },
    records,
    // Each glossary's size and time, from its signature line: a reload compares them to notice a change.
    glossaries: new Map(
      [...lines].flatMap(([rel, line]) => {
        const [, size, mtimeMs] = line.split('\0');
        return /^glossary.*\.ya?ml$/i.test(path.basename(rel))
          ? [[rel, { size: Number(size), mtimeMs: Number(mtimeMs) }] as const]
          : [];
      }),
    ),
  };
}

export function encodeIndex(content: BaseContent): Buffer {
  const { corpus, index, facts, glossaries } = content;
  const data = index.termData();
  if (!data) throw new Error('only the compact index can be persisted');
  const meta: StatementMeta[] = corpus.statements.map(({ paragraphs, ...rest }) => rest);
  const columns = paragraphColumns(corpus.statements);
  const root = corpus.dir;
  const head = JSON.stringify({
    statements: meta,
    problems: corpus.problems,
    glossaryFiles: corpus.glossaryFiles.map((f) => path.relative(root, f)),
    // Parsed glossaries: a start from the cache then never loads the YAML parser (about 50 ms).
    glossaries,
  });
  const paragraphTexts = corpus.statements.flatMap((s) => s.paragraphs.map((p) => p.text));
  const texts = encodeTexts(paragraphTexts);
  // A normalized text equal to the verbatim one (about three paragraphs in ten) is not stored twice.
  const normalized = encodeTexts(index.normalizedTexts(), paragraphTexts);
  const terms = encodeStrings(data.terms);
  const rels = [...content.lines.keys()].sort(byPath);
  const fileLines = encodeStrings(rels.map((rel) => content.lines.get(rel)!));
  const parts: [string, Uint8Array][] = [
    ['meta', Buffer.from(head, 'utf8')],
    // Read only when the corpus changes: not parsed at start.
    ['files', Buffer.from(JSON.stringify(storeFiles(content)), 'utf8')],
    // Every file's signature line and stat key, in path order: what a start compares the folder with.
    ['lines', fileLines.block],
    ['lineLengths', bytesOf(fileLines.lengths)],
    ['keys', Buffer.from(rels.map((rel) => content.keys.get(rel) ?? '').join('\n'), 'latin1')],
    ['texts', texts.narrow],
    ['textsWide', texts.wide],
    ['textLengths', bytesOf(texts.lengths)],
    ['textKinds', texts.kinds],
    ['paragraphCounts', bytesOf(columns.counts)],
    ['paragraphNumbers', bytesOf(columns.numbers)],
    ['paragraphLines', bytesOf(columns.lines)],
    ['labels', columns.labels],
    ['labelLengths', bytesOf(columns.labelLengths)],
    ['normalized', normalized.narrow],
    ['normalizedWide', normalized.wide],
    ['normalizedLengths', bytesOf(normalized.lengths)],
    ['normalizedKinds', normalized.kinds],
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
    JSON.stringify({
      version: FORMAT_VERSION,
      code: content.code,
      signature: content.signature,
      avgFieldLength: data.avgFieldLength,
      sections,
      total: offset,
    }),
    'utf8',
  );
  const start = align8(MAGIC.length + 4 + header.length);
  const out = Buffer.alloc(start + offset + DIGEST_BYTES);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(header.length, MAGIC.length);
  header.copy(out, MAGIC.length + 4);
  parts.forEach(([, bytes], i) => {
    out.set(bytes, start + sections[i]!.offset);
  });
  const body = out.subarray(0, start + offset);
  createHash('sha256').update(body).digest().copy(out, body.length);
  return out;
}

export interface DecodedBase {
  code: string;
  signature: string;
  /** The file's own SHA-256 (its last 32 bytes, hex): the journal names the base it extends. */
  digest: string;
  corpus: LoadedCorpus;
  index: ParagraphIndex;
  facts: StoredFacts;
  glossaries: GlossaryRead;
  /** Every file's signature line and stat key, by relative path in path order. */
  lines: Map<string, string>;
  keys: Map<string, string>;
  /** The loader's state, decoded on demand. */
  stored: () => { files: CorpusFiles; lines: Map<string, string> };
}

/** Decodes a persisted base; throws on any inconsistency (the caller rebuilds). */
export function decodeIndex(
  file: Buffer,
  code: string,
  corpusDir: string,
  options: {
    checked?: boolean;
    /** Runs the postings' structural checks elsewhere (the caller must wait for them before believing the result). */
    checks?: (c: PostingChecks) => void;
  } = {},
): DecodedBase {
  if (
    file.length < MAGIC.length + 4 + DIGEST_BYTES ||
    file.toString('latin1', 0, MAGIC.length) !== MAGIC
  )
    throw new Error('not an index file');
  // Nothing of the file is believed, header included, before the whole of it checks out
  // (`checked`: the bytes were just encoded here, not read).
  const bodyLength = file.length - DIGEST_BYTES;
  const digest = options.checked
    ? file.subarray(bodyLength)
    : createHash('sha256').update(file.subarray(0, bodyLength)).digest();
  if (!digest.equals(file.subarray(bodyLength))) throw new Error('checksum');
  const headerLength = file.readUInt32LE(MAGIC.length);
  const header = JSON.parse(
    file.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + headerLength),
  ) as {
    version: number;
    code: string;
    signature: string;
    avgFieldLength: number;
    sections: Section[];
    total: number;
  };
  if (header.version !== FORMAT_VERSION) throw new Error('format version');
  if (header.code !== code) throw new Error('code changed');
  const start = align8(MAGIC.length + 4 + headerLength);
  if (bodyLength !== start + header.total) throw new Error('truncated');
  const section = (name: string) => {
    const s = header.sections.find((x) => x.name === name);
    if (!s || s.offset < 0 || start + s.offset + s.bytes > bodyLength)
      throw new Error(`section ${name}`);
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
  if (!meta.glossaries?.glossary || !Array.isArray(meta.glossaries.problems))
    throw new Error('glossaries');
  const texts = new TextBlock(raw('texts'), raw('textsWide'), u32('textLengths'), raw('textKinds'));
  const counts = u32('paragraphCounts');
  const numbers = u32('paragraphNumbers');
  const paragraphLines = u32('paragraphLines');
  const labelLengths = u32('labelLengths');
  const labelText = raw('labels').toString('utf8');
  if (
    counts.length !== meta.statements.length ||
    numbers.length !== texts.length ||
    paragraphLines.length !== texts.length ||
    labelLengths.length !== texts.length
  ) {
    throw new Error('paragraph count');
  }
  // Each statement's first paragraph and each paragraph's label start: the paragraphs themselves
  // are made when a statement's are first read (see deferParagraphs).
  const firstParagraph = new Uint32Array(counts.length + 1);
  for (let k = 0; k < counts.length; k++) firstParagraph[k + 1] = firstParagraph[k]! + counts[k]!;
  const labelStart = new Uint32Array(texts.length);
  let l = 0;
  for (let t = 0; t < labelLengths.length; t++) {
    labelStart[t] = l;
    const length = labelLengths[t]!;
    if (length !== NO_LABEL) l += length;
  }
  if (firstParagraph[counts.length] !== texts.length || l !== labelText.length)
    throw new Error('paragraph count');
  const source: ParagraphSource = {
    paragraphs(k) {
      const paragraphs: Paragraph[] = [];
      for (let t = firstParagraph[k]!, end = firstParagraph[k + 1]!; t < end; t++) {
        const text = texts.at(t)!;
        const length = labelLengths[t]!;
        if (length === NO_LABEL)
          paragraphs.push({ number: numbers[t]!, text, line: paragraphLines[t]! });
        else
          paragraphs.push({
            number: numbers[t]!,
            text,
            label: labelText.slice(labelStart[t]!, labelStart[t]! + length),
            line: paragraphLines[t]!,
          });
      }
      return paragraphs;
    },
  };
  // The parsed objects become the statements: `paragraphs` is added last, as a load gives it.
  const statements = meta.statements.map((m, k) => deferParagraphs(m, counts[k]!, source, k));
  const normalized = new TextBlock(
    raw('normalized'),
    raw('normalizedWide'),
    u32('normalizedLengths'),
    raw('normalizedKinds'),
    texts,
  );
  const data: TermIndexData = {
    terms: decodeStrings(raw('terms'), u32('termLengths')),
    offsets: u32('offsets'),
    docs: u32('docs'),
    freqs: u16('freqs'),
    fieldLength: u32('fieldLength'),
    avgFieldLength: header.avgFieldLength,
  };
  checkData(data, texts.length, normalized.length, options.checks);
  const facts = new StoredFacts({ block: raw('facts'), offsets: u32('factOffsets') });
  if (facts.size !== statements.length) throw new Error('facts count');
  const dir = path.resolve(corpusDir);
  const corpus: LoadedCorpus = {
    dir,
    statements,
    problems: meta.problems,
    glossaryFiles: meta.glossaryFiles.map((f) => path.join(dir, f)),
    // As a fresh load gives it: nothing kept from a previous version at a start.
    kept: [],
  };
  const filesBytes = raw('files');
  const lineList = decodeStrings(raw('lines'), u32('lineLengths'));
  const keyList = lineList.length ? raw('keys').toString('latin1').split('\n') : [];
  if (keyList.length !== lineList.length) throw new Error('keys count');
  const lines = new Map<string, string>();
  const keys = new Map<string, string>();
  for (let i = 0; i < lineList.length; i++) {
    const line = lineList[i]!;
    const rel = line.slice(0, line.indexOf('\0'));
    lines.set(rel, line);
    keys.set(rel, keyList[i]!);
  }
  let stored: { files: CorpusFiles; lines: Map<string, string> } | undefined;
  return {
    code: header.code,
    signature: header.signature,
    digest: digest.toString('hex'),
    corpus,
    index: new ParagraphIndex(statements, { data, normalized }),
    facts,
    glossaries: meta.glossaries,
    lines,
    keys,
    stored: () => {
      if (!stored) {
        const parsed = JSON.parse(filesBytes.toString('utf8')) as StoredFiles;
        stored = { files: restoreFiles(parsed, dir, statements, lines), lines };
      }
      return stored;
    },
  };
}

/** Parts of the index file read at once (the thread pool has four threads). */
const READ_PARTS = 4;

/**
 * Plain JavaScript for the index file's thread: nothing to compile, no loader. It reads the file
 * into shared memory, in parts read side by side by the thread pool (copying a large file out of
 * the page cache into new memory goes about twice as fast on several threads: 0.49 s against
 * 0.25 s for 934 MB on two cores), says so, hashes it, then runs the postings' structural checks
 * (the loops of checkData) it is sent, over the same memory. All of it beside the main thread,
 * which lists the corpus folder meanwhile, then decodes.
 */
const INDEX_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { open } = require('node:fs/promises');
const { file, buffer, parts, digestBytes } = workerData;
const bytes = new Uint8Array(buffer);
async function read() {
  const handle = await open(file, 'r');
  try {
    if ((await handle.stat()).size !== bytes.length) throw new Error('index file changed while read');
    const part = Math.max(1 << 20, Math.ceil(bytes.length / parts));
    const reads = [];
    for (let from = 0; from < bytes.length; from += part) {
      const end = Math.min(bytes.length, from + part);
      reads.push((async () => {
        for (let at = from; at < end; ) {
          const { bytesRead } = await handle.read(bytes, at, Math.min(end - at, 2 ** 30), at);
          if (bytesRead === 0) throw new Error('index file shrank while read');
          at += bytesRead;
        }
      })());
    }
    // Every part settled before the handle is closed.
    for (const r of await Promise.allSettled(reads)) if (r.status === 'rejected') throw r.reason;
  } finally {
    await handle.close();
  }
}
read().then(
  () => {
    parentPort.postMessage({ read: true });
    const body = bytes.subarray(0, Math.max(0, bytes.length - digestBytes));
    parentPort.postMessage({ digest: createHash('sha256').update(body).digest() });
  },
  (err) => parentPort.postMessage({ error: String((err && err.message) || err), code: err && err.code }),
);
parentPort.on('message', ({ offsets, docs, paragraphs }) => {
  let error = null;
  for (let i = 1; i < offsets.length && !error; i++) if (offsets[i] < offsets[i - 1]) error = 'offsets order';
  for (let i = 0; i < docs.length && !error; i++) if (docs[i] >= paragraphs) error = 'posting out of range';
  parentPort.postMessage({ checked: error });
});
`;

/** The loops of checkData, left to the index file's thread. */
interface PostingChecks {
  offsets: Uint32Array;
  docs: Uint32Array;
  paragraphs: number;
}

type Waiting = { resolve: (value: unknown) => void; reject: (err: Error) => void };

/**
 * The index file read, hashed and checked by a worker thread (see INDEX_THREAD): `read` when its
 * bytes are all in `bytes`, `digest` the SHA-256 of all but its last 32 bytes, `check` the
 * postings' structural checks. Throws (synchronously) when the file cannot be looked at.
 */
function indexThread(file: string) {
  const { size } = statSync(file);
  const buffer = new SharedArrayBuffer(size);
  const worker = new Worker(INDEX_THREAD, {
    eval: true,
    workerData: { file, buffer, parts: READ_PARTS, digestBytes: DIGEST_BYTES },
    execArgv: [],
  });
  const waiting = new Map<'read' | 'digest' | 'checked', Waiting>();
  const results = new Map<string, unknown>();
  let gone: Error | undefined;
  const fail = (err: Error) => {
    gone ??= err;
    for (const w of waiting.values()) w.reject(gone);
    waiting.clear();
  };
  const wait = <T>(what: 'read' | 'digest' | 'checked'): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (results.has(what)) return resolve(results.get(what) as T);
      if (gone) return reject(gone);
      waiting.set(what, { resolve: resolve as (value: unknown) => void, reject });
    });
  const settle = (what: 'read' | 'digest' | 'checked', value: unknown) => {
    results.set(what, value);
    waiting.get(what)?.resolve(value);
    waiting.delete(what);
  };
  worker.on(
    'message',
    (m: {
      read?: true;
      digest?: Uint8Array;
      checked?: string | null;
      error?: string;
      code?: string;
    }) => {
      if (m.error !== undefined)
        fail(Object.assign(new Error(m.error), m.code ? { code: m.code } : {}));
      else if (m.read) settle('read', true);
      else if (m.digest) settle('digest', Buffer.from(m.digest));
      else settle('checked', m.checked ?? null);
    },
  );
  worker.once('error', fail);
  worker.once('exit', (code) => fail(new Error(`index thread exited with code ${code}`)));
  const read = wait<true>('read').then(() => Buffer.from(buffer));
  const digest = wait<Buffer>('digest');
  read.catch(() => undefined);
  digest.catch(() => undefined);
  return {
    read,
    digest,
    async check(c: PostingChecks): Promise<void> {
      const checked = wait<string | null>('checked');
      worker.postMessage(c);
      const error = await checked;
      if (error) throw new Error(error);
    },
    stop(): void {
      gone ??= new Error('index thread stopped');
      waiting.clear();
      void worker.terminate();
    },
  };
}

type IndexThread = ReturnType<typeof indexThread>;

/**
 * Decodes a persisted base read by an index thread while that thread checks its SHA-256 (0.65 s at
 * a million paragraphs, done side by side on two cores) and then the postings' structure.
 * Nothing decoded is returned, and so nothing of it is believed, before the digest matches and the
 * checks pass; a damaged file can only make the decoding throw, which means a rebuild as a wrong
 * digest does. Without a thread (tests, a file read otherwise) the digest is computed and the
 * checks are run here first.
 */
export async function readIndex(
  bytes: Buffer,
  code: string,
  corpusDir: string,
  thread?: IndexThread,
): Promise<DecodedBase> {
  if (!thread) return decodeIndex(bytes, code, corpusDir);
  const bodyLength = bytes.length - DIGEST_BYTES;
  let checks: PostingChecks | undefined;
  const base = decodeIndex(bytes, code, corpusDir, {
    checked: true,
    checks: (c) => {
      checks = c;
    },
  });
  if (!(await thread.digest).equals(bytes.subarray(bodyLength))) throw new Error('checksum');
  if (checks) await thread.check(checks);
  return base;
}

// ------------------------------------------------------------------ journal

/** A statement file's record in the journal: the statement itself, since the base does not hold it. */
interface JournalRecord {
  size: number;
  mtimeMs: number;
  line: string;
  digest?: string;
  statement?: Statement;
  idLine?: number;
  problems: CorpusProblem[];
}

interface JournalEntry {
  /**
   * The hash of the entry before (the base's digest for the first): two processes appending to
   * one journal break the chain, and the last signature is then not trusted (see replay).
   */
  prev: string;
  /** The corpus signature once this change is applied, as the writer saw the corpus. */
  signature: string;
  /** Files' new signature lines; null for a file that is gone. */
  lines: [string, string | null][];
  /** The folder's links and unreadable subfolders, when they changed. */
  links?: string[];
  unreadable?: { dir: string; code: string }[];
  /** Statement files read again; null for one that is gone. */
  records: [string, JournalRecord | null][];
  /** Stat keys (walk.ts, statKey) of files whose line is the one recorded (in `lines` or before): a start believes those without reading them. */
  keys?: [string, string][];
  glossaries?: GlossaryRead;
  /** Who/when facts of the statements of `records`, by file. */
  facts: [string, StatementFacts][];
}

function entryLine(entry: JournalEntry): { line: string; hash: string } {
  const json = JSON.stringify(entry);
  const hash = createHash('sha256').update(json).digest('hex');
  return { line: `${hash} ${json}\n`, hash };
}

interface Journal {
  entries: JournalEntry[];
  /** Hash of the last good entry (the base's digest when none): the next entry's `prev`. */
  head: string;
  /** Whether every entry names the one before it: one writer after another. */
  chained: boolean;
  /** Bytes up to the end of the last good entry, and in all. */
  goodBytes: number;
  totalBytes: number;
}

/** The journal's good entries for the base with `digest`; an entry that does not check out ends it (a torn append). */
async function readJournal(file: string, digest: string): Promise<Journal> {
  let text: string;
  try {
    text = await readFile(journalFile(file), 'utf8');
  } catch {
    return { entries: [], head: digest, chained: true, goodBytes: 0, totalBytes: 0 };
  }
  const first = text.indexOf('\n');
  if (first === -1 || text.slice(0, first) !== `${JOURNAL_MAGIC} ${digest}`)
    return { entries: [], head: digest, chained: true, goodBytes: 0, totalBytes: text.length };
  const entries: JournalEntry[] = [];
  let head = digest;
  let chained = true;
  let at = first + 1;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    if (end === -1) break;
    const line = text.slice(at, end);
    const json = line.slice(65);
    const hash = line.slice(0, 64);
    if (line[64] !== ' ' || createHash('sha256').update(json).digest('hex') !== hash) break;
    const entry = JSON.parse(json) as JournalEntry;
    if (entry.prev !== head) chained = false;
    entries.push(entry);
    head = hash;
    at = end + 1;
  }
  return {
    entries,
    head,
    chained,
    goodBytes: Buffer.byteLength(text.slice(0, at)),
    totalBytes: Buffer.byteLength(text),
  };
}

function fromJournalRecord(r: JournalRecord): FileRecord {
  return {
    size: r.size,
    mtimeMs: r.mtimeMs,
    line: r.line,
    parsed: {
      problems: r.problems,
      ...(r.statement ? { statement: r.statement } : {}),
      ...(r.idLine !== undefined ? { idLine: r.idLine } : {}),
      ...(r.digest !== undefined ? { digest: r.digest } : {}),
    },
  };
}

function toJournalRecord(r: FileRecord): JournalRecord {
  const { statement, idLine, digest, problems } = r.parsed;
  return {
    size: r.size,
    mtimeMs: r.mtimeMs,
    line: r.line,
    problems,
    ...(statement ? { statement } : {}),
    ...(idLine !== undefined ? { idLine } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
}

// ------------------------------------------------------------------ encoding

interface Section {
  name: string;
  offset: number;
  bytes: number;
}

/** Strings stored as one UTF-8 block and their UTF-16 lengths. */
function encodeStrings(list: readonly string[]): { block: Buffer; lengths: Uint32Array } {
  return {
    block: Buffer.from(list.join(''), 'utf8'),
    lengths: Uint32Array.from(list, (s) => s.length),
  };
}

/** How a text is stored (see encodeTexts). */
const NARROW = 0;
const WIDE = 1;
const SAME = 2;

/**
 * Texts stored by width, each kind as one block: those whose every code unit fits in a byte
 * (most English paragraphs without a curly quote) as Latin-1, one byte a character; the others
 * as UTF-16. A text is decoded from its block when read (see TextBlock): a copy, with no UTF-8 to
 * decode. A text equal to the same position of `same` (a normalized text that normalizing left as
 * it was) is stored as a reference to it.
 */
function encodeTexts(
  list: readonly string[],
  same?: readonly string[],
): { narrow: Buffer; wide: Buffer; lengths: Uint32Array; kinds: Uint8Array } {
  const narrow: string[] = [];
  const wide: string[] = [];
  const lengths = new Uint32Array(list.length);
  const kinds = new Uint8Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const text = list[i]!;
    lengths[i] = text.length;
    if (same && same[i] === text) kinds[i] = SAME;
    else if (/[\u0100-\uffff]/.test(text)) {
      kinds[i] = WIDE;
      wide.push(text);
    } else {
      kinds[i] = NARROW;
      narrow.push(text);
    }
  }
  return {
    narrow: Buffer.from(narrow.join(''), 'latin1'),
    wide: Buffer.from(wide.join(''), 'utf16le'),
    lengths,
    kinds,
  };
}

/**
 * Texts decoded by encodeTexts, read from the file's bytes when asked for: a start makes no string
 * of them (copying the blocks into strings was a quarter of a second at a million paragraphs, and
 * 400 MB of memory beside the file's), and a text is decoded (a copy of its bytes) each time it is
 * read: the paragraphs of a statement once, when they are first read (see deferParagraphs).
 */
class TextBlock implements TextList {
  readonly length: number;
  /** Where each text starts in its kind's block, in characters. */
  private readonly starts: Uint32Array;

  constructor(
    private readonly narrow: Buffer,
    private readonly wide: Buffer,
    private readonly lengths: Uint32Array,
    private readonly kinds: Uint8Array,
    private readonly same?: TextBlock,
  ) {
    if (kinds.length !== lengths.length || wide.length % 2 !== 0) throw new Error('text block');
    this.length = lengths.length;
    this.starts = new Uint32Array(lengths.length);
    let n = 0;
    let w = 0;
    for (let i = 0; i < lengths.length; i++) {
      const length = lengths[i]!;
      const kind = kinds[i];
      if (kind === NARROW) {
        this.starts[i] = n;
        n += length;
      } else if (kind === WIDE) {
        this.starts[i] = w;
        w += length;
      } else if (!(kind === SAME && same && i < same.length && same.lengths[i] === length))
        throw new Error('text kind');
    }
    if (n !== narrow.length || w * 2 !== wide.length) throw new Error('text block length mismatch');
  }

  at(i: number): string | undefined {
    if (!(i >= 0 && i < this.length)) return undefined;
    const kind = this.kinds[i];
    if (kind === SAME) return this.same!.at(i);
    const start = this.starts[i]!;
    const end = start + this.lengths[i]!;
    return kind === NARROW
      ? this.narrow.toString('latin1', start, end)
      : this.wide.toString('utf16le', start * 2, end * 2);
  }
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

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** A typed array over the file's bytes (aligned, no copy) or over a copy when not aligned. */
function typed<T>(
  file: Buffer,
  at: number,
  bytes: number,
  make: (b: ArrayBuffer, o: number, n: number) => T,
  size: number,
): T {
  if (bytes % size !== 0) throw new Error('section size');
  const offset = file.byteOffset + at;
  if (offset % size === 0) return make(file.buffer as ArrayBuffer, offset, bytes / size);
  const copy = new Uint8Array(bytes);
  copy.set(file.subarray(at, at + bytes));
  return make(copy.buffer, 0, bytes / size);
}

/** Cheap structural checks: a damaged file must fail here rather than answer wrongly. */
function checkData(
  d: TermIndexData,
  paragraphs: number,
  normalized: number,
  loops?: (c: PostingChecks) => void,
): void {
  if (normalized !== paragraphs || d.fieldLength.length !== paragraphs)
    throw new Error('document count');
  if (
    d.offsets.length !== d.terms.length + 1 ||
    d.offsets[0] !== 0 ||
    d.offsets[d.terms.length] !== d.docs.length
  ) {
    throw new Error('offsets');
  }
  if (d.freqs.length !== d.docs.length) throw new Error('freqs');
  if (!Number.isFinite(d.avgFieldLength)) throw new Error('average field length');
  // A pass over every posting (0.1 s at a million paragraphs): the hashing thread's, when there is one.
  if (loops) {
    loops({ offsets: d.offsets, docs: d.docs, paragraphs });
    return;
  }
  for (let i = 1; i < d.offsets.length; i++)
    if (d.offsets[i]! < d.offsets[i - 1]!) throw new Error('offsets order');
  for (let i = 0; i < d.docs.length; i++)
    if (d.docs[i]! >= paragraphs) throw new Error('posting out of range');
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
    const m = name.startsWith(prefix)
      ? /^(\d+)\.(\d+)\.tmp$/.exec(name.slice(prefix.length))
      : null;
    if (!m) continue;
    const pid = Number(m[1]);
    const tmp = path.join(dir, name);
    const age = await stat(tmp).then(
      (s) => now - s.mtimeMs,
      () => undefined,
    );
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

// ------------------------------------------------------------------ updates

/**
 * The corpus after a reload, indexed: the index updated in place of a rebuild (see
 * ParagraphIndex.update), the persisted facts kept for unchanged statements, the glossaries read
 * again only when one changed.
 */
export async function updateIndexedCorpus(
  prev: IndexedCorpus,
  reloaded: Reloaded,
): Promise<IndexedCorpus> {
  const { corpus } = reloaded;
  const statements = corpus.statements;
  let facts: LayeredFacts | undefined;
  if (prev.facts instanceof LayeredFacts) facts = prev.facts.over(statements);
  else if (prev.facts instanceof StoredFacts) {
    facts = new LayeredFacts(
      statements,
      new Map(prev.corpus.statements.map((s, i) => [s, i])),
      prev.facts,
      new Map(),
    );
  }
  const glossaries =
    reloaded.glossariesChanged || !prev.glossaries
      ? await readGlossaryFiles(corpus)
      : prev.glossaries;
  const files = reloaded.files;
  return {
    corpus,
    index: prev.index.update(statements),
    ...(facts ? { facts } : {}),
    glossaries,
    fromCache: prev.fromCache,
    files: () => files,
    ...(prev.store ? { store: prev.store } : {}),
  };
}

/** The files whose signature lines differ between two states (added and removed ones included). */
function differingFiles(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [rel, line] of a) if (b.get(rel) !== line) out.push(rel);
  for (const rel of b.keys()) if (!a.has(rel)) out.push(rel);
  return out;
}

/**
 * The persisted index of one corpus folder, kept up to date: each change the live engine
 * applies is appended to the journal, with the corpus signature it leads to.
 */
export class IndexStore {
  private appending: Promise<void> = Promise.resolve();
  /** Set when an append failed: nothing more is recorded in this process. */
  private broken = false;

  constructor(
    readonly file: string,
    private readonly baseDigest: string,
    /** The last entry's hash (the base's digest before any): the next entry's `prev`. */
    private head: string,
    private readonly code: string,
    /** Every file's signature line and the unreadable folders, as the journal leaves them. */
    lines: ReadonlyMap<string, string>,
    private unreadable: string[],
    /** Whether the journal file already starts with the base's digest. */
    private started: boolean,
    private readonly logger?: Logger,
  ) {
    // Its own copy: appends change it in place.
    this.lines = new SignatureLines(lines);
  }

  private readonly lines: SignatureLines;

  /**
   * Records a reload in the journal: the statement files read again (compared by identity with
   * the records before), the glossaries if they changed, and every changed file's signature
   * line. Appends run one after another; a failure is logged, and the next start finds the
   * difference by the signature and reads the files again.
   */
  record(before: CorpusFiles, after: Reloaded, next: IndexedCorpus): Promise<void> {
    // Begun on a later turn of the event loop: the new corpus is served and asked first.
    const later = () => new Promise<void>((resolve) => setImmediate(resolve));
    const run = this.appending
      .then(later)
      .then(() => this.append(before, after, next))
      .catch((err: Error) => {
        this.logger?.warn(
          { file: this.file, reason: err.message },
          'index journal not written; the next start reads the changed files again',
        );
      });
    this.appending = run;
    return run;
  }

  /** Resolves when every change recorded so far is written. */
  flushed(): Promise<void> {
    return this.appending;
  }

  private async append(before: CorpusFiles, after: Reloaded, next: IndexedCorpus): Promise<void> {
    const files = after.files;
    if (!files || this.broken) return;
    const root = files.root;
    const records: [string, JournalRecord | null][] = [];
    const facts: [string, StatementFacts][] = [];
    const changedLines: [string, string | null][] = [];
    const changedKeys: [string, string][] = [];
    const factsOf = (s: Statement) =>
      next.facts instanceof LayeredFacts ? next.facts.factsOf(s) : extractFacts(s);
    const listed = (rel: string) => {
      const abs = path.join(root, rel);
      return files.listing.files[lowerBound(files.listing.files, abs)] === abs;
    };
    // The paths a reload named are all that can differ; after a scan, any file can.
    const candidates = after.touched ?? [
      ...new Set([
        ...before.records.keys(),
        ...this.lines.paths(),
        ...files.listing.files.map((f) => path.relative(root, f)),
      ]),
    ];
    for (const rel of candidates) {
      const record = files.records.get(rel);
      if (record !== before.records.get(rel)) {
        records.push([rel, record ? toJournalRecord(record) : null]);
        const s = record?.parsed.statement;
        if (s) facts.push([rel, factsOf(s)]);
      }
      // Glossaries and other files are hashed here: they are few, and the signature counts them.
      let line: string | null = null;
      let key = '';
      if (record) {
        line = record.line;
        key = record.key ?? '';
      } else if (listed(rel)) ({ line, key } = await keyedFileEntry(root, path.join(root, rel)));
      if (line !== (this.lines.get(rel) ?? null)) {
        changedLines.push([rel, line]);
        if (line !== null && key) changedKeys.push([rel, key]);
      }
    }
    const unreadable = files.listing.unreadable.map((u) => path.relative(root, u.dir));
    const links = files.listing.links.map((l) => path.relative(root, l));
    const beforeLinks = before.listing.links.map((l) => path.relative(root, l));
    for (const [rel, line] of changedLines) this.lines.set(rel, line);
    const entry: JournalEntry = {
      prev: this.head,
      signature: this.lines.signature(this.code, unreadable),
      lines: changedLines,
      records,
      facts,
      ...(changedKeys.length ? { keys: changedKeys } : {}),
      ...(after.glossariesChanged && next.glossaries ? { glossaries: next.glossaries } : {}),
      ...(links.join('\0') !== beforeLinks.join('\0') ? { links } : {}),
      ...(unreadable.join('\0') !== this.unreadable.join('\0')
        ? {
            unreadable: files.listing.unreadable.map((u) => ({
              dir: path.relative(root, u.dir),
              code: u.code,
            })),
          }
        : {}),
    };
    if (
      !records.length &&
      !changedLines.length &&
      !entry.glossaries &&
      !entry.links &&
      !entry.unreadable
    )
      return;
    await this.write(entry);
    this.unreadable = unreadable;
  }

  /**
   * Records the stat keys of files found unchanged by their content (hashed at a start because
   * their key had changed: a copy of the folder, a `touch` undone, a checkout): the next start
   * believes them without reading them. Changes nothing else.
   */
  recordKeys(keys: [string, string][]): Promise<void> {
    const usable = keys.filter(([, key]) => key !== '');
    if (!usable.length) return this.appending;
    const later = () => new Promise<void>((resolve) => setImmediate(resolve));
    const run = this.appending
      .then(later)
      .then(() =>
        this.broken
          ? undefined
          : this.write({
              prev: this.head,
              signature: this.lines.signature(this.code, this.unreadable),
              lines: [],
              records: [],
              facts: [],
              keys: usable,
            }),
      )
      .catch((err: Error) => {
        this.logger?.warn(
          { file: this.file, reason: err.message },
          'index journal not written; the next start hashes those files again',
        );
      });
    this.appending = run;
    return run;
  }

  private async write(entry: JournalEntry): Promise<void> {
    const { line, hash } = entryLine(entry);
    const text = `${this.started ? '' : `${JOURNAL_MAGIC} ${this.baseDigest}\n`}${line}`;
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      if (this.started) await appendFile(journalFile(this.file), text);
      else await writeFile(journalFile(this.file), text);
    } catch (err) {
      // The lines above already count this change: later entries would be signed for files whose
      // records the journal lacks. Stop here; the next start finds the differences by hashing.
      this.broken = true;
      throw err;
    }
    this.started = true;
    this.head = hash;
  }
}

/** Whether a journal entry only records stat keys: the files and the index are as before it. */
function keysOnly(e: JournalEntry): boolean {
  return !e.lines.length && !e.records.length && !e.glossaries && !e.links && !e.unreadable;
}

/** Every file's line and stat key as the base and the journal leave them. */
function knownFiles(
  base: DecodedBase,
  entries: readonly JournalEntry[],
): { lines: Map<string, string>; keys: Map<string, string> } {
  if (!entries.length) return { lines: base.lines, keys: base.keys };
  const lines = new Map(base.lines);
  const keys = new Map(base.keys);
  for (const e of entries) {
    for (const [rel, line] of e.lines) {
      if (line === null) lines.delete(rel);
      else lines.set(rel, line);
      keys.delete(rel);
    }
    for (const [rel, key] of e.keys ?? []) if (lines.has(rel)) keys.set(rel, key);
  }
  return { lines, keys };
}

/** The base with the journal applied: the loader's state, the corpus as a fresh load assembles it, the index updated. */
async function replay(
  base: DecodedBase,
  entries: readonly JournalEntry[],
): Promise<{
  indexed: IndexedCorpus;
  files: CorpusFiles;
  lines: Map<string, string>;
  unreadable: string[];
}> {
  const { files: baseFiles, lines: baseLines } = base.stored();
  const root = baseFiles.root;
  const records = new Map(baseFiles.records);
  const lines = new Map(baseLines);
  let links = baseFiles.listing.links;
  let unreadable = baseFiles.listing.unreadable;
  let glossaries = base.glossaries;
  const journalFacts = new Map<string, StatementFacts>();
  for (const e of entries) {
    for (const [rel, line] of e.lines) {
      if (line === null) lines.delete(rel);
      else lines.set(rel, line);
    }
    for (const [rel, r] of e.records) {
      if (r === null) records.delete(rel);
      else records.set(rel, fromJournalRecord(r));
    }
    for (const [rel, f] of e.facts) journalFacts.set(rel, f);
    if (e.links) links = e.links.map((l) => path.join(root, l));
    if (e.unreadable)
      unreadable = e.unreadable.map((u) => ({ dir: path.join(root, u.dir), code: u.code }));
    if (e.glossaries) glossaries = e.glossaries;
  }
  const files: CorpusFiles = {
    root,
    listing: {
      files: [...lines.keys()].sort(byPath).map((rel) => path.join(root, rel)),
      links,
      unreadable,
    },
    records,
    glossaries: new Map(),
  };
  const corpus = assemble(files, {});
  const extracted = new Map<Statement, StatementFacts>();
  for (const [rel, r] of records) {
    const f = r.parsed.statement && journalFacts.get(rel);
    if (f) extracted.set(r.parsed.statement!, f);
  }
  const position = new Map(base.corpus.statements.map((s, i) => [s, i]));
  const indexed: IndexedCorpus = {
    corpus,
    index: base.index.update(corpus.statements),
    facts: new LayeredFacts(corpus.statements, position, base.facts, extracted),
    glossaries,
    fromCache: true,
    files: () => files,
  };
  return { indexed, files, lines, unreadable: unreadable.map((u) => path.relative(root, u.dir)) };
}

/**
 * The corpus and its index: from the cache when it matches the corpus (the journal replayed, and
 * the files that differ read again), otherwise loaded, built and written. A cache that cannot be
 * read or written is only logged: the bot still starts.
 */
export async function loadIndexedCorpus(
  corpusDir: string,
  options: PersistOptions = {},
): Promise<IndexedCorpus> {
  const { logger } = options;
  const cacheDir = options.cacheDir === undefined ? defaultCacheDir(corpusDir) : options.cacheDir;
  if (cacheDir === false) {
    const { corpus, files } = await loadCorpusFiles(corpusDir);
    return {
      corpus,
      index: new ParagraphIndex(corpus.statements),
      fromCache: false,
      files: () => files,
    };
  }
  const root = path.resolve(corpusDir);
  const file = cacheFile(corpusDir, cacheDir);
  const removed = await removeStaleTemps(file);
  if (removed.length) logger?.info({ removed }, 'removed temporary cache files left by a crash');
  const code = await fingerprintCode();
  let snap: Snapshot | undefined;
  let state: CorpusState | undefined;
  let thread: IndexThread | undefined;
  try {
    // The index file is read, hashed and checked by a worker thread while the folder is looked at
    // (synchronously) and the file decoded.
    let missing: unknown;
    try {
      thread = indexThread(file);
    } catch (err) {
      missing = err;
    }
    // Taken before any corpus file is read: if files change meanwhile, their stat keys differ next time.
    // Also when there is no index file: the build that follows records them.
    snap = snapshot(root);
    if (!thread) throw missing;
    const reading = thread;
    const base = await readIndex(await reading.read, code, root, reading).finally(() =>
      reading.stop(),
    );
    const journal = await readJournal(file, base.digest);
    // A torn last entry is cut off, so that what is appended next follows the good ones.
    if (journal.goodBytes > 0 && journal.goodBytes < journal.totalBytes)
      await truncate(journalFile(file), journal.goodBytes);
    const known = knownFiles(base, journal.entries);
    // A file whose stat key is the one recorded keeps its recorded line; the others are hashed.
    state = await stateOf(snap, (rel, key) =>
      key !== '' && known.keys.get(rel) === key ? known.lines.get(rel) : undefined,
    );
    const current = signatureOf(code, state.lines, state.unreadable);
    const store = (lines: Map<string, string>, unreadable: string[]) =>
      new IndexStore(
        file,
        base.digest,
        journal.head,
        code,
        lines,
        unreadable,
        journal.goodBytes > 0,
        logger,
      );
    // The stat keys of files hashed and found as recorded, for the next start to believe.
    const rekeyed = (lines: ReadonlyMap<string, string>): [string, string][] =>
      state!.hashed.flatMap((rel) =>
        lines.get(rel) === state!.lines.get(rel)
          ? [[rel, state!.keys.get(rel)!] as [string, string]]
          : [],
      );
    if (journal.entries.every(keysOnly) && base.signature === current) {
      logger?.info(
        { file, statements: base.corpus.statements.length, hashed: state.hashed.length },
        'index loaded from cache',
      );
      let made: IndexStore | undefined;
      const indexed: IndexedCorpus = {
        corpus: base.corpus,
        index: base.index,
        facts: base.facts,
        glossaries: base.glossaries,
        fromCache: true,
        hashed: state.hashed.length,
        believed: state.lines.size - state.hashed.length,
        files: () => base.stored().files,
      };
      // Made when a change is recorded (or keys are), not at every start.
      Object.defineProperty(indexed, 'store', {
        enumerable: true,
        get: () => (made ??= store(known.lines, state!.unreadable)),
      });
      if (state.hashed.length) await indexed.store!.recordKeys(rekeyed(known.lines));
      return indexed;
    }
    const replayed = await replay(base, journal.entries);
    // One writer after another: the last entry's signature is the replayed files'. Otherwise
    // (two processes appended) each file's last line is what counts: hash them.
    const expected = journal.chained
      ? (journal.entries.at(-1)?.signature ?? base.signature)
      : signatureOf(code, replayed.lines, replayed.unreadable);
    const differing = expected === current ? [] : differingFiles(replayed.lines, state.lines);
    const sameFolders = replayed.unreadable.join('\0') === state.unreadable.join('\0');
    if (!sameFolders || differing.length > Math.max(20, state.lines.size * MAX_UPDATED_SHARE))
      throw new Error(`${differing.length} files changed`);
    let indexed: IndexedCorpus & { store: IndexStore } = {
      ...replayed.indexed,
      hashed: state.hashed.length,
      believed: state.lines.size - state.hashed.length,
      store: store(replayed.lines, replayed.unreadable),
    };
    let updated: string[] | undefined;
    if (differing.length || expected !== current) {
      const reloaded = await reloadCorpusFiles(replayed.files, differing);
      indexed = { ...(await updateIndexedCorpus(indexed, reloaded)), store: indexed.store };
      updated = differing;
      await indexed.store.record(replayed.files, reloaded, indexed);
      logger?.info({ file, files: differing }, 'index loaded from cache; changed files read again');
    } else
      logger?.info(
        { file, statements: indexed.corpus.statements.length, changes: journal.entries.length },
        'index loaded from cache and journal',
      );
    await indexed.store.recordKeys(rekeyed(replayed.lines));
    const reread = journal.entries.reduce((n, e) => n + e.records.length, 0);
    if (reread > MAX_JOURNAL_SHARE * Math.max(100, base.corpus.statements.length)) {
      const written = await writeBase(file, code, state, indexed, logger);
      if (written)
        indexed = {
          ...indexed,
          store: storeFor(file, written.bytes, code, written.lines, state.unreadable, logger),
        };
    }
    return { ...indexed, fromCache: true, ...(updated ? { updated } : {}) };
  } catch (err) {
    thread?.stop();
    const reason = (err as Error).message;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
      logger?.info({ file, reason }, 'index cache not used; rebuilding');
  }
  const { corpus, files, index, facts: encoded } = await buildIndexed(corpusDir);
  const glossaries = await readGlossaryFiles(corpus);
  let indexed: IndexedCorpus = {
    corpus,
    index,
    facts: new StoredFacts(encoded),
    glossaries,
    fromCache: false,
    files: () => files,
  };
  // A folder that does not exist has no signature; nothing to cache then.
  if (snap && files && corpus.statements.length > 0) {
    try {
      // A statement file's line is the one of the bytes the build read (its record); the keys are
      // the snapshot's, taken before: a file that changed since has another key at the next start.
      const built = await stateOf(snap, (rel) => files.records.get(rel)?.line);
      const bytes = encodeIndex({
        code,
        signature: signatureOf(code, built.lines, built.unreadable),
        corpus,
        index,
        facts: encoded,
        glossaries,
        lines: built.lines,
        keys: built.keys,
        files,
      });
      await writeIndexFile(file, bytes);
      await rm(journalFile(file), { force: true });
      // What is served is what the next start reads from the file: the texts in their compact,
      // mostly off-heap form (see encodeTexts) instead of one string per paragraph as parsed; the
      // build's own objects are left to the garbage collector.
      const base = decodeIndex(bytes, code, root, { checked: true });
      indexed = {
        corpus: base.corpus,
        index: base.index,
        facts: base.facts,
        glossaries: base.glossaries,
        fromCache: false,
        files: () => base.stored().files,
        store: storeFor(file, bytes, code, built.lines, built.unreadable, logger),
      };
    } catch (err) {
      logger?.warn({ file, reason: (err as Error).message }, 'index cache not written');
    }
  }
  return indexed;
}

/** A store for the base just written at `file` (`bytes`), whose files have `lines`. */
function storeFor(
  file: string,
  bytes: Buffer,
  code: string,
  lines: Map<string, string>,
  unreadable: string[],
  logger?: Logger,
): IndexStore {
  const digest = bytes.subarray(bytes.length - DIGEST_BYTES).toString('hex');
  return new IndexStore(file, digest, digest, code, lines, unreadable, false, logger);
}

/**
 * Writes a new base from a replayed state (the journal had grown too long) and empties the
 * journal: the index data merged in corpus order, the facts of every statement.
 */
async function writeBase(
  file: string,
  code: string,
  state: CorpusState,
  indexed: IndexedCorpus,
  logger?: Logger,
): Promise<{ lines: Map<string, string>; bytes: Buffer } | undefined> {
  const files = indexed.files();
  if (!files || !indexed.facts) return undefined;
  const { corpus } = indexed;
  const facts = encodeFacts(corpus.statements.map((_, i) => indexed.facts!.get(i)));
  const lines = new Map(state.lines);
  for (const [rel, r] of files.records) lines.set(rel, r.line);
  try {
    const bytes = encodeIndex({
      code,
      signature: signatureOf(code, lines, state.unreadable),
      corpus,
      index: indexed.index,
      facts,
      glossaries: indexed.glossaries!,
      lines,
      keys: state.keys,
      files,
    });
    await writeIndexFile(file, bytes);
    await rm(journalFile(file), { force: true });
    logger?.info({ file }, 'index journal folded into a new base');
    return { lines, bytes };
  } catch (err) {
    logger?.warn({ file, reason: (err as Error).message }, 'index base not rewritten');
    return undefined;
  }
}
