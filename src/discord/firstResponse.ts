/**
 * Discord drops an interaction whose first response arrives more than 3 s after it was created.
 * A direct reply is best (one request, no "thinking…" flash), so the answer is produced first,
 * ahead of deferred ones; but when it is not ready by DEFER_AFTER_MS (the interaction reached us
 * late, or the work is slow), the bot defers in time and edits the answer in when it comes. Unless
 * the bot is quiet (see quietFor: in a burst, say), it defers at once, before any engine work:
 * the acknowledgement is one cheap request, and the answer waits its turn (./answerQueue.ts).
 */
import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { DiscordMessageData } from '../render/discordEmbed.ts';
import { inTurn, quietFor } from './answerQueue.ts';

/** Leaves room under the 3 s limit for the deferral's own round trip, even on a busy host. */
export const DEFER_AFTER_MS = 1500;

/**
 * An answer is awaited before responding only while the deferred answers waiting take less than
 * this (a handful: a mention and a command at once, not a burst).
 */
export const DIRECT_WAIT_MS = 100;

/** The answer, or a note only the user sees (bad input is theirs to fix, not the channel's). */
export type Outcome = { message: DiscordMessageData } | { privateNote: string };

export interface FirstResponseOptions {
  flags?: MessageFlags.Ephemeral | undefined;
  /**
   * A button that changes the message it is on (paging one's own answer): the first response
   * updates that message, or defers the update, instead of replying.
   */
  update?: boolean;
  now?: () => number;
  deferAfterMs?: number;
}

function timer(ms: number): { done: Promise<void>; cancel: () => void } {
  let handle: NodeJS.Timeout | undefined;
  const done = new Promise<void>((resolve) => (handle = setTimeout(resolve, ms)));
  return { done, cancel: () => clearTimeout(handle) };
}

/** The two ways of answering: a new reply, or an update of the button's own message. */
function responder(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  options: FirstResponseOptions,
) {
  const { flags } = options;
  if (options.update && interaction.isButton()) {
    return {
      direct: (message: DiscordMessageData) => interaction.update(message),
      defer: () => interaction.deferUpdate(),
      edit: (message: DiscordMessageData) => interaction.editReply(message),
      // The message keeps its previous page; there is no "thinking…" message to take back.
      takeBack: async () => {},
    };
  }
  return {
    direct: (message: DiscordMessageData) => interaction.reply({ ...message, flags }),
    defer: () => interaction.deferReply({ flags }),
    edit: (message: DiscordMessageData) => interaction.editReply(message),
    takeBack: () => interaction.deleteReply(),
  };
}

export async function respondInTime(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  produce: () => Outcome | Promise<Outcome>,
  options: FirstResponseOptions = {},
): Promise<void> {
  const now = options.now ?? Date.now;
  const respond = responder(interaction, options);
  const budget = (options.deferAfterMs ?? DEFER_AFTER_MS) - (now() - interaction.createdTimestamp);
  const user = interaction.user.id;
  let work: Promise<Outcome> | undefined;
  let outcome: Outcome | undefined;
  // Answered first only when the bot is quiet; otherwise deferred at once: a deferral timer would
  // fire late on a busy loop, and a direct answer would be computed ahead of others' deferrals.
  if (budget > 0 && quietFor(DIRECT_WAIT_MS)) {
    work = inTurn(user, produce, { direct: true });
    const wait = timer(budget);
    const first = await Promise.race([work.then((o) => ({ o })), wait.done.then(() => undefined)]);
    wait.cancel();
    outcome = first?.o;
  }
  if (outcome) {
    if ('message' in outcome) await respond.direct(outcome.message);
    else await interaction.reply({ content: outcome.privateNote, flags: MessageFlags.Ephemeral });
    return;
  }

  await respond.defer();
  try {
    // Already late or queued: the work starts only once the deferral is on its way.
    outcome = await (work ?? inTurn(user, produce));
    if ('message' in outcome) {
      await respond.edit(outcome.message);
      return;
    }
    // The deferred reply may be public: replace it with a private note.
    await interaction.deleteReply();
    await interaction.followUp({ content: outcome.privateNote, flags: MessageFlags.Ephemeral });
  } catch (error) {
    // Left alone, the public "thinking…" would stay in the channel forever; the caller's apology
    // follows privately.
    await respond.takeBack().catch(() => undefined);
    throw error;
  }
}
