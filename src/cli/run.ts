import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Answer, Lang } from '../answer/types.ts';
import { loadCorpus } from '../corpus/load.ts';
import { corpusFolderProblem } from '../corpus/walk.ts';
import { formatProblem } from '../corpus/types.ts';
import type { Statement } from '../corpus/types.ts';
import { inferredPairs } from '../answer/align.ts';
import { isQueryKind, type QueryKind } from '../answer/kinds.ts';
import { QueryError } from '../engine/errors.ts';
import { readGlossaries } from '../engine/fromCorpus.ts';
import { engineFromFolder } from '../engine/fromFolder.ts';
import type { Engine } from '../engine/types.ts';
import type { Logger } from '../logger.ts';
import { commandsFor, helpText } from '../render/commandGuide.ts';
import { lookupIn, renderStatements, renderText } from '../render/text.ts';
import { VERSION } from '../version.ts';
import { detectLanguage } from '../text/script.ts';
import { closest, parseCliArgs, UsageError, type CliArgs } from './args.ts';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  logger?: Logger;
  /** Bold for terminals; plain when output is piped. */
  highlight?: (s: string) => string;
}

/** The usage in the reader's language: --lang, else a Japanese locale, else English. */
function usage(args: Partial<CliArgs>, io: CliIO): string {
  return helpText('cli', helpLang(args, io));
}

