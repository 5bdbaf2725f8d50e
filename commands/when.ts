import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../src/discord/command.ts';
import { newCommand, withHide, withLang, withQuery, withStatement } from '../src/discord/commandOptions.ts';
import { autocompleteStatement, runQueryCommand } from '../src/discord/queryCommand.ts';

export const data = withHide(
  withStatement(
    withLang(
      withQuery(
        newCommand('when', 'When it happened: dates and times from the statements', {
          name: 'いつ',
          description: '声明に書かれた日付と時刻を答えます',
        }),
        false,
        { en: 'An event or topic (optional)', ja: '出来事または話題（任意）' },
      ),
    ),
  ),
);

export function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  return runQueryCommand(interaction, ctx, 'when');
}

export function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  return autocompleteStatement(interaction, ctx);
}
