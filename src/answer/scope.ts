import type { Library } from './library.ts';
import { primaryLanguage } from '../text/script.ts';
import type { Lang } from './types.ts';

/** The statement a question without a topic is about: the one chosen, else the newest in the language. */
export function defaultStatement(lib: Library, lang: Lang, chosen?: number): number | undefined {
  if (chosen !== undefined) return chosen;
  let best: number | undefined;
  lib.statements.forEach((s, i) => {
    const better =
      best === undefined ||
      (primaryLanguage(s.language) === lang) >
        (primaryLanguage(lib.statements[best]!.language) === lang) ||
      ((primaryLanguage(s.language) === lang) ===
        (primaryLanguage(lib.statements[best]!.language) === lang) &&
        s.date > lib.statements[best]!.date);
    if (better) best = i;
  });
  return best;
}

/** A statement and the others about the same event (any language), the statement itself first. */
export function eventGroup(lib: Library, statement: number): number[] {
  const event = lib.statements[statement]!.event;
  const others = event ? (lib.events.get(event) ?? []).filter((i) => i !== statement) : [];
  return [statement, ...others];
}

/** Puts statements in the asked language first, keeping the order otherwise. */
export function askedLanguageFirst(lib: Library, lang: Lang, statements: number[]): number[] {
  const own = (i: number) => primaryLanguage(lib.statements[i]!.language) === lang;
  return [...statements.filter(own), ...statements.filter((i) => !own(i))];
}
