import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../src/discord/command.ts';
import { queryCommand } from '../src/discord/commandOptions.ts';
import { autocompleteStatement, runQueryCommand } from '../src/discord/queryCommand.ts';

export const data = queryCommand('compare');

export function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  return runQueryCommand(interaction, ctx, 'compare');
}

export function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  return autocompleteStatement(interaction, ctx);
}
