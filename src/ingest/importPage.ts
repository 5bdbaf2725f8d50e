/**
 * `readout import URL|FILE.html`: a publisher's page in, a corpus file out, written by the same
 * importer as pasted text (src/corpus/import.ts) so both make identical files. A page already in
 * the corpus (same source URL) is updated in place under its id, never duplicated.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { importStatement } from '../corpus/import.ts';
import { loadCorpus } from '../corpus/load.ts';
import type { Statement } from '../corpus/types.ts';
import { decodeBody, fetchResource, FetchError, HTML_TYPES, type FetchOptions } from './fetch.ts';
import { extractPage, type ExtractedPage } from './extract.ts';
import type { PublisherLookup } from './publishers.ts';

export interface PageImportOptions {
  /** Folder the statement is written to (the corpus folder, or --out). */
  outDir: string;
  /** From command-line flags (--date, --publisher...): they win over what the page says. */
  overrides?: Record<string, string | undefined>;
  publisherOf?: PublisherLookup | undefined;
  fetch?: FetchOptions;
  /** Statements already in `outDir`, by source URL (see `corpusSources`); read when not given. */
  known?: Map<string, KnownStatement> | undefined;
  /** Overwrite a different statement's file of the same name. */
  force?: boolean;
}

export interface KnownStatement {
  id: string;
  /** Path relative to the corpus folder. */
  file: string;
  language?: string;
  /** Its `event:`, kept when the page is imported again. */
  event?: string;
}

export interface PageImportResult {
  input: string;
  /** The written file, relative to `outDir`, when it worked. */
  file?: string;
  action?: 'added' | 'updated' | 'unchanged';
  /** One line that says what is wrong and what to do, when it did not. */
  error?: string;
  /** The error may pass (the site could not be reached): worth trying again later. */
  retry?: boolean;
  page?: ExtractedPage;
  id?: string;
  /** The `event:` written, if any. */
  event?: string;
}

/** A page read and turned into a statement file, not yet written. */
export interface PreparedPage {
  input: string;
  /** Where it was fetched from, after redirects (none for a saved file). */
  url?: string;
  page: ExtractedPage;
  /** The source URL the file gets (a --source flag, else the page's). */
  source?: string;
  /** The statement already in the corpus under that source: it is updated under its id. */
  before?: KnownStatement;
  /** The file as it would be written without an `event:` of its own (none given, none kept). */
  content: string;
  fileName: string;
}

export const isUrl = (input: string) => /^https?:\/\//i.test(input);

/** Statements of a corpus folder by their source URL, to find a page imported before. */
export async function corpusSources(dir: string): Promise<Map<string, KnownStatement>> {
  const corpus = await loadCorpus(dir);
  const out = new Map<string, KnownStatement>();
  for (const s of corpus.statements) if (s.source) out.set(s.source, knownOf(s));
  return out;
}

export const knownOf = (s: Statement): KnownStatement => ({
  id: s.id,
  file: s.file,
  language: s.language,
  ...(s.event ? { event: s.event } : {}),
});

/** Written whole then renamed: the live corpus watcher never reads half a statement. */
export async function writeAtomically(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await writeFile(temp, content, 'utf8');
  await rename(temp, file);
}

async function readPage(
  input: string,
  options: PageImportOptions,
): Promise<{ html: string; url?: string }> {
  if (isUrl(input)) {
    const fetched = await fetchResource(input, { accept: HTML_TYPES, ...options.fetch });
    return { html: decodeBody(fetched.body, fetched.contentType), url: fetched.url };
  }
  const bytes = await readFile(input).catch(() => undefined);
  if (!bytes) throw new FetchError(input, 'cannot read the file');
  return { html: decodeBody(bytes) };
}

/** What the page lacks, as the one line the user reads (with the flag that supplies it). */
function missing(
  page: ExtractedPage,
  overrides: Record<string, string | undefined>,
): string | undefined {
  if (page.paragraphs.length === 0)
    return 'no statement text found on the page (is it the statement itself, not an index?)';
  for (const key of ['title', 'date', 'publisher'] as const) {
    if (!page[key] && !overrides[key])
      return `no ${key} found on the page; pass --${key}${key === 'date' ? ' YYYY-MM-DD' : ' "..."'}`;
  }
  return undefined;
}