function helpLang(args: Partial<CliArgs>, io: CliIO): Lang {
  if (args.lang) return args.lang;
  const locale = io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG || '';
  return locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

const SEE_HELP = 'see readout --help';

function corpusDir(args: CliArgs, io: CliIO): string {
  return path.resolve(io.cwd, args.corpus || io.env.CORPUS_DIR?.trim() || 'corpus');
}

function answerFor(engine: Engine, command: QueryKind, text: string, args: CliArgs): Answer {
  const opts = {
    ...(args.lang ? { lang: args.lang } : {}),
    ...(args.statement ? { statement: args.statement } : {}),
    ...(args.limit ? { limit: args.limit } : {}),
  };
  return engine[command](text, opts);
}

/**
 * Statements without `event:` that look like the Japanese and English versions of one text: Readout
 * already answers across them; the user confirms the pair by giving both the same `event:`.
 */
function pairLines(statements: readonly Statement[]): string[] {
  return inferredPairs(statements).map(([ja, en]) => {
    const [a, b] = [statements[ja]!, statements[en]!];
    return `${a.file}: pairs with ${b.file} (inferred from dates and shared names and numbers); add the same \`event:\` to both to confirm`;
  });
}

async function check(args: CliArgs, io: CliIO): Promise<number> {
  const dir = corpusDir(args, io);
  const corpus = await loadCorpus(dir);
  const problems = [...corpus.problems];
  await readGlossaries(corpus, problems);
  for (const p of problems) {
    io.stdout(
      formatProblem({ ...p, file: path.relative(io.cwd, path.resolve(dir, p.file)) || p.file }),
    );
  }
  for (const line of pairLines(corpus.statements)) io.stdout(line);
  const errors = problems.filter((p) => p.severity === 'error').length;
  io.stderr(`${corpus.statements.length} statement(s) valid, ${errors} error(s).`);
  return errors > 0 ? 1 : 0;
}

async function importFiles(args: CliArgs, io: CliIO): Promise<number> {
  if (args.rest.length === 0) throw new UsageError('import needs at least one URL or FILE');
  // Loaded here, not at the top: the page and feed readers (HTML and XML parsers, HTTP) cost about
  // 150 ms to load, and a question never needs them.
  const [
    { importStatement },
    { isUrl, knownOf },
    { importWithPairs },
    { publisherLookup, readPublisherFile },
    { allowedHosts },
  ] = await Promise.all([
    import('../corpus/import.ts'),
    import('../ingest/importPage.ts'),
    import('../ingest/pairs.ts'),
    import('../ingest/publishers.ts'),
    import('../ingest/follow.ts'),
  ]);
  /** A web page to fetch, or one saved from a browser; anything else is raw text. */
  const isPage = (input: string) => isUrl(input) || /\.x?html?$/i.test(input);
  const out = args.out ? path.resolve(io.cwd, args.out) : corpusDir(args, io);
  if (args.followAlternate && !args.rest.some(isPage))
    throw new UsageError('--follow-alternate is for pages (a URL or a saved .html file)');
  let failed = 0;
  const pages = args.rest.filter(isPage);
  // Pages are read once for all: who publishes each host, and what the corpus already holds (by
  // source, and the statements themselves, for a page's other-language version).
  const publisherOf = pages.length ? publisherLookup(await readPublisherFile()) : undefined;
  const statements = pages.length ? (await loadCorpus(out)).statements : [];
  const known = new Map(
    statements.flatMap((s) => (s.source ? [[s.source, knownOf(s)] as const] : [])),
  );
  const display = (rel: string) => path.relative(io.cwd, path.join(out, rel));
  for (const file of args.rest) {
    if (isPage(file)) {
      const { main: result, notes } = await importWithPairs(
        isUrl(file) ? file : path.resolve(io.cwd, file),
        {
          outDir: out,
          overrides: args.meta,
          force: args.force,
          followAlternate: args.followAlternate,
          pairingRule: inferredPairs,
          statements,
          known,
          display,
          publisherOf,
          fetch: { allowHosts: allowedHosts(io.env) },
        },
      );
      if (result.error) {
        io.stderr(`${file}: ${result.error}`);
        failed++;
      } else io.stdout(`${file} -> ${display(result.file!)} (${result.action})`);
      for (const note of notes) {
        if (note.stream === 'err') {
          io.stderr(note.text);
          failed++;
        } else io.stdout(note.text);
      }
      continue;
    }
    const abs = path.resolve(io.cwd, file);
    const raw = await readFile(abs, 'utf8').catch(() => undefined);
    if (raw === undefined) {
      io.stderr(`${file}:0: cannot read the file`);
      failed++;
      continue;
    }
    const result = importStatement(raw, file, args.meta);
    if (!result.fileName || !result.content) {
      for (const p of result.problems) io.stderr(formatProblem(p));
      failed++;
      continue;
    }
    const target = path.join(out, result.fileName);
    if (existsSync(target) && !args.force) {
      io.stderr(
        `${file}:0: ${path.relative(io.cwd, target)} already exists (use --force to overwrite)`,
      );
      failed++;
      continue;
    }
    await mkdir(out, { recursive: true });
    await writeFile(target, result.content, 'utf8');
    io.stdout(`${file} -> ${path.relative(io.cwd, target)}`);
  }
  return failed > 0 ? 1 : 0;
}

/** One pass over the configured feeds: each new item's page imported into the corpus. */
async function follow(args: CliArgs, io: CliIO): Promise<number> {
  const {
    allowedHosts,
    feedsFileFor,
    followOnce,
    loadMemory,
    memoryFileFor,
    readFeedsFile,
    saveMemory,
  } = await import('../ingest/follow.ts');
  const dir = corpusDir(args, io);
  const file = feedsFileFor(dir, io.env);
  const feeds = await readFeedsFile(file);
  if ('error' in feeds) {
    io.stderr(`readout: ${feeds.error}`);
    return 2;
  }
  const memoryFile = memoryFileFor(dir);
  const memory = await loadMemory(memoryFile);
  const report = await followOnce(feeds, dir, {
    allowHosts: allowedHosts(io.env, feeds.allowHosts),
    memory,
    display: (rel) => path.relative(io.cwd, path.join(dir, rel)),
    pairingRule: inferredPairs,
    logger: io.logger,
  });
  await saveMemory(memoryFile, memory);
  for (const r of report.imported)
    io.stdout(`${r.input} -> ${path.relative(io.cwd, path.join(dir, r.file!))} (${r.action})`);
  // Pairing is no import: a version left unpaired is said, and the pass still succeeds.
  for (const note of report.pairs) (note.stream === 'err' ? io.stderr : io.stdout)(note.text);
  for (const e of report.errors) io.stderr(`${e.url}: ${e.error}`);
  io.stderr(
    `${report.feeds} feed(s) read, ${report.imported.length} statement(s) imported, ${report.errors.length} error(s).`,
  );
  return report.errors.length ? 1 : 0;
}

/** How many times `--corpus` is given (as `--corpus DIR` or `--corpus=DIR`), up to a `--`. */
function corpusFlagCount(argv: readonly string[]): number {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).filter(
    (a) => a === '--corpus' || a.startsWith('--corpus='),
  ).length;
}

