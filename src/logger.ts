import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { LogLevel } from './config.ts';

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
export function loggerOptions(level: LogLevel | 'trace' | 'silent', options: LoggerSecrets = {}): LoggerOptions {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 8);
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    hooks: {
      streamWrite: (line: string) =>
        redactInteractionTokens(secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), line)),
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
  destination: DestinationStream = pino.destination(2),
): Logger {
  return pino(loggerOptions(level, options), destination);
}
