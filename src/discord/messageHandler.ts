/**
 * Free questions: a mention of the bot in a server channel, or any DM. The answer is a reply
 * to the question, in the language the question is written in. A greeting or "help" gets the
 * help, and "/quote ICBM" typed as text is read as the command it names.
 */
import type { Message } from 'discord.js';
import { isQueryKind, type QueryKind } from '../answer/kinds.ts';
import type { Lang } from '../answer/types.ts';
import { QueryError } from '../engine/errors.ts';
import type { Engine } from '../engine/types.ts';
import { isHelpRequest, typedCommand } from '../render/commandGuide.ts';
import { renderHelpEmbed, renderStatementList } from '../render/discordEmbed.ts';
import { answerMessage, normalizeQuery } from './answerMessage.ts';
import { mentionFor } from './commandIds.ts';
import { inTurn } from './answerQueue.ts';
import type { Cooldown } from './cooldown.ts';
import { langFromLocale, langOfText } from './locale.ts';
import { say, STATEMENTS_COMMAND } from './messages.ts';
import type { SettingsStore } from '../settings/types.ts';

export interface MessageDeps {
  engine: Engine;
  cooldown: Cooldown;
  botUserId: string;
  /** For the server's default language (/settings). */
  settings?: SettingsStore | undefined;
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

export type Intent = { kind: 'help' } | { kind: 'statements' } | { kind: QueryKind; query: string };

/** What a typed message asks for: help, the statement list, a command written as text, or a question. */
export function intentOf(question: string): Intent {
  if (!question || isHelpRequest(question)) return { kind: 'help' };
  const typed = typedCommand(question, 'discord');
  const name = typed?.spec?.name;
  if (name === 'help') return { kind: 'help' };
  if (name === 'statements') return { kind: 'statements' };
  if (!typed || !isQueryKind(name)) return { kind: 'ask', query: question };
  return { kind: name, query: typed.rest };
}

/**
 * The language to answer in: the one the words are written in; for a bare "help" or an empty
 * mention, the server's default language (/settings), else the server's Discord language.
 */
function replyLang(
  message: Message,
  question: string,
  intent: Intent,
  settings?: SettingsStore,
): Lang {
  const words = 'query' in intent && intent.query ? intent.query : question;
  if (words && (intent.kind !== 'help' || /[^\p{ASCII}]/u.test(words))) return langOfText(words);
  if (!message.inGuild()) return 'en';
  return settings?.defaultLang(message.guildId) ?? langFromLocale(message.guild.preferredLocale);
}

export async function handleMessage(message: Message, deps: MessageDeps): Promise<void> {
  const question = questionOf(message, deps.botUserId);
  if (question === null) return;
  const intent = intentOf(question);
  const lang = replyLang(message, question, intent, deps.settings);
  const verdict = deps.cooldown.take(message.author.id);
  if (!verdict.allowed) {
    // Told once per window: replying to every message of a flood would be a flood.
    if (verdict.notify) {
      const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
      await message.reply({ content: say('cooldown', lang, { seconds }) });
    }
    return;
  }
  const mention = mentionFor(message.client);
  if (intent.kind === 'help') {
    await message.reply(renderHelpEmbed(lang, mention));
    return;
  }
  if (intent.kind === 'statements') {
    await message.reply(renderStatementList(deps.engine.statements(), lang));
    return;
  }
  // In turn with slash commands, so that a burst of mentions cannot hold their deferrals up.
  const reply = await inTurn(message.author.id, () =>
    answerMessage(deps.engine, {
      kind: intent.kind,
      query: intent.query,
      lang,
      askerId: message.author.id,
      mention,
    }),
  );
  await message.reply(reply.message);
}

/**
 * The reply to a question whose handling failed (the bot's guard calls it): a QueryError is the
 * asker's to fix and says how, in their language; anything else gets the short apology. A
 * message that was not a question for the bot gets nothing.
 */
export async function answerMessageFailure(
  message: Message,
  botUserId: string,
  error: unknown,
  settings?: SettingsStore,
): Promise<void> {
  const question = questionOf(message, botUserId);
  if (question === null) return;
  if (error instanceof QueryError) {
    const lang = replyLang(message, question, intentOf(question), settings);
    await message.reply({ content: error.messageFor(lang, STATEMENTS_COMMAND) });
    return;
  }
  await message.reply({ content: say('apology', langOfText(message.content)) });
}
