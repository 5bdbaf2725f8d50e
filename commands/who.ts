import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../src/discord/command.ts';
import { newCommand, withHide, withLang, withQuery, withStatement } from '../src/discord/commandOptions.ts';
import { autocompleteStatement, runQueryCommand } from '../src/discord/queryCommand.ts';

export const data = withHide(
  withStatement(
    withLang(
      withQuery(
        newCommand('who', 'Who took part, who said it: people named in the statements', {
          name: '誰',
          description: '出席者・発言者など、声明に登場する人物を答えます',
        }),
        false,
        { en: 'A topic or a name (optional)', ja: '話題または名前（任意）' },
      ),
    ),
  ),
);

export function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  return runQueryCommand(interaction, ctx, 'who');
}

export function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  return autocompleteStatement(interaction, ctx);
}
