/**
 * The one description of Readout's commands and options. The slash command definitions, the
 * Discord /help, the command line's --help and the console's /help are all generated from it,
 * so a command is named, explained and exemplified in one place. The question commands are the
 * kinds of answer/kinds.ts; the rest (listing, checking, importing, help) are described here.
 */
import { KINDS, type KindSpec, type QueryKind } from '../answer/kinds.ts';
import type { Lang } from '../answer/types.ts';

export type Surface = 'discord' | 'cli' | 'console';
export type CommandName =
  | QueryKind
  | 'statements'
  | 'check'
  | 'import'
  | 'follow'
  | 'unfollow'
  | 'settings'
  | 'help'
  | 'quit';

type Text = Record<Lang, string>;

export interface CommandSpec {
  name: CommandName;
  /** The Japanese name Discord shows to Japanese clients (name localization). */
  ja?: string;
  /** One line; also the slash command's description (at most 100 characters). */
  summary: Text;
  /** The free-text argument: its placeholder, whether it is required, its option description. */
  arg?: { placeholder: Text; required: boolean; describe: Text };
  /** One example argument per language ('' for none); options are added by `exampleFlags`. */
  example?: Text;
  exampleFlags?: Partial<Record<'lang', Lang>>;
  surfaces: readonly Surface[];
}

const ALL: readonly Surface[] = ['discord', 'cli', 'console'];

/** A question kind as a command: a free question has no slash command and no console command. */
function questionCommand(kind: KindSpec & { name: QueryKind }): CommandSpec {
  return {
    name: kind.name,
    ...(kind.ja ? { ja: kind.ja } : {}),
    summary: kind.summary,
    arg: kind.arg,
    example: kind.example,
    ...(kind.exampleFlags ? { exampleFlags: kind.exampleFlags } : {}),
    surfaces: kind.free ? ['cli'] : ALL,
  };
}

export const COMMANDS: readonly CommandSpec[] = [
  ...KINDS.map(questionCommand),
  {
    name: 'statements',
    ja: '声明一覧',
    summary: {
      en: 'The statements I can quote from, newest first',
      ja: '引用できる声明の一覧（新しい順）',
    },
    surfaces: ALL,
  },
  {
    name: 'check',
    summary: {
      en: 'Validate every corpus file (file:line: message; exit 1 on errors)',
      ja: 'コーパスの全ファイルを検査（エラーがあれば終了コード1）',
    },
    surfaces: ['cli'],
  },
  {
    name: 'import',
    summary: {
      en: 'Add statements from web pages (URL or saved .html) or raw text files',
      ja: 'ウェブページ（URL・保存した .html）やテキストから声明を追加',
    },
    arg: {
      placeholder: { en: 'URL|FILE...', ja: 'URL|ファイル…' },
      required: true,
      describe: { en: 'Pages or files', ja: 'ページまたはファイル' },
    },
    surfaces: ['cli'],
  },
  {
    name: 'follow',
    ja: 'フォロー',
    summary: {
      en: 'Announce new statements in a channel; on the command line, read the feeds once',
      ja: '新しい声明をチャンネルでお知らせ／コマンドラインではフィードを1回読み込み',
    },
    surfaces: ['cli', 'discord'],
  },
  {
    name: 'unfollow',
    ja: 'フォロー解除',
    summary: {
      en: 'Stop announcing new statements in a channel (Manage Server)',
      ja: 'チャンネルでの新しい声明のお知らせを停止（サーバー管理権限）',
    },
    surfaces: ['discord'],
  },
  {
    name: 'settings',
    ja: '設定',
    summary: {
      en: 'This server’s default answer language (Manage Server)',
      ja: 'このサーバーの回答の既定の言語（サーバー管理権限）',
    },
    surfaces: ['discord'],
  },
  {
    name: 'help',
    ja: 'ヘルプ',
    summary: { en: 'How to ask Readout, with examples', ja: 'Readout の使い方と例' },
    surfaces: ALL,
  },
  {
    name: 'quit',
    summary: { en: 'Leave the console', ja: 'コンソールを終了' },
    surfaces: ['console'],
  },
];

