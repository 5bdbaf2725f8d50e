import { normalize } from '../text/normalize.ts';
import { wholeWordPattern } from '../text/wordBoundary.ts';
import type { Glossary } from '../understand/glossary.ts';
import type { Lang } from './types.ts';

/**
 * A query carried into the other language through the glossary: every glossary name or term found
 * in the question (longest first) is replaced by its first form in the target language. Returns
 * undefined when the glossary knows none of it, or only part of it: a guess would be worse than no
 * translation.
 */
export function translateQuery(query: string, to: Lang, glossary: Glossary): string | undefined {
  const from: Lang = to === 'ja' ? 'en' : 'ja';
  let rest = ` ${normalize(query)} `;
  const found: string[] = [];
  for (const pair of pairsOf(glossary, to)) {
    const { form, target } = pair;
    // Most forms are not in the question at all: a substring test first, and the whole-word pattern
    // (a Unicode regex, costly to compile) only for the few that are.
    if (!rest.includes(form)) continue;
    const at =
      from === 'en' ? rest.search((pair.re ??= wholeWordPattern(form))) : rest.indexOf(form);
    if (at === -1) continue;
    found.push(target);
    rest = `${rest.slice(0, at)} ${rest.slice(at + form.length)}`;
  }
  // A phrase translated only in part is no reading of it: "誕生日のお祝い" is not "congratulations".
  const left =
    from === 'ja'
      ? /[\p{Script=Han}\p{Script=Katakana}]/u.test(rest)
      : rest.split(/[^\p{L}\p{N}]+/u).some((w) => w.length > 2 && !FUNCTION_WORDS.has(w));
  return found.length && !left ? found.join(' ') : undefined;
}

/** English words that carry no content of their own in a quoted phrase. */
const FUNCTION_WORDS = new Set(
  'the and for with from that this these those was were are has have had been its their his her our about into over under between against'.split(
    ' ',
  ),
);

interface Pair {
  form: string;
  target: string;
  re?: RegExp;
}

/** The glossary's forms in one language with their first form in the other, longest first: built once per glossary and direction, not per question. */
const pairsByGlossary = new WeakMap<Glossary, Record<Lang, Pair[] | undefined>>();

function pairsOf(glossary: Glossary, to: Lang): Pair[] {
  let byTarget = pairsByGlossary.get(glossary);
  if (!byTarget) pairsByGlossary.set(glossary, (byTarget = { ja: undefined, en: undefined }));
  const from: Lang = to === 'ja' ? 'en' : 'ja';
  return (byTarget[to] ??= (() => {
    const pairs: Pair[] = [];
    for (const entry of [...glossary.people, ...glossary.terms]) {
      const target = entry[to][0];
      if (!target) continue;
      for (const form of entry[from]) pairs.push({ form: normalize(form), target });
    }
    // Stable sort: equal lengths keep the glossary's order.
    pairs.sort((a, b) => b.form.length - a.form.length);
    return pairs.filter((p) => p.form);
  })());
}
