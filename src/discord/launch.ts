/**
 * The bot as a process: start it (retrying while Discord cannot be reached), stop it on SIGTERM /
 * SIGINT, and exit non-zero with one line that says what to fix when it cannot start or when
 * Discord closes the gateway for good.
 */
import type { Config } from '../config.ts';
import type { Engine } from '../engine/types.ts';
import type { Logger } from '../logger.ts';
import { startBot, STOP_DEADLINE_MS, type BotOptions, type RunningBot } from './bot.ts';
import { isTransient, startupProblem, type FatalProblem } from './fatal.ts';
import { stopOnSignals } from './shutdown.ts';

export interface RetryOptions {
  /** Tries in all (default 5: waits of 1, 2, 4 and 8 s between them, about 15 s). */
  attempts?: number;
  firstDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Aborted (by SIGTERM during startup): no further try, and the current wait ends at once. */
  signal?: AbortSignal;
}

const sleepFor = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/** startBot, tried again with doubling waits while the failure may pass (API unreachable, 5xx). */
export async function startBotWithRetry(
  config: Config,
  engine: Engine,
  logger: Logger,
  options: BotOptions = {},
  retry: RetryOptions = {},
): Promise<RunningBot> {
  const attempts = Math.max(1, retry.attempts ?? 5);
  const sleep = retry.sleep ?? ((ms: number) => sleepFor(ms, retry.signal));
  let delay = retry.firstDelayMs ?? 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await startBot(config, engine, logger, options);
    } catch (error) {
      if (!isTransient(error) || attempt >= attempts || retry.signal?.aborted) throw error;
      const { message } = startupProblem(error, config.discordApiUrl ?? 'https://discord.com/api');
      logger.warn({ attempt, of: attempts, retryInMs: delay }, `${message} Retrying.`);
      await sleep(delay);
      if (retry.signal?.aborted) throw error;
      delay *= 2;
    }
  }
}

export interface BotProcessOptions {
  bot?: BotOptions;
  retry?: RetryOptions;
  /** Injected by tests; process.exit otherwise. */
  exit?: (code: number) => void;
  signals?: readonly NodeJS.Signals[];
  /** Called before exiting, e.g. to stop watching the corpus. */
  onExit?: () => void;
}

/** Runs the bot until a signal or a fatal close; returns once it is running (or has exited). */
export async function runBotProcess(
  config: Config,
  engine: Engine,
  logger: Logger,
  options: BotProcessOptions = {},
): Promise<RunningBot | undefined> {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let bot: RunningBot | undefined;
  let fatal: FatalProblem | undefined;
  let exiting = false;
  const exitAfterStop = (code: number) => {
    if (exiting) return;
    exiting = true;
    const stop = bot ? bot.stop() : Promise.resolve();
    void stop
      .catch(() => undefined)
      .finally(() => {
        options.onExit?.();
        exit(code);
      });
  };
  const botOptions: BotOptions = {
    ...options.bot,
    onFatal: (problem) => {
      // The line that says what to fix was logged by the bot; a supervisor sees the exit code.
      fatal = problem;
      options.bot?.onFatal?.(problem);
      if (bot) exitAfterStop(problem.exitCode);
    },
  };
  // Listening from the start: a SIGTERM that lands between "ready" and here must not kill the
  // process without a graceful stop.
  const aborted = new AbortController();
  const starting = startBotWithRetry(config, engine, logger, botOptions, {
    ...options.retry,
    signal: aborted.signal,
  });
  stopOnSignals(
    async () => {
      exiting = true;
      aborted.abort();
      const running = await starting.catch(() => undefined);
      await running?.stop();
      options.onExit?.();
    },
    logger,
    {
      signals: options.signals,
      exit,
      deadlineMs: (options.bot?.stopDeadlineMs ?? STOP_DEADLINE_MS) + 5000,
    },
  );
  try {
    bot = await starting;
  } catch (error) {
    if (exiting) return undefined;
    const problem = startupProblem(error, config.discordApiUrl ?? 'https://discord.com/api');
    // One line, no stack trace: the message says what to fix.
    logger.fatal(problem.message);
    exitAfterStop(problem.exitCode);
    return undefined;
  }
  if (fatal) exitAfterStop(fatal.exitCode);
  return bot;
}
