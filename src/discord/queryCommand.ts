/** The handler shared by /who, /when, /quote and /compare: options -> engine -> embed reply. */
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { Lang } from '../answer/types.ts';
import { QueryError } from '../engine/errors.ts';
import { DISCORD_LIMITS } from '../render/discordEmbed.ts';
import { truncateText } from '../render/truncate.ts';
import { answerMessage, checkStatement } from './answerMessage.ts';
import type { QueryKind } from './buttonIds.ts';
import type { CommandContext } from './command.ts';
import { OPTION } from './commandOptions.ts';
import { interactionLang } from './locale.ts';

export function optionLang(interaction: ChatInputCommandInteraction): Lang {
  return interactionLang(interaction.options.getString(OPTION.lang), interaction.locale);
}

export function hideFlag(interaction: ChatInputCommandInteraction): MessageFlags.Ephemeral | undefined {
  return interaction.options.getBoolean(OPTION.hide) ? MessageFlags.Ephemeral : undefined;
}

/** Bad input is the user's to fix: told only to them, in their language. */
export async function replyQueryError(
  interaction: ChatInputCommandInteraction,
  error: QueryError,
  lang: Lang,
): Promise<void> {
  await interaction.reply({ content: error.messageFor(lang), flags: MessageFlags.Ephemeral });
}

/**
 * Discord drops a first response sent more than 3 s after the interaction was created. The
 * engine answers in milliseconds, so a reply is normally direct; but when the interaction
 * reaches us late (busy process, gateway lag) there may be no time left, so we defer first.
 */
export const DEFER_AFTER_MS = 1500;

export async function runQueryCommand(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  kind: QueryKind,
  now: () => number = Date.now,
): Promise<void> {
  const lang = optionLang(interaction);
  const flags = hideFlag(interaction);
  const late = now() - interaction.createdTimestamp > DEFER_AFTER_MS;
  if (late) await interaction.deferReply({ flags });
  let message;
  try {
    const statement = checkStatement(ctx.engine, interaction.options.getString(OPTION.statement));
    message = answerMessage(ctx.engine, {
      kind,
      query: interaction.options.getString(OPTION.query) ?? '',
      lang,
      askerId: interaction.user.id,
      ...(statement ? { statement } : {}),
    });
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    if (!late) return replyQueryError(interaction, error, lang);
    // The deferred reply may be public: replace it with a private note.
    await interaction.deleteReply();
    await interaction.followUp({ content: error.messageFor(lang), flags: MessageFlags.Ephemeral });
    return;
  }
  if (late) await interaction.editReply(message);
  else await interaction.reply({ ...message, flags });
}

/** Statement titles and dates matching what the user typed so far. */
export async function autocompleteStatement(
  interaction: AutocompleteInteraction,
  ctx: CommandContext,
): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (focused.name !== OPTION.statement) {
    await interaction.respond([]);
    return;
  }
  const choices = ctx.engine
    .findStatements(String(focused.value).trim(), DISCORD_LIMITS.autocompleteChoices)
    .filter((s) => s.id.length <= DISCORD_LIMITS.choiceValue)
    .slice(0, DISCORD_LIMITS.autocompleteChoices)
    .map((s) => ({ name: truncateText(`${s.date} ${s.title}`, DISCORD_LIMITS.choiceName), value: s.id }));
  await interaction.respond(choices);
}
