/** What the bot itself says (not corpus text), in both languages. */
import type { Lang } from '../answer/types.ts';

const MESSAGES = {
  apology: {
    en: 'Sorry, something went wrong on my side while answering. Please try again in a moment.',
    ja: '申し訳ありません。回答中に問題が発生しました。しばらくしてからもう一度お試しください。',
  },
  restarting: {
    en: 'Readout is restarting right now. Please ask again in a minute.',
    ja: 'Readout は再起動中です。1分ほどしてからもう一度お試しください。',
  },
  cooldown: {
    en: 'You are asking a little fast. Please wait {seconds} s and try again.',
    ja: '少し間隔をあけてください。{seconds}秒後にもう一度お試しください。',
  },
  unknownCommand: {
    en: 'I no longer have that command. {help} lists the ones I have.',
    ja: 'そのコマンドは今はありません。{help} で使えるコマンドをご覧ください。',
  },
  expiredButton: {
    en: 'This button no longer works. Please ask again.',
    ja: 'このボタンは使えなくなりました。もう一度質問してください。',
  },
  followed: {
    en: 'New statements will be announced in {channel}.',
    ja: '新しい声明を {channel} でお知らせします。',
  },
  followedPublisher: {
    en: 'New statements from {publisher} will be announced in {channel}.',
    ja: '{publisher} の新しい声明を {channel} でお知らせします。',
  },
  unfollowed: {
    en: 'New statements will no longer be announced in {channel}.',
    ja: '{channel} での新しい声明のお知らせを停止しました。',
  },
  notFollowing: {
    en: '{channel} is not following new statements.',
    ja: '{channel} は新しい声明のお知らせを受け取る設定になっていません。',
  },
  followInServer: {
    en: 'Announcements are set per server: please use this command in a server channel.',
    ja: 'お知らせの設定はサーバーごとです。サーバーのチャンネルでこのコマンドを使ってください。',
  },
  followNeedsManager: {
    en: 'Only members with the Manage Server permission can choose where statements are announced.',
    ja: 'お知らせ先を設定できるのは「サーバー管理」権限のあるメンバーだけです。',
  },
  followUnavailable: {
    en: 'Announcements are not enabled on this bot. Please ask its operator.',
    ja: 'このボットではお知らせ機能が有効になっていません。運営者にお問い合わせください。',
  },
  followChannelType: {
    en: 'Please choose a text or announcement channel of this server.',
    ja: 'このサーバーのテキストチャンネルまたはアナウンスチャンネルを選んでください。',
  },
  settingsLang: {
    en: 'Answers in this server are now in {language} for members who pick no language and whose Discord is in neither Japanese nor English.',
    ja: 'このサーバーでは、言語を指定せず、Discord の表示言語が日本語でも英語でもないメンバーへの回答を{language}にします。',
  },
  settingsLangCleared: {
    en: 'This server has no default answer language now: answers follow each member’s Discord language (English when it is neither Japanese nor English).',
    ja: 'このサーバーの回答の既定の言語を解除しました。回答は各メンバーの Discord の表示言語に従います（日本語・英語以外は英語）。',
  },
  settingsShow: {
    en: 'Default answer language: {language}. Announcements: {channels}.',
    ja: '回答の既定の言語：{language}。お知らせ先：{channels}。',
  },
  settingsNotSet: {
    en: 'not set (each member’s Discord language)',
    ja: '未設定（各メンバーの Discord の表示言語）',
  },
  settingsNoChannels: {
    en: 'none (set with /follow)',
    ja: 'なし（/follow で設定）',
  },
  settingsInServer: {
    en: 'Settings are per server: please use this command in a server channel.',
    ja: '設定はサーバーごとです。サーバーのチャンネルでこのコマンドを使ってください。',
  },
  settingsNeedsManager: {
    en: 'Only members with the Manage Server permission can change this server’s settings.',
    ja: 'このサーバーの設定を変更できるのは「サーバー管理」権限のあるメンバーだけです。',
  },
  settingsUnavailable: {
    en: 'Server settings are not enabled on this bot. Please ask its operator.',
    ja: 'このボットではサーバーの設定機能が有効になっていません。運営者にお問い合わせください。',
  },
} as const satisfies Record<string, Record<Lang, string>>;

/** How a note on Discord names the statement list (the command's own name, as the notes always have). */
export const STATEMENTS_COMMAND = '/statements';

export type MessageKey = keyof typeof MESSAGES;

export function say(
  key: MessageKey,
  lang: Lang,
  vars: Record<string, string | number> = {},
): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (all, name: string) =>
    name in vars ? String(vars[name]) : all,
  );
}
