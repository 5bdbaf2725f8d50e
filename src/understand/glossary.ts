/**
 * The user-editable glossary (`corpus/glossary.yaml`): cross-language names of people and the
 * recurring terms of this field. Problems in the file are reported with file and line, never
 * thrown: a broken entry is skipped and the rest is used.
 */
import { readFile } from 'node:fs/promises';
import type { Node, YAMLMap } from 'yaml';
import { canonicalCountry } from './countries.ts';
import { crossNameKey, englishNameKey, normalizeForm } from './people/names.ts';
import type { Person } from './people/types.ts';
import { soundsAlike } from './people/soundKey.ts';
import { kanjiFamilyNames, readsAsComposed } from './people/familyNames.ts';
import { yamlModule } from './tableFile.ts';

export interface GlossaryPerson {
  ja: string[];
  en: string[];
  role?: { ja?: string; en?: string };
}

export interface GlossaryTerm {
  ja: string[];
  en: string[];
  /** A capital city's country: a statement of a visit to that country took place there (来日, ドイツを訪問中). */
  capitalOf?: string;
}

/** Words a question may use for the same thing, in either language; `event` names a kind of event. */
export interface SynonymGroup {
  words: string[];
  /** A kind of event (call, meeting, visit, meal...): a question naming one is not answered by another. */
  event?: string;
}

export interface Glossary {
  people: GlossaryPerson[];
  terms: GlossaryTerm[];
  synonyms: SynonymGroup[];
}

export interface GlossaryProblem {
  file: string;
  line: number;
  message: string;
}

export const EMPTY_GLOSSARY: Glossary = { people: [], terms: [], synonyms: [] };

export function parseGlossary(
  yamlText: string,
  file: string,
): { glossary: Glossary; problems: GlossaryProblem[] } {
  const { LineCounter, isMap, isScalar, isSeq, parseDocument } = yamlModule();
  const lineCounter = new LineCounter();
  const problems: GlossaryProblem[] = [];
  const glossary: Glossary = { people: [], terms: [], synonyms: [] };
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const lineOf = (node: Node | null | undefined): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  const problem = (line: number, message: string): void => {
    problems.push({ file, line, message });
  };

  for (const e of doc.errors)
    problem(lineCounter.linePos(e.pos[0]).line, e.message.split('\n')[0] ?? 'invalid YAML');
  if (doc.errors.length > 0) return { glossary, problems };
  const root = doc.contents;
  if (root === null) return { glossary, problems };
  if (!isMap(root)) {
    problem(lineOf(root), 'the glossary must be a mapping with `people:` and `terms:` lists');
    return { glossary, problems };
  }

  /** A string or a list of strings, as a non-empty list. */
  const names = (entry: YAMLMap, key: 'ja' | 'en', what: string): string[] | undefined => {
    const node = entry.get(key, true) as Node | undefined;
    if (node === undefined) {
      problem(lineOf(entry), `${what} has no \`${key}:\``);
      return undefined;
    }
    const items = isSeq(node) ? node.items : [node];
    const out: string[] = [];
    for (const item of items) {
      if (
        isScalar(item) &&
        (typeof item.value === 'string' || typeof item.value === 'number') &&
        String(item.value).trim() !== ''
      ) {
        out.push(String(item.value).trim());
      } else {
        problem(lineOf(item as Node), `${what}: \`${key}:\` must be a name or a list of names`);
      }
    }
    if (out.length === 0) {
      problem(lineOf(node), `${what}: \`${key}:\` is empty`);
      return undefined;
    }
    return out;
  };

  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    if (key !== 'people' && key !== 'terms' && key !== 'synonyms') {
      problem(
        lineOf(pair.key as Node),
        `unknown section \`${key}\` (expected \`people\`, \`terms\` or \`synonyms\`)`,
      );
      continue;
    }
    if (value === null || (isScalar(value) && value.value === null)) continue;
    if (!isSeq(value)) {
      problem(lineOf(value), `\`${key}:\` must be a list of entries`);
      continue;
    }
    for (const item of value.items) {
      const node = item as Node;
      const what = `${key} entry at line ${lineOf(node)}`;
      if (key === 'synonyms') {
        const group = synonymGroup(node, what, lineOf, problem);
        if (group) glossary.synonyms.push(group);
        continue;
      }
      if (!isMap(node)) {
        problem(lineOf(node), `${what} must be a mapping with \`ja:\` and \`en:\``);
        continue;
      }
      for (const p of node.items) {
        const k = isScalar(p.key) ? String(p.key.value) : '';
        const allowed = key === 'people' ? ['ja', 'en', 'role'] : ['ja', 'en', 'capitalOf'];
        if (!allowed.includes(k)) problem(lineOf(p.key as Node), `${what}: unknown field \`${k}\``);
      }
      const ja = names(node, 'ja', what);
      const en = names(node, 'en', what);
      if (!ja || !en) continue;
      if (key === 'terms') {
        const capital = node.get('capitalOf');
        glossary.terms.push({
          ja,
          en,
          ...(typeof capital === 'string' ? { capitalOf: capital } : {}),
        });
        continue;
      }
      const person: GlossaryPerson = { ja, en };
      const roleNode = node.get('role', true) as Node | undefined;
      if (roleNode !== undefined) {
        if (isMap(roleNode)) {
          const role: { ja?: string; en?: string } = {};
          for (const lang of ['ja', 'en'] as const) {
            const v = roleNode.get(lang);
            if (typeof v === 'string' && v.trim() !== '') role[lang] = v.trim();
            else if (v !== undefined)
              problem(lineOf(roleNode), `${what}: \`role.${lang}\` must be text`);
          }
          person.role = role;
        } else {
          problem(
            lineOf(roleNode),
            `${what}: \`role:\` must be a mapping like { ja: 外務大臣, en: Foreign Minister }`,
          );
        }
      }
      glossary.people.push(person);
    }
  }
  return { glossary, problems };
}

