import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../src/discord/command.ts';
import { newCommand, withHide, withLang, withQuery, withStatement } from '../src/discord/commandOptions.ts';
import { autocompleteStatement, runQueryCommand } from '../src/discord/queryCommand.ts';

export const data = withHide(
  withStatement(
    withLang(
      withQuery(
        newCommand('compare', 'The matching passage in the Japanese and the English statements, side by side', {
          name: '比較',
          description: '日本語と英語の声明の対応する箇所を並べて示します',
        }),
        true,
      ),
    ),
  ),
);

export function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  return runQueryCommand(interaction, ctx, 'compare');
}

export function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  return autocompleteStatement(interaction, ctx);
}
