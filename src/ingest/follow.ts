/**
 * Following publishers: the feeds listed in feeds.yaml are read, and each item whose page is not
 * yet in the corpus (by source URL) is imported into the corpus folder, where the running bot's
 * corpus watcher picks it up. One pass is `readout follow`; the bot repeats passes at the
 * configured interval. Requests go one at a time, with a pause between two to the same host,
 * conditional on the feed's ETag / Last-Modified, under a User-Agent that says who asks.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { Logger } from '../logger.ts';
import { decodeBody, fetchResource, FEED_TYPES, FetchError, type FetchOptions } from './fetch.ts';
import { looksLikeXml, parseFeed, parseIndexPage, type FeedItem } from './feeds.ts';
import { loadCorpus } from '../corpus/load.ts';
import { knownOf, writeAtomically, type PageImportResult } from './importPage.ts';
import { importWithPairs, type PairingRule, type PairNote } from './pairs.ts';
import { publisherLookup, publisherTable, readPublisherFile } from './publishers.ts';

export interface FeedSource {
  url: string;
  /** For index pages: only links whose path contains this. */
  match?: string;
  /** Overrides the publisher the page or the host table gives. */
  publisher?: string;
}

export interface FeedsConfig {
  file: string;
  feeds: FeedSource[];
  /** How often the running bot reads the feeds, ms; 0: never (run `readout follow` instead). */
  pollMs: number;
  allowHosts: string[];
  publishers: ReturnType<typeof publisherTable>;
}

/** feeds.yaml sits in the corpus folder, beside glossary.yaml, unless FEEDS_FILE says otherwise. */
export function feedsFileFor(corpusDir: string, env: Record<string, string | undefined>): string {
  return path.resolve(env.FEEDS_FILE?.trim() || path.join(corpusDir, 'feeds.yaml'));
}

/** Hosts the operator allows at private addresses: FETCH_ALLOW_HOSTS (comma-separated) and feeds.yaml. */
export function allowedHosts(
  env: Record<string, string | undefined>,
  more: readonly string[] = [],
): string[] {
  return [
    ...(env.FETCH_ALLOW_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean),
    ...more,
  ];
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };
/** Never more often than this, whatever feeds.yaml says: publishers are not ours to hammer. */
export const MIN_POLL_MS = 60_000;

function duration(value: unknown, file: string): number {
  if (value === undefined || value === null || value === 0 || value === '0' || value === 'off')
    return 0;
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)$/.exec(String(value).trim());
  if (!m) throw new Error(`${file}: poll must be a duration such as 30m or 1h (or off)`);
  return Math.round(Number(m[1]) * UNITS[m[2]!]!);
}

/** Reads and checks feeds.yaml; an error names the file and the entry to fix. */
export async function readFeedsFile(
  file: string,
): Promise<FeedsConfig | { error: string; missing?: boolean }> {
  const name = path.basename(file);
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) =>
    err.code === 'ENOENT' ? undefined : null,
  );
  if (text === undefined)
    return {
      error: `no feeds file at ${file}: create it with a "feeds:" list of feed URLs (see docs/ingestion.md)`,
      missing: true,
    };
  if (text === null) return { error: `${file} cannot be read` };
  try {
    const raw = (parse(text) ?? {}) as Record<string, unknown>;
    if (typeof raw !== 'object' || Array.isArray(raw))
      throw new Error(`${name}: expected "feeds:", "poll:" and other "key: value" lines`);
    const list = raw.feeds ?? [];
    if (!Array.isArray(list)) throw new Error(`${name}: feeds must be a list of URLs`);
    const feeds = list.map((entry, i): FeedSource => {
      const f = typeof entry === 'string' ? { url: entry } : (entry as Record<string, unknown>);
      const url = typeof f?.url === 'string' ? f.url.trim() : '';
      if (!/^https?:\/\/\S+$/.test(url))
        throw new Error(`${name}: feed ${i + 1} needs an http(s) url`);
      return {
        url,
        ...(typeof f.match === 'string' ? { match: f.match } : {}),
        ...(typeof f.publisher === 'string' ? { publisher: f.publisher } : {}),
      };
    });
    const pollMs = duration(raw.poll, name);
    if (pollMs > 0 && pollMs < MIN_POLL_MS)
      throw new Error(`${name}: poll must be at least 1m, to be polite to the publishers`);
    const allow = raw.allowHosts ?? [];
    if (!Array.isArray(allow) || !allow.every((h) => typeof h === 'string'))
      throw new Error(`${name}: allowHosts must be a list of host names`);
    return {
      file,
      feeds,
      pollMs,
      allowHosts: allow as string[],
      publishers: publisherTable(raw.publishers, name),
    };
  } catch (err) {
    return { error: err instanceof Error ? err.message.split('\n')[0]! : String(err) };
  }
}