/** One `synonyms:` entry: `{ words: [...] }`, with `event: name` for kinds of event. */
function synonymGroup(
  node: Node,
  what: string,
  lineOf: (node: Node | null | undefined) => number,
  problem: (line: number, message: string) => void,
): SynonymGroup | undefined {
  const { isMap, isScalar, isSeq } = yamlModule();
  if (!isMap(node)) {
    problem(lineOf(node), `${what} must be a mapping with \`words:\``);
    return undefined;
  }
  for (const p of node.items) {
    const k = isScalar(p.key) ? String(p.key.value) : '';
    if (k !== 'words' && k !== 'event')
      problem(lineOf(p.key as Node), `${what}: unknown field \`${k}\``);
  }
  const wordsNode = node.get('words', true) as Node | undefined;
  const words =
    wordsNode && isSeq(wordsNode)
      ? wordsNode.items.flatMap((w) =>
          isScalar(w) && String(w.value ?? '').trim() ? [String(w.value).trim()] : [],
        )
      : [];
  if (words.length < 2) {
    problem(lineOf(wordsNode ?? node), `${what}: \`words:\` must list at least two words`);
    return undefined;
  }
  const event = node.get('event');
  if (event !== undefined && (typeof event !== 'string' || !event.trim())) {
    problem(lineOf(node), `${what}: \`event:\` must be a name such as call or visit`);
    return { words };
  }
  return event ? { words, event: String(event).trim() } : { words };
}

/** Reads a glossary file; a missing file is an empty glossary, not a problem. */
export async function loadGlossary(
  path: string,
  displayName = path,
): Promise<{ glossary: Glossary; problems: GlossaryProblem[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      return { glossary: { people: [], terms: [], synonyms: [] }, problems: [] };
    return {
      glossary: { people: [], terms: [], synonyms: [] },
      problems: [{ file: displayName, line: 1, message: `cannot read: ${(err as Error).message}` }],
    };
  }
  return parseGlossary(text, displayName);
}

/**
 * All forms equivalent to `word` (in either language) according to the glossary's terms and
 * people, normalized; empty if the glossary does not know the word. For query expansion.
 */
