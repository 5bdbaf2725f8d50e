/**
 * Discord drops an interaction whose first response arrives more than 3 s after it was created.
 * A direct reply is best (one request, no "thinking…" flash), so the answer is produced first;
 * but when it is not ready by DEFER_AFTER_MS (the interaction reached us late, or the work is
 * slow), the bot defers in time and edits the answer in when it comes.
 */
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { DiscordMessageData } from '../render/discordEmbed.ts';

/** Leaves room under the 3 s limit for the deferral's own round trip, even on a busy host. */
export const DEFER_AFTER_MS = 1500;

/** The answer, or a note only the user sees (bad input is theirs to fix, not the channel's). */
export type Outcome = { message: DiscordMessageData } | { privateNote: string };

export interface FirstResponseOptions {
  flags?: MessageFlags.Ephemeral | undefined;
  now?: () => number;
  deferAfterMs?: number;
}

/**
 * Answers are computed one at a time, each in its own turn of the event loop. Run as soon as
 * they arrive, a burst of questions kept the process busy answering the first ones while the
 * later ones waited unseen in the socket, past their deferral time and past Discord's 3 s. In
 * turns, the loop reads new interactions and fires deferral timers between two answers, so every
 * question that has to wait is deferred in time.
 */
const turns: Array<() => void> = [];
let draining = false;
/** Recent time one answer takes (moving average), to tell how long a newcomer would wait. */
let turnMs = 0;

function drain(): void {
  const job = turns.shift();
  if (job) {
    const started = performance.now();
    job();
    turnMs = turnMs * 0.9 + (performance.now() - started) * 0.1;
  }
  if (turns.length > 0) setImmediate(drain);
  else draining = false;
}

/** How long work queued now would wait for its turn, going by recent answers. */
export function expectedWaitMs(): number {
  return turns.length * turnMs;
}

export function inTurn<T>(job: () => T | Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    turns.push(() => {
      try {
        resolve(job());
      } catch (error) {
        reject(error);
      }
    });
    if (!draining) {
      draining = true;
      setImmediate(drain);
    }
  });
}

function timer(ms: number): { done: Promise<void>; cancel: () => void } {
  let handle: NodeJS.Timeout | undefined;
  const done = new Promise<void>((resolve) => (handle = setTimeout(resolve, ms)));
  return { done, cancel: () => clearTimeout(handle) };
}

export async function respondInTime(
  interaction: ChatInputCommandInteraction,
  produce: () => Outcome | Promise<Outcome>,
  options: FirstResponseOptions = {},
): Promise<void> {
  const { flags } = options;
  const now = options.now ?? Date.now;
  const budget = (options.deferAfterMs ?? DEFER_AFTER_MS) - (now() - interaction.createdTimestamp);
  let work: Promise<Outcome> | undefined;
  let outcome: Outcome | undefined;
  // Behind a long queue, deferring now beats a deferral timer that fires late on a busy loop.
  if (budget > 0 && expectedWaitMs() < budget) {
    work = inTurn(produce);
    const wait = timer(budget);
    const first = await Promise.race([work.then((o) => ({ o })), wait.done.then(() => undefined)]);
    wait.cancel();
    outcome = first?.o;
  }
  if (outcome) {
    if ('message' in outcome) await interaction.reply({ ...outcome.message, flags });
    else await interaction.reply({ content: outcome.privateNote, flags: MessageFlags.Ephemeral });
    return;
  }

  await interaction.deferReply({ flags });
  try {
    // Already late: the work starts only once the deferral is on its way.
    outcome = await (work ?? inTurn(produce));
    if ('message' in outcome) {
      await interaction.editReply(outcome.message);
      return;
    }
    // The deferred reply may be public: replace it with a private note.
    await interaction.deleteReply();
    await interaction.followUp({ content: outcome.privateNote, flags: MessageFlags.Ephemeral });
  } catch (error) {
    // Left alone, the public "thinking…" would stay in the channel forever; the caller's apology
    // follows privately.
    await interaction.deleteReply().catch(() => undefined);
    throw error;
  }
}
