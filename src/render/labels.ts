import type { Lang } from '../answer/types.ts';

/** Words the renderers put around answers, in both languages. */
export const LABELS = {
  paragraph: { en: (n: number) => `paragraph ${n}`, ja: (n: number) => `第${n}段落` },
  source: { en: 'source', ja: '出典' },
  noSource: { en: 'no public address', ja: '公開URLなし' },
  statements: { en: 'Statements', ja: '声明一覧' },
  noStatements: { en: 'No statements are loaded.', ja: '声明が読み込まれていません。' },
} as const;

export function paragraphLabel(lang: Lang, n: number): string {
  return LABELS.paragraph[lang](n);
}