export function equivalents(glossary: Glossary, word: string): string[] {
  const w = normalizeForm(word);
  const out = new Set<string>();
  for (const entry of [...glossary.terms, ...glossary.people]) {
    const forms = [...entry.ja, ...entry.en].map(normalizeForm);
    if (forms.includes(w)) for (const f of forms) out.add(f);
  }
  return [...out];
}

/**
 * What pairing people reads of a glossary, worked out once per glossary instead of for every pair
 * of every answer (normalizing every form each time was a tenth of a /who): the glossary entries
 * of each name key, the English keys of each entry, and the term groups of each normalized form.
 * Made again if entries were added since (a glossary is filled as its files are read).
 */
interface GlossaryKeys {
  people: number;
  terms: number;
  entriesByName: Map<string, number[]>;
  englishKeys: string[][];
  termGroups: { ja: Map<string, Set<number>>; en: Map<string, Set<number>> };
}

const glossaryKeys = new WeakMap<Glossary, GlossaryKeys>();

function keysOf(glossary: Glossary): GlossaryKeys {
  let keys = glossaryKeys.get(glossary);
  if (keys && keys.people === glossary.people.length && keys.terms === glossary.terms.length)
    return keys;
  const entriesByName = new Map<string, number[]>();
  glossary.people.forEach((p, id) => {
    for (const n of [...p.ja, ...p.en]) {
      const k = crossNameKey(n);
      if (!k) continue;
      const list = entriesByName.get(k) ?? [];
      if (!list.includes(id)) list.push(id);
      entriesByName.set(k, list);
    }
  });
  const termGroups = { ja: new Map<string, Set<number>>(), en: new Map<string, Set<number>>() };
  glossary.terms.forEach((t, i) => {
    for (const lang of ['ja', 'en'] as const) {
      for (const f of t[lang]) {
        const form = normalizeForm(f);
        const groups = termGroups[lang].get(form);
        if (groups) groups.add(i);
        else termGroups[lang].set(form, new Set([i]));
      }
    }
  });
  keys = {
    people: glossary.people.length,
    terms: glossary.terms.length,
    entriesByName,
    englishKeys: glossary.people.map((p) => p.en.map(englishNameKey)),
    termGroups,
  };
  glossaryKeys.set(glossary, keys);
  return keys;
}

const NO_GROUPS: ReadonlySet<number> = new Set();

function termGroupsOf(glossary: Glossary, lang: 'ja' | 'en', phrase: string): ReadonlySet<number> {
  return keysOf(glossary).termGroups[lang].get(normalizeForm(phrase)) ?? NO_GROUPS;
}

