/**
 * A small Discord-compatible server for end-to-end tests: the REST routes the bot uses and a
 * gateway (HELLO, IDENTIFY, READY, GUILD_CREATE, heartbeats, RESUME) on 127.0.0.1. It records
 * every REST request so tests can assert on what the real discord.js client sent.
 *
 * Faults (issue 6): `intercept` can delay or answer any request (e.g. 429, 500),
 * `closeSockets(code)` and `dropSockets()` drop gateway connections, `ackHeartbeats = false`
 * makes a zombie connection, `failResumes` answers RESUME with op 9, and sessions keep their
 * dispatches so a RESUME replays the events sent while the client was away. Issue 12:
 * `identifyCloseCode` refuses every IDENTIFY with a close code (4014 disallowed intents...), and
 * `dispatch` sends any event, malformed ones included.
 */
import { once } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedRequest {
  method: string;
  /** Path without the `/api/v10` prefix and without the query, URL-decoded. */
  path: string;
  rawPath: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: any;
  /** When the request had arrived, body included (Date.now()): when Discord would have it. */
  at: number;
}

export interface InterceptResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Returning a result answers the request instead of the default route; undefined carries on. */
export type Interceptor = (
  req: RecordedRequest,
) => Promise<InterceptResult | undefined> | InterceptResult | undefined;

export interface FakeUser {
  id: string;
  username: string;
  global_name?: string | null;
  discriminator: string;
  avatar: string | null;
  bot?: boolean;
}

export interface FakeGuild {
  id: string;
  name: string;
  channelId: string;
  preferredLocale: string;
}

interface Session {
  id: string;
  seq: number;
  shard: [number, number];
  socket?: WebSocket;
  /** Every dispatch of the session, so a RESUME can replay what the client missed. */
  sent: Array<{ s: number; t: string; d: unknown }>;
  /** False once the session was invalidated or replaced by a new IDENTIFY for its shard. */
  live: boolean;
}

let counter = 0n;
/** Unique, increasing Discord-style ids (snowflakes) so discord.js derives sane timestamps. */
export function snowflake(at = Date.now()): string {
  counter += 1n;
  return (((BigInt(at) - 1420070400000n) << 22n) | (counter & 0x3fffffn)).toString();
}

export function makeUser(username: string, extra: Partial<FakeUser> = {}): FakeUser {
  return {
    id: snowflake(),
    username,
    global_name: username,
    discriminator: '0',
    avatar: null,
    ...extra,
  };
}

interface Waiter {
  match: (req: RecordedRequest) => boolean;
  resolve: (req: RecordedRequest) => void;
}

export interface CommandOption {
  name: string;
  value: string | boolean | number;
  focused?: boolean;
  /** A channel option (type 7): the value is a channel id of `guild`, resolved as Discord does. */
  channelOf?: FakeGuild;
}

export interface InteractionPlace {
  user: FakeUser;
  /** When Discord created the interaction (its id encodes it); default now. */
  createdAt?: number;
  locale?: string;
  /** A guild channel when given, else the DM with the bot. */
  guild?: FakeGuild;
  /** The member's permissions in the guild (default: all). */
  permissions?: string;
}