/** Reads a page and makes its statement file; writes nothing. */
export async function preparePage(
  input: string,
  options: PageImportOptions,
): Promise<PreparedPage | PageImportResult> {
  let page: ExtractedPage;
  let fetchedUrl: string | undefined;
  try {
    const { html, url } = await readPage(input, options);
    fetchedUrl = url;
    page = extractPage(html, url, options.publisherOf);
  } catch (err) {
    if (err instanceof FetchError) return { input, error: err.message, retry: err.transient };
    throw err;
  }
  const overrides = given(options.overrides);
  const lack = missing(page, overrides);
  if (lack) return { input, error: lack, page };

  const known = options.known ?? (options.known = await corpusSources(options.outDir));
  const source = overrides.source ?? page.source;
  const before = source ? known.get(source) : undefined;
  const built = compose(page, input, source, before, overrides, undefined);
  if ('error' in built) return { input, error: built.error, page };
  return {
    input,
    ...(fetchedUrl ? { url: fetchedUrl } : {}),
    page,
    ...(source ? { source } : {}),
    ...(before ? { before } : {}),
    ...built,
  };
}

export const isPrepared = (p: PreparedPage | PageImportResult): p is PreparedPage => 'content' in p;

const given = (flags: Record<string, string | undefined> = {}) =>
  Object.fromEntries(Object.entries(flags).filter(([, v]) => v)) as Record<string, string>;

function compose(
  page: ExtractedPage,
  input: string,
  source: string | undefined,
  before: KnownStatement | undefined,
  overrides: Record<string, string>,
  event: string | undefined,
): { content: string; fileName: string } | { error: string } {
  const headers = [
    `title: ${page.title ?? ''}`,
    `date: ${page.date ?? ''}`,
    `language: ${page.language}`,
    `publisher: ${page.publisher ?? ''}`,
    ...(source ? [`source: ${source}`] : []),
  ].filter((line) => !/:\s*$/.test(line));
  const raw = `${headers.join('\n')}\n\n${page.paragraphs.join('\n\n')}\n`;
  // Re-importing a page keeps the id it was published under: citations and links stay valid.
  const result = importStatement(raw, input, {
    ...overrides,
    ...(before && !overrides.id ? { id: before.id } : {}),
    ...(event ? { event } : {}),
  });
  if (!result.fileName || !result.content)
    return { error: result.problems.map((p) => p.message).join('; ') };
  return { content: result.content, fileName: result.fileName };
}

/**
 * Writes a prepared statement: under the file it already has (same source), else a new one.
 * `event` is the `event:` to give it; without one it keeps the one it had (the --event flag wins).
 */
export async function writePrepared(
  prepared: PreparedPage,
  options: PageImportOptions,
  event?: string,
): Promise<PageImportResult> {
  const { input, page, before, source } = prepared;
  const overrides = given(options.overrides);
  const keep = event ?? overrides.event ?? before?.event;
  const built = keep ? compose(page, input, source, before, overrides, keep) : prepared;
  if ('error' in built) return { input, error: built.error, page };
  const rel = before?.file ?? built.fileName;
  const target = path.join(options.outDir, rel);
  const id = idOf(built.content);
  const done = (action: NonNullable<PageImportResult['action']>): PageImportResult => ({
    input,
    file: rel,
    action,
    page,
    id,
    ...(keep ? { event: keep } : {}),
  });
  const old = await readFile(target, 'utf8').catch(() => undefined);
  if (old === built.content) return done('unchanged');
  if (!before && old !== undefined && !options.force) {
    return {
      input,
      error: `${rel} already holds another statement (use --force to overwrite, or --id to name this one)`,
      page,
    };
  }
  await writeAtomically(target, built.content);
  if (source)
    (options.known ??= new Map()).set(source, {
      id,
      file: rel,
      language: page.language,
      ...(keep ? { event: keep } : {}),
    });
  return done(old !== undefined ? 'updated' : 'added');
}

export async function importPage(
  input: string,
  options: PageImportOptions,
): Promise<PageImportResult> {
  const prepared = await preparePage(input, options);
  return isPrepared(prepared) ? writePrepared(prepared, options) : prepared;
}

const idOf = (content: string) =>
  /^id: (.+)$/m.exec(content)?.[1]?.replace(/^["']|["']$/g, '') ?? '';
