import { createRequire } from 'node:module';
import type { DestinationStream, Logger, LoggerOptions } from 'pino';
import type { LogLevel } from './config.ts';

/** pino, loaded on first use: about 25 ms of start-up that a command line writing no log line never needs. */
function pinoModule(): typeof import('pino') {
  return createRequire(import.meta.url)('pino') as typeof import('pino');
}

export type { Logger };

/** Object paths whose values never reach the logs, at any level. */
const REDACTED_PATHS = [
  'token',
  '*.token',
  'discordToken',
  '*.discordToken',
  'config.discordToken',
  'authorization',
  'Authorization',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  '*.*.headers.authorization',
  '*.*.headers.Authorization',
  'req.headers.authorization',
];

export interface LoggerSecrets {
  /** Strings (e.g. the bot token) scrubbed from every line, wherever they hide: messages, errors, URLs. */
  secrets?: readonly (string | undefined)[];
}

/**
 * Redaction by path covers objects we log on purpose; the secrets scrub covers what we do not
 * control, such as an error message from a library that quotes a URL or header with the token.
 */
export function loggerOptions(
  level: LogLevel | 'trace' | 'silent',
  options: LoggerSecrets = {},
): LoggerOptions {
  const secrets = (options.secrets ?? []).filter(
    (s): s is string => typeof s === 'string' && s.length >= 8,
  );
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    hooks: {
      streamWrite: (line: string) =>
        redactInteractionTokens(
          secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), line),
        ),
    },
  };
}

/**
 * Interaction tokens sit in request URLs (`/interactions/{id}/{token}/callback`,
 * `/webhooks/{application}/{token}/…`) that discord.js errors quote. Each lets anyone post as the
 * bot for 15 minutes, so they are removed wherever a URL carries them.
 */
const INTERACTION_TOKEN = /(\/(?:interactions|webhooks)\/\d+\/)[^/\s"'?#\\]+/g;

export function redactInteractionTokens(line: string): string {
  return line.replace(INTERACTION_TOKEN, '$1[redacted]');
}

/** JSON logs to stderr (stdout belongs to answers in the CLI). */
export function createLogger(
  level: LogLevel = 'info',
  options: LoggerSecrets = {},
  destination?: DestinationStream,
): Logger {
  const pino = pinoModule();
  return pino.pino(loggerOptions(level, options), destination ?? pino.destination(2));
}

const LEVEL_VALUES: Record<string, number> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Infinity,
};

/**
 * The same logger, made when a line at an enabled level is first written: calls below `level`
 * are no-ops that load nothing. For the command line, which answers a question in a few hundred
 * milliseconds and usually logs nothing at its `warn` level.
 */
export function lazyLogger(level: LogLevel = 'info', options: LoggerSecrets = {}): Logger {
  let real: Logger | undefined;
  const make = () => (real ??= createLogger(level, options));
  const threshold = LEVEL_VALUES[level] ?? LEVEL_VALUES.info!;
  const noop = () => undefined;
  return new Proxy({} as Logger, {
    get(_, prop) {
      if (!real && typeof prop === 'string') {
        if (prop === 'level') return level;
        if (prop === 'isLevelEnabled') return (l: string) => (LEVEL_VALUES[l] ?? 0) >= threshold;
        const value = LEVEL_VALUES[prop];
        if (value !== undefined && value < threshold) return noop;
      }
      const target = make();
      const member = Reflect.get(target, prop, target) as unknown;
      return typeof member === 'function'
        ? (member as (...args: unknown[]) => unknown).bind(target)
        : member;
    },
  });
}
