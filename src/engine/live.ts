import { loadCorpus, type LoadedCorpus } from '../corpus/load.ts';
import type { CorpusProblem, Statement } from '../corpus/types.ts';
import { watchCorpus, type CorpusWatcher } from '../corpus/watch.ts';
import type { ParagraphIndex } from '../index/paragraphIndex.ts';
import { loadIndexedCorpus, type PersistOptions } from './persist.ts';
import type { Logger } from '../logger.ts';
import type { FactsSource } from '../understand/statementFacts.ts';
import { engineFromCorpus, type GlossaryRead } from './fromCorpus.ts';
import { KIND_NAMES, type QueryKind } from '../answer/kinds.ts';
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
  pollMs?: number;
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
}

export const DEFAULT_SETTLE_MS = 1000;

export interface LiveEngine {
  /** Always answers from the latest good corpus; safe to hand to adapters once. */
  engine: Engine;
  reload(): Promise<ReloadReport>;
  /** Stops watching; the engine keeps answering from its last corpus. */
  close(): void;
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
export async function liveEngineFromFolder(corpusDir: string, logger?: Logger, options: LiveOptions = {}): Promise<LiveEngine> {
  let byFile = new Map<string, Statement>();
  let current: Engine | undefined;

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
   * The first load may come from the persisted index. Later ones read the files, keeping the
   * last good version of broken ones, and build the index afresh; they leave the cache alone, so
   * it only ever holds what the files said (the next start sees the changed files and rebuilds it).
   */
  const read = async (): Promise<{ corpus: LoadedCorpus; index?: ParagraphIndex; facts?: FactsSource; glossaries?: GlossaryRead }> => {
    if (current) return { corpus: await loadCorpus(corpusDir, { previous: byFile, settled }) };
    return loadIndexedCorpus(corpusDir, {
      ...(options.cacheDir !== undefined ? { cacheDir: options.cacheDir } : {}),
      ...(logger ? { logger } : {}),
    });
  };

  const load = async (): Promise<ReloadReport> => {
    const { corpus, index, facts, glossaries } = await read();
    if (current && corpus.problems.some(folderProblem)) {
      for (const p of corpus.problems) logger?.error({ dir: corpusDir }, `corpus not reloaded: ${p.message}`);
      return { swapped: false, statements: byFile.size, added: [], changed: [], removed: [], kept: [], problems: corpus.problems };
    }
    const { engine, problems } = await engineFromCorpus(corpus, logger, index, facts, glossaries);
    const next = new Map(corpus.statements.map((s) => [s.file, s]));
    const diff = diffFiles(byFile, next);
    const first = current === undefined;
    byFile = next;
    current = engine;
    const kept = corpus.kept ?? [];
    for (const file of kept) logger?.warn({ file }, 'broken edit: still serving the last good version');
    if (corpus.unsettled?.length && !closed) {
      // Looked at again once the files had time to settle; nothing else may change meanwhile.
      logger?.debug({ files: corpus.unsettled }, 'files still changing: waiting for them to settle');
      clearTimeout(settleTimer);
      settleTimer = setTimeout(() => void reloadAndLog(), settleMs + 50);
      settleTimer.unref();
    }
    if (!first && diff.added.length) {
      try {
        options.onAdded?.(diff.added.map((f) => next.get(f)!));
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
  const reload = (): Promise<ReloadReport> => {
    if (queued) return queued;
    if (!active) return start();
    const after = active.catch(() => undefined).then(() => {
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
  function reloadAndLog(): void {
    reload().then(
      (r) => {
        if (r.swapped && (r.added.length || r.changed.length || r.removed.length || r.kept.length)) {
          logger?.info({ added: r.added, changed: r.changed, removed: r.removed, kept: r.kept, statements: r.statements }, 'corpus reloaded');
        }
      },
      (err: unknown) => logger?.error({ err }, 'corpus reload failed; still serving the previous corpus'),
    );
  }
  if (options.watch !== false) {
    watcher = watchCorpus(
      corpusDir,
      reloadAndLog,
      { ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}), ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}), ...(logger ? { logger } : {}) },
    );
    await watcher.ready;
  }
  try {
    await reload();
  } catch (err) {
    watcher?.close();
    throw err;
  }

  const engine: Engine = {
    ...(Object.fromEntries(KIND_NAMES.map((kind): [QueryKind, Ask] => [kind, (q, o) => now()[kind](q, o)])) as Record<QueryKind, Ask>),
    statements: (lang) => now().statements(lang),
    statement: (typed) => now().statement(typed),
    findStatements: (prefix, max) => now().findStatements(prefix, max),
    get problems() {
      return now().problems;
    },
  };
  return {
    engine,
    reload,
    close: () => {
      closed = true;
      clearTimeout(settleTimer);
      watcher?.close();
    },
  };
}
