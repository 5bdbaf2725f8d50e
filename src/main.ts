import 'dotenv/config';
import { runConsole } from './cli/console.ts';
import { loadConfigOrExit } from './config.ts';
import { corpusFolderProblem } from './corpus/walk.ts';
import { terminalBold } from './render/text.ts';
import { terminalSafeEngine } from './render/terminalSafe.ts';
import { liveEngineFromFolder } from './engine/live.ts';
import { createLogger } from './logger.ts';
import { inferredPairs } from './answer/align.ts';
import {
  allowedHosts,
  feedsFileFor,
  loadMemory,
  memoryFileFor,
  readFeedsFile,
  startFollowing,
  type Follower,
} from './ingest/follow.ts';
import type { Statement } from './corpus/types.ts';
import path from 'node:path';

/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, else the offline console on the
 * configured corpus, so a fresh clone answers questions with no setup at all.
 */
const config = loadConfigOrExit();
const logger = createLogger(config.logLevel, { secrets: [config.discordToken] });
// Serving an empty corpus would look like a working bot that knows nothing: refuse to start.
const folderProblem = await corpusFolderProblem(config.corpusDir);
if (folderProblem) {
  logger.fatal(`CORPUS_DIR: ${folderProblem}. Set CORPUS_DIR to the folder of statement files.`);
  process.exit(2);
}
// Feeds are optional; a feeds file that is there but wrong is the operator's to fix.
const feeds = await readFeedsFile(feedsFileFor(config.corpusDir, process.env));
if ('error' in feeds && !feeds.missing) {
  logger.fatal(`feeds: ${feeds.error}`);
  process.exit(2);
}
// New statement files (from the feeds or saved by hand) are announced by the bot, once it runs.
let onAdded: ((statements: Statement[]) => void) | undefined;
// Both the bot and the console answer from the live engine: corpus edits apply without a restart.
const live = await liveEngineFromFolder(config.corpusDir, logger, {
  pollMs: config.corpusPollMs,
  onAdded: (statements) => onAdded?.(statements),
});
const { engine } = live;
let follower: Follower | undefined;
if (!('error' in feeds) && feeds.pollMs > 0) {
  const memoryFile = memoryFileFor(config.corpusDir);
  // Imported pages land in the corpus folder; the live engine's watcher serves them.
  follower = startFollowing(feeds, config.corpusDir, {
    allowHosts: allowedHosts(process.env, feeds.allowHosts),
    logger: logger.child({ component: 'feeds' }),
    memory: await loadMemory(memoryFile),
    memoryFile,
    // Retrieval's rule pairs a new statement with its other-language version already served.
    pairingRule: inferredPairs,
  });
  logger.info({ feeds: feeds.feeds.length, pollMs: feeds.pollMs }, 'following feeds');
}
const closeAll = () => {
  follower?.stop();
  live.close();
};

if (config.discordToken) {
  // A bug outside the guarded handlers still ends the process, but as one log line and exit 1
  // (a supervisor restarts it), not as a raw stack trace on stderr.
  const die = (err: unknown) => {
    logger.fatal({ err }, 'unexpected error: exiting');
    process.exit(1);
  };
  process.on('uncaughtException', die);
  process.on('unhandledRejection', die);
  const { runBotProcess } = await import('./discord/launch.ts');
  const { openSettings } = await import('./settings/sqlite.ts');
  const { announcedFrom } = await import('./render/discordEmbed.ts');
  const dataDir =
    process.env.DATA_DIR?.trim() || path.join(path.dirname(config.corpusDir), '.readout-data');
  let settings: ReturnType<typeof openSettings>;
  try {
    // Every shard opens the same file: WAL, a busy timeout and one claim per announcement make that safe.
    settings = openSettings(dataDir);
  } catch (err) {
    logger.fatal(`DATA_DIR: ${(err as Error).message}`);
    process.exit(2);
  }
  const { store, migrated, imported } = settings;
  if (migrated.from !== migrated.to)
    logger.info({ file: settings.file, ...migrated }, 'settings database migrated');
  if (imported)
    logger.info(
      { follows: imported.follows, movedTo: imported.movedTo },
      'follows.json imported into the settings database',
    );
  const bot = await runBotProcess(config, engine, logger, {
    bot: { settings: store },
    onExit: () => {
      closeAll();
      store.close();
    },
  });
  onAdded = (statements) => void bot?.announce(statements.map(announcedFrom));
} else {
  logger.info('no DISCORD_TOKEN: starting the offline console');
  // On a terminal, corpus escape sequences (clear screen, clipboard writes) are stripped from answers.
  await runConsole(process.stdout.isTTY ? terminalSafeEngine(engine) : engine, {
    input: process.stdin,
    output: process.stdout,
    ...(process.stdout.isTTY ? { highlight: terminalBold } : {}),
  });
  closeAll();
}
