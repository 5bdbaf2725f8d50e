import path from 'node:path';

/** Everything the program reads from the environment, validated once at start. */
export interface Config {
  /** Bot token; without it `npm start` runs the offline console. Never logged. */
  discordToken?: string | undefined;
  discordApplicationId?: string | undefined;
  /** Register commands to this guild only (development), else globally. */
  discordGuildId?: string | undefined;
  /** REST API base, e.g. `https://discord.com/api` (default) or a loopback test server. */
  discordApiUrl?: string | undefined;
  /** Shards for `npm run start:sharded`. */
  shardCount?: number | undefined;
  corpusDir: string;
  /** How often `npm start` scans the corpus for changes, ms; 0 relies on file-system events alone. */
  corpusPollMs?: number;
  logLevel: LogLevel;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function optional(env: Env, key: string): string | undefined {
  const value = env[key]?.trim();
  return value ? value : undefined;
}

function snowflake(env: Env, key: string): string | undefined {
  const value = optional(env, key);
  if (value !== undefined && !/^\d{17,20}$/.test(value)) {
    throw new ConfigError(`${key} must be a Discord id (17 to 20 digits).`);
  }
  return value;
}

function wholeNumber(env: Env, key: string, min: number, message: string): number | undefined {
  const value = optional(env, key);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(message);
  return n;
}

/** Reads and checks the configuration; messages name the variable, never its secret value. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const logLevel = (optional(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}.`);
  }
  const apiUrl = optional(env, 'DISCORD_API_URL');
  if (apiUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(apiUrl)) {
    throw new ConfigError(
      'DISCORD_API_URL must be an http(s) URL such as https://discord.com/api.',
    );
  }
  const shardCount = wholeNumber(
    env,
    'SHARD_COUNT',
    1,
    'SHARD_COUNT must be a whole number of at least 1.',
  );
  const corpusPollMs = wholeNumber(
    env,
    'CORPUS_POLL_MS',
    0,
    'CORPUS_POLL_MS must be a whole number of milliseconds (0 turns the scan off).',
  );
  const token = optional(env, 'DISCORD_TOKEN');
  if (token !== undefined && /\s/.test(token)) {
    throw new ConfigError('DISCORD_TOKEN must not contain spaces.');
  }
  return {
    discordToken: token,
    discordApplicationId: snowflake(env, 'DISCORD_APPLICATION_ID'),
    discordGuildId: snowflake(env, 'DISCORD_GUILD_ID'),
    discordApiUrl: apiUrl?.replace(/\/+$/, ''),
    shardCount,
    corpusDir: path.resolve(cwd, optional(env, 'CORPUS_DIR') ?? 'corpus'),
    ...(corpusPollMs !== undefined ? { corpusPollMs } : {}),
    logLevel: logLevel as LogLevel,
  };
}

/** For entry points: the configuration, or a one-line message and exit code 2. */
export function loadConfigOrExit(env: Env = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`Configuration error: ${err.message}\nSee .env.example.\n`);
    process.exit(2);
  }
}
