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
} as const satisfies Record<string, Record<Lang, string>>;

/** How a note on Discord names the statement list (the command's own name, as the notes always have). */
export const STATEMENTS_COMMAND = '/statements';

export type MessageKey = keyof typeof MESSAGES;

export function say(key: MessageKey, lang: Lang, vars: Record<string, string | number> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (all, name: string) =>
    name in vars ? String(vars[name]) : all,
  );
}
