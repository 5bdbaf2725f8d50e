/**
 * Japanese family names across scripts: 河野 is Kono, 川口 is Kawaguchi. A question in English about
 * a statement published only in Japanese (or the other way round) names people in the other
 * script, and the glossary cannot list everyone. The readings come from data/people/ja-family-names.tsv
 * (IPADIC's family names, see scripts/familyNames.cjs); a file of the same name in the directory
 * named by READOUT_PEOPLE_TABLES adds lines. Read on first use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../../projectRoot.ts';
import { romanize } from './soundKey.ts';

const FILE = 'ja-family-names.tsv';
const BUILT_IN = projectPath('data', 'people', FILE);

/**
 * Latin spellings of one reading compared loosely: long vowels as the English press writes them
 * (Kōno, Kouno, Kono, Ohno, Ono), m before b or p as n (Gemba, Genba).
 */
export function latinKey(latin: string): string {
  return latin
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/oh(?![aeiou])/g, 'o')
    .replace(/ou|oo/g, 'o')
    .replace(/uu/g, 'u')
    .replace(/m(?=[bp])/g, 'n');
}

interface Lexicon {
  readings: Map<string, string[]>;
  byLatin: Map<string, string[]>;
}

let lexicon: Lexicon | undefined;

function read(file: string, into: Map<string, string[]>): void {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [name, readings] = line.split('\t');
    if (!name || !readings) continue;
    into.set(name, [
      ...new Set([...(into.get(name) ?? []), ...readings.split(',').filter(Boolean)]),
    ]);
  }
}

function load(): Lexicon {
  if (lexicon) return lexicon;
  const readings = new Map<string, string[]>();
  read(BUILT_IN, readings);
  const extra = process.env.READOUT_PEOPLE_TABLES;
  if (extra && existsSync(join(extra, FILE))) read(join(extra, FILE), readings);
  const byLatin = new Map<string, string[]>();
  for (const [name, list] of readings) {
    for (const r of list) {
      const key = latinKey(romanize(r));
      if (key.length < 2) continue;
      const names = byLatin.get(key) ?? [];
      if (!names.includes(name)) names.push(name);
      byLatin.set(key, names);
    }
  }
  lexicon = { readings, byLatin };
  return lexicon;
}

let perKanji: { first: Map<string, string[]>; last: Map<string, string[]> } | undefined;

/** The kanji readings, learned when a name first needs them (a Latin name no table name reads as). */
function kanjiReadingsOnce(): { first: Map<string, string[]>; last: Map<string, string[]> } {
  perKanji ??= kanjiReadings(load().readings);
  return perKanji;
}

/**
 * What each kanji reads as in the table's names of two: 町 is マチ (町田, 町井), 村 is ムラ (中村,
 * 木村). Each name's reading is split where the two kanji's readings, counted over every split of
 * every name, agree best; every reading those splits give counts, even one name's (玄 is ゲン in
 * 玄田 alone).
 */
function kanjiReadings(readings: Map<string, string[]>): {
  first: Map<string, string[]>;
  last: Map<string, string[]>;
} {
  const pairs: [string, string, string][] = [];
  for (const [name, list] of readings) {
    const chars = [...name];
    if (chars.length !== 2) continue;
    for (const r of list) if (r.length >= 2) pairs.push([chars[0]!, chars[1]!, r]);
  }
  const count = (m: Map<string, Map<string, number>>, k: string, r: string) => {
    const byReading = m.get(k) ?? new Map<string, number>();
    byReading.set(r, (byReading.get(r) ?? 0) + 1);
    m.set(k, byReading);
  };
  const anyFirst = new Map<string, Map<string, number>>();
  const anyLast = new Map<string, Map<string, number>>();
  for (const [a, b, r] of pairs)
    for (let i = 1; i < r.length; i++) {
      count(anyFirst, a, r.slice(0, i));
      count(anyLast, b, r.slice(i));
    }
  const first = new Map<string, Map<string, number>>();
  const last = new Map<string, Map<string, number>>();
  for (const [a, b, r] of pairs) {
    let best = 1;
    let bestScore = -1;
    for (let i = 1; i < r.length; i++) {
      const score =
        (anyFirst.get(a)?.get(r.slice(0, i)) ?? 0) * (anyLast.get(b)?.get(r.slice(i)) ?? 0);
      if (score > bestScore) [best, bestScore] = [i, score];
    }
    count(first, a, r.slice(0, best));
    count(last, b, r.slice(best));
  }
  const readingsOf = (m: Map<string, Map<string, number>>) =>
    new Map([...m].map(([k, byReading]) => [k, [...byReading.keys()]]));
  return { first: readingsOf(first), last: readingsOf(last) };
}

/** Reads the family-name table now, which the first name across scripts would read. */
export function prepareFamilyNames(): void {
  load();
}

/** Whether a kanji word is a family name of the table (高村, 町村: also names of places). */
export function isKanjiFamilyName(kanji: string): boolean {
  return load().readings.has(kanji);
}

/** Kanji family names read as a Latin word: Kono -> 河野, 高野 ... (none for words that are no Japanese reading). */
export function kanjiFamilyNames(latin: string): readonly string[] {
  const key = latinKey(latin);
  return key.length >= 2 ? (load().byLatin.get(key) ?? []) : [];
}

/**
 * Whether a kanji name of two the table lacks (町村) reads as a Latin word (Machimura), its kanji
 * read as they are in the table's other names. Names of the table are read only as listed.
 */
export function readsAsComposed(kanji: string, latin: string): boolean {
  return composedKeys(kanji).has(latinKey(latin));
}

/** The Latin keys a name of two kanji the table lacks reads as, by name (none for others). */
const composed = new Map<string, ReadonlySet<string>>();

function composedKeys(kanji: string): ReadonlySet<string> {
  let keys = composed.get(kanji);
  if (keys) return keys;
  const chars = [...kanji];
  const out = new Set<string>();
  if (chars.length === 2 && !load().readings.has(kanji)) {
    const lex = kanjiReadingsOnce();
    for (const a of lex.first.get(chars[0]!) ?? [])
      for (const b of lex.last.get(chars[1]!) ?? []) out.add(latinKey(romanize(a + b)));
  }
  keys = out;
  // Bounded: the names asked about are open-ended.
  if (composed.size > 5000) composed.clear();
  composed.set(kanji, keys);
  return keys;
}

/** Each kanji's first readings as Latin keys, made once. */
let firstKeys: [string, string[]][] | undefined;

/** Kanji that begin a name of two read as the Latin word begins (Machimura: 町, 松, 真 ...). */
export function firstKanjiReadAs(latin: string): string[] {
  const key = latinKey(latin);
  firstKeys ??= [...kanjiReadingsOnce().first].map(([k, list]) => [
    k,
    list.map((r) => latinKey(romanize(r))),
  ]);
  const out: string[] = [];
  for (const [k, keys] of firstKeys) if (keys.some((r) => key.startsWith(r))) out.push(k);
  return out;
}

/** Latin spellings of a kanji family name, capitalised: 川口 -> Kawaguchi; 河野 -> Kono, Kawano. */
export function latinFamilyNames(kanji: string): string[] {
  // As written in Hepburn (Kouno) and as the English press writes it (Kono).
  const spellings = (load().readings.get(kanji) ?? []).flatMap((r) => [
    romanize(r),
    latinKey(romanize(r)),
  ]);
  return [...new Set(spellings.filter((r) => r.length >= 2))].map(
    (r) => r[0]!.toUpperCase() + r.slice(1),
  );
}