/** What one pass remembers for the next: feed validators, and item links already handled. */
export interface FollowMemory {
  validators: Map<string, { etag?: string; lastModified?: string }>;
  seen: Set<string>;
}

export const newMemory = (): FollowMemory => ({ validators: new Map(), seen: new Set() });

/**
 * Where passes of `readout follow` remember what they saw, so a cron job asks as politely as the
 * running bot: beside the persisted index, which is also disposable (lost, the next pass fetches
 * the feed's pages once more and finds them unchanged: nothing is duplicated).
 */
export function memoryFileFor(corpusDir: string): string {
  return path.join(path.dirname(path.resolve(corpusDir)), '.readout-cache', 'follow.json');
}

/** Links kept at most: a feed lists tens of items, so this is months of them. */
const MAX_SEEN = 5000;

export async function loadMemory(file: string): Promise<FollowMemory> {
  try {
    const raw = JSON.parse(await readFile(file, 'utf8')) as {
      validators?: Record<string, { etag?: string; lastModified?: string }>;
      seen?: string[];
    };
    return {
      validators: new Map(Object.entries(raw.validators ?? {})),
      seen: new Set(raw.seen ?? []),
    };
  } catch {
    return newMemory();
  }
}

export async function saveMemory(file: string, memory: FollowMemory): Promise<void> {
  const seen = [...memory.seen].slice(-MAX_SEEN);
  await writeAtomically(
    file,
    JSON.stringify({ validators: Object.fromEntries(memory.validators), seen }),
  );
}

export interface FollowOptions {
  allowHosts?: readonly string[];
  logger?: Logger | undefined;
  memory?: FollowMemory;
  /** Pause between two requests to the same host (default 1 s). */
  hostGapMs?: number;
  /** New items imported per feed and pass at most: a first pass over a long feed stays short. */
  maxNewPerFeed?: number;
  fetch?: FetchOptions;
  /** How a corpus file is named in `pairs` lines (default: relative to the corpus folder). */
  display?: (rel: string) => string;
  /** Retrieval's pairing rule, to pair a statement with a version its page does not name (see pairs.ts). */
  pairingRule?: PairingRule;
}

export interface FollowReport {
  feeds: number;
  imported: PageImportResult[];
  errors: Array<{ url: string; error: string }>;
  /** What became of the imported statements' other-language versions (the same event:), one line each. */
  pairs: PairNote[];
}

export const DEFAULT_HOST_GAP_MS = 1000;
export const DEFAULT_MAX_NEW_PER_FEED = 20;

