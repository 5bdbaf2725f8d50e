import type { ChatInputCommandInteraction } from 'discord.js';
import type { Lang } from '../src/answer/types.ts';
import type { CommandContext } from '../src/discord/command.ts';
import { OPTION } from '../src/discord/commandData.ts';
import { isLang, langFromLocale } from '../src/discord/locale.ts';
import { managerCommand, managerPlace, replyPrivately } from '../src/discord/managerCommand.ts';
import { say } from '../src/discord/messages.ts';
import { optionSpec } from '../src/render/commandGuide.ts';
import { LABELS } from '../src/render/labels.ts';

/** The choice that clears the server's language: each member's Discord language decides again. */
const UNSET = 'unset';

export const data = managerCommand('settings')
  .addStringOption((o) =>
    o
      .setName(OPTION.lang)
      .setNameLocalizations({ ja: optionSpec('lang').ja ?? OPTION.lang })
      .setDescription('Default answer language in this server (without it: show the settings)')
      .setDescriptionLocalizations({
        ja: 'このサーバーでの回答の既定の言語（指定しなければ現在の設定を表示）',
      })
      .addChoices(
        { name: '日本語', value: 'ja' },
        { name: 'English', value: 'en' },
        {
          name: 'Not set: each member’s Discord language',
          name_localizations: { ja: '未設定：各メンバーの Discord の表示言語' },
          value: UNSET,
        },
      ),
  )
  .toJSON();

const REFUSALS = {
  unavailable: 'settingsUnavailable',
  inServer: 'settingsInServer',
  needsManager: 'settingsNeedsManager',
} as const;

export async function execute(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
): Promise<void> {
  const place = await managerPlace(interaction, ctx, REFUSALS);
  if (!place) return;
  const chosen = interaction.options.getString(OPTION.lang);
  const ui: Lang = langFromLocale(interaction.locale);
  if (isLang(chosen)) {
    place.store.setDefaultLang(place.guildId, chosen);
    return replyPrivately(interaction, 'settingsLang', { language: LABELS.languageName[chosen] });
  }
  if (chosen === UNSET) {
    place.store.setDefaultLang(place.guildId, undefined);
    return replyPrivately(interaction, 'settingsLangCleared');
  }
  const lang = place.store.defaultLang(place.guildId);
  const channels = place.store
    .follows(place.guildId)
    .map((f) => (f.publisher ? `<#${f.channelId}> (${f.publisher})` : `<#${f.channelId}>`));
  await replyPrivately(interaction, 'settingsShow', {
    language: lang ? LABELS.languageName[lang] : say('settingsNotSet', ui),
    channels: channels.length > 0 ? channels.join(', ') : say('settingsNoChannels', ui),
  });
}
