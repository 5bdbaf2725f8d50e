/**
 * What the bot keeps per Discord server: the channels that follow new statements, which
 * statements each was told of, and the server's default answer language. Adapters see only this
 * interface; the one implementation (./sqlite.ts) is an SQLite file that several shard processes
 * share. Every method is synchronous: each is one small local transaction.
 */
import type { Lang } from '../text/script.ts';

export interface Follow {
  guildId: string;
  channelId: string;
  /** Only this publisher's statements; all when absent. */
  publisher?: string;
}

export interface SettingsStore {
  /** The followed channels of one server, or of all servers (oldest follow first). */
  follows(guildId?: string): Follow[];
  /**
   * Follows a channel, or changes the publisher an existing follow is for. `known` are the
   * statements held now: they count as announced there, so a new follow is not flooded with
   * the back catalogue.
   */
  follow(follow: Follow, known: readonly string[]): void;
  /** Stops following; true when the channel was followed. What it was told of is forgotten. */
  unfollow(channelId: string): boolean;
  /**
   * True for exactly one caller per (server, channel, statement), whichever process it runs in,
   * and only while the channel follows: that caller posts. Recorded before the post, so a crash
   * in between loses one announcement rather than repeating it.
   */
  claimAnnouncement(guildId: string, channelId: string, statementId: string): boolean;
  /** The server's default answer language, if a manager set one. */
  defaultLang(guildId: string): Lang | undefined;
  /** Sets the server's default answer language; undefined clears it. */
  setDefaultLang(guildId: string, lang: Lang | undefined): void;
  close(): void;
}
