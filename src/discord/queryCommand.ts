/** The handler shared by the question commands (/who, /quote…): options -> engine -> embed reply. */
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { Lang } from '../answer/types.ts';
import { DISCORD_LIMITS } from '../render/discordEmbed.ts';
import { plainText } from '../render/discordSafe.ts';
import { truncateText } from '../render/truncate.ts';
import { answerMessage } from './answerMessage.ts';
import { mentionFor } from './commandIds.ts';
import { respondInTime, type Outcome } from './firstResponse.ts';
import type { QueryKind } from '../answer/kinds.ts';
import type { Command, CommandContext } from './command.ts';
import { OPTION, questionData } from './commandData.ts';
import { interactionLang, serverLang } from './locale.ts';

/** The answer language: the lang option, else a Japanese or English locale, else the server's default (see interactionLang). */
export function optionLang(interaction: ChatInputCommandInteraction, ctx?: CommandContext): Lang {
  return interactionLang(
    interaction.options.getString(OPTION.lang),
    interaction.locale,
    serverLang(interaction, ctx),
  );
}

export function hideFlag(
  interaction: ChatInputCommandInteraction,
): MessageFlags.Ephemeral | undefined {
  return interaction.options.getBoolean(OPTION.hide) ? MessageFlags.Ephemeral : undefined;
}

export { DEFER_AFTER_MS } from './firstResponse.ts';

export async function runQueryCommand(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  kind: QueryKind,
  now: () => number = Date.now,
): Promise<void> {
  const lang = optionLang(interaction, ctx);
  const produce = (): Outcome => {
    const statement = interaction.options.getString(OPTION.statement);
    const reply = answerMessage(ctx.engine, {
      kind,
      query: interaction.options.getString(OPTION.query) ?? '',
      lang,
      askerId: interaction.user.id,
      mention: mentionFor(interaction.client),
      ...(statement ? { statement } : {}),
    });
    // "Nothing matches" helps the asker only: the channel does not need to read it.
    if (reply.nothing) return { privateNote: reply.message.content ?? '' };
    return { message: reply.message };
  };
  await respondInTime(interaction, produce, { flags: hideFlag(interaction), now });
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
    // Choices are shown as plain text, but bidi and zero-width characters still reorder or hide it.
    .map((s) => ({
      name: truncateText(plainText(`${s.date} ${s.title}`), DISCORD_LIMITS.choiceName),
      value: s.id,
    }));
  await interaction.respond(choices);
}

/** The slash command of one question kind: its definition from the table, the shared handlers. */
export function questionCommand(kind: QueryKind): Required<Command> {
  return {
    data: questionData(kind),
    execute: (interaction, ctx) => runQueryCommand(interaction, ctx, kind),
    autocomplete: autocompleteStatement,
  };
}
