/**
 * The Discord adapter: a discord.js client wired to the engine through the command modules,
 * the button router and the mention / DM handler. Every handler runs guarded: a throw is logged
 * and answered with a short apology, and never reaches the process.
 */
import { once } from 'node:events';
import { Agent } from 'undici';
import {
  Client,
  Events,
  GatewayIntentBits,
  Partials,
  REST,
  type ClientOptions,
  type Interaction,
  type Message,
} from 'discord.js';
import { commands as defaultCommands } from '../../commands/index.ts';
import type { Config } from '../config.ts';
import { QueryError } from '../engine/errors.ts';
import type { Engine } from '../engine/types.ts';
import type { Logger } from '../logger.ts';
import type { Command } from './command.ts';
import { Cooldown, type CooldownOptions } from './cooldown.ts';
import {
  answerFailure,
  commandMap,
  refuseWhileStopping,
  routeInteraction,
} from './interactionRouter.ts';
import { answerMessageFailure, handleMessage } from './messageHandler.ts';
import { SeenEvents } from './seenEvents.ts';
import { announce } from './announce.ts';
import type { SettingsStore } from '../settings/types.ts';
import type { AnnouncedStatement } from '../render/discordEmbed.ts';
import { acknowledging } from './answerQueue.ts';
import {
  EXIT_CONFIG,
  FatalGatewayClose,
  gatewayCloseHint,
  isFatalClose,
  type FatalProblem,
} from './fatal.ts';

export interface BotOptions {
  /** Commands to serve (default: all of `commands/`); tests add their own. */
  commands?: readonly Command[];
  cooldown?: CooldownOptions;
  /** Autocomplete's own per-user budget (default AUTOCOMPLETE_BUDGET). */
  autocompleteCooldown?: CooldownOptions;
  /** Extra client options, e.g. timeouts in tests. */
  clientOptions?: Partial<ClientOptions>;
  /** How long stop() waits for replies in flight before disconnecting anyway (default 10 s). */
  stopDeadlineMs?: number;
  /**
   * Called once when Discord closes the gateway for good while running (token reset, intents
   * refused): discord.js will not reconnect, so the process should exit non-zero.
   */
  onFatal?: (problem: FatalProblem) => void;
  /**
   * Per-server settings: the channels /follow chose and /settings' default language. Without it,
   * /follow and /settings say they are off, and answers follow the user's locale alone.
   */
  settings?: SettingsStore;
}

export const STOP_DEADLINE_MS = 10_000;

/**
 * Discord sends an autocomplete request per keystroke or so: 10 in any 5 s covers fast typing
 * (about 2 a second, with bursts), while one user's flood cannot crowd out everyone's questions.
 */
export const AUTOCOMPLETE_BUDGET = { limit: 10, windowMs: 5000 } as const;

export interface RunningBot {
  client: Client;
  /** Tells the following channels of this client's servers about new statements, once each. */
  announce(statements: readonly AnnouncedStatement[]): Promise<number>;
  /** Stops taking new work, lets in-flight replies finish, then disconnects. */
  stop(): Promise<void>;
}

