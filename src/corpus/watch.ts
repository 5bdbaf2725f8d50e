import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger.ts';
import { walkCorpus } from './walk.ts';

export interface WatchOptions {
  /**
   * How often to compare every file's size and modification time, in milliseconds; 0 turns the
   * scan off. Given, the scan always runs (for what file-system events miss: network mounts,
   * some containers). Not given, it runs every DEFAULT_POLL_MS only when events are unavailable:
   * scanning 20,000 files every 5 s costs a busy core's worth of idle CPU.
   */
  pollMs?: number | undefined;
  /** Quiet time after the last change before `onChange` runs: one reload per save, not per write. */
  debounceMs?: number | undefined;
  /** Use file-system events (default true); false leaves only the periodic scan. */
  events?: boolean;
  logger?: Logger | undefined;
}

export interface CorpusWatcher {
  /** Resolves once the first scan is done: changes from then on are seen. */
  ready: Promise<void>;
  close(): void;
}

export const DEFAULT_POLL_MS = 5000;
export const DEFAULT_DEBOUNCE_MS = 200;

/** Every file's path, size and modification time: changes when any file is added, edited or removed. */
export async function corpusFingerprint(dir: string): Promise<string> {
  try {
    const { files, unreadable } = await walkCorpus(dir);
    const parts = await Promise.all(
      files.map(async (f) => {
        try {
          const s = await stat(f);
          return `${path.relative(dir, f)}\0${s.size}\0${s.mtimeMs}`;
        } catch {
          return ''; // removed between listing and stat: the next scan sees the settled state
        }
      }),
    );
    // A folder becoming readable (or not) changes what the corpus holds.
    return [...parts, ...unreadable.map((u) => `${path.relative(dir, u.dir)}\0unreadable`)].join(
      '\n',
    );
  } catch {
    return '\0unreadable';
  }
}

/**
 * Calls `onChange` (debounced) when anything under `dir` changes: file-system events where the
 * platform has them (recursive `fs.watch`), a periodic size-and-mtime scan where it does not (or
 * when `pollMs` asks for it). It is given the paths (relative to `dir`) the events named, so that
 * only those are read again; undefined when something changed that no event named (a scan found
 * it, an event came without a name, the watch was lost), and the whole folder must be looked at.
 * Timers and handles are unref'd: watching never keeps the process alive on its own.
 */
export function watchCorpus(
  dir: string,
  onChange: (changed?: string[]) => void,
  options: WatchOptions = {},
): CorpusWatcher {
  const root = path.resolve(dir);
  const { debounceMs = DEFAULT_DEBOUNCE_MS, events = true, logger } = options;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const pollAlways = options.pollMs !== undefined || !events;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let baseline: Promise<string> = corpusFingerprint(root);
  /** Paths named by events since the last call; undefined once something unnamed changed. */
  let named: Set<string> | undefined = new Set();

  const fire = (): void => {
    timer = undefined;
    if (closed) return;
    const changed = named && [...named];
    named = new Set();
    // The scan after a change is the new baseline, so the poll does not report the same change twice.
    baseline = corpusFingerprint(root);
    void baseline.then(() => {
      if (!closed) onChange(changed);
    });
    void rewatchIfReplaced();
  };
  /** A change: `rel` when an event named it, nothing when the whole folder must be looked at. */
  const schedule = (rel?: string): void => {
    if (closed) return;
    if (rel === undefined) named = undefined;
    else named?.add(rel);
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
    timer.unref();
  };

  let scanning = false;
  let poll: NodeJS.Timeout | undefined;
  const startPolling = (): void => {
    if (poll || closed || pollMs <= 0) return;
    poll = setInterval(() => {
      if (scanning || closed) return;
      scanning = true;
      void Promise.all([baseline, corpusFingerprint(root)])
        .then(([before, now]) => {
          if (!closed && now !== before) {
            baseline = Promise.resolve(now);
            schedule();
          }
        })
        .finally(() => {
          scanning = false;
        });
    }, pollMs);
    poll.unref();
  };

  const listen = (): FSWatcher | undefined => {
    try {
      const w = watch(root, { recursive: true, persistent: false }, (_, filename) =>
        schedule(filename ?? undefined),
      );
      w.on('error', (err) => {
        logger?.warn(
          { dir: root, reason: err.message, pollMs },
          'corpus watch stopped; changes are found by the periodic scan',
        );
        w.close();
        startPolling();
        // Whatever happened between the failure and the first scan is caught by comparing now.
        schedule();
      });
      return w;
    } catch (err) {
      logger?.info(
        { dir: root, reason: (err as Error).message, pollMs },
        'corpus folder cannot be watched; using the periodic scan',
      );
      startPolling();
      return undefined;
    }
  };
  let watcher = events ? listen() : undefined;
  if (pollAlways) startPolling();

  /**
   * Events follow the folder that was there when watching began: a corpus folder replaced by
   * another (moved into place, restored, re-synced) would go unwatched. When it was, watch the
   * new one; while there is none, the scan notices its return.
   */
  const identity = () =>
    stat(root).then(
      (s) => `${s.dev}:${s.ino}`,
      () => undefined,
    );
  let watchedIdentity = events ? identity() : Promise.resolve(undefined);
  const rewatchIfReplaced = async (): Promise<void> => {
    if (!events || closed) return;
    const [now, before] = await Promise.all([identity(), watchedIdentity]);
    if (closed || now === before) return;
    if (now === undefined) {
      startPolling();
      return;
    }
    logger?.info({ dir: root }, 'corpus folder was replaced: watching the new one');
    watcher?.close();
    watcher = listen();
    watchedIdentity = Promise.resolve(now);
    // Names from the old folder's events say nothing about the new one: look at all of it.
    schedule();
  };

  return {
    ready: baseline.then(() => undefined),
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (poll) clearInterval(poll);
      watcher?.close();
    },
  };
}
