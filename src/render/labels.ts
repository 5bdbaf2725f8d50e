import type { Lang } from '../answer/types.ts';

type Text = Record<Lang, string>;

/** Words the renderers put around answers, in both languages: every surface takes them from here. */
export const LABELS = {
  /** The title of a free question nothing answered (the kinds' own headings are in answer/kinds.ts). */
  noAnswer: { en: 'No answer', ja: '回答なし' },
  /** Between a heading and the question: "Who: …", 「誰が：…」. */
  headingSeparator: { en: ': ', ja: '：' },
  /** A language named in itself, so each reader finds their own. */
  languageName: { ja: '日本語', en: 'English' } satisfies Text,
  paragraph: { en: (n: number) => `¶${n}`, ja: (n: number) => `第${n}段落` },
  source: { en: 'Source', ja: '出典' },
  /** Under an announcement in a followed channel. */
  newStatement: { en: 'New statement', ja: '新しい声明' },
  evidence: { en: 'Evidence', ja: '根拠' },
  noSource: { en: 'no public address', ja: '公開URLなし' },
  statements: { en: 'Statements', ja: '声明一覧' },
  noStatements: { en: 'No statements are loaded.', ja: '声明が読み込まれていません。' },
  andMore: { en: (n: number) => `…and ${n} more`, ja: (n: number) => `…ほか${n}件` },
  previous: { en: '◀ Previous', ja: '◀ 前へ' },
  next: { en: 'Next ▶', ja: '次へ ▶' },
  paragraphs: { en: (n: number) => `${n} paragraphs`, ja: (n: number) => `${n}段落` },
  /** The one sentence for a question nothing answers; `{statements}` is how the reader lists them. */
  nothing: {
    en: (q: string, statements: string) =>
      q
        ? `Nothing in my statements matches “${q}”; try other words, or ${statements} to see what I hold.`
        : `Nothing in my statements answers that; try other words, or ${statements} to see what I hold.`,
    ja: (q: string, statements: string) =>
      q
        ? `「${q}」に該当する記述はありません（別の言葉を試すか、${statements} で声明の一覧をご覧ください）。`
        : `該当する記述はありません（別の言葉を試すか、${statements} で声明の一覧をご覧ください）。`,
  },
} as const;

export function paragraphLabel(lang: Lang, n: number): string {
  return LABELS.paragraph[lang](n);
}

/** "Who: ICBM" / 「誰が：ICBM」, or the heading alone. */
export function headed(heading: string, rest: string, lang: Lang): string {
  return rest ? `${heading}${LABELS.headingSeparator[lang]}${rest}` : heading;
}
