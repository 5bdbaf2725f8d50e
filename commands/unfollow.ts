import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../src/discord/command.ts';
import { channelCommand, managerChannel, replyPrivately } from '../src/discord/managerCommand.ts';

export const data = channelCommand('unfollow').toJSON();

export async function execute(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
): Promise<void> {
  const place = await managerChannel(interaction, ctx);
  if (!place) return;
  const channel = `<#${place.channelId}>`;
  await replyPrivately(
    interaction,
    place.store.unfollow(place.channelId) ? 'unfollowed' : 'notFollowing',
    { channel },
  );
}