/** One pass: every feed read, every new item's page imported. Never throws for a feed's fault. */
export async function followOnce(
  config: FeedsConfig,
  corpusDir: string,
  options: FollowOptions = {},
): Promise<FollowReport> {
  const memory = options.memory ?? newMemory();
  const publisherOf = publisherLookup(await readPublisherFile(), config.publishers);
  // By source, to find a page imported before; the statements, to pair a page with its other-language version.
  const statements = (await loadCorpus(corpusDir)).statements;
  const known = new Map(
    statements.flatMap((s) => (s.source ? [[s.source, knownOf(s)] as const] : [])),
  );
  const gap = options.hostGapMs ?? DEFAULT_HOST_GAP_MS;
  const last = new Map<string, number>();
  const polite = async (url: string) => {
    const host = new URL(url).host;
    const wait = (last.get(host) ?? 0) + gap - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    last.set(host, Date.now());
  };
  const fetchOptions: FetchOptions = {
    ...options.fetch,
    allowHosts: [...(options.allowHosts ?? []), ...config.allowHosts],
  };
  const report: FollowReport = { feeds: 0, imported: [], errors: [], pairs: [] };

  for (const feed of config.feeds) {
    let items: FeedItem[];
    try {
      await polite(feed.url);
      const before = memory.validators.get(feed.url);
      const fetched = await fetchResource(feed.url, {
        ...fetchOptions,
        accept: FEED_TYPES,
        ...before,
      });
      report.feeds++;
      if (fetched.status === 304) continue;
      memory.validators.set(feed.url, {
        ...(fetched.etag ? { etag: fetched.etag } : {}),
        ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
      });
      const body = decodeBody(fetched.body, fetched.contentType);
      items = looksLikeXml(body, fetched.contentType)
        ? parseFeed(body, fetched.url)
        : parseIndexPage(body, fetched.url, feed.match);
    } catch (err) {
      const error = err instanceof FetchError || err instanceof Error ? err.message : String(err);
      report.errors.push({ url: feed.url, error });
      options.logger?.warn({ feed: feed.url, reason: error }, 'feed not read');
      continue;
    }
    const fresh = items
      .filter((i) => !known.has(i.url) && !memory.seen.has(i.url))
      .slice(0, options.maxNewPerFeed ?? DEFAULT_MAX_NEW_PER_FEED);
    for (const item of fresh) {
      await polite(item.url);
      const { main: result, notes } = await importWithPairs(item.url, {
        outDir: corpusDir,
        known,
        statements,
        ...(options.display ? { display: options.display } : {}),
        ...(options.pairingRule ? { pairingRule: options.pairingRule } : {}),
        publisherOf,
        fetch: fetchOptions,
        ...(feed.publisher ? { overrides: { publisher: feed.publisher } } : {}),
      });
      // A page that cannot be read now is tried again next pass; one that is not a statement is not.
      if (!result.error || !result.retry) memory.seen.add(item.url);
      if (result.error) {
        report.errors.push({ url: item.url, error: result.error });
        options.logger?.warn({ page: item.url, reason: result.error }, 'feed item not imported');
      } else if (result.action !== 'unchanged') {
        report.imported.push(result);
        options.logger?.info(
          { page: item.url, file: result.file, action: result.action },
          'statement imported from feed',
        );
      }
      // The version not in the corpus yet is paired when its own item comes.
      for (const note of notes.filter((n) => !n.hint)) {
        report.pairs.push(note);
        if (note.stream === 'err')
          options.logger?.warn(
            { page: item.url, pair: note.text },
            'other-language version not paired',
          );
        else options.logger?.info({ page: item.url, pair: note.text }, 'other-language version');
      }
    }
  }
  return report;
}

export interface Follower {
  /** Runs a pass now (after the one in progress, if any). */
  runNow(): Promise<FollowReport>;
  stop(): void;
}

/**
 * Passes every `pollMs`, one at a time. A pass with errors doubles the wait (up to 8 times the
 * interval), so a publisher that is down is not asked every few minutes; a clean pass resets it.
 */
export function startFollowing(
  config: FeedsConfig,
  corpusDir: string,
  options: FollowOptions & { pollMs?: number; memoryFile?: string } = {},
): Follower {
  const pollMs = options.pollMs ?? config.pollMs;
  const memory = options.memory ?? newMemory();
  let failures = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<FollowReport> = Promise.resolve({
    feeds: 0,
    imported: [],
    errors: [],
    pairs: [],
  });

  const pass = (): Promise<FollowReport> => {
    running = running
      .catch(() => undefined)
      .then(() => followOnce(config, corpusDir, { ...options, memory }))
      .then(
        async (report) => {
          failures = report.errors.length ? Math.min(failures + 1, 3) : 0;
          if (options.memoryFile) {
            await saveMemory(options.memoryFile, memory).catch((err: unknown) =>
              options.logger?.warn(
                { err },
                'what the feeds showed could not be remembered; the next start reads them again',
              ),
            );
          }
          return report;
        },
        (err: unknown) => {
          failures = Math.min(failures + 1, 3);
          options.logger?.error({ err }, 'following the feeds failed; trying again later');
          return {
            feeds: 0,
            imported: [],
            errors: [{ url: config.file, error: String(err) }],
            pairs: [],
          };
        },
      );
    return running;
  };
  const schedule = () => {
    if (stopped || pollMs <= 0) return;
    timer = setTimeout(() => void pass().finally(schedule), pollMs * 2 ** failures);
    timer.unref();
  };
  schedule();
  return {
    runNow: pass,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