/** Are these roles the same post, per the glossary's terms (外務大臣 = Foreign Minister)? */
function sameRole(glossary: Glossary, ja: string | undefined, en: string | undefined): boolean {
  if (!ja || !en) return false;
  const a = termGroupsOf(glossary, 'ja', ja);
  const b = termGroupsOf(glossary, 'en', en.replace(/^(?:Deputy|Vice|Acting) /, ''));
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/**
 * Pairs the people of a Japanese and an English text of one event. A pair is made when the names
 * meet: through the glossary, or through the English name written in brackets after the Japanese
 * one (otherNames). People the glossary does not know are paired by role and country when exactly
 * one person on each side holds that post. Japanese order first, then unpaired English people.
 */
export function mergeAcrossLanguages(
  ja: Person[],
  en: Person[],
  glossary: Glossary,
): { ja?: Person; en?: Person }[] {
  // glossary entry ids by normalized name, across both languages
  const { entriesByName: entryByName, englishKeys } = keysOf(glossary);
  const namesOf = (p: Person): string[] => [p.name, ...p.otherNames];
  const identities = (p: Person): Set<string> => {
    const ids = new Set<string>();
    for (const n of namesOf(p)) {
      const k = crossNameKey(n);
      if (!k) continue;
      if (/[A-Za-z]/.test(n)) ids.add(`en:${k}`);
      for (const id of entryByName.get(k) ?? []) {
        ids.add(`g:${id}`);
        for (const e of englishKeys[id]!) ids.add(`en:${e}`);
      }
    }
    return ids;
  };

  const enIds = en.map(identities);
  const used = new Set<number>();
  const pairs: { ja?: Person; en?: Person }[] = [];
  const unpairedJa: number[] = [];
  ja.forEach((j, ji) => {
    const ids = identities(j);
    const match = enIds.findIndex((set, i) => !used.has(i) && [...set].some((x) => ids.has(x)));
    if (match >= 0) {
      used.add(match);
      pairs.push({ ja: j, en: en[match]! });
    } else {
      pairs.push({ ja: j });
      unpairedJa.push(ji);
    }
  });

  // unknown foreign people: a katakana family name that sounds like exactly one English one
  const katakanaFamily = (p: Person): string | undefined => {
    const last = p.name.split('・').at(-1) ?? '';
    return /^[\p{Script=Katakana}ー]+$/u.test(last) ? last : undefined;
  };
  const englishFamily = (p: Person): string | undefined => {
    const tokens = p.name.split(/\s+/).filter((t) => /^[\p{L}'’-]+$/u.test(t));
    return tokens.find((t) => t.length > 1 && t === t.toUpperCase()) ?? tokens.at(-1);
  };
  const soundMatch = (j: Person, e: Person): boolean => {
    const a = katakanaFamily(j);
    const b = englishFamily(e);
    return a !== undefined && b !== undefined && soundsAlike(a, b);
  };
  // Japanese people no glossary lists: a kanji family name read as a word of the English name
  // (辻 Kiyoto Tsuji; English writes Japanese names in either order).
  const readingMatch = (j: Person, e: Person): boolean => {
    if (!/^\p{Script=Han}{1,6}$/u.test(j.name)) return false;
    const words = e.name.split(/\s+/).filter((w) => /^\p{Lu}\p{L}+$/u.test(w));
    return words.some(
      (word) =>
        kanjiFamilyNames(word).some((k) => k.length <= 3 && j.name.startsWith(k)) ||
        readsAsComposed(j.name.slice(0, 2), word),
    );
  };
  // Each pairs a Japanese person with the one English person it fits, when no other fits either.
  for (const fits of [soundMatch, readingMatch]) {
    for (const ji of [...unpairedJa]) {
      const j = ja[ji]!;
      const candidates = en.map((_, i) => i).filter((i) => !used.has(i) && fits(j, en[i]!));
      if (candidates.length !== 1) continue;
      const ei = candidates[0]!;
      if (unpairedJa.filter((other) => fits(ja[other]!, en[ei]!)).length !== 1) continue;
      used.add(ei);
      unpairedJa.splice(unpairedJa.indexOf(ji), 1);
      const slot = pairs.find((p) => p.ja === j);
      if (slot) slot.en = en[ei]!;
    }
  }

  // unknown people: the one holder of the same post for the same country on each side
  const post = (p: Person, lang: 'ja' | 'en', other: Person): boolean => {
    const country = p.affiliation ? canonicalCountry(p.affiliation) : undefined;
    const otherCountry = other.affiliation ? canonicalCountry(other.affiliation) : undefined;
    if (!country || country !== otherCountry) return false;
    return lang === 'ja'
      ? sameRole(glossary, p.role, other.role)
      : sameRole(glossary, other.role, p.role);
  };
  for (const ji of unpairedJa) {
    const j = ja[ji]!;
    const candidates = en.map((_, i) => i).filter((i) => !used.has(i) && post(j, 'ja', en[i]!));
    if (candidates.length !== 1) continue;
    const ei = candidates[0]!;
    const rivals = unpairedJa.filter((other) => post(ja[other]!, 'ja', en[ei]!));
    if (rivals.length !== 1) continue;
    used.add(ei);
    const slot = pairs.find((p) => p.ja === j);
    if (slot) slot.en = en[ei]!;
  }
  en.forEach((e, i) => {
    if (!used.has(i)) pairs.push({ en: e });
  });
  return pairs;
}
