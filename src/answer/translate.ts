import { normalize } from '../text/normalize.ts';
import { wholeWordPattern } from '../text/wordBoundary.ts';
import type { Glossary } from '../understand/glossary.ts';
import type { Lang } from './types.ts';

/**
 * A query carried into the other language through the glossary: every glossary name or term found
 * in the question (longest first) is replaced by its first form in the target language. Returns
 * undefined when the glossary knows none of it: a guess would be worse than no translation.
 */
/** Each glossary form of one language with its target, longest first, per glossary and direction. */
const pairCache = new WeakMap<Glossary, Partial<Record<Lang, { form: string; target: string; re?: RegExp }[]>>>();

function pairsOf(glossary: Glossary, to: Lang): { form: string; target: string; re?: RegExp }[] {
  let byLang = pairCache.get(glossary);
  if (!byLang) pairCache.set(glossary, (byLang = {}));
  let pairs = byLang[to];
  if (pairs) return pairs;
  const from: Lang = to === 'ja' ? 'en' : 'ja';
  pairs = [];
  for (const entry of [...glossary.people, ...glossary.terms]) {
    const target = entry[to][0];
    if (!target) continue;
    for (const form of entry[from]) {
      const f = normalize(form);
      if (f) pairs.push({ form: f, target, ...(from === 'en' ? { re: wholeWordPattern(f) } : {}) });
    }
  }
  pairs.sort((a, b) => b.form.length - a.form.length);
  byLang[to] = pairs;
  return pairs;
}

export function translateQuery(query: string, to: Lang, glossary: Glossary): string | undefined {
  const from: Lang = to === 'ja' ? 'en' : 'ja';
  const pairs = pairsOf(glossary, to);
  let rest = ` ${normalize(query)} `;
  const found: string[] = [];
  for (const { form, target, re } of pairs) {
    if (!rest.includes(form)) continue;
    const at = re ? rest.search(re) : rest.indexOf(form);
    if (at === -1) continue;
    found.push(target);
    rest = `${rest.slice(0, at)} ${rest.slice(at + form.length)}`;
  }
  // A phrase translated only in part is no reading of it: "誕生日のお祝い" is not "congratulations".
  const left = from === 'ja' ? /[\p{Script=Han}\p{Script=Katakana}]/u.test(rest) : rest.split(/[^\p{L}\p{N}]+/u).some((w) => w.length > 2 && !FUNCTION_WORDS.has(w));
  return found.length && !left ? found.join(' ') : undefined;
}

/** English words that carry no content of their own in a quoted phrase. */
const FUNCTION_WORDS = new Set(
  'the and for with from that this these those was were are has have had been its their his her our about into over under between against'.split(' '),
);
