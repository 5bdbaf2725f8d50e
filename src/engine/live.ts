import path from 'node:path';
import { lowerBound } from '../text/sorted.ts';
import {
  assemble,
  loadCorpusFiles,
  reloadCorpusFiles,
  type LoadedCorpus,
  type Reloaded,
} from '../corpus/load.ts';
import type { CorpusProblem, Statement } from '../corpus/types.ts';
import { watchCorpus, type CorpusWatcher } from '../corpus/watch.ts';
import { fileEntry } from '../corpus/walk.ts';
import {
  loadIndexedCorpus,
  updateIndexedCorpus,
  type IndexedCorpus,
  type PersistOptions,
} from './persist.ts';
import type { Logger } from '../logger.ts';
import { engineFromCorpus } from './fromCorpus.ts';
import { KIND_NAMES, type QueryKind } from '../answer/kinds.ts';
import type { Library } from '../answer/library.ts';
import type { Ask, Engine } from './types.ts';

export interface ReloadReport {
  /** False when the folder could not be read: the previous corpus keeps serving. */
  swapped: boolean;
  statements: number;
  /** Corpus files (relative paths) whose statement is new, changed or gone since the last load. */
  added: string[];
  changed: string[];
  removed: string[];
  /** Files now broken that keep serving their last good version. */
  kept: string[];
  problems: readonly CorpusProblem[];
}

export interface LiveOptions {
  /** Watch the folder and reload on changes (default true); without it, only `reload()` reloads. */
  watch?: boolean;
  /** Periodic scan interval for the watcher, ms (0: events only). */
  pollMs?: number | undefined;
  debounceMs?: number;
  /** Where the first load finds the persisted index (see engineFromFolder); `false` ignores it. */
  cacheDir?: PersistOptions['cacheDir'];
  /**
   * A new or changed file is served only once its bytes stayed the same for this long (default
   * 1 s while watching, 0 without): a file written slowly in place is never quoted half-written.
   */
  settleMs?: number;
  /** Called after each reload that swapped in a corpus with new statement files (not the first load). */
  onAdded?: (statements: Statement[]) => void;
  /**
   * Read and hash every statement file once the engine serves, when the start believed some
   * without reading them (default true), and read again the ones whose content is not what the
   * engine holds (see `verified`).
   */
  verify?: boolean;
}

export const DEFAULT_SETTLE_MS = 1000;

export interface LiveEngine {
  /** Always answers from the latest good corpus; safe to hand to adapters once. */
  engine: Engine;
  /** Reads the changes: the files named (paths relative to the folder), or without them whatever a scan finds changed. */
  reload(changed?: readonly string[]): Promise<ReloadReport>;
  /** Stops watching; the engine keeps answering from its last corpus. */
  close(): void;
  /** Resolves once what the first change needs is made (done on its own right after the start). */
  prepared: Promise<void>;
  /** Resolves once every change read so far is in the persisted index's journal. */
  flushed(): Promise<void>;
  /**
   * Reads and hashes every statement file and reloads those whose content differs from what the
   * engine holds, which neither a file-system event nor the scan of sizes and times may tell (a
   * start believes a file whose size, times and inode are as recorded: see statKey in
   * corpus/walk.ts). Gives the files reloaded.
   */
  verify(): Promise<string[]>;
  /** The verification begun once the engine serves (`verify` option); resolves to the files it reloaded ([] without it). */
  verified: Promise<string[]>;
}

/** The statement served from a file: statements are in path order, so a binary search finds it. */
function findByFile(statements: readonly Statement[], rel: string): Statement | undefined {
  const at = lowerBound(statements, rel, (s) => s.file);
  return statements[at]?.file === rel ? statements[at] : undefined;
}

/** Problems that mean the folder itself is gone or unreadable, not one of its files. */
const folderProblem = (p: CorpusProblem) => p.line === 0 && p.severity === 'error';

function diffFiles(before: ReadonlyMap<string, Statement>, after: ReadonlyMap<string, Statement>) {
  const added: string[] = [];
  const changed: string[] = [];
  const removed = [...before.keys()].filter((f) => !after.has(f));
  for (const [file, s] of after) {
    const old = before.get(file);
    if (!old) added.push(file);
    else if (old !== s && JSON.stringify(old) !== JSON.stringify(s)) changed.push(file);
  }
  return { added, changed, removed };
}

/**
 * An engine over a corpus folder that follows its changes without a restart. Each reload builds
 * a complete new engine and swaps it in only when built, so a question never sees half a corpus;
 * a file whose new version is broken keeps its last good statement, and the problem is logged
 * with file and line.
 */
