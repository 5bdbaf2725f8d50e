/**
 * A deliberately light English stemmer: inflections only (condemned/condemns -> condemn,
 * launches -> launch, resolutions -> resolution). Heavier stemmers conflate words that analysts
 * keep apart (e.g. "nuclear"/"nucleus"); prefix and fuzzy search cover the rest.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4 && !w.endsWith('eed')) w = w.slice(0, -2);
  return w;
}
