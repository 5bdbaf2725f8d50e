/**
 * What the server managers' commands (/follow, /unfollow, /settings) share: they are for members
 * with Manage Server only (Discord hides them from others by default permission; the handler
 * checks again, since a server can override that), they change the settings store, and they
 * reply privately in the member's language.
 */
import {
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { commandSpec, type CommandName } from '../render/commandGuide.ts';
import type { SettingsStore } from '../settings/types.ts';
import type { CommandContext } from './command.ts';
import { langFromLocale } from './locale.ts';
import { say, type MessageKey } from './messages.ts';

export const FOLLOW_OPTION = { channel: 'channel', publisher: 'publisher' } as const;
export const ANNOUNCE_CHANNEL_TYPES = [
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
] as const;

/** A manager's command: in servers only, hidden from members without Manage Server. */
export function managerCommand(name: CommandName) {
  const spec = commandSpec(name);
  return new SlashCommandBuilder()
    .setName(spec.name)
    .setDescription(spec.summary.en)
    .setNameLocalizations(spec.ja ? { ja: spec.ja } : {})
    .setDescriptionLocalizations({ ja: spec.summary.ja })
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);
}

/** /follow and /unfollow: a manager's command about one channel of the server. */
export function channelCommand(name: CommandName) {
  return managerCommand(name).addChannelOption((o) =>
    o
      .setName(FOLLOW_OPTION.channel)
      .setNameLocalizations({ ja: 'チャンネル' })
      .setDescription('The channel for the announcements')
      .setDescriptionLocalizations({ ja: 'お知らせを流すチャンネル' })
      .addChannelTypes(...ANNOUNCE_CHANNEL_TYPES)
      .setRequired(true),
  );
}

export async function replyPrivately(
  interaction: ChatInputCommandInteraction,
  key: MessageKey,
  vars: Record<string, string> = {},
): Promise<void> {
  await interaction.reply({
    content: say(key, langFromLocale(interaction.locale), vars),
    flags: MessageFlags.Ephemeral,
  });
}

/** What each manager's command tells a member it refuses: the wording names what the command sets. */
export interface Refusals {
  unavailable: MessageKey;
  inServer: MessageKey;
  needsManager: MessageKey;
}

export const FOLLOW_REFUSALS: Refusals = {
  unavailable: 'followUnavailable',
  inServer: 'followInServer',
  needsManager: 'followNeedsManager',
};

/** The store and the server when this member may change its settings; otherwise they are told why not. */
export async function managerPlace(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  refusals: Refusals,
): Promise<{ store: SettingsStore; guildId: string } | undefined> {
  if (!ctx.settings) return void (await replyPrivately(interaction, refusals.unavailable));
  if (!interaction.inGuild()) return void (await replyPrivately(interaction, refusals.inServer));
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild))
    return void (await replyPrivately(interaction, refusals.needsManager));
  return { store: ctx.settings, guildId: interaction.guildId };
}

/** As managerPlace, plus the channel chosen, which must be one announcements can go to. */
export async function managerChannel(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
) {
  const place = await managerPlace(interaction, ctx, FOLLOW_REFUSALS);
  if (!place) return undefined;
  const channel = interaction.options.getChannel(FOLLOW_OPTION.channel, true);
  if (!(ANNOUNCE_CHANNEL_TYPES as readonly ChannelType[]).includes(channel.type))
    return void (await replyPrivately(interaction, 'followChannelType'));
  return { ...place, channelId: channel.id };
}
