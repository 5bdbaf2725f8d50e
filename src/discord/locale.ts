import type { Lang } from '../answer/types.ts';

/** Discord locales are `ja`, `en-US`, `en-GB`, …: only `ja` gets Japanese. */
export function langFromLocale(locale: string | null | undefined): Lang {
  return locale?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** Kana, CJK ideographs and full-width forms: any of them makes a question Japanese. */
const JAPANESE_SCRIPT = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff5e\uff66-\uff9f]/u;

/** The language a free question is written in, so the answer speaks it back. */
export function langOfText(text: string): Lang {
  return JAPANESE_SCRIPT.test(text) ? 'ja' : 'en';
}

export function isLang(value: unknown): value is Lang {
  return value === 'ja' || value === 'en';
}

/** An explicit `lang` option wins; otherwise the user's Discord locale decides. */
export function interactionLang(option: string | null | undefined, locale: string | null | undefined): Lang {
  return isLang(option) ? option : langFromLocale(locale);
}
