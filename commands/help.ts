import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { Lang } from '../src/answer/types.ts';
import type { CommandContext } from '../src/discord/command.ts';
import { newCommand, withLang } from '../src/discord/commandOptions.ts';
import { optionLang } from '../src/discord/queryCommand.ts';
import { renderNoticeEmbed } from '../src/render/discordEmbed.ts';

export const data = withLang(
  newCommand('help', 'How to ask Readout about diplomatic statements', {
    name: 'ヘルプ',
    description: 'Readout の使い方',
  }),
);

const HELP: Record<Lang, { title: string; body: string }> = {
  en: {
    title: 'Readout: answers quoted from diplomatic statements',
    body: [
      '`/who` who took part or said something',
      '`/when` when it happened',
      '`/quote` the passages that match your words',
      '`/compare` the Japanese and the English passage side by side',
      '`/statements` the statements I hold',
      '',
      'Every answer quotes the statement word for word, with its title, date, paragraph and source.',
      'You can also mention me with a question in a channel, or send me a DM.',
      'Options: `lang` (日本語 / English), `statement` (one statement only), `hide` (only you see the answer).',
    ].join('\n'),
  },
  ja: {
    title: 'Readout：外交文書から引用して答えます',
    body: [
      '`/who`（誰）出席者・発言者',
      '`/when`（いつ）日付と時刻',
      '`/quote`（引用）言葉に一致する箇所',
      '`/compare`（比較）日本語と英語の対応する箇所',
      '`/statements`（声明一覧）保有している声明',
      '',
      '回答はすべて声明の原文をそのまま引用し、題名・日付・段落・出典を示します。',
      'チャンネルでメンションして質問するか、DMでも質問できます。',
      'オプション：`lang`（日本語 / English）、`statement`（特定の声明のみ）、`hide`（自分だけに表示）',
    ].join('\n'),
  },
};

export async function execute(interaction: ChatInputCommandInteraction, _ctx: CommandContext): Promise<void> {
  const help = HELP[optionLang(interaction)];
  await interaction.reply({ ...renderNoticeEmbed(help.title, help.body), flags: MessageFlags.Ephemeral });
}
