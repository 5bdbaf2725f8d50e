import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../src/discord/command.ts';
import { OPTION, statementsData } from '../src/discord/commandData.ts';
import { hideFlag, optionLang } from '../src/discord/queryCommand.ts';
import { renderStatementList } from '../src/render/discordEmbed.ts';

export const data = statementsData();

export async function execute(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
): Promise<void> {
  const lang = optionLang(interaction, ctx);
  // An explicit language lists that language's statements; by default, all of them.
  const only = interaction.options.getString(OPTION.lang) ? lang : undefined;
  await interaction.reply({
    ...renderStatementList(ctx.engine.statements(only), lang),
    flags: hideFlag(interaction),
  });
}
