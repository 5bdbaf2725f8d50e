import { normalize } from '../text/normalize.ts';
import { keywords, type Keyword } from '../text/tokenize.ts';

/**
 * A user's search text, parsed. Double-quoted parts are phrases that must appear as written
 * (after normalization); everything else is keywords. Nothing the user types is interpreted as
 * search-engine syntax: `AND`, `*`, `-`, `:` are plain characters here.
 */
export interface ParsedQuery {
  keywords: Keyword[];
  phrases: string[];
}

const QUOTED = /["“”「」『』]([^"“”「」『』]+)["“”「」『』]/g;

/** Short all-hiragana runs (は, が, され) are grammar, not topics: never required in a query. */
function isParticle(k: Keyword): boolean {
  return k.kind === 'cjk' && k.text.length <= 3 && /^[\p{Script=Hiragana}]+$/u.test(k.text);
}

export function parseQuery(text: string): ParsedQuery {
  const normalized = normalize(text);
  const phrases: string[] = [];
  for (const m of normalized.matchAll(QUOTED)) {
    const phrase = m[1]!.replace(/\s+/g, ' ').trim();
    if (phrase && keywords(phrase).length > 0) phrases.push(phrase);
  }
  const seen = new Set<string>();
  const unique = keywords(normalized).filter((k) => {
    if (isParticle(k)) return false;
    const key = `${k.kind}:${k.terms.join(' ')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { keywords: unique, phrases };
}

/**
 * Looser Japanese keywords for a second try when a whole run such as ロシアへの兵士派遣について is
 * not in any paragraph: the run is cut at hiragana (particles, inflections), keeping the content
 * words ロシア, 兵士派遣.
 */
export function relaxKeywords(list: Keyword[]): Keyword[] {
  const out: Keyword[] = [];
  for (const k of list) {
    if (k.kind !== 'cjk') {
      out.push(k);
      continue;
    }
    const parts = k.text.split(/[\p{Script=Hiragana}]+/u).filter((p) => p.length > 0);
    if (parts.length === 0 || (parts.length === 1 && parts[0] === k.text)) {
      out.push(k);
      continue;
    }
    for (const p of parts) out.push(...keywords(p));
  }
  return out;
}
