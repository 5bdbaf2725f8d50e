/**
 * Command ids, for clickable mentions (`</who:123>`) in help and hints. Discord assigns the ids
 * when the commands are deployed; the bot learns them from every command interaction it gets and,
 * once per client, from the application's command list (fetched in the background, so no answer
 * waits for it). Until an id is known, the text names the command instead.
 */
import type { Client, Interaction } from 'discord.js';
import type { Logger } from '../logger.ts';

interface Known {
  ids: Map<string, string>;
  fetched: boolean;
}

const byClient = new WeakMap<Client, Known>();

function knownFor(client: Client): Known {
  let known = byClient.get(client);
  if (!known) {
    known = { ids: new Map(), fetched: false };
    byClient.set(client, known);
  }
  return known;
}

/** Records what an interaction tells, and starts the one background fetch of the list. */
export function learnCommandIds(interaction: Interaction, logger?: Logger): void {
  const known = knownFor(interaction.client);
  if (interaction.isChatInputCommand())
    known.ids.set(interaction.commandName, interaction.commandId);
  if (known.fetched) return;
  known.fetched = true;
  const commands = interaction.client.application?.commands;
  if (!commands) return;
  const lists = [commands.fetch()];
  // Commands deployed to one server (DISCORD_GUILD_ID) are listed under that server.
  if (interaction.guildId) lists.push(commands.fetch({ guildId: interaction.guildId }));
  for (const list of lists) {
    list.then(
      (found) => {
        for (const command of found.values())
          if (!known.ids.has(command.name)) known.ids.set(command.name, command.id);
      },
      (error: unknown) =>
        logger?.debug({ err: error }, 'could not list the commands (mentions stay plain text)'),
    );
  }
}

/** `</name:id>` when the id is known. */
export function mentionFor(client: Client): (name: string) => string | undefined {
  const known = knownFor(client);
  return (name) => {
    const id = known.ids.get(name);
    return id ? `</${name}:${id}>` : undefined;
  };
}
