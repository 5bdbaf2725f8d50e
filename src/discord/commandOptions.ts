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
import { commandSpec, optionSpec, type CommandName, type OptionName } from '../render/commandGuide.ts';

export const OPTION = { query: 'query', lang: 'lang', statement: 'statement', hide: 'hide' } as const;

/** A command usable in servers, in DMs with the bot, and anywhere as a user-installed app. */
export function newCommand(name: CommandName): SlashCommandBuilder {
  const spec = commandSpec(name);
  return new SlashCommandBuilder()
    .setName(spec.name)
    .setDescription(spec.summary.en)
    .setNameLocalizations(spec.ja ? { ja: spec.ja } : {})
    .setDescriptionLocalizations({ ja: spec.summary.ja })
    .setContexts(
      InteractionContextType.Guild,
      InteractionContextType.BotDM,
      InteractionContextType.PrivateChannel,
    )
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall);
}

type Builder = SlashCommandBuilder | SlashCommandOptionsOnlyBuilder;

function named<O extends { setName(n: string): O; setNameLocalizations(l: Record<string, string>): O; setDescription(d: string): O; setDescriptionLocalizations(l: Record<string, string>): O }>(
  option: O,
  name: OptionName,
  describe?: { en: string; ja: string },
): O {
  const spec = optionSpec(name);
  const text = describe ?? spec.describe;
  return option
    .setName(spec.name)
    .setNameLocalizations(spec.ja ? { ja: spec.ja } : {})
    .setDescription(text.en)
    .setDescriptionLocalizations({ ja: text.ja });
}

/** The free-text option, described by the command's own argument. */
export function withQuery<B extends Builder>(builder: B, command: CommandName) {
  const arg = commandSpec(command).arg;
  return builder.addStringOption((o) =>
    named(o, 'query', arg?.describe).setRequired(arg?.required ?? false).setMaxLength(MAX_QUERY_LENGTH),
  );
}

export function withLang<B extends Builder>(builder: B) {
  return builder.addStringOption((o) =>
    named(o, 'lang').addChoices({ name: '日本語', value: 'ja' }, { name: 'English', value: 'en' }),
  );
}

export function withStatement<B extends Builder>(builder: B) {
  return builder.addStringOption((o) => named(o, 'statement').setAutocomplete(true));
}

export function withHide<B extends Builder>(builder: B) {
  return builder.addBooleanOption((o) => named(o, 'hide'));
}

/** The definition of /who, /when, /quote and /compare: the free text, then lang, statement, hide. */
export function queryCommand(name: CommandName) {
  return withHide(withStatement(withLang(withQuery(newCommand(name), name))));
}
