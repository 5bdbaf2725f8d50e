/**
 * The Discord adapter: a discord.js client wired to the engine through the command modules,
 * the button router and the mention / DM handler. Every handler runs guarded: a throw is logged
 * and answered with a short apology, and never reaches the process.
 */
import { once } from 'node:events';
import {
  Client,
  Events,
  GatewayIntentBits,
  Partials,
  type ClientOptions,
  type Interaction,
  type Message,
} from 'discord.js';
import { commands as defaultCommands } from '../../commands/index.ts';
import type { Config } from '../config.ts';
import type { Engine } from '../engine/types.ts';
import type { Logger } from '../logger.ts';
import type { Command } from './command.ts';
import { Cooldown, type CooldownOptions } from './cooldown.ts';
import { apologize, commandMap, refuseWhileStopping, routeInteraction } from './interactionRouter.ts';
import { apologizeForMessage, handleMessage, questionOf } from './messageHandler.ts';
import { SeenEvents } from './seenEvents.ts';

export interface BotOptions {
  /** Commands to serve (default: all of `commands/`); tests add their own. */
  commands?: readonly Command[];
  cooldown?: CooldownOptions;
  /** Extra client options, e.g. timeouts in tests. */
  clientOptions?: Partial<ClientOptions>;
}

export interface RunningBot {
  client: Client;
  /** Stops taking new work, lets in-flight replies finish, then disconnects. */
  stop(): Promise<void>;
}

/** Options every Readout client uses, whatever the caller adds. */
export function clientOptionsFor(config: Config, extra: Partial<ClientOptions> = {}): ClientOptions {
  return {
    ...extra,
    // Mentions and DMs carry their text without the privileged MessageContent intent.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    // DM channels are not cached before their first message; without this the message is dropped.
    partials: [Partials.Channel],
    // The bot repeats user input and corpus text: nothing it sends may ping anyone.
    allowedMentions: { parse: [], repliedUser: false },
    rest: { ...extra.rest, ...(config.discordApiUrl ? { api: config.discordApiUrl } : {}) },
  };
}

/** discord.js debug lines mention a partly censored token; none of it goes to the logs. */
function scrubDebug(message: string): string {
  return message.replace(/(Provided token:?\s*)\S+/gi, '$1[redacted]');
}

export async function startBot(
  config: Config,
  engine: Engine,
  logger: Logger,
  options: BotOptions = {},
): Promise<RunningBot> {
  if (!config.discordToken) throw new Error('DISCORD_TOKEN is required to start the Discord bot.');
  const client = new Client(clientOptionsFor(config, options.clientOptions));
  const log = logger.child({ component: 'discord' });
  const cooldown = new Cooldown(options.cooldown);
  const commands = commandMap(options.commands ?? defaultCommands);
  const ctx = { engine, logger: log };

  const seen = new SeenEvents();
  const inFlight = new Set<Promise<void>>();
  let accepting = true;

  /** Runs one unit of work, so that no failure escapes and stop() can wait for it. */
  function guarded(what: Record<string, unknown>, work: () => Promise<void>, onError: () => Promise<void>) {
    const task = (async () => {
      try {
        await work();
      } catch (error) {
        log.error({ err: error, ...what }, 'handler failed');
        try {
          await onError();
        } catch (apologyError) {
          log.warn({ err: apologyError, ...what }, 'could not send the apology');
        }
      }
    })();
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  }

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (!seen.first(interaction.id)) {
      log.debug({ interaction: interaction.id }, 'repeated interaction ignored');
      return;
    }
    const what = {
      interaction: interaction.id,
      type: interaction.type,
      ...(interaction.isCommand() || interaction.isAutocomplete() ? { command: interaction.commandName } : {}),
      user: interaction.user.id,
    };
    if (!accepting) {
      guarded(what, () => refuseWhileStopping(interaction), async () => {});
      return;
    }
    guarded(what, () => routeInteraction(interaction, { commands, ctx, cooldown }), () => apologize(interaction));
  });

  client.on(Events.MessageCreate, (message: Message) => {
    const botUserId = client.user?.id;
    if (!botUserId) return;
    // A message while stopping is left alone: a channel reply about restarting would be noise.
    if (!accepting || !seen.first(message.id)) return;
    guarded(
      { message: message.id, channel: message.channelId, user: message.author.id },
      () => handleMessage(message, { engine, cooldown, botUserId }),
      async () => {
        if (questionOf(message, botUserId) !== null) await apologizeForMessage(message);
      },
    );
  });

  // Rate limits and server errors are retried by discord.js; the log shows they happened.
  client.rest.on('response', (request, response) => {
    if (response.status === 429 || response.status >= 500) {
      log.warn({ method: request.method, route: request.route, status: response.status, retries: request.retries }, 'Discord API error response (discord.js retries 429 and 5xx)');
    }
  });
  client.on(Events.Error, (error) => log.error({ err: error }, 'client error'));
  client.on(Events.Warn, (warning) => log.warn({ warning }, 'client warning'));
  client.on(Events.Debug, (message) => log.trace({ debug: scrubDebug(message) }, 'discord.js'));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ shard, code: event.code }, 'shard disconnected'));
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, 'shard reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'shard resumed'));

  const ready = once(client, Events.ClientReady);
  try {
    await client.login(config.discordToken);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  log.info({ user: client.user?.id, guilds: client.guilds.cache.size }, 'Discord bot ready');

  let stopped: Promise<void> | undefined;
  return {
    client,
    stop() {
      stopped ??= (async () => {
        accepting = false;
        log.info({ inFlight: inFlight.size }, 'stopping: finishing replies in flight');
        // Notices sent while waiting join the set: wait until it is empty.
        while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
        await client.destroy();
        log.info('Discord bot stopped');
      })();
      return stopped;
    },
  };
}
