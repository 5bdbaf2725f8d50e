/**
 * A deliberately light English stemmer: inflections only (condemned/condemns -> condemn,
 * launches -> launch, resolutions -> resolution). Heavier stemmers conflate words that analysts
 * keep apart (e.g. "nuclear"/"nucleus"); prefix and fuzzy search cover the rest.
 */
/** Irregular verbs of readouts, to their base form: "met" finds "meet", "held" finds "hold". */
const IRREGULAR: Readonly<Record<string, string>> = {
  met: 'meet',
  held: 'hold',
  spoke: 'speak',
  spoken: 'speak',
  said: 'say',
  took: 'take',
  taken: 'take',
  made: 'make',
  gave: 'give',
  given: 'give',
  began: 'begin',
  begun: 'begin',
  came: 'come',
  went: 'go',
  gone: 'go',
  saw: 'see',
  seen: 'see',
  told: 'tell',
  sent: 'send',
  led: 'lead',
  left: 'leave',
  wrote: 'write',
  written: 'write',
  chose: 'choose',
  chosen: 'choose',
  sought: 'seek',
  brought: 'bring',
  built: 'build',
  fought: 'fight',
  knew: 'know',
  known: 'know',
  rose: 'rise',
  risen: 'rise',
  flew: 'fly',
  flown: 'fly',
  struck: 'strike',
  froze: 'freeze',
  frozen: 'freeze',
  shot: 'shoot',
  fell: 'fall',
  fallen: 'fall',
  stood: 'stand',
  understood: 'understand',
};

export function stem(word: string): string {
  let w = word;
  const irregular = IRREGULAR[w];
  if (irregular) return withoutFinalE(irregular);
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4 && !w.endsWith('eed')) w = w.slice(0, -2);
  return withoutFinalE(w);
}

/** invite, invited, inviting -> invit: the silent e goes, so the base meets its inflections. */
function withoutFinalE(w: string): string {
  return w.length > 4 && w.endsWith('e') && !w.endsWith('ee') ? w.slice(0, -1) : w;
}
