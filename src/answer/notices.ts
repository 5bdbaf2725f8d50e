import type { Answer, Lang } from './types.ts';

/** Every sentence the engine says about an answer, in both languages. */
const NOTICES = {
  fallbackLanguage: {
    en: 'No English statement answers this; showing the Japanese text.',
    ja: '日本語の声明には該当がないため、英語の声明から引用します。',
  },
  partialMatch: {
    en: 'No paragraph contains all of your words; showing the closest matches.',
    ja: 'すべての語を含む段落はないため、近い段落を表示します。',
  },
  noMatch: {
    // Renderers replace this with a sentence that names their own way of listing the statements.
    en: 'Nothing in the statements I have matches that. Try other words.',
    ja: '該当する記述は見つかりませんでした。別の言葉で試してください。',
  },
  onlyCommonWords: {
    en: 'Those words are too common to search for; please add a more specific word.',
    ja: '検索できる語が含まれていません。より具体的な語を加えてください。',
  },
  noPeople: {
    en: 'I found no people named in the matching statements.',
    ja: '該当する声明に人物の記載は見つかりませんでした。',
  },
  noRoleHolder: {
    en: 'No one in the matching statements is the {text} asked about.',
    ja: '該当する声明に{text}にあたる人物は見つかりませんでした。',
  },
  noTimes: {
    en: 'I found no date or time for that in the statements.',
    ja: '該当する日時の記載は見つかりませんでした。',
  },
  noClockTime: {
    en: 'The statement gives the day ({text}) but not the time.',
    ja: '声明には日付({text})の記載はありますが、時刻の記載はありません。',
  },
  noDuration: {
    en: 'The statement gives the day ({text}) but not how long it lasted.',
    ja: '声明には日付({text})の記載はありますが、所要時間の記載はありません。',
  },
  closeSpelling: {
    en: 'No exact match; showing the close spelling {words}.',
    ja: '完全に一致する語はないため、近い綴り{words}の箇所を表示します。',
  },
  notMentioned: {
    en: 'No statement mentions {words}.',
    ja: '{words}を含む声明は見つかりませんでした。',
  },
  notTogether: {
    en: 'No statement mentions {words} together.',
    ja: '{words}をあわせて含む声明は見つかりませんでした。',
  },
  throughOtherVersion: {
    en: 'Found through the Japanese version of the same statement.',
    ja: '同じ声明の英語版から見つけた箇所です。',
  },
  noCounterpart: {
    en: 'I found no matching passage in the other language; showing one side only.',
    ja: 'もう一方の言語で該当する箇所が見つからないため、片方のみ表示します。',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type NoticeKey = keyof typeof NOTICES;

export function notice(key: NoticeKey, lang: Lang, words: string[] = []): string {
  const list =
    lang === 'ja'
      ? words.map((w) => `『${w}』`).join('')
      : words.map((w) => `“${w}”`).join(words.length > 2 ? ', ' : ' and ');
  // {text}: the words as they are, joined (dates need no quotation marks).
  return NOTICES[key][lang]
    .replace('{words}', list)
    .replace('{text}', words.join(lang === 'ja' ? '、' : ', '));
}

/** The answer that nothing answers: no items, and the notice that says why when there is one. */
export function noAnswer(lang: Lang, query: string, text?: string): Answer {
  return { kind: 'none', language: lang, query, items: [], ...(text ? { notice: text } : {}) };
}
