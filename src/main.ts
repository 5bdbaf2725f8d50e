import 'dotenv/config';
import { runConsole } from './cli/console.ts';
import { loadConfigOrExit } from './config.ts';
import { terminalBold } from './render/text.ts';
import { loadEngine } from './engine/load.ts';
import { createLogger } from './logger.ts';

/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, else the offline console on the
 * configured corpus, so a fresh clone answers questions with no setup at all.
 */
const config = loadConfigOrExit();
const logger = createLogger(config.logLevel);
const engine = await loadEngine(config.corpusDir, logger);

if (config.discordToken) {
  const { startBot } = await import('./discord/bot.ts');
  const { stopOnSignals } = await import('./discord/shutdown.ts');
  const bot = await startBot(config, engine, logger);
  stopOnSignals(bot.stop, logger);
} else {
  logger.info('no DISCORD_TOKEN: starting the offline console');
  await runConsole(engine, {
    input: process.stdin,
    output: process.stdout,
    ...(process.stdout.isTTY ? { highlight: terminalBold } : {}),
  });
}
