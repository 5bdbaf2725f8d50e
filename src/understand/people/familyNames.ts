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
