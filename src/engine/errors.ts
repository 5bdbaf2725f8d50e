import type { Lang } from '../answer/types.ts';

/** Longest question accepted, in characters (documented in the README and SECURITY.md). */
export const MAX_QUERY_LENGTH = 500;

export type QueryErrorCode = 'empty' | 'too_long' | 'unknown_statement';

const MESSAGES: Record<QueryErrorCode, Record<Lang, string>> = {
  empty: {
    en: 'Please give me something to look for, e.g. "ballistic missile".',
    ja: '検索する言葉を入力してください（例：「弾道ミサイル」）。',
  },
  too_long: {
    en: `That question is too long: please keep it to ${MAX_QUERY_LENGTH} characters or fewer.`,
    ja: `質問が長すぎます。${MAX_QUERY_LENGTH}文字以内でお願いします。`,
  },
  unknown_statement: {
    en: 'I do not know that statement. Use {statements} to list the ones I have.',
    ja: 'その声明は見つかりません。{statements} で一覧を表示できます。',
  },
};

/** Bad input from a user: adapters show `messageFor(lang)` politely, never a stack trace. */
export class QueryError extends Error {
  readonly code: QueryErrorCode;
  constructor(code: QueryErrorCode) {
    // For logs and tests; what the user reads comes from messageFor, worded for where they are.
    super(MESSAGES[code].en.replace('{statements}', 'the statements command'));
    this.name = 'QueryError';
    this.code = code;
  }
  /**
   * `statements` is how the reader lists statements where they are ("/statements", "readout
   * statements"): the engine serves every adapter and names none of their commands.
   */
  messageFor(lang: Lang, statements: string): string {
    return MESSAGES[this.code][lang].replace('{statements}', statements);
  }
}
