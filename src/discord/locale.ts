import type { Lang } from '../answer/types.ts';
import { detectLanguage } from '../text/script.ts';

/** Discord locales are `ja`, `en-US`, `en-GB`, …: only `ja` gets Japanese. */
export function langFromLocale(locale: string | null | undefined): Lang {
  return locale?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** The language a free question is written in, so the answer speaks it back (the engine's rule). */
export function langOfText(text: string): Lang {
  return detectLanguage(text);
}

export function isLang(value: unknown): value is Lang {
  return value === 'ja' || value === 'en';
}

/** An explicit `lang` option wins; otherwise the user's Discord locale decides. */
export function interactionLang(option: string | null | undefined, locale: string | null | undefined): Lang {
  return isLang(option) ? option : langFromLocale(locale);
}
