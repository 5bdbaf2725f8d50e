import { normalize } from '../text/normalize.ts';
import { wholeWordPattern } from '../text/wordBoundary.ts';
import type { Glossary } from '../understand/glossary.ts';
import type { Lang } from './types.ts';

/**
 * A query carried into the other language through the glossary: every glossary name or term found
 * in the question (longest first) is replaced by its first form in the target language. Returns
 * undefined when the glossary knows none of it: a guess would be worse than no translation.
 */
export function translateQuery(query: string, to: Lang, glossary: Glossary): string | undefined {
  const from: Lang = to === 'ja' ? 'en' : 'ja';
  const pairs: { form: string; target: string }[] = [];
  for (const entry of [...glossary.people, ...glossary.terms]) {
    const target = entry[to][0];
    if (!target) continue;
    for (const form of entry[from]) pairs.push({ form: normalize(form), target });
  }
  pairs.sort((a, b) => b.form.length - a.form.length);
  let rest = ` ${normalize(query)} `;
  const found: string[] = [];
  for (const { form, target } of pairs) {
    if (!form) continue;
    const at = from === 'en' ? rest.search(wholeWordPattern(form)) : rest.indexOf(form);
    if (at === -1) continue;
    found.push(target);
    rest = `${rest.slice(0, at)} ${rest.slice(at + form.length)}`;
  }
  return found.length ? found.join(' ') : undefined;
}
