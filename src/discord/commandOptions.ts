/**
 * Options and reach shared by the slash commands, so every command names, localizes and
 * validates them the same way.
 */
import {
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  type SlashCommandOptionsOnlyBuilder,
} from 'discord.js';
import { MAX_QUERY_LENGTH } from '../engine/errors.ts';

export const OPTION = { query: 'query', lang: 'lang', statement: 'statement', hide: 'hide' } as const;

/** A command usable in servers, in DMs with the bot, and anywhere as a user-installed app. */
export function newCommand(
  name: string,
  description: string,
  ja: { name: string; description: string },
): SlashCommandBuilder {
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setNameLocalizations({ ja: ja.name })
    .setDescriptionLocalizations({ ja: ja.description })
    .setContexts(
      InteractionContextType.Guild,
      InteractionContextType.BotDM,
      InteractionContextType.PrivateChannel,
    )
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall);
}

type Builder = SlashCommandBuilder | SlashCommandOptionsOnlyBuilder;

export function withQuery<B extends Builder>(builder: B, required: boolean, description?: { en: string; ja: string }) {
  return builder.addStringOption((o) =>
    o
      .setName(OPTION.query)
      .setNameLocalizations({ ja: '質問' })
      .setDescription(description?.en ?? 'Words or a question to look for')
      .setDescriptionLocalizations({ ja: description?.ja ?? '探す言葉または質問' })
      .setRequired(required)
      .setMaxLength(MAX_QUERY_LENGTH),
  );
}

export function withLang<B extends Builder>(builder: B) {
  return builder.addStringOption((o) =>
    o
      .setName(OPTION.lang)
      .setNameLocalizations({ ja: '言語' })
      .setDescription('Answer language (default: your Discord language)')
      .setDescriptionLocalizations({ ja: '回答の言語（既定：Discordの表示言語）' })
      .addChoices({ name: '日本語', value: 'ja' }, { name: 'English', value: 'en' }),
  );
}

export function withStatement<B extends Builder>(builder: B) {
  return builder.addStringOption((o) =>
    o
      .setName(OPTION.statement)
      .setNameLocalizations({ ja: '声明' })
      .setDescription('Only this statement (type a title or a date)')
      .setDescriptionLocalizations({ ja: 'この声明だけを対象にする（題名または日付を入力）' })
      .setAutocomplete(true),
  );
}

export function withHide<B extends Builder>(builder: B) {
  return builder.addBooleanOption((o) =>
    o
      .setName(OPTION.hide)
      .setNameLocalizations({ ja: '非表示' })
      .setDescription('Show the answer only to you')
      .setDescriptionLocalizations({ ja: '回答を自分だけに表示する' }),
  );
}
