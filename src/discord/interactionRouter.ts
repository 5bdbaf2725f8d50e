/**
 * Interactions -> handlers: slash commands to their command module, autocomplete likewise, and
 * buttons to paging / language switching. The rate limit is checked here, once for all.
 */
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import type { Lang } from '../answer/types.ts';
import { QueryError } from '../engine/errors.ts';
import { commandRef } from '../render/commandGuide.ts';
import { readFooter } from './answerFooter.ts';
import { answerMessage } from './answerMessage.ts';
import { learnCommandIds, mentionFor } from './commandIds.ts';
import { decodeButtonId } from './buttonIds.ts';
import { respondInTime } from './firstResponse.ts';
import type { Command, CommandContext } from './command.ts';
import type { Cooldown } from './cooldown.ts';
import { OPTION } from './commandData.ts';
import { decidingLocaleLang, interactionLang, langFromLocale, serverLang } from './locale.ts';
import { say, STATEMENTS_COMMAND } from './messages.ts';

export interface RouterDeps {
  commands: ReadonlyMap<string, Command>;
  ctx: CommandContext;
  cooldown: Cooldown;
  /** Autocomplete's own per-user budget: typing is not asking, but a flood of it is still a flood. */
  autocompleteCooldown?: Cooldown;
}

export function commandMap(commands: readonly Command[]): Map<string, Command> {
  return new Map(commands.map((c) => [c.data.name, c]));
}

type Repliable = ChatInputCommandInteraction | ButtonInteraction;

async function replyPrivately(interaction: Repliable, content: string): Promise<void> {
  await interaction.reply({ content, flags: MessageFlags.Ephemeral });
}

/** True when the user may go on; otherwise they have been told (privately) to slow down. */
async function withinRate(interaction: Repliable, deps: RouterDeps): Promise<boolean> {
  const verdict = deps.cooldown.take(interaction.user.id);
  if (verdict.allowed) return true;
  // An interaction must be answered or Discord shows a failure, so every refusal is told.
  const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
  await replyPrivately(
    interaction,
    say('cooldown', langFromLocale(interaction.locale), { seconds }),
  );
  return false;
}

async function routeAutocomplete(
  interaction: AutocompleteInteraction,
  deps: RouterDeps,
): Promise<void> {
  const command = deps.commands.get(interaction.commandName);
  // Typing is not asking: autocomplete does not count against the question limit, but has its own.
  // Over it, an empty list costs no lookup; the typist sees no suggestions for a moment.
  if (
    !command?.autocomplete ||
    deps.autocompleteCooldown?.take(interaction.user.id).allowed === false
  ) {
    await interaction.respond([]);
    return;
  }
  await command.autocomplete(interaction, deps.ctx);
}

async function routeCommand(
  interaction: ChatInputCommandInteraction,
  deps: RouterDeps,
): Promise<void> {
  const command = deps.commands.get(interaction.commandName);
  if (!command) {
    deps.ctx.logger.warn(
      { command: interaction.commandName },
      'unknown command (stale registration?)',
    );
    const lang = langFromLocale(interaction.locale);
    await replyPrivately(
      interaction,
      say('unknownCommand', lang, {
        help: commandRef('help', 'discord', lang, mentionFor(interaction.client)),
      }),
    );
    return;
  }
  if (!(await withinRate(interaction, deps))) return;
  await command.execute(interaction, deps.ctx);
}

/**
 * True when the pressed id is one of the buttons of the message it came with. Discord only sends
 * presses of real buttons; an id that is not on its message was made up, and is refused like a
 * malformed one rather than answered.
 */
function onItsMessage(interaction: ButtonInteraction): boolean {
  return interaction.message.components.some((row) => {
    const json = row.toJSON() as { components?: Array<{ custom_id?: string }> };
    return (json.components ?? []).some((c) => c.custom_id === interaction.customId);
  });
}