export type OptionName =
  | 'query'
  | 'lang'
  | 'statement'
  | 'hide'
  | 'limit'
  | 'json'
  | 'corpus'
  | 'out'
  | 'force'
  | 'follow-alternate'
  | 'version';

export interface OptionSpec {
  name: OptionName;
  ja?: string;
  /** Placeholder of the value on the command line (none for switches). */
  value?: string;
  describe: Text;
  surfaces: readonly Surface[];
}

export const OPTIONS: readonly OptionSpec[] = [
  {
    name: 'query',
    ja: '質問',
    describe: { en: 'Words or a question to look for', ja: '探す言葉または質問' },
    surfaces: ['discord'],
  },
  {
    name: 'lang',
    ja: '言語',
    value: 'ja|en',
    describe: {
      en: 'Answer language (default: the language you ask in)',
      ja: '回答の言語（既定：質問・表示の言語）',
    },
    surfaces: ALL,
  },
  {
    name: 'statement',
    ja: '声明',
    value: 'TITLE|ID|DATE',
    describe: {
      en: 'Only this statement: its title, id or date',
      ja: 'この声明だけを対象にする（題名・ID・日付）',
    },
    surfaces: ALL,
  },
  {
    name: 'hide',
    ja: '非表示',
    describe: { en: 'Show the answer only to you', ja: '回答を自分だけに表示する' },
    surfaces: ['discord'],
  },
  {
    name: 'limit',
    value: 'N',
    describe: { en: 'At most N results', ja: '最大N件' },
    surfaces: ['cli', 'console'],
  },
  {
    name: 'json',
    describe: { en: 'Print the answer as JSON', ja: '回答をJSONで出力' },
    surfaces: ['cli'],
  },
  {
    name: 'corpus',
    value: 'DIR',
    describe: {
      en: 'Corpus folder (default: $CORPUS_DIR or ./corpus)',
      ja: 'コーパスのフォルダー（既定：$CORPUS_DIR または ./corpus）',
    },
    surfaces: ['cli'],
  },
  {
    name: 'out',
    value: 'DIR',
    describe: {
      en: 'Where import writes (default: the corpus folder)',
      ja: 'import の出力先（既定：コーパスのフォルダー）',
    },
    surfaces: ['cli'],
  },
  {
    name: 'force',
    describe: {
      en: 'Let import overwrite an existing file',
      ja: 'import で既存のファイルを上書き',
    },
    surfaces: ['cli'],
  },
  {
    name: 'follow-alternate',
    describe: {
      en: 'import: the page’s other-language version too, both with one event',
      ja: 'import：ページの他言語版も取り込み、両方に同じ event を付ける',
    },
    surfaces: ['cli'],
  },
  {
    name: 'version',
    describe: { en: 'Print the version', ja: 'バージョンを表示' },
    surfaces: ['cli'],
  },
];

/** Header lines import also accepts as flags (metadata of the new statement). */
export const IMPORT_META_FLAGS = [
  'id',
  'title',
  'date',
  'language',
  'publisher',
  'source',
  'event',
] as const;

export function commandSpec(name: CommandName): CommandSpec {
  const spec = COMMANDS.find((c) => c.name === name);
  if (!spec) throw new Error(`no command ${name}`);
  return spec;
}

export function optionSpec(name: OptionName): OptionSpec {
  const spec = OPTIONS.find((o) => o.name === name);
  if (!spec) throw new Error(`no option ${name}`);
  return spec;
}

export function commandsFor(surface: Surface): CommandSpec[] {
  return COMMANDS.filter((c) => c.surfaces.includes(surface));
}

export interface TypedCommand {
  /** The word after the slash, as typed. */
  word: string;
  /** The command it names on this surface (Discord also knows the Japanese names), if any. */
  spec?: CommandSpec;
  /** What follows the command word. */
  rest: string;
}