export async function liveEngineFromFolder(
  corpusDir: string,
  logger?: Logger,
  options: LiveOptions = {},
): Promise<LiveEngine> {
  let byFile = new Map<string, Statement>();
  let current: Engine | undefined;
  /** Set by engine.prepare(): new engines are prepared before they serve. */
  let preparing = false;

  const settleMs = options.settleMs ?? (options.watch === false ? 0 : DEFAULT_SETTLE_MS);
  /** Changed files by path: the hash of their bytes and when that hash was first seen. */
  const pending = new Map<string, { digest: string; since: number }>();
  const settled = (rel: string, digest: string): boolean => {
    const now = Date.now();
    const seen = pending.get(rel);
    if (seen?.digest === digest && now - seen.since >= settleMs) {
      pending.delete(rel);
      return true;
    }
    if (seen?.digest !== digest) pending.set(rel, { digest, since: now });
    return settleMs <= 0;
  };
  let settleTimer: NodeJS.Timeout | undefined;

  /**
   * The first load may come from the persisted index. Later ones read only the files that
   * changed (named by file-system events, else found by a scan of sizes and times), keep the last
   * good version of broken ones, and update the index instead of rebuilding it (see
   * ParagraphIndex.update); each change is also recorded in the persisted index's journal, so the
   * next start finds it up to date. The journal holds what the files say: a broken file's kept
   * version is served, never persisted.
   */
  let state: IndexedCorpus | undefined;
  const read = async (
    changed: string[] | undefined,
  ): Promise<{ corpus: LoadedCorpus; touched?: string[]; next: () => Promise<IndexedCorpus> }> => {
    if (!state) {
      const first = await loadIndexedCorpus(corpusDir, { cacheDir: options.cacheDir, logger });
      return { corpus: first.corpus, next: async () => first };
    }
    const prev = state;
    const last = prev.files();
    const loadOptions = { previous: byFile, settled };
    const reloaded: Reloaded = last
      ? await reloadCorpusFiles(last, changed, loadOptions)
      : { ...(await loadCorpusFiles(corpusDir, loadOptions)), glossariesChanged: true };
    return {
      corpus: reloaded.corpus,
      ...(reloaded.touched ? { touched: reloaded.touched } : {}),
      next: async () => {
        const next = await updateIndexedCorpus(prev, reloaded);
        // Written while the new corpus already serves: extracting the new statements' facts for it
        // and appending cost a few hundred milliseconds a change need not wait for. A failure is
        // only logged (the next start reads the file again); `flushed()` waits for it.
        if (last) void next.store?.record(last, reloaded, next);
        return next;
      },
    };
  };

  /** Paths named by file-system events since the last reload began; undefined when a scan is needed. */
  let changes: Set<string> | undefined = new Set();
  let library: Library | undefined;

  const load = async (): Promise<ReloadReport> => {
    const named = changes;
    changes = new Set();
    const { corpus, touched, next } = await read(named && [...named]);
    if (current && corpus.problems.some(folderProblem)) {
      for (const p of corpus.problems)
        logger?.error({ dir: corpusDir }, `corpus not reloaded: ${p.message}`);
      // Read everything again next time: this reload learnt nothing reliable.
      changes = undefined;
      return {
        swapped: false,
        statements: byFile.size,
        added: [],
        changed: [],
        removed: [],
        kept: [],
        problems: corpus.problems,
      };
    }
    const indexed = await next();
    const built = await engineFromCorpus(
      corpus,
      logger,
      indexed.index,
      indexed.facts,
      indexed.glossaries,
      library,
    );
    const { engine, problems } = built;
    state = indexed;
    library = built.library;
    // Only the files a reload read can differ; after a scan, any can.
    const first = current === undefined;
    // Once asked for, every new engine is prepared before it serves (see Engine.prepare).
    if (preparing) engine.prepare();
    let diff: { added: string[]; changed: string[]; removed: string[] };
    if (touched && !first) {
      const now = new Map<string, Statement>();
      for (const rel of touched) {
        const s = findByFile(corpus.statements, rel);
        if (s) now.set(rel, s);
      }
      diff = diffFiles(
        new Map(
          touched.flatMap((rel) => (byFile.has(rel) ? [[rel, byFile.get(rel)!] as const] : [])),
        ),
        now,
      );
      for (const rel of touched) {
        const s = now.get(rel);
        if (s) byFile.set(rel, s);
        else byFile.delete(rel);
      }
    } else {
      const all = new Map(corpus.statements.map((s) => [s.file, s]));
      diff = diffFiles(byFile, all);
      byFile = all;
    }
    current = engine;
    const kept = corpus.kept ?? [];
    for (const file of kept)
      logger?.warn({ file }, 'broken edit: still serving the last good version');
    if (corpus.unsettled?.length && !closed) {
      // Looked at again once the files had time to settle; nothing else may change meanwhile.
      logger?.debug(
        { files: corpus.unsettled },
        'files still changing: waiting for them to settle',
      );
      clearTimeout(settleTimer);
      settleTimer = setTimeout(() => void reloadAndLog([]), settleMs + 50);
      settleTimer.unref();
    }
    if (!first && diff.added.length) {
      try {
        options.onAdded?.(diff.added.map((f) => findByFile(corpus.statements, f)!));
      } catch (err) {
        logger?.error({ err }, 'a listener for new statements failed');
      }
    }
    return { swapped: true, statements: corpus.statements.length, ...diff, kept, problems };
  };

  // Reloads never overlap: a request during a reload runs once after it, however many arrive.
  let active: Promise<ReloadReport> | undefined;
  let queued: Promise<ReloadReport> | undefined;
  const start = (): Promise<ReloadReport> => {
    const run = load().finally(() => {
      if (active === run) active = undefined;
    });
    active = run;
    return run;
  };
  /** `changed`: paths relative to the folder that changed, if known; without it, the folder is scanned. */
  const reload = (changed?: readonly string[]): Promise<ReloadReport> => {
    if (changed === undefined) changes = undefined;
    else if (changes) for (const c of changed) changes.add(c);
    if (queued) return queued;
    if (!active) return start();
    const after = active
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return start();
      });
    queued = after;
    return after;
  };

  const now = (): Engine => current!;

  // Watching starts before the first load, so nothing saved during that load goes unseen.
  let watcher: CorpusWatcher | undefined;
  let closed = false;
  function reloadAndLog(changed?: readonly string[]): void {
    reload(changed).then(
      (r) => {
        if (
          r.swapped &&
          (r.added.length || r.changed.length || r.removed.length || r.kept.length)
        ) {
          logger?.info(
            {
              added: r.added,
              changed: r.changed,
              removed: r.removed,
              kept: r.kept,
              statements: r.statements,
            },
            'corpus reloaded',
          );
        }
      },
      (err: unknown) =>
        logger?.error({ err }, 'corpus reload failed; still serving the previous corpus'),
    );
  }
  if (options.watch !== false) {
    watcher = watchCorpus(corpusDir, (changed) => reloadAndLog(changed), {
      pollMs: options.pollMs,
      debounceMs: options.debounceMs,
      logger,
    });
    await watcher.ready;
  }
  try {
    await reload();
  } catch (err) {
    watcher?.close();
    throw err;
  }
  // What the first change would otherwise work out (the files as the persisted index recorded
  // them, their assembly, every file's signature line): made once the engine serves, so that the
  // first change after a start costs what later ones do. Half a second at a million paragraphs.
  // Not unref'd: it fires on the next turn of the loop, and whoever awaits `prepared` needs it to.
  const prepared = new Promise<void>((resolve) =>
    setTimeout(() => {
      if (!closed && state) {
        const files = state.files();
        if (files && !files.assembled) assemble(files, {});
        void state.store;
      }
      resolve();
    }, 0),
  );

  /** Files hashed at once, then a turn of the loop: questions are answered meanwhile. */
  const VERIFY_BATCH = 32;
  const verify = async (): Promise<string[]> => {
    const files = state?.files();
    if (!files) return [];
    const records = [...files.records];
    const differing: string[] = [];
    for (let i = 0; i < records.length && !closed; i += VERIFY_BATCH) {
      const batch = records.slice(i, i + VERIFY_BATCH);
      const lines = await Promise.all(
        batch.map(([rel]) => fileEntry(files.root, path.join(files.root, rel))),
      );
      // Against what serves now: a file reloaded meanwhile is compared with its new record.
      const now = state?.files()?.records;
      batch.forEach(([rel, record], k) => {
        if (lines[k] !== (now?.get(rel) ?? record).line) differing.push(rel);
      });
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (!differing.length || closed) return [];
    logger?.info(
      { files: differing },
      'files whose content differs from what was served: read again',
    );
    await reload(differing);
    return differing;
  };
  // Only a start that believed files without reading them has something to verify.
  const verified: Promise<string[]> =
    options.verify === false || !state?.believed
      ? Promise.resolve([])
      : prepared.then(verify).catch((err: unknown) => {
          logger?.error({ err }, 'verifying the corpus files failed');
          return [];
        });

  const engine: Engine = {
    ...(Object.fromEntries(
      KIND_NAMES.map((kind): [QueryKind, Ask] => [kind, (q, o) => now()[kind](q, o)]),
    ) as Record<QueryKind, Ask>),
    statements: (lang) => now().statements(lang),
    statement: (typed) => now().statement(typed),
    findStatements: (prefix, max) => now().findStatements(prefix, max),
    prepare: () => {
      preparing = true;
      now().prepare();
    },
    get problems() {
      return now().problems;
    },
  };
  return {
    engine,
    prepared,
    flushed: async () => {
      await active?.catch(() => undefined);
      await state?.store?.flushed();
    },
    reload,
    verify,
    verified,
    close: () => {
      closed = true;
      clearTimeout(settleTimer);
      watcher?.close();
    },
  };
}
