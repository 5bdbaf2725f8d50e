import pino, { type Logger } from 'pino';
import type { LogLevel } from './config.ts';

export type { Logger };

/**
 * JSON logs to stderr (stdout belongs to answers in the CLI). Tokens and Authorization headers
 * are redacted wherever they appear in logged objects.
 */
export function createLogger(level: LogLevel = 'info'): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          'token',
          '*.token',
          'discordToken',
          '*.discordToken',
          'headers.authorization',
          '*.headers.authorization',
          'req.headers.authorization',
          'config.discordToken',
        ],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}
