import 'dotenv/config';
import { runConsole } from './cli/console.ts';
import { loadConfigOrExit } from './config.ts';
import { corpusFolderProblem } from './corpus/walk.ts';
import { terminalBold } from './render/text.ts';
import { terminalSafeEngine } from './render/terminalSafe.ts';
import { liveEngineFromFolder } from './engine/live.ts';
import { createLogger } from './logger.ts';

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
// Both the bot and the console answer from the live engine: corpus edits apply without a restart.
const live = await liveEngineFromFolder(config.corpusDir, logger, {
  ...(config.corpusPollMs !== undefined ? { pollMs: config.corpusPollMs } : {}),
});
const { engine } = live;

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
  await runBotProcess(config, engine, logger, { onExit: () => live.close() });
} else {
  logger.info('no DISCORD_TOKEN: starting the offline console');
  // On a terminal, corpus escape sequences (clear screen, clipboard writes) are stripped from answers.
  await runConsole(process.stdout.isTTY ? terminalSafeEngine(engine) : engine, {
    input: process.stdin,
    output: process.stdout,
    ...(process.stdout.isTTY ? { highlight: terminalBold } : {}),
  });
  live.close();
}
