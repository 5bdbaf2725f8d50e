/**
 * Free questions: a mention of the bot in a server channel, or any DM. The answer is a reply
 * to the question, in the language the question is written in.
 */
import type { Message } from 'discord.js';
import type { Lang } from '../answer/types.ts';
import { QueryError } from '../engine/errors.ts';
import type { Engine } from '../engine/types.ts';
import { fitContent } from '../render/discordEmbed.ts';
import { answerMessage, normalizeQuery } from './answerMessage.ts';
import { inTurn } from './firstResponse.ts';
import type { Cooldown } from './cooldown.ts';
import { langFromLocale, langOfText } from './locale.ts';
import { say } from './messages.ts';

export interface MessageDeps {
  engine: Engine;
  cooldown: Cooldown;
  botUserId: string;
}

/** The question a message asks the bot, or null when the message is not for the bot. */
export function questionOf(message: Message, botUserId: string): string | null {
  if (message.author.bot || message.system) return null;
  if (!message.inGuild()) return normalizeQuery(message.content);
  // Read from the message's `mentions` list: @everyone and role pings are not in `users`.
  if (!message.mentions.users.has(botUserId)) return null;
  const mention = new RegExp(`<@!?${botUserId}>`, 'g');
  return normalizeQuery(message.content.replace(mention, ' '));
}

export async function handleMessage(message: Message, deps: MessageDeps): Promise<void> {
  const question = questionOf(message, deps.botUserId);
  if (question === null) return;
  const lang: Lang = question
    ? langOfText(question)
    : langFromLocale(message.inGuild() ? message.guild.preferredLocale : undefined);
  const verdict = deps.cooldown.take(message.author.id);
  if (!verdict.allowed) {
    // Told once per window: replying to every message of a flood would be a flood.
    if (verdict.notify) {
      const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
      await message.reply({ content: say('cooldown', lang, { seconds }) });
    }
    return;
  }
  if (!question) {
    await message.reply({ content: fitContent(say('mentionHelp', lang)) });
    return;
  }
  let reply;
  try {
    // In turn with slash commands, so that a burst of mentions cannot hold their deferrals up.
    reply = await inTurn(() => answerMessage(deps.engine, { kind: 'ask', query: question, lang, askerId: message.author.id }));
  } catch (error) {
    if (error instanceof QueryError) {
      await message.reply({ content: error.messageFor(lang) });
      return;
    }
    throw error;
  }
  await message.reply(reply);
}

export async function apologizeForMessage(message: Message): Promise<void> {
  await message.reply({ content: say('apology', langOfText(message.content)) });
}
