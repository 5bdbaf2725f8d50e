/**
 * Starts the real bot (real discord.js client, real handlers, real engine) against the fake
 * Discord server, with logs captured in memory.
 */
import { Writable } from 'node:stream';
import path from 'node:path';
import pino from 'pino';
import type { Config } from '../../src/config.ts';
import { startBot, type BotOptions, type RunningBot } from '../../src/discord/bot.ts';
import type { Engine } from '../../src/engine/types.ts';
import { loggerOptions, type Logger, type LoggerSecrets } from '../../src/logger.ts';
import { engineFromFolderInTemp } from '../helpers.ts';
import { FakeDiscord } from './fakeDiscord.ts';

export const REPO_CORPUS = path.resolve(import.meta.dirname, '../../corpus');

export interface Harness {
  fake: FakeDiscord;
  bot: RunningBot;
  engine: Engine;
  logs: string[];
  logger: Logger;
  close(): Promise<void>;
}

/**
 * A logger that keeps every line (at trace level, so nothing the bot logs escapes the check),
 * with the production redaction paths; `secrets` adds the production scrub of the token.
 */
export function memoryLogger(options: LoggerSecrets = {}): { logger: Logger; logs: string[] } {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  return { logger: pino(loggerOptions('trace', options), sink), logs };
}

export function configFor(fake: FakeDiscord, corpusDir = REPO_CORPUS): Config {
  return {
    discordToken: fake.token,
    discordApplicationId: fake.applicationId,
    discordApiUrl: fake.apiUrl,
    corpusDir,
    logLevel: 'trace',
  };
}

export async function startHarness(
  options: BotOptions & {
    corpusDir?: string;
    wrapEngine?: (engine: Engine) => Engine;
    /** Set the fake server up before the bot connects (e.g. a short heartbeat interval). */
    configureFake?: (fake: FakeDiscord) => void;
    /** Scrub the token from log lines as production does (off: tests see what the bot logs). */
    scrubToken?: boolean;
  } = {},
): Promise<Harness> {
  const fake = await FakeDiscord.start();
  options.configureFake?.(fake);
  const { logger, logs } = memoryLogger(options.scrubToken ? { secrets: [fake.token] } : {});
  const config = configFor(fake, options.corpusDir);
  const loaded = await engineFromFolderInTemp(config.corpusDir, logger);
  const engine = options.wrapEngine ? options.wrapEngine(loaded) : loaded;
  const bot = await startBot(config, engine, logger, options);
  const harness: Harness = {
    fake,
    bot,
    engine,
    logs,
    logger,
    async close() {
      // The test may have replaced the bot (restart tests): stop the current one.
      await harness.bot.stop();
      await fake.close();
    },
  };
  return harness;
}

/** The message payload of a recorded response (callback `data`, or the body itself). */
export function payloadOf(req: { path: string; body: any }): any {
  return /\/callback$/.test(req.path) ? req.body?.data : req.body;
}

/** Every message the bot sent must forbid all pings, @everyone and the replied user included. */
export function expectNoPings(fake: FakeDiscord): number {
  const sent = fake.outgoingMessages();
  for (const req of sent) {
    const allowed = payloadOf(req)?.allowed_mentions;
    if (JSON.stringify(allowed) !== JSON.stringify({ parse: [], replied_user: false })) {
      throw new Error(`${req.method} ${req.path} sent allowed_mentions ${JSON.stringify(allowed)}`);
    }
  }
  return sent.length;
}

/** All custom ids of the buttons in a payload. */
export function buttonsOf(payload: any): Array<{ label: string; custom_id: string }> {
  return (payload?.components ?? []).flatMap((row: any) => row.components ?? []);
}