/** Runs one command line; returns the exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  // The last one would silently win: a script that meant the first would read another corpus.
  if (corpusFlagCount(argv) > 1) {
    io.stderr('readout: --corpus is given more than once; give one corpus folder.');
    return 2;
  }
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (err) {
    io.stderr(`readout: ${err instanceof Error ? err.message : String(err)}; ${SEE_HELP}`);
    return 2;
  }
  if (args.version) {
    io.stdout(`readout ${VERSION}`);
    return 0;
  }
  if (args.help || args.command === 'help') {
    io.stdout(usage(args, io));
    return 0;
  }
  const known = commandsFor('cli').some((c) => c.name === args.command);
  if (!known) {
    const guess = closest(
      args.command,
      commandsFor('cli').map((c) => c.name),
    );
    io.stderr(
      `readout: unknown command "${args.command}"${guess ? ` (did you mean ${guess}?)` : ''}; ${SEE_HELP}`,
    );
    return 2;
  }
  try {
    if (args.command === 'import') return await importFiles(args, io);
    if (args.command === 'follow') return await follow(args, io);
    // A corpus folder that cannot be one is the caller's mistake: one line and exit 2, not an
    // empty corpus answering "nothing matches" with success.
    const folderProblem = await corpusFolderProblem(corpusDir(args, io));
    if (folderProblem) {
      io.stderr(
        `readout: corpus folder ${args.corpus ? '(--corpus)' : '(CORPUS_DIR or ./corpus)'}: ${folderProblem}`,
      );
      return 2;
    }
    if (args.command === 'check') return await check(args, io);
    const engine = await engineFromFolder(corpusDir(args, io), io.logger);
    const unusable = engine.problems.find((p) => p.line === 0 && p.severity === 'error');
    if (unusable) {
      io.stderr(`readout: corpus folder: ${unusable.message}`);
      return 2;
    }
    if (args.command === 'statements') {
      const list = engine.statements(args.lang);
      io.stdout(
        args.json ? JSON.stringify(list, null, 2) : renderStatements(list, args.lang ?? 'en'),
      );
      return 0;
    }
    const command = args.command;
    if (!isQueryKind(command)) throw new Error(`command ${command} has no handler`);
    const text = args.rest.join(' ');
    const answer = answerFor(engine, command, text, args);
    const rendered = renderText(answer, {
      highlight: io.highlight,
      asked: text,
      mode: command,
      statements: lookupIn(engine.statements()),
      statementsRef: 'readout statements',
    });
    io.stdout(args.json ? JSON.stringify(answer, null, 2) : rendered);
    return 0;
  } catch (err) {
    if (err instanceof QueryError) {
      const lang: Lang = args.lang ?? detectLanguage(args.rest.join(' '));
      io.stderr(err.messageFor(lang, 'readout statements'));
      return 2;
    }
    if (err instanceof UsageError) {
      io.stderr(`readout: ${err.message}; ${SEE_HELP}`);
      return 2;
    }
    throw err;
  }
}
