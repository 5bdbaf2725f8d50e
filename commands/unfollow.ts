import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../src/discord/command.ts';
import { managerChannel, managerCommand, replyPrivately } from '../src/discord/followCommand.ts';

export const data = managerCommand('unfollow').toJSON();

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const place = await managerChannel(interaction, ctx);
  if (!place) return;
  const channel = `<#${place.channelId}>`;
  await replyPrivately(interaction, (await place.store.unfollow(place.channelId)) ? 'unfollowed' : 'notFollowing', { channel });
}
