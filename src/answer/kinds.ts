/**
 * The question kinds, each described once: its name, how it is named and explained to people in
 * both languages, its free-text argument, an example, and the function that answers it. The
 * engine's methods, the slash command definitions, the button ids, the command line, the console
 * and every help text are generated from this table (see render/commandGuide.ts), so a new kind is
 * a new row here plus its answer module (docs/contributing.md).
 */
import { answerCompare } from './compare.ts';
import type { Library } from './library.ts';
import { answerQuote } from './quote.ts';
import { routeQuestion } from './route.ts';
import type { SearchScope } from './search.ts';
import type { Answer, Lang } from './types.ts';
import { answerWhen } from './when.ts';
import { answerWho } from './who.ts';

type Text = Record<Lang, string>;

export interface KindSpec {
  /** The command everywhere: `/who`, `readout who`, the engine's `who()`. */
  name: string;
  /** The Japanese name Discord shows to Japanese clients (name localization). */
  ja?: string;
  /** One line; also the slash command's description (at most 100 characters). */
  summary: Text;
  /** What an answer of this kind is titled with ("Who: ICBM"); a free question takes its answer's. */
  heading?: Text;
  /** The free text: its placeholder in usage lines, whether it is required, its option description. */
  arg: { placeholder: Text; required: boolean; describe: Text };
  /** One example argument per language ('' for none); options are added by `exampleFlags`. */
  example: Text;
  exampleFlags?: Partial<Record<'lang', Lang>>;
  /**
   * A question in the asker's own words: no slash command (on Discord a mention or a DM asks it,
   * in the console a line without a command), `readout <name>` on the command line.
   */
  free?: boolean;
  /** One letter naming the kind in button ids: never reuse or change one, old buttons carry it. */
  buttonCode: string;
  /** The answer over the corpus; the query is already cleaned and, when `arg.required`, not empty. */
  answer(lib: Library, query: string, scope: SearchScope): Answer;
}

const KIND_LIST = [
  {
    name: 'who',
    ja: '誰',
    summary: {
      en: 'Who took part, who said it: the people a statement names',
      ja: '出席者・発言者など、声明に登場する人物',
    },
    heading: { en: 'Who', ja: '誰が' },
    arg: {
      placeholder: { en: 'topic', ja: '話題' },
      required: false,
      describe: { en: 'A topic or a name (optional)', ja: '話題または名前（任意）' },
    },
    example: { en: '', ja: '' },
    exampleFlags: { lang: 'en' },
    buttonCode: 'w',
    answer: answerWho,
  },
  {
    name: 'when',
    ja: 'いつ',
    summary: {
      en: 'When it happened: dates, times and durations',
      ja: '声明に書かれた日付・時刻・所要時間',
    },
    heading: { en: 'When', ja: 'いつ' },
    arg: {
      placeholder: { en: 'topic', ja: '話題' },
      required: false,
      describe: { en: 'An event or topic (optional)', ja: '出来事または話題（任意）' },
    },
    example: { en: 'ICBM', ja: '発射' },
    buttonCode: 't',
    answer: answerWhen,
  },
  {
    name: 'quote',
    ja: '引用',
    summary: {
      en: 'The passages that match your words, quoted word for word',
      ja: '言葉に一致する声明の箇所をそのまま引用',
    },
    heading: { en: 'Quote', ja: '引用' },
    arg: {
      placeholder: { en: 'words', ja: '語句' },
      required: true,
      describe: {
        en: 'Words to look for ("double quotes" for an exact phrase)',
        ja: '探す言葉（"…" で完全一致）',
      },
    },
    example: { en: 'ballistic missile', ja: '弾道ミサイル' },
    buttonCode: 'q',
    answer: answerQuote,
  },
  {
    name: 'compare',
    ja: '比較',
    summary: {
      en: 'The matching passage in Japanese and in English, side by side',
      ja: '日本語と英語の対応する箇所を並べて表示',
    },
    heading: { en: 'Compare', ja: '比較' },
    arg: {
      placeholder: { en: 'words', ja: '語句' },
      required: true,
      describe: {
        en: 'Words to look for, in either language',
        ja: '探す言葉（日本語・英語どちらでも）',
      },
    },
    example: { en: 'strongest terms', ja: '最も強い言葉' },
    buttonCode: 'c',
    answer: answerCompare,
  },
  {
    name: 'ask',
    summary: {
      en: 'A free question, answered as who, when or quote',
      ja: '自由な質問（誰・いつ・引用のいずれかで回答）',
    },
    arg: {
      placeholder: { en: 'question', ja: '質問' },
      required: true,
      describe: { en: 'A question in your own words', ja: '自由な質問' },
    },
    example: { en: '"When was the ICBM launched?"', ja: 'ICBMはいつ発射されましたか' },
    free: true,
    buttonCode: 'a',
    answer: (lib: Library, question: string, scope: SearchScope): Answer => {
      // The question's language (already in `scope`) is the answer's, even once question words are stripped.
      const { route, topic, clock, zone, duration, date, words, speaker } = routeQuestion(question);
      const asked = {
        ...scope,
        question: true,
        ...(clock ? { clock } : {}),
        ...(zone ? { zone } : {}),
        ...(duration ? { duration } : {}),
        ...(date ? { date } : {}),
        ...(words ? { words } : {}),
        ...(speaker ? { speaker } : {}),
      };
      return kindSpec(route).answer(lib, route === 'quote' ? topic || question : topic, asked);
    },
  },
] as const satisfies readonly KindSpec[];

export type QueryKind = (typeof KIND_LIST)[number]['name'];

export const KINDS: readonly (KindSpec & { name: QueryKind })[] = KIND_LIST;

export const KIND_NAMES: readonly QueryKind[] = KINDS.map((k) => k.name);

export function isQueryKind(name: string | undefined): name is QueryKind {
  return KINDS.some((k) => k.name === name);
}

export function kindSpec(name: QueryKind): KindSpec & { name: QueryKind } {
  return KINDS.find((k) => k.name === name)!;
}