export class FakeDiscord {
  readonly token: string;
  readonly applicationId = snowflake();
  readonly botUser: FakeUser;
  readonly guild: FakeGuild;
  /** More servers the bot is in (`addGuild`), sent at IDENTIFY like the first. */
  readonly extraGuilds: FakeGuild[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly identifies: any[] = [];
  readonly resumes: any[] = [];
  readonly sessions = new Map<string, Session>();
  intercept: Interceptor | undefined;
  /** Value of `shards` in GET /gateway/bot. */
  recommendedShards = 1;
  /** HELLO's heartbeat interval for new connections (short in zombie tests). */
  heartbeatIntervalMs = 41_250;
  /** False: heartbeats go unanswered, as on a zombie connection. */
  ackHeartbeats = true;
  /** True: every RESUME is answered with op 9 (invalid session, not resumable). */
  failResumes = false;
  /** Close codes of gateway connections that ended (1000: the client logged out). */
  readonly closeCodes: number[] = [];
  /** Heartbeats received (op 1), for zombie tests. */
  heartbeats = 0;
  /** Answers every IDENTIFY by closing with this code instead of READY (4014: disallowed intents...). */
  identifyCloseCode: number | undefined;

  private readonly server: http.Server;
  private readonly wss: WebSocketServer;
  private readonly waiters: Waiter[] = [];
  private readonly identifyWaiters: Array<{ count: number; resolve: () => void }> = [];
  private readonly sockets = new Set<WebSocket>();
  private readonly dmChannels = new Map<string, string>();
  private port = 0;

  private constructor(token: string) {
    this.token = token;
    this.botUser = makeUser('Readout', { bot: true });
    this.guild = {
      id: snowflake(),
      name: 'Test Server',
      channelId: snowflake(),
      preferredLocale: 'en-US',
    };
    this.server = http.createServer((req, res) => void this.onHttp(req, res));
    this.wss = new WebSocketServer({ server: this.server });
    this.wss.on('connection', (socket) => this.onSocket(socket));
  }

  static async start(token = 'fake.bot.token-for-tests-only'): Promise<FakeDiscord> {
    const fake = new FakeDiscord(token);
    fake.server.listen(0, '127.0.0.1');
    await once(fake.server, 'listening');
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** Another server the bot is in; add it before the bot connects. */
  addGuild(name: string): FakeGuild {
    const guild = { id: snowflake(), name, channelId: snowflake(), preferredLocale: 'ja' };
    this.extraGuilds.push(guild);
    return guild;
  }

  /** What goes in DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---------------------------------------------------------------- REST

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: any = raw;
    if (String(req.headers['content-type'] ?? '').includes('application/json') && raw)
      body = JSON.parse(raw);
    if (String(req.headers['content-type'] ?? '').includes('multipart/form-data')) {
      const json =
        /name="payload_json"\r\n(?:Content-Type: application\/json\r\n)?\r\n([\s\S]*?)\r\n--/.exec(
          raw,
        );
      if (json?.[1]) body = JSON.parse(json[1]);
    }
    const rawPath = url.pathname.replace(/^\/api(\/v\d+)?/, '');
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(rawPath),
      rawPath,
      query: url.searchParams,
      headers: req.headers,
      body,
      at: Date.now(),
    };
    this.requests.push(record);
    // Waiters learn of a request on arrival, before any interceptor holds or answers it.
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i]!;
      if (waiter.match(record)) {
        this.waiters.splice(i, 1);
        waiter.resolve(record);
      }
    }
    const intercepted = await this.intercept?.(record);
    const result = intercepted ?? this.route(record);
    const payload = result.body === undefined ? '' : JSON.stringify(result.body);
    res.writeHead(result.status, {
      ...(payload ? { 'content-type': 'application/json' } : {}),
      ...result.headers,
    });
    res.end(payload);
  }

  private authorized(req: RecordedRequest): boolean {
    return req.headers.authorization === `Bot ${this.token}`;
  }

  private route(req: RecordedRequest): InterceptResult {
    const { method, path } = req;
    if (method === 'GET' && path === '/gateway/bot') {
      if (!this.authorized(req))
        return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
      return {
        status: 200,
        body: {
          url: this.gatewayUrl,
          shards: this.recommendedShards,
          session_start_limit: {
            total: 1000,
            remaining: 999,
            reset_after: 14_400_000,
            max_concurrency: 1,
          },
        },
      };
    }
    let m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
    if (method === 'POST' && m) return { status: 204 };
    m = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/.exec(path);
    if (m && (method === 'PATCH' || method === 'GET'))
      return { status: 200, body: this.messageFrom(req, snowflake()) };
    if (m && method === 'DELETE') return { status: 204 };
    m = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(path);
    if (method === 'POST' && m) return { status: 200, body: this.messageFrom(req, snowflake()) };
    m = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (method === 'POST' && m) {
      if (!this.authorized(req))
        return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
      return { status: 200, body: this.messageFrom(req, m[1]!) };
    }
    m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path);
    if (method === 'PUT' && m) {
      if (!this.authorized(req))
        return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
      const list = Array.isArray(req.body) ? req.body : [];
      return {
        status: 200,
        body: list.map((c: any) => ({
          ...c,
          id: snowflake(),
          application_id: m![1],
          version: snowflake(),
          ...(m![2] ? { guild_id: m![2] } : {}),
        })),
      };
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  /** The message object Discord would return for a sent message. */
  private messageFrom(req: RecordedRequest, channelId: string) {
    const body = req.body && typeof req.body === 'object' ? req.body : {};
    return this.botMessage(channelId, body);
  }

  botMessage(channelId: string, body: any, extra: Record<string, unknown> = {}) {
    return {
      id: snowflake(),
      channel_id: channelId,
      author: this.botUser,
      content: body.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      pinned: false,
      type: body.message_reference ? 19 : 0,
      flags: body.flags ?? 0,
      ...(body.message_reference ? { message_reference: body.message_reference } : {}),
      ...extra,
    };
  }

  /** Resolves with the first recorded request (already seen or future) that matches. */
  waitForRequest(match: (req: RecordedRequest) => boolean): Promise<RecordedRequest> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** Resolves once `count` IDENTIFY payloads have arrived (one per shard session). */
  waitForIdentify(count = 1): Promise<void> {
    if (this.identifies.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.identifyWaiters.push({ count, resolve }));
  }

  /** Requests that send a message the users will see (replies, updates, follow-ups, edits). */
  outgoingMessages(): RecordedRequest[] {
    return this.requests.filter((r) => {
      if (/^\/interactions\/\d+\/[^/]+\/callback$/.test(r.path))
        return [4, 7].includes(r.body?.type);
      if (/^\/webhooks\//.test(r.path)) return r.method === 'POST' || r.method === 'PATCH';
      return r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path);
    });
  }

  // ---------------------------------------------------------------- gateway

  private onSocket(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', (code) => {
      this.sockets.delete(socket);
      this.closeCodes.push(code);
    });
    socket.on('message', (data) => this.onGatewayMessage(socket, JSON.parse(String(data))));
    this.sendOp(socket, { op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs } });
  }

  private sendOp(socket: WebSocket, payload: Record<string, unknown>): void {
    if (socket.readyState === socket.OPEN)
      socket.send(JSON.stringify({ s: null, t: null, ...payload }));
  }

  /** Sequenced and kept for replay even while the connection is down, as Discord does. */
  private dispatchTo(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    session.sent.push({ s: session.seq, t, d });
    if (session.socket) this.sendOp(session.socket, { op: 0, t, s: session.seq, d });
  }

  private guildShard(guildId: string, shardCount: number): number {
    return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
  }

  private onGatewayMessage(socket: WebSocket, payload: { op: number; d: any }): void {
    switch (payload.op) {
      case 1:
        this.heartbeats += 1;
        if (this.ackHeartbeats) this.sendOp(socket, { op: 11 });
        return;
      case 2: {
        this.identifies.push(payload.d);
        for (const waiter of this.identifyWaiters.filter(
          (w) => this.identifies.length >= w.count,
        )) {
          this.identifyWaiters.splice(this.identifyWaiters.indexOf(waiter), 1);
          waiter.resolve();
        }
        if (payload.d?.token !== this.token) {
          socket.close(4004, 'Authentication failed.');
          return;
        }
        if (this.identifyCloseCode !== undefined) {
          socket.close(this.identifyCloseCode, 'test: refused');
          return;
        }
        const shard: [number, number] = payload.d.shard ?? [0, 1];
        // A new IDENTIFY replaces the shard's old session: it will never be resumed.
        for (const old of this.sessions.values()) {
          if (old.shard[0] === shard[0] && old.shard[1] === shard[1]) old.live = false;
        }
        const session: Session = { id: snowflake(), seq: 0, shard, socket, sent: [], live: true };
        this.sessions.set(session.id, session);
        const guilds = [this.guild, ...this.extraGuilds].filter(
          (g) => this.guildShard(g.id, shard[1]) === shard[0],
        );
        this.dispatchTo(session, 'READY', {
          v: 10,
          user: this.botUser,
          guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
          session_id: session.id,
          resume_gateway_url: this.gatewayUrl,
          shard,
          application: { id: this.applicationId, flags: 0 },
          private_channels: [],
        });
        for (const guild of guilds)
          this.dispatchTo(session, 'GUILD_CREATE', this.guildPayload(guild));
        return;
      }
      case 6: {
        this.resumes.push(payload.d);
        const session = this.sessions.get(payload.d?.session_id);
        if (!session?.live || payload.d?.token !== this.token || this.failResumes) {
          if (session) session.live = false;
          this.sendOp(socket, { op: 9, d: false });
          return;
        }
        session.socket = socket;
        // Replays what the client missed (seq above the one it resumed from), then RESUMED.
        const from = Number(payload.d?.seq ?? 0);
        for (const event of session.sent.filter((e) => e.s > from)) {
          this.sendOp(socket, { op: 0, ...event });
        }
        this.dispatchTo(session, 'RESUMED', {});
        return;
      }
      default:
        return;
    }
  }

  private guildPayload(guild: FakeGuild) {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      owner_id: snowflake(),
      preferred_locale: guild.preferredLocale,
      features: [],
      member_count: 2,
      large: false,
      unavailable: false,
      joined_at: new Date().toISOString(),
      roles: [
        {
          id: guild.id,
          name: '@everyone',
          permissions: '1024',
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      channels: [
        {
          id: guild.channelId,
          type: 0,
          name: 'general',
          guild_id: guild.id,
          position: 0,
          permission_overwrites: [],
          nsfw: false,
          parent_id: null,
        },
      ],
      members: [],
      threads: [],
      presences: [],
      voice_states: [],
      emojis: [],
      stickers: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  /**
   * Sends an event to every live session (a single shard in most tests). A session whose
   * connection is down still sequences the event, to replay it when the client resumes.
   */
  dispatch(t: string, d: unknown): void {
    for (const session of this.sessions.values()) {
      if (session.live) this.dispatchTo(session, t, d);
    }
  }

  /** Drops every gateway connection with a close code (faults, resume tests). */
  closeSockets(code = 4000, reason = 'test'): void {
    for (const socket of this.sockets) socket.close(code, reason);
  }

  /** Drops every gateway connection at the TCP level: no close frame, as when a network fails. */
  dropSockets(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  /** Resolves on the next gateway connection (the client reconnecting). */
  nextConnection(): Promise<void> {
    return new Promise((resolve) => this.wss.once('connection', () => resolve()));
  }

  // ---------------------------------------------------------------- what users do

  private dmChannelOf(user: FakeUser): string {
    let id = this.dmChannels.get(user.id);
    if (!id) {
      id = snowflake();
      this.dmChannels.set(user.id, id);
    }
    return id;
  }

  private interactionBase(type: number, place: InteractionPlace) {
    const id = snowflake(place.createdAt);
    const token = `itoken-${id}`;
    const common = {
      id,
      token,
      type,
      version: 1,
      application_id: this.applicationId,
      locale: place.locale ?? 'en-US',
      app_permissions: '2251799813685247',
      entitlements: [],
      attachment_size_limit: 10_485_760,
    };
    if (place.guild) {
      return {
        ...common,
        guild_id: place.guild.id,
        guild_locale: place.guild.preferredLocale,
        channel_id: place.guild.channelId,
        channel: { id: place.guild.channelId, type: 0, name: 'general', guild_id: place.guild.id },
        member: {
          user: place.user,
          roles: [],
          joined_at: new Date().toISOString(),
          permissions: place.permissions ?? '2251799813685247',
          deaf: false,
          mute: false,
          flags: 0,
        },
        authorizing_integration_owners: { '0': place.guild.id },
        context: 0,
      };
    }
    const channelId = this.dmChannelOf(place.user);
    return {
      ...common,
      channel_id: channelId,
      channel: { id: channelId, type: 1, recipients: [place.user] },
      user: place.user,
      authorizing_integration_owners: { '0': '0' },
      context: 1,
    };
  }

  private optionPayload(options: CommandOption[]) {
    return options.map((o) => ({
      name: o.name,
      type: o.channelOf
        ? 7
        : typeof o.value === 'boolean'
          ? 5
          : typeof o.value === 'number'
            ? 10
            : 3,
      value: o.value,
      ...(o.focused ? { focused: true } : {}),
    }));
  }

  /** A slash command; returns the interaction so the test can await its response. */
  slashCommand(name: string, options: CommandOption[], place: InteractionPlace) {
    const interaction = {
      ...this.interactionBase(2, place),
      data: {
        id: snowflake(),
        name,
        type: 1,
        options: this.optionPayload(options),
        ...this.resolvedChannels(options),
      },
    };
    this.dispatch('INTERACTION_CREATE', interaction);
    return interaction;
  }

  private resolvedChannels(options: CommandOption[]) {
    const channels = options.filter((o) => o.channelOf);
    if (channels.length === 0) return {};
    return {
      resolved: {
        channels: Object.fromEntries(
          channels.map((o) => [
            String(o.value),
            {
              id: String(o.value),
              type: 0,
              name: 'general',
              guild_id: o.channelOf!.id,
              permissions: '2251799813685247',
            },
          ]),
        ),
      },
    };
  }

  autocomplete(name: string, options: CommandOption[], place: InteractionPlace) {
    const interaction = {
      ...this.interactionBase(4, place),
      data: { id: snowflake(), name, type: 1, options: this.optionPayload(options) },
    };
    this.dispatch('INTERACTION_CREATE', interaction);
    return interaction;
  }

  /** A button press on `message` (a message object as the bot sent it). */
  button(customId: string, message: Record<string, unknown>, place: InteractionPlace) {
    const interaction = {
      ...this.interactionBase(3, place),
      data: { custom_id: customId, component_type: 2 },
      message,
    };
    this.dispatch('INTERACTION_CREATE', interaction);
    return interaction;
  }

  /** The bot's first answer to an interaction (callback, or webhook for deferred replies). */
  responseTo(interaction: { id: string; token: string }): Promise<RecordedRequest> {
    return this.waitForRequest(
      (r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`,
    );
  }

  /** A message posted by a user: in the test guild's channel, or in their DM with the bot. */
  message(
    author: FakeUser,
    content: string,
    options: { guild?: FakeGuild; mentions?: FakeUser[]; mentionEveryone?: boolean } = {},
  ) {
    const base = {
      id: snowflake(),
      author,
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: options.mentionEveryone ?? false,
      mentions: options.mentions ?? [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: 0,
      flags: 0,
      nonce: snowflake(),
    };
    const message = options.guild
      ? {
          ...base,
          channel_id: options.guild.channelId,
          guild_id: options.guild.id,
          member: {
            roles: [],
            joined_at: new Date().toISOString(),
            deaf: false,
            mute: false,
            flags: 0,
          },
        }
      : { ...base, channel_id: this.dmChannelOf(author), channel_type: 1 };
    this.dispatch('MESSAGE_CREATE', message);
    return message;
  }

  /** The bot's reply to a user message (a channel message referencing it). */
  replyTo(message: { id: string }): Promise<RecordedRequest> {
    return this.waitForRequest(
      (r) =>
        r.method === 'POST' &&
        /^\/channels\/\d+\/messages$/.test(r.path) &&
        r.body?.message_reference?.message_id === message.id,
    );
  }
}
