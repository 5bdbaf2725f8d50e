import type { Interaction } from 'discord.js';
import type { Lang } from '../answer/types.ts';
import type { SettingsStore } from '../settings/types.ts';
import { detectLanguage } from '../text/script.ts';

/** Discord locales are `ja`, `en-US`, `en-GB`, …: only `ja` gets Japanese. */
export function langFromLocale(locale: string | null | undefined): Lang {
  return locale?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/**
 * The answer language a Discord locale settles by itself: Japanese for `ja`, English for `en-US`
 * and `en-GB`. Any other locale (ko, fr, zh-TW…) settles nothing: the reader reads neither, and
 * the server's default decides for them.
 */
export function decidingLocaleLang(locale: string | null | undefined): Lang | undefined {
  const tag = locale?.toLowerCase();
  if (tag?.startsWith('ja')) return 'ja';
  if (tag?.startsWith('en')) return 'en';
  return undefined;
}

/** The language a free question is written in, so the answer speaks it back (the engine's rule). */
export function langOfText(text: string): Lang {
  return detectLanguage(text);
}

export function isLang(value: unknown): value is Lang {
  return value === 'ja' || value === 'en';
}

/**
 * The language of an answer to a command or button, in order of precedence: the `lang` option
 * the user picked; their Discord locale when it is Japanese or English; the server's default
 * language (/settings); English.
 */
export function interactionLang(
  option: string | null | undefined,
  locale: string | null | undefined,
  serverDefault?: Lang,
): Lang {
  if (isLang(option)) return option;
  return decidingLocaleLang(locale) ?? serverDefault ?? 'en';
}

/** The default answer language a manager set (/settings) for the server an interaction comes from. */
export function serverLang(
  interaction: Interaction,
  ctx?: { settings?: SettingsStore | undefined },
): Lang | undefined {
  return interaction.guildId ? ctx?.settings?.defaultLang(interaction.guildId) : undefined;
}
