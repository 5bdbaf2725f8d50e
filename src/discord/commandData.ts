/**
 * The slash command definitions, as the plain data Discord takes (as Naval-Base/yuudachi writes
 * them), generated from the one description of the commands (render/commandGuide.ts): every
 * command names, localizes and validates its options the same way.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { MAX_QUERY_LENGTH } from '../engine/errors.ts';
import {
  commandSpec,
  optionSpec,
  type CommandName,
  type OptionName,
} from '../render/commandGuide.ts';

export type CommandData = RESTPostAPIChatInputApplicationCommandsJSONBody;

export const OPTION = {
  query: 'query',
  lang: 'lang',
  statement: 'statement',
  hide: 'hide',
} as const satisfies Partial<Record<OptionName, OptionName>>;

/** Name, description and their Japanese forms, from the option's description or the given one. */
function named(name: OptionName, describe?: { en: string; ja: string }) {
  const spec = optionSpec(name);
  const text = describe ?? spec.describe;
  return {
    name: spec.name,
    name_localizations: spec.ja ? { ja: spec.ja } : {},
    description: text.en,
    description_localizations: { ja: text.ja },
    required: false,
  };
}

const LANG_OPTION: APIApplicationCommandOption = {
  ...named('lang'),
  type: ApplicationCommandOptionType.String,
  choices: [
    { name: '日本語', value: 'ja' },
    { name: 'English', value: 'en' },
  ],
};
const STATEMENT_OPTION: APIApplicationCommandOption = {
  ...named('statement'),
  type: ApplicationCommandOptionType.String,
  autocomplete: true,
};
const HIDE_OPTION: APIApplicationCommandOption = {
  ...named('hide'),
  type: ApplicationCommandOptionType.Boolean,
};

/** A command usable in servers, in DMs with the bot, and anywhere as a user-installed app. */
function command(name: CommandName, options: APIApplicationCommandOption[]): CommandData {
  const spec = commandSpec(name);
  return {
    type: ApplicationCommandType.ChatInput,
    name: spec.name,
    name_localizations: spec.ja ? { ja: spec.ja } : {},
    description: spec.summary.en,
    description_localizations: { ja: spec.summary.ja },
    contexts: [
      InteractionContextType.Guild,
      InteractionContextType.BotDM,
      InteractionContextType.PrivateChannel,
    ],
    integration_types: [
      ApplicationIntegrationType.GuildInstall,
      ApplicationIntegrationType.UserInstall,
    ],
    options,
  };
}

/** A question: the free text (described by the kind's own argument), then lang, statement, hide. */
export function questionData(name: CommandName): CommandData {
  const arg = commandSpec(name).arg;
  const query: APIApplicationCommandOption = {
    ...named('query', arg?.describe),
    type: ApplicationCommandOptionType.String,
    required: arg?.required ?? false,
    max_length: MAX_QUERY_LENGTH,
  };
  return command(name, [query, LANG_OPTION, STATEMENT_OPTION, HIDE_OPTION]);
}

export const statementsData = (): CommandData => command('statements', [LANG_OPTION, HIDE_OPTION]);
export const helpData = (): CommandData => command('help', [LANG_OPTION]);