/** A line typed as a command ("/quote ICBM", on Discord also "/引用 ICBM"); undefined without the slash. */
export function typedCommand(text: string, surface: Surface): TypedCommand | undefined {
  const m = /^\/(\S*)\s*(.*)$/su.exec(text.trim());
  if (!m) return undefined;
  const word = m[1]!;
  const spec = commandsFor(surface).find(
    (c) => c.name === word.toLowerCase() || (surface === 'discord' && c.ja === word),
  );
  return { word, ...(spec ? { spec } : {}), rest: m[2]!.trim() };
}

/** How a command is written where the reader is: `/誰`, `readout who`, `/who`. */
export function commandRef(
  name: CommandName,
  surface: Surface,
  lang: Lang,
  mention?: (name: string) => string | undefined,
): string {
  if (surface === 'cli') return `readout ${name}`;
  if (surface === 'discord') {
    const live = mention?.(name);
    if (live) return live;
    const spec = commandSpec(name);
    return `/${lang === 'ja' && spec.ja ? spec.ja : name}`;
  }
  return `/${name}`;
}

function optionName(spec: OptionSpec, surface: Surface, lang: Lang): string {
  if (surface === 'discord') return lang === 'ja' && spec.ja ? spec.ja : spec.name;
  return `--${spec.name}`;
}

/** One example invocation, or undefined for commands without one. */
export function exampleOf(spec: CommandSpec, surface: Surface, lang: Lang): string | undefined {
  if (!spec.example) return undefined;
  const parts = [
    surface === 'cli'
      ? `readout ${spec.name}`
      : `/${surface === 'discord' && lang === 'ja' && spec.ja ? spec.ja : spec.name}`,
  ];
  const arg = spec.example[lang];
  if (arg)
    parts.push(
      surface === 'discord'
        ? `${optionName(optionSpec('query'), surface, lang)}:${arg.replace(/^"|"$/g, '')}`
        : arg,
    );
  for (const [flag, value] of Object.entries(spec.exampleFlags ?? {})) {
    const o = optionSpec(flag as OptionName);
    parts.push(
      surface === 'discord'
        ? `${optionName(o, surface, lang)}:${value === 'ja' ? '日本語' : 'English'}`
        : `${optionName(o, surface, lang)} ${value}`,
    );
  }
  return parts.join(' ');
}

const INTRO: Text = {
  en: 'Readout answers questions about diplomatic statements, quoting them word for word with citations.',
  ja: 'Readout は外交文書に関する質問に、原文をそのまま引用し出典を添えて答えます。',
};

const FREE_QUESTION: Record<Surface, Text> = {
  discord: {
    en: 'You can also mention me with a question in a channel, or send me a DM: "When was the ICBM launched?"',
    ja: 'チャンネルでメンションするか、DMで質問することもできます：「ICBMはいつ発射されましたか」',
  },
  console: {
    en: 'Anything else is a free question: "When was the ICBM launched?" or 誰が非難しましたか',
    ja: 'そのほかの入力は自由な質問として扱います：「ICBMはいつ発射されましたか」「Who condemned the launch?」',
  },
  cli: {
    en: 'Without --lang the answer is in the language of the question.',
    ja: '--lang がなければ、質問の言語で回答します。',
  },
};

const HEADINGS = {
  usage: {
    en: 'Usage: readout <command> [options] [text]',
    ja: '使い方：readout <コマンド> [オプション] [テキスト]',
  },
  commands: { en: 'Commands:', ja: 'コマンド：' },
  options: { en: 'Options:', ja: 'オプション：' },
  examples: { en: 'Examples:', ja: '例：' },
  importMeta: {
    en: `--${IMPORT_META_FLAGS.join(', --')}\n                       metadata for import (override header lines)`,
    ja: `--${IMPORT_META_FLAGS.join(', --')}\n                       import するメタデータ（ヘッダー行より優先）`,
  },
} as const;

