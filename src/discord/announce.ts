/**
 * New statements -> one message in each channel that follows them. Which channels follow, which
 * statements each was told of and the server's language come from the settings store; its claim
 * on (server, channel, statement) is what keeps a restart, a repeated feed item or a second shard
 * from posting a statement twice in one channel.
 */
import { DiscordAPIError, RESTJSONErrorCodes, type Client } from 'discord.js';
import type { Lang } from '../answer/types.ts';
import type { Logger } from '../logger.ts';
import {
  renderAnnouncement,
  type AnnouncedStatement,
  type DiscordMessageData,
} from '../render/discordEmbed.ts';
import type { SettingsStore } from '../settings/types.ts';
import { footerLines } from './answerFooter.ts';
import { ANYONE, encodeButtonId, FROM_MESSAGE } from './buttonIds.ts';
import { langFromLocale } from './locale.ts';

/** Discord's answers meaning the bot can no longer post in a channel: retrying will not help. */
const GONE = new Set<number | string>([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.UnknownGuild,
]);

/**
 * The announcement of `s` in a server whose default language is `serverLang` (else the
 * statement's own), with /who and /when buttons whose ids name the statement; an id too long for
 * a custom id is read back from the footer, as answers do.
 */
export function announcementMessage(
  s: AnnouncedStatement,
  serverLang: Lang | undefined,
): DiscordMessageData {
  const lang = serverLang ?? langFromLocale(s.language);
  const askId = (kind: 'who' | 'when') =>
    encodeButtonId({
      action: 'ask',
      kind,
      page: 0,
      lang,
      askerId: ANYONE,
      statement: s.id,
      query: '',
    });
  const inFooter = askId('who').endsWith(`|${FROM_MESSAGE}`);
  return renderAnnouncement(s, {
    lang,
    askIds: { who: askId('who'), when: askId('when') },
    ...(inFooter ? { footer: footerLines('', s.id).join('\n') } : {}),
  });
}

/**
 * Posts each new statement to every channel that follows it, once. Only channels of servers this
 * client (shard) holds are served, so each shard announces in its own servers. A channel the bot
 * can no longer post in is unfollowed with a log line, not retried.
 */
export async function announce(
  client: Client,
  store: SettingsStore,
  statements: readonly AnnouncedStatement[],
  log: Logger,
): Promise<number> {
  let posted = 0;
  for (const follow of store.follows()) {
    if (!client.guilds.cache.has(follow.guildId)) continue;
    const serverLang = store.defaultLang(follow.guildId);
    for (const s of statements) {
      if (follow.publisher && follow.publisher !== s.publisher) continue;
      const channel = client.channels.cache.get(follow.channelId);
      try {
        if (!channel?.isSendable())
          throw new DiscordAPIError(
            { code: RESTJSONErrorCodes.UnknownChannel, message: 'Unknown Channel' },
            RESTJSONErrorCodes.UnknownChannel,
            404,
            'POST',
            '',
            {},
          );
        // Claimed before sending: a crash in between loses one announcement rather than repeating it.
        if (!store.claimAnnouncement(follow.guildId, follow.channelId, s.id)) continue;
        await channel.send({
          ...announcementMessage(s, serverLang),
          allowedMentions: { parse: [], repliedUser: false },
        });
        posted++;
      } catch (error) {
        if (error instanceof DiscordAPIError && GONE.has(error.code)) {
          log.warn(
            { guild: follow.guildId, channel: follow.channelId, code: error.code },
            'cannot post in a followed channel any more: unfollowed it',
          );
          store.unfollow(follow.channelId);
          break;
        }
        log.error(
          { err: error, channel: follow.channelId, statement: s.id },
          'announcement not sent',
        );
      }
    }
  }
  return posted;
}
