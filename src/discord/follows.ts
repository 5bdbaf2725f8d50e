/**
 * Which channels are told of new statements (set with /follow, per server), and which statements
 * each was already told of, in one small JSON file. Every change is written whole to a temporary
 * file and renamed over the old one, so a crash never leaves half a file; the announced list is
 * what keeps a restart or a repeated feed item from posting a statement twice in one channel.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DiscordAPIError, RESTJSONErrorCodes, type Client } from 'discord.js';
import type { Logger } from '../logger.ts';
import { renderAnnouncement, type AnnouncedStatement } from '../render/discordEmbed.ts';

export interface Follow {
  guildId: string;
  channelId: string;
  /** Only this publisher's statements; all when absent. */
  publisher?: string;
  /** Statement ids already announced here (the newest last). */
  announced: string[];
}

interface StateFile {
  version: 1;
  follows: Follow[];
}

/** Ids remembered per channel: far more than a feed ever repeats. */
const MAX_ANNOUNCED = 1000;

export class FollowStore {
  private follows: Follow[] = [];
  private writing: Promise<void> = Promise.resolve();

  private constructor(readonly file: string) {}

  /** Opens the state file, creating nothing until the first change. A corrupt file is an error to fix. */
  static async open(file: string): Promise<FollowStore> {
    const store = new FollowStore(file);
    const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw new Error(`${file} cannot be read (${err.code}): check its permissions`);
    });
    if (text !== undefined) {
      let parsed: StateFile;
      try {
        parsed = JSON.parse(text) as StateFile;
      } catch {
        throw new Error(`${file} is not valid JSON: restore it from a backup or delete it (the channels must then be followed again)`);
      }
      store.follows = Array.isArray(parsed.follows) ? parsed.follows.filter((f) => f && typeof f.channelId === 'string') : [];
    }
    return store;
  }

  list(guildId?: string): readonly Follow[] {
    return guildId ? this.follows.filter((f) => f.guildId === guildId) : this.follows;
  }

  /**
   * Follows a channel (again): a new follow counts every statement already in the corpus as told,
   * so a channel is not flooded with the back catalogue.
   */
  async follow(guildId: string, channelId: string, publisher: string | undefined, existing: readonly string[]): Promise<void> {
    const old = this.follows.find((f) => f.channelId === channelId);
    const announced = old?.announced ?? existing.slice(-MAX_ANNOUNCED);
    this.follows = [...this.follows.filter((f) => f.channelId !== channelId), { guildId, channelId, ...(publisher ? { publisher } : {}), announced }];
    await this.save();
  }

  /** True when the channel was followed. */
  async unfollow(channelId: string): Promise<boolean> {
    const before = this.follows.length;
    this.follows = this.follows.filter((f) => f.channelId !== channelId);
    if (this.follows.length === before) return false;
    await this.save();
    return true;
  }

  async markAnnounced(channelId: string, id: string): Promise<void> {
    const f = this.follows.find((x) => x.channelId === channelId);
    if (!f || f.announced.includes(id)) return;
    f.announced = [...f.announced, id].slice(-MAX_ANNOUNCED);
    await this.save();
  }

  /** Writes are queued: two changes at once never interleave their files. */
  private save(): Promise<void> {
    const snapshot: StateFile = { version: 1, follows: this.follows };
    this.writing = this.writing.catch(() => undefined).then(async () => {
      await mkdir(path.dirname(this.file), { recursive: true });
      const temp = `${this.file}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify(snapshot, null, 1), 'utf8');
      await rename(temp, this.file);
    });
    return this.writing;
  }
}

/** Discord's answers meaning the bot can no longer post in a channel: retrying will not help. */
const GONE = new Set<number | string>([RESTJSONErrorCodes.UnknownChannel, RESTJSONErrorCodes.MissingAccess, RESTJSONErrorCodes.MissingPermissions, RESTJSONErrorCodes.UnknownGuild]);

/**
 * Posts each new statement to every channel that follows it, once. Only channels of servers this
 * client (shard) holds are served, so each shard announces in its own servers and none twice.
 * A channel the bot can no longer post in is dropped with a log line.
 */
export async function announce(client: Client, store: FollowStore, statements: readonly AnnouncedStatement[], log: Logger): Promise<number> {
  let posted = 0;
  for (const follow of [...store.list()]) {
    if (!client.guilds.cache.has(follow.guildId)) continue;
    for (const s of statements) {
      if (follow.announced.includes(s.id) || (follow.publisher && follow.publisher !== s.publisher)) continue;
      const channel = client.channels.cache.get(follow.channelId);
      try {
        if (!channel || !channel.isSendable()) throw new DiscordAPIError({ code: RESTJSONErrorCodes.UnknownChannel, message: 'Unknown Channel' }, RESTJSONErrorCodes.UnknownChannel, 404, 'POST', '', {});
        // Recorded before sending: a crash in between loses one announcement rather than repeating it.
        await store.markAnnounced(follow.channelId, s.id);
        await channel.send({ ...renderAnnouncement(s), allowedMentions: { parse: [], repliedUser: false } });
        posted++;
      } catch (error) {
        if (error instanceof DiscordAPIError && GONE.has(error.code)) {
          log.warn({ guild: follow.guildId, channel: follow.channelId, code: error.code }, 'cannot post in a followed channel any more: unfollowed it');
          await store.unfollow(follow.channelId);
          break;
        }
        log.error({ err: error, channel: follow.channelId, statement: s.id }, 'announcement not sent');
      }
    }
  }
  return posted;
}