function usageOf(spec: CommandSpec, lang: Lang): string {
  if (!spec.arg) return spec.name;
  const p = spec.arg.placeholder[lang];
  return `${spec.name} ${spec.arg.required ? `<${p}>` : `[${p}]`}`;
}

/** Words that ask for help rather than ask a question: a search for them would find nothing useful. */
const HELP_WORDS =
  /^(?:\/?help|\/?ヘルプ|へるぷ|使い方|hi|hello|hey|こんにちは|こんばんは|おはよう(?:ございます)?|はじめまして|\?|？)[\s!！.。?？]*$/iu;

export function isHelpRequest(text: string): boolean {
  return HELP_WORDS.test(text.trim());
}

function pad(s: string, width: number): string {
  // Full-width characters take two columns in a terminal.
  const columns = [...s].reduce(
    (n, ch) => n + (/[\u1100-\uffdc]/.test(ch) && !/[\uff61-\uff9f]/.test(ch) ? 2 : 1),
    0,
  );
  // A long head gets its description on the next line, in the column.
  return columns < width ? s + ' '.repeat(width - columns) : `${s}\n${' '.repeat(width + 2)}`;
}

/** Help for the command line (--help) and the console (/help): plain text. */
export function helpText(surface: 'cli' | 'console', lang: Lang): string {
  const lines: string[] = [];
  if (surface === 'cli') lines.push(HEADINGS.usage[lang], '');
  else lines.push(INTRO[lang], '');
  lines.push(HEADINGS.commands[lang]);
  for (const spec of commandsFor(surface)) {
    const head = surface === 'console' ? `/${usageOf(spec, lang)}` : usageOf(spec, lang);
    lines.push(`  ${pad(head, 19)}${spec.summary[lang]}`);
  }
  lines.push('', HEADINGS.options[lang]);
  for (const o of OPTIONS.filter((o) => o.surfaces.includes(surface))) {
    const head = `--${o.name}${o.value ? ` ${o.value}` : ''}`;
    lines.push(`  ${pad(head, 19)}${o.describe[lang]}`);
  }
  if (surface === 'cli') lines.push(`  ${HEADINGS.importMeta[lang]}`);
  lines.push('', HEADINGS.examples[lang]);
  for (const spec of commandsFor(surface)) {
    const example = exampleOf(spec, surface, lang);
    if (example) lines.push(`  ${example}`);
  }
  lines.push('', FREE_QUESTION[surface][lang]);
  return lines.join('\n');
}

export interface DiscordHelp {
  title: string;
  /** Markdown. */
  body: string;
}

const DISCORD_HELP_TITLE: Text = {
  en: 'Readout: answers quoted from diplomatic statements',
  ja: 'Readout：外交文書から引用して答えます',
};

const DISCORD_OPTIONS_LINE: Text = { en: 'Options', ja: 'オプション' };

/**
 * The Discord /help: localized command and option names, a clickable mention for each command
 * whose id is known (`mention`), and one example per command.
 */
export function discordHelp(
  lang: Lang,
  mention?: (name: string) => string | undefined,
): DiscordHelp {
  const lines = [INTRO[lang], ''];
  for (const spec of commandsFor('discord')) {
    if (spec.name === 'help') continue;
    lines.push(`${commandRef(spec.name, 'discord', lang, mention)} — ${spec.summary[lang]}`);
    const example = exampleOf(spec, 'discord', lang);
    if (example) lines.push(`　\`${example}\``);
  }
  const options = OPTIONS.filter((o) => o.surfaces.includes('discord') && o.name !== 'query')
    .map((o) => `\`${optionName(o, 'discord', lang)}\` ${o.describe[lang]}`)
    .join(lang === 'ja' ? '、' : '; ');
  lines.push('', `**${DISCORD_OPTIONS_LINE[lang]}**: ${options}`, '', FREE_QUESTION.discord[lang]);
  return { title: DISCORD_HELP_TITLE[lang], body: lines.join('\n') };
}
