/**
 * One normalization for index and query alike, so that what the user types meets what the corpus
 * says: full-width and half-width forms unify (NFKC), case folds, and the katakana middle dot
 * that separates foreign given and family names is dropped (マイク・ポンペオ = マイクポンペオ).
 */
import { withoutVariationSelectors } from './script.ts';

const INVISIBLES = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const MIDDLE_DOTS = /[\u30FB\u00B7]/g;

/**
 * Short texts already normalized: a question normalizes the same few thousand characters (each
 * character of a paragraph it highlights), names and labels again and again, at about a
 * microsecond each; a lookup is a few dozen nanoseconds. Bounded by emptying it when full.
 */
const shortForms = new Map<string, string>();
const SHORT_TEXT = 24;
const MAX_SHORT_FORMS = 20_000;

export function normalize(text: string): string {
  if (text.length > SHORT_TEXT) return normalizeText(text);
  let form = shortForms.get(text);
  if (form === undefined) {
    if (shortForms.size >= MAX_SHORT_FORMS) shortForms.clear();
    shortForms.set(text, (form = normalizeText(text)));
  }
  return form;
}

function normalizeText(text: string): string {
  // Variation selectors too: 辻󠄀 (辻 with a glyph selector, as MOFA writes 辻清人) is 辻.
  return withoutVariationSelectors(text)
    .normalize('NFKC')
    .toLowerCase()
    .replace(INVISIBLES, '')
    .replace(MIDDLE_DOTS, '');
}

/** Replaces lone surrogates so that every later step sees well-formed text. */
export function wellFormed(text: string): string {
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

/** Collapses runs of whitespace (excerpts may do this; nothing else is changed). */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
