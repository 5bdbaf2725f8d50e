import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../src/discord/command.ts';
import { newCommand, withHide, withLang, withQuery, withStatement } from '../src/discord/commandOptions.ts';
import { autocompleteStatement, runQueryCommand } from '../src/discord/queryCommand.ts';

export const data = withHide(
  withStatement(
    withLang(
      withQuery(
        newCommand('quote', 'Quote the passages of the statements that match your words', {
          name: '引用',
          description: '言葉に一致する声明の箇所をそのまま引用します',
        }),
        true,
      ),
    ),
  ),
);

export function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  return runQueryCommand(interaction, ctx, 'quote');
}

export function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  return autocompleteStatement(interaction, ctx);
}
