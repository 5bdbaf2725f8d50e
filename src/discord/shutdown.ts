/**
 * Signal wiring for long-running processes: the first SIGTERM / SIGINT starts a graceful stop
 * and exits 0 when it is done; a second signal means the operator is done waiting.
 */
import type { Logger } from '../logger.ts';

export interface ShutdownOptions {
  signals?: readonly NodeJS.Signals[] | undefined;
  /** Injected so tests can observe the exit code instead of ending the test runner. */
  exit?: (code: number) => void;
  /** A stop still running after this long exits 1 anyway: the backstop behind the bot's own deadline. */
  deadlineMs?: number;
}

/** Returns a function that removes the listeners again. */
export function stopOnSignals(
  stop: () => Promise<void>,
  logger: Logger,
  options: ShutdownOptions = {},
): () => void {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      exit(1);
      return;
    }
    stopping = true;
    logger.info({ signal }, 'signal received: stopping gracefully');
    const backstop =
      options.deadlineMs !== undefined
        ? setTimeout(() => {
            logger.error(
              { deadlineMs: options.deadlineMs },
              'graceful stop did not finish in time: exiting',
            );
            exit(1);
          }, options.deadlineMs)
        : undefined;
    backstop?.unref();
    stop().then(
      () => {
        clearTimeout(backstop);
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(backstop);
        logger.error({ err: error }, 'graceful stop failed');
        exit(1);
      },
    );
  };
  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
}