/** Options every Readout client uses, whatever the caller adds. */
export function clientOptionsFor(
  config: Config,
  extra: Partial<ClientOptions> = {},
): ClientOptions {
  return {
    ...extra,
    // Mentions and DMs carry their text without the privileged MessageContent intent.
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
    ],
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

/**
 * discord.js handles each gateway event synchronously inside its socket's message handler: an
 * event it cannot parse (an interaction with neither user nor member), or a listener that throws,
 * becomes an uncaught exception that ends the process. Caught here per event, so one bad event
 * costs one event. handlePacket is internal to discord.js 14; if it is ever gone, nothing is wrapped.
 */
function containGatewayEvents(client: Client, log: Logger): void {
  const ws = client.ws as unknown as {
    handlePacket?: (packet?: { t?: string }, shard?: unknown) => boolean;
  };
  const handle = ws.handlePacket;
  if (typeof handle !== 'function') return;
  ws.handlePacket = function (packet, shard) {
    try {
      return handle.call(this, packet, shard);
    } catch (error) {
      log.error({ err: error, event: packet?.t }, 'gateway event could not be handled; skipped');
      return true;
    }
  };
}

/**
 * Connections to Discord's REST API. undici, under discord.js, opens a new connection for every
 * request that finds none free, without limit: a burst of 200 interactions opened 200 at once
 * (200 TLS handshakes on the real API), and on loopback overflowed the server's accept queue, so
 * the kernel dropped connections and retried them 1 and 3 s later, after Discord's deadline.
 * Kept alive and bounded, a burst reuses a few connections; and first responses have a pool of
 * their own, so they never wait behind answers being edited in or channel messages.
 */
export const REST_CONNECTIONS = {
  acknowledgements: 64,
  interactionWebhooks: 16,
  other: 16,
} as const;

interface InteractionRoutes {
  /** Every REST manager the client uses, to watch and to close. */
  managers: REST[];
  close(): Promise<void>;
}

/**
 * Sends interaction callbacks (first responses) and interaction webhooks (edits, follow-ups)
 * through REST managers of their own, and counts callbacks in flight for the answer queue.
 *
 * discord.js counts every REST request against the bot's global limit of 50 a second, but Discord
 * exempts interaction endpoints from it. Interaction callbacks already bypass the count; the
 * webhook requests of interactions did not, so after a burst of deferrals the answers trickled in
 * at 50 a second. Their manager has the same API, per-route limits and retries, no global count.
 */
function routeInteractionRequests(client: Client): InteractionRoutes {
  const agents = {
    acknowledgements: new Agent({ connections: REST_CONNECTIONS.acknowledgements }),
    interactionWebhooks: new Agent({ connections: REST_CONNECTIONS.interactionWebhooks }),
    other: new Agent({ connections: REST_CONNECTIONS.other }),
  };
  client.rest.setAgent(agents.other);
  const callbacks = new REST({ ...client.rest.options, agent: agents.acknowledgements });
  const webhooks = new REST({
    ...client.rest.options,
    agent: agents.interactionWebhooks,
    globalRequestsPerSecond: Number.MAX_SAFE_INTEGER,
  });
  const queue = client.rest.queueRequest.bind(client.rest);
  client.rest.queueRequest = (request) => {
    const route = String(request.fullRoute);
    if (request.auth === false && route.startsWith('/interactions/') && route.endsWith('/callback'))
      return acknowledging(callbacks.queueRequest(request));
    const appId = client.application?.id ?? client.user?.id;
    if (request.auth === false && appId && route.startsWith(`/webhooks/${appId}/`))
      return webhooks.queueRequest(request);
    return queue(request);
  };
  return {
    managers: [client.rest, callbacks, webhooks],
    async close() {
      for (const rest of [callbacks, webhooks]) {
        rest.clearHashSweeper();
        rest.clearHandlerSweeper();
      }
      // Whatever is still pending was given up at the stop deadline: close without waiting for it.
      await Promise.all(Object.values(agents).map((agent) => agent.destroy()));
    },
  };
}

export async function startBot(
  config: Config,
  engine: Engine,
  logger: Logger,
  options: BotOptions = {},
): Promise<RunningBot> {
  if (!config.discordToken) throw new Error('DISCORD_TOKEN is required to start the Discord bot.');
  // Indexes otherwise built by the first questions (0.6 s at 20,000 statements) are built before
  // the bot is online: in a first burst, that wait held up every acknowledgement behind it.
  engine.prepare();
  const client = new Client(clientOptionsFor(config, options.clientOptions));
  const log = logger.child({ component: 'discord' });
  const cooldown = new Cooldown(options.cooldown);
  const autocompleteCooldown = new Cooldown(options.autocompleteCooldown ?? AUTOCOMPLETE_BUDGET);
  const commands = commandMap(options.commands ?? defaultCommands);
  const ctx = { engine, logger: log, settings: options.settings };

  const seen = new SeenEvents();
  const inFlight = new Set<Promise<void>>();
  let accepting = true;

  /** Runs one unit of work, so that no failure escapes and stop() can wait for it. */
  function guarded(
    what: Record<string, unknown>,
    work: () => Promise<void>,
    onError: (error: unknown) => Promise<void>,
  ) {
    const task = (async () => {
      try {
        await work();
      } catch (error) {
        // Bad input is the user's to fix and is told to them; it is not a failure of the bot.
        if (error instanceof QueryError)
          log.debug({ code: error.code, ...what }, 'question refused');
        else log.error({ err: error, ...what }, 'handler failed');
        try {
          await onError(error);
        } catch (apologyError) {
          log.warn({ err: apologyError, ...what }, 'could not send the apology');
        }
      }
    })();
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  }

  containGatewayEvents(client, log);

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (!seen.first(interaction.id)) {
      log.debug({ interaction: interaction.id }, 'repeated interaction ignored');
      return;
    }
    const what = {
      interaction: interaction.id,
      type: interaction.type,
      ...(interaction.isCommand() || interaction.isAutocomplete()
        ? { command: interaction.commandName }
        : {}),
      user: interaction.user?.id,
    };
    if (!accepting) {
      guarded(
        what,
        () => refuseWhileStopping(interaction),
        async () => {},
      );
      return;
    }
    guarded(
      what,
      () => routeInteraction(interaction, { commands, ctx, cooldown, autocompleteCooldown }),
      (error) => answerFailure(interaction, error, ctx),
    );
  });

  client.on(Events.MessageCreate, (message: Message) => {
    const botUserId = client.user?.id;
    if (!botUserId) return;
    // A message while stopping is left alone: a channel reply about restarting would be noise.
    if (!accepting || !seen.first(message.id)) return;
    guarded(
      { message: message.id, channel: message.channelId, user: message.author.id },
      () => handleMessage(message, { engine, cooldown, botUserId, settings: options.settings }),
      (error) => answerMessageFailure(message, botUserId, error, options.settings),
    );
  });

  // Rate limits and server errors are retried by discord.js; the log shows they happened.
  const routes = routeInteractionRequests(client);
  for (const rest of routes.managers) {
    rest.on('response', (request, response) => {
      if (response.status === 429 || response.status >= 500) {
        log.warn(
          {
            method: request.method,
            route: request.route,
            status: response.status,
            retries: request.retries,
          },
          'Discord API error response (discord.js retries 429 and 5xx)',
        );
      }
    });
  }
  client.on(Events.Error, (error) => log.error({ err: error }, 'client error'));
  client.on(Events.Warn, (warning) => log.warn({ warning }, 'client warning'));
  client.on(Events.Debug, (message) => log.trace({ debug: scrubDebug(message) }, 'discord.js'));
  // discord.js emits this only for close codes it will not recover from: the bot is down for good.
  let fatalClose: number | undefined;
  client.on(Events.ShardDisconnect, (event, shard) => {
    if (!isFatalClose(event.code)) {
      log.warn({ shard, code: event.code }, 'shard disconnected');
      return;
    }
    const first = fatalClose === undefined;
    fatalClose ??= event.code;
    // Before ready, login() fails and the caller reports it; once running, onFatal does.
    if (first && client.isReady()) {
      const message = gatewayCloseHint(event.code)!;
      log.fatal({ shard, code: event.code }, message);
      options.onFatal?.({ message, exitCode: EXIT_CONFIG });
    }
  });
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, 'shard reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) =>
    log.info({ shard, replayed }, 'shard resumed'),
  );

  const ready = once(client, Events.ClientReady);
  try {
    await client.login(config.discordToken);
    await ready;
  } catch (error) {
    await client.destroy();
    await routes.close();
    throw fatalClose !== undefined ? new FatalGatewayClose(fatalClose) : error;
  }
  log.info({ user: client.user?.id, guilds: client.guilds.cache.size }, 'Discord bot ready');

  let stopped: Promise<void> | undefined;
  // Announcements run one batch at a time, so two reloads close together cannot post twice.
  let announcing: Promise<number> = Promise.resolve(0);
  return {
    client,
    announce(statements) {
      const settings = options.settings;
      if (!settings || !accepting || statements.length === 0) return Promise.resolve(0);
      const run = announcing.catch(() => 0).then(() => announce(client, settings, statements, log));
      announcing = run;
      const task = run.then(
        () => undefined,
        () => undefined,
      );
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task));
      return run;
    },
    stop() {
      stopped ??= (async () => {
        accepting = false;
        log.info({ inFlight: inFlight.size }, 'stopping: finishing replies in flight');
        // A hanging Discord API must not keep a stopping bot alive (and a restart waiting) forever.
        const deadlineMs = options.stopDeadlineMs ?? STOP_DEADLINE_MS;
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<'late'>(
          (resolve) => (timer = setTimeout(() => resolve('late'), deadlineMs)),
        );
        const drained = (async () => {
          // Notices sent while waiting join the set: wait until it is empty.
          while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
          return 'drained' as const;
        })();
        if ((await Promise.race([drained, deadline])) === 'late') {
          log.warn(
            { inFlight: inFlight.size, deadlineMs },
            'replies still in flight at the stop deadline: stopping without them',
          );
        }
        const destroyed = client
          .destroy()
          .then(() => routes.close())
          .then(() => 'destroyed' as const);
        if ((await Promise.race([destroyed, deadline])) === 'late')
          log.warn('gateway logout did not finish in time');
        clearTimeout(timer);
        log.info('Discord bot stopped');
      })();
      return stopped;
    },
  };
}
