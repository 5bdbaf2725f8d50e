/**
 * What /follow and /unfollow share: they are for server managers only (Discord hides them from
 * others by default permission; the handler checks again, since a server can override that), and
 * they reply privately in the member's language.
 */
import {
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { Lang } from '../answer/types.ts';
import { commandSpec, type CommandName } from '../render/commandGuide.ts';
import { SlashCommandBuilder } from 'discord.js';
import type { CommandContext } from './command.ts';
import { langFromLocale } from './locale.ts';
import { say, type MessageKey } from './messages.ts';

export const FOLLOW_OPTION = { channel: 'channel', publisher: 'publisher' } as const;
export const ANNOUNCE_CHANNEL_TYPES = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

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
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addChannelOption((o) =>
      o
        .setName(FOLLOW_OPTION.channel)
        .setNameLocalizations({ ja: 'チャンネル' })
        .setDescription('The channel for the announcements')
        .setDescriptionLocalizations({ ja: 'お知らせを流すチャンネル' })
        .addChannelTypes(...ANNOUNCE_CHANNEL_TYPES)
        .setRequired(true),
    );
}

export async function replyPrivately(interaction: ChatInputCommandInteraction, key: MessageKey, vars: Record<string, string> = {}): Promise<void> {
  await interaction.reply({ content: say(key, langFromLocale(interaction.locale), vars), flags: MessageFlags.Ephemeral });
}

/** The store and the channel when this member may change announcements here; otherwise they are told why not. */
export async function managerChannel(interaction: ChatInputCommandInteraction, ctx: CommandContext) {
  if (!ctx.follows) return void (await replyPrivately(interaction, 'followUnavailable'));
  if (!interaction.inGuild()) return void (await replyPrivately(interaction, 'followInServer'));
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return void (await replyPrivately(interaction, 'followNeedsManager'));
  const channel = interaction.options.getChannel(FOLLOW_OPTION.channel, true);
  if (!(ANNOUNCE_CHANNEL_TYPES as readonly ChannelType[]).includes(channel.type)) return void (await replyPrivately(interaction, 'followChannelType'));
  return { store: ctx.follows, channelId: channel.id, guildId: interaction.guildId, lang: langFromLocale(interaction.locale) as Lang };
}
