import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../src/discord/command.ts';
import {
  channelCommand,
  FOLLOW_OPTION,
  managerChannel,
  replyPrivately,
} from '../src/discord/managerCommand.ts';

export const data = channelCommand('follow')
  .addStringOption((o) =>
    o
      .setName(FOLLOW_OPTION.publisher)
      .setNameLocalizations({ ja: '発表元' })
      .setDescription('Only this publisher’s statements (default: all)')
      .setDescriptionLocalizations({ ja: 'この発表元の声明だけ（既定：すべて）' })
      .setAutocomplete(true)
      .setMaxLength(200),
  )
  .toJSON();

export async function execute(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
): Promise<void> {
  const place = await managerChannel(interaction, ctx);
  if (!place) return;
  const publisher = interaction.options.getString(FOLLOW_OPTION.publisher)?.trim() || undefined;
  // What the corpus holds now is not news: only statements added from here on are announced.
  place.store.follow(
    { guildId: place.guildId, channelId: place.channelId, ...(publisher ? { publisher } : {}) },
    ctx.engine.statements().map((s) => s.id),
  );
  const channel = `<#${place.channelId}>`;
  await replyPrivately(
    interaction,
    publisher ? 'followedPublisher' : 'followed',
    publisher ? { channel, publisher } : { channel },
  );
}

/** The publishers of the statements held now, matching what is typed. */
export async function autocomplete(
  interaction: AutocompleteInteraction,
  ctx: CommandContext,
): Promise<void> {
  const typed = interaction.options.getFocused().toLowerCase();
  const publishers = [...new Set(ctx.engine.statements().map((s) => s.publisher))].filter((p) =>
    p.toLowerCase().includes(typed),
  );
  await interaction.respond(
    publishers.slice(0, 25).map((p) => ({ name: p.slice(0, 100), value: p.slice(0, 100) })),
  );
}