async function routeButton(interaction: ButtonInteraction, deps: RouterDeps): Promise<void> {
  const uiLang: Lang = langFromLocale(interaction.locale);
  const state = decodeButtonId(interaction.customId);
  if (!state || !onItsMessage(interaction)) {
    deps.ctx.logger.debug(
      { customId: interaction.customId, decoded: Boolean(state) },
      'button refused: not one this bot made for that message',
    );
    await replyPrivately(interaction, say('expiredButton', uiLang));
    return;
  }
  if (!(await withinRate(interaction, deps))) return;
  let { query, statement } = state;
  if (query === undefined) {
    const saved = readFooter(interaction.message.embeds[0]?.footer?.text);
    if (!saved) {
      await replyPrivately(interaction, say('expiredButton', uiLang));
      return;
    }
    query = saved.query;
    statement = saved.statement;
  }
  const user = interaction.user.id;
  const mention = mentionFor(interaction.client);
  if (state.action === 'ask') {
    // A question about an announced statement: each presser gets their own answer, privately, in
    // their language (a Japanese or English locale, else the server's, else the announcement's).
    const lang =
      decidingLocaleLang(interaction.locale) ?? serverLang(interaction, deps.ctx) ?? state.lang;
    const ask = {
      kind: state.kind,
      query: '',
      lang,
      askerId: user,
      mention,
      ...(statement ? { statement } : {}),
    };
    // Answered like a command: at once when the bot is quiet, else deferred first (see respondInTime).
    await respondInTime(
      interaction,
      () => ({ message: answerMessage(deps.ctx.engine, ask).message }),
      { flags: MessageFlags.Ephemeral },
    );
    return;
  }
  // Someone else's answer is not theirs to change: they get their own copy, privately (in a
  // bilingual channel the reader of the other language is usually not the asker).
  const bystander = user !== state.askerId;
  const page = {
    kind: state.kind,
    query,
    lang: state.lang,
    page: state.page,
    askerId: user,
    mention,
    ...(statement ? { statement } : {}),
  };
  await respondInTime(
    interaction,
    () => ({ message: answerMessage(deps.ctx.engine, page).message }),
    bystander ? { flags: MessageFlags.Ephemeral } : { update: true },
  );
}

export async function routeInteraction(interaction: Interaction, deps: RouterDeps): Promise<void> {
  learnCommandIds(interaction, deps.ctx.logger);
  if (interaction.isAutocomplete()) return routeAutocomplete(interaction, deps);
  if (interaction.isChatInputCommand()) return routeCommand(interaction, deps);
  if (interaction.isButton()) return routeButton(interaction, deps);
}

/** While the bot stops, a question gets a short private notice instead of Discord's "interaction failed". */
export async function refuseWhileStopping(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) return interaction.respond([]);
  if (!interaction.isRepliable() || interaction.replied || interaction.deferred) return;
  await interaction.reply({
    content: say('restarting', langFromLocale(interaction.locale)),
    flags: MessageFlags.Ephemeral,
  });
}

/** The language to tell this user something in: the command's lang option or the button's, else their client's. */
function userLang(interaction: Interaction, ctx?: CommandContext): Lang {
  if (interaction.isChatInputCommand())
    return interactionLang(
      interaction.options.getString(OPTION.lang),
      interaction.locale,
      serverLang(interaction, ctx),
    );
  if (interaction.isButton())
    return decodeButtonId(interaction.customId)?.lang ?? langFromLocale(interaction.locale);
  return langFromLocale(interaction.locale);
}

/**
 * What a user is told when handling their interaction failed (the bot's guard calls it). A
 * QueryError is theirs to fix: a private note in their language saying how, as Sapphire's
 * UserError is; anything else gets the short apology.
 */
export async function answerFailure(
  interaction: Interaction,
  error: unknown,
  ctx?: CommandContext,
): Promise<void> {
  if (!(error instanceof QueryError) || !interaction.isRepliable()) return apologize(interaction);
  const lang = userLang(interaction, ctx);
  const payload = {
    content: error.messageFor(lang, STATEMENTS_COMMAND),
    flags: MessageFlags.Ephemeral,
  } as const;
  // A deferred answer was already taken back (see respondInTime): the note follows privately.
  if (interaction.replied || interaction.deferred) await interaction.followUp(payload);
  else await interaction.reply(payload);
}

/** How long Discord accepts a first response to an interaction. */
const INTERACTION_RESPONSE_MS = 3000;

/** The short apology after a handler failed: privately, whether or not it had answered yet. */
async function apologize(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]);
    return;
  }
  if (!interaction.isRepliable()) return;
  const payload = {
    content: say('apology', langFromLocale(interaction.locale)),
    flags: MessageFlags.Ephemeral,
  } as const;
  if (interaction.replied || interaction.deferred) await interaction.followUp(payload);
  // Unanswered past Discord's 3 s, the interaction can take no response at all: a second
  // callback would only be refused.
  else if (Date.now() - interaction.createdTimestamp < INTERACTION_RESPONSE_MS)
    await interaction.reply(payload);
}
