/**
 * Problems that stop the bot for good, as one line an operator can act on, and the exit code a
 * supervisor can tell apart: 2 means "fix the configuration, restarting will not help" (a systemd
 * unit sets RestartPreventExitStatus=2), 1 means "this may pass; restart me".
 */
import { DiscordjsErrorCodes } from 'discord.js';

export const EXIT_FAILURE = 1;
export const EXIT_CONFIG = 2;

export interface FatalProblem {
  /** One line, no stack trace: what happened and what to fix. */
  message: string;
  exitCode: number;
}

/** Thrown by startBot, or passed to onFatal, when Discord closes the gateway for a reason that retrying cannot fix. */
export class FatalGatewayClose extends Error {
  constructor(readonly code: number) {
    super(gatewayCloseHint(code) ?? `Discord closed the gateway with code ${code}.`);
    this.name = 'FatalGatewayClose';
  }
}

/**
 * The close codes discord.js gives up on (it never reconnects after them), with what the operator
 * must change. Anything else is reconnected or resumed by discord.js on its own.
 */
const CLOSE_HINTS: Record<number, string> = {
  4004: 'Discord rejected DISCORD_TOKEN (gateway close 4004, authentication failed): the token was reset or is wrong. Copy a new token from the developer portal (Bot → Reset Token) into .env.',
  4010: 'Discord rejected the shard settings (gateway close 4010, invalid shard): check SHARD_COUNT.',
  4011: 'Discord requires sharding for this bot (gateway close 4011): run npm run start:sharded with SHARD_COUNT set (one shard per 2,500 servers).',
  4012: 'Discord refused the gateway API version (close 4012): update discord.js (npm install).',
  4013: 'Discord refused the gateway intents (close 4013, invalid intents): update Readout.',
  4014: 'Discord refused the gateway intents (close 4014, disallowed intents): a privileged intent is requested but not enabled for this bot in the developer portal (Bot → Privileged Gateway Intents).',
};

export function gatewayCloseHint(code: number): string | undefined {
  return CLOSE_HINTS[code];
}

export function isFatalClose(code: number): boolean {
  return code in CLOSE_HINTS;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

function errorCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  // fetch wraps the system error: `TypeError: fetch failed` with the real one as its cause.
  let e: unknown = error;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    if ('code' in e && typeof e.code === 'string') return e.code;
    e = 'cause' in e ? e.cause : undefined;
  }
  return undefined;
}

/** True for failures that may pass by themselves: the API unreachable, timing out, or answering 5xx. */
export function isTransient(error: unknown): boolean {
  const code = errorCode(error);
  if (code && NETWORK_CODES.has(code)) return true;
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 500) return true;
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'AbortError' || name === 'TimeoutError';
}

/** Why the bot could not start, as one line and an exit code. */
export function startupProblem(error: unknown, apiUrl: string): FatalProblem {
  if (error instanceof FatalGatewayClose) return { message: error.message, exitCode: EXIT_CONFIG };
  const code = (error as { code?: unknown } | null)?.code;
  if (code === DiscordjsErrorCodes.TokenInvalid) {
    return {
      message:
        'Discord rejected DISCORD_TOKEN (401 Unauthorized): it is wrong or was reset. Copy a new token from the developer portal (Bot → Reset Token) into .env.',
      exitCode: EXIT_CONFIG,
    };
  }
  const reason = errorCode(error) ?? (error instanceof Error ? error.message : String(error));
  if (isTransient(error)) {
    return {
      message: `Discord's API at ${apiUrl} cannot be reached (${reason}): check the network, a proxy or firewall, and DISCORD_API_URL if set.`,
      exitCode: EXIT_FAILURE,
    };
  }
  return { message: `The Discord bot could not start: ${reason}`, exitCode: EXIT_FAILURE };
}
