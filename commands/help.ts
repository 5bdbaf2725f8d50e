import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../src/discord/command.ts';
import { mentionFor } from '../src/discord/commandIds.ts';
import { helpData } from '../src/discord/commandData.ts';
import { optionLang } from '../src/discord/queryCommand.ts';
import { renderHelpEmbed } from '../src/render/discordEmbed.ts';

export const data = helpData();

export async function execute(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
): Promise<void> {
  const help = renderHelpEmbed(optionLang(interaction, ctx), mentionFor(interaction.client));
  await interaction.reply({ ...help, flags: MessageFlags.Ephemeral });
}
