/**
 * A question's content words, each with the forms it may take in a statement and how much it
 * decides relevance. Names, places, countries and acronyms are *distinctive*: a statement that
 * lacks one does not answer the question, however many common words it shares. Kinds of event
 * (a call, a visit, a meal) must match too: the date of a call is not the date of a visit.
 */
import { normalize } from '../text/normalize.ts';
import { wholeWordPattern } from '../text/wordBoundary.ts';
import { STOPWORDS } from '../text/stopwords.ts';
import { keywords, wordTerm, type Keyword } from '../text/tokenize.ts';
import { COUNTRIES, EN_COUNTRY_FORMS, JA_COUNTRY_FORMS, JA_ONE_CHAR_COUNTRIES } from '../understand/countries.ts';
import type { Glossary } from '../understand/glossary.ts';
import { EN_HONORIFICS, EN_NOT_NAME_WORDS, EN_TITLES } from '../understand/people/enTitles.ts';
import { JA_TITLES } from '../understand/people/jaTitles.ts';

export interface QuestionTerm {
  /** The words as the question wrote them, for notices. */
  label: string;
  /** Ways a statement may say it (the word, its other-language forms); any one counts. Each form is a list of keywords, all required. */
  forms: Keyword[][];
  /** Other words for the same thing (glossary synonyms): they count, for less. */
  synonyms: Keyword[][];
  /** A name, place, country or acronym: the evidence must contain it. */
  distinctive: boolean;
  /** Kinds of event the term names (call, visit...), from the glossary's synonyms. */
  events: string[];
  /** A title asked about ("the Korean foreign minister"), not one attached to a name or an event. */
  role?: boolean;
  /** A country or a person's name: it identifies the event but is not its topic. */
  identifies?: boolean;
  /** Pieces of a Japanese compound that no statement holds whole: each counts for part of it. */
  part?: boolean;
  /** A country the people asked about come from ("who represented India", 米国から参加したのは). */
  side?: boolean;
}

/** Question words and verbs of asking that carry no topic. */
const EN_FRAME = new Set(
  `did does do is was were are be been has have had who whom whose when what which where how why long
  many much time date day took take taken part happen happened place held hold about regarding any
  there their they anyone someone somebody one ones`.split(/\s+/),
);
const JA_FRAME = new Set(['何', '誰', '時', '方', '事', '等', '者', '中', '際', '上', '内', '日', '月', '年', '分', '間', '頃']);

/** Capitalised words of country names (Korea, Japan): distinctive, unlike other capitalised nouns. */
const COUNTRY_WORDS = new Set(
  COUNTRIES.flatMap((c) => [c.name, ...c.en].flatMap((f) => f.split(/\s+/))).filter((w) => /^[A-Z]/.test(w)).map((w) => w.toLowerCase()),
);

/** Capitalised words that are common nouns of the genre: capitals do not make them names. */
const EN_GENERIC_CAPITALS = new Set([
  ...[...EN_NOT_NAME_WORDS].filter((w) => !/^[A-Z0-9]{2,}$/.test(w) && !COUNTRY_WORDS.has(w.toLowerCase())),
  'Talk', 'Talks', 'Call', 'Conference', 'Video', 'Telephone', 'Phone', 'Visit', 'Lunch', 'Dinner', 'Press',
  'Quote', 'Please', 'Tell', 'Show', 'Find', 'List', 'Give',
]);

/** Lower-cased words of English titles (minister, secretary, president...): what a role question asks for. */
const EN_ROLE_WORDS = (() => {
  const words = new Set<string>();
  for (const phrase of EN_TITLES.phrases()) {
    for (const w of phrase.split(/[\s-]+/)) if (/^[A-Z]/.test(w)) words.add(stemOf(w.toLowerCase()));
  }
  for (const w of ['vice', 'deputy', 'acting', 'foreign', 'official', 'leader', 'spokesperson', 'envoy', 'counterpart']) words.add(stemOf(w));
  return words;
})();

function stemOf(word: string): string {
  return wordTerm(word) ?? word;
}

/** A form as text again: Japanese keywords run together, English words spaced. */
export function formText(form: readonly Keyword[]): string {
  return form.map((k) => k.text).join(form[0]?.kind === 'cjk' ? '' : ' ');
}

function keywordsOf(form: string): Keyword[] {
  return keywords(normalize(form));
}

/** Glossary and country-table forms of a word, in both languages, plus its synonyms. */
/** The glossary's tables as lookups, built once per glossary: questions are many, glossaries few. */
interface Lookups {
  /** Normalized form -> every form of its glossary entries and countries. */
  forms: Map<string, Set<string>>;
  /** Normalized word, or its English stems, -> synonym groups. */
  synonyms: Map<string, number[]>;
  /** Synonym phrases, longest first, by script; each pattern compiled when a text first holds the phrase. */
  phrases: { latin: boolean; phrase: string; re?: RegExp }[];
  /** Finished terms by label. */
  terms: Map<string, { forms: Keyword[][]; synonyms: Keyword[][]; events: string[] } | null>;
}

const lookups = new WeakMap<Glossary, Lookups>();

function lookupsOf(glossary: Glossary): Lookups {
  let l = lookups.get(glossary);
  if (l) return l;
  const forms = new Map<string, Set<string>>();
  const addGroup = (all: string[]) => {
    for (const f of all) {
      const key = normalize(f);
      const set = forms.get(key) ?? new Set<string>();
      all.forEach((x) => set.add(x));
      forms.set(key, set);
    }
  };
  for (const entry of [...glossary.terms, ...glossary.people]) addGroup([...entry.ja, ...entry.en]);
  // A person is asked about by family name (ルビオ長官, 茂木大臣, "Rubio"): each part of a name
  // finds the person's names and name parts in both languages.
  for (const person of glossary.people) {
    const parts = [...person.ja.flatMap(jaNameParts), ...person.en.flatMap((n) => n.split(/[\s.]+/).filter((w) => w.length >= 3))];
    const all = [...person.ja, ...person.en, ...parts];
    for (const part of parts) {
      const set = forms.get(normalize(part)) ?? new Set<string>();
      all.forEach((x) => set.add(x));
      forms.set(normalize(part), set);
    }
  }
  for (const c of COUNTRIES) addGroup([c.name, ...c.ja, ...c.en]);
  const synonyms = new Map<string, number[]>();
  glossary.synonyms.forEach((g, i) => {
    for (const w of g.words) {
      for (const key of new Set([normalize(w), ...(isLatin(w) ? [stemPhrase(w)] : [])])) synonyms.set(key, [...(synonyms.get(key) ?? []), i]);
    }
  });
  const phrases = [...new Set(glossary.synonyms.flatMap((g) => g.words).map((w) => normalize(w)))]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => ({ latin: isLatin(phrase), phrase }));
  l = { forms, synonyms, phrases, terms: new Map() };
  lookups.set(glossary, l);
  return l;
}

/** Parts of a Japanese name a question may use alone: katakana family names, kanji name heads. */
function jaNameParts(name: string): string[] {
  if (/[・･]/.test(name)) return name.split(/[・･]/).filter((p) => p.length >= 2);
  // Kanji names carry no separator: the first two or three characters are the usual family name.
  return [2, 3].filter((n) => name.length > n).map((n) => name.slice(0, n));
}

function formsOf(word: string, glossary: Glossary): { forms: string[]; synonyms: string[]; events: string[] } {
  const l = lookupsOf(glossary);
  const key = normalize(word);
  const forms = new Set<string>([word, ...(l.forms.get(key) ?? [])]);
  const synonyms = new Set<string>();
  const events = new Set<string>();
  const groups = new Set([...(l.synonyms.get(key) ?? []), ...(isLatin(word) ? l.synonyms.get(stemPhrase(word)) ?? [] : [])]);
  for (const i of groups) {
    const g = glossary.synonyms[i]!;
    g.words.forEach((w) => synonyms.add(w));
    if (g.event) events.add(g.event);
  }
  return { forms: [...forms], synonyms: [...synonyms].filter((w) => !forms.has(w)), events: [...events] };
}

function isLatin(s: string): boolean {
  return /^[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]*$/u.test(s);
}

function stemPhrase(s: string): string {
  return keywordsOf(s)
    .map((k) => k.terms.join('+'))
    .join(' ');
}

function term(label: string, glossary: Glossary, extra: Partial<QuestionTerm> = {}): QuestionTerm | undefined {
  const cache = lookupsOf(glossary).terms;
  let made = cache.get(label);
  if (made === undefined) {
    const { forms, synonyms, events } = formsOf(label, glossary);
    const lists = forms.map(keywordsOf).filter((l) => l.length > 0);
    made = lists.length ? { forms: lists, synonyms: synonyms.map(keywordsOf).filter((l) => l.length > 0), events } : null;
    // Bounded: question words are open-ended.
    if (cache.size > 5000) cache.clear();
    cache.set(label, made);
  }
  if (!made) return undefined;
  return { label, ...made, distinctive: false, ...extra };
}

/** Synonym phrases of the glossary found in a text, longest first, as [start, end, phrase]. */
function synonymSpans(text: string, glossary: Glossary, latin: boolean): [number, number, string][] {
  const spans: [number, number, string][] = [];
  const taken = new Uint8Array(text.length);
  for (const entry of lookupsOf(glossary).phrases) {
    const { phrase, latin: l } = entry;
    if (l !== latin || !text.includes(phrase)) continue;
    // Unicode patterns are costly to compile, and most phrases never occur in a question.
    const re = (entry.re ??= l ? wholeWordPattern(phrase, 'gu') : new RegExp(escape(phrase), 'gu'));
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const s = m.index!;
      const e = s + phrase.length;
      if (taken.subarray(s, e).some(Boolean)) continue;
      taken.fill(1, s, e);
      spans.push([s, e, text.slice(s, e)]);
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Words before a country that make it the side of the people asked about: "represented India", "from the U.S.". */
const SIDE_BEFORE = /\b(?:from|represent(?:ed|ing|s)?|for)\s+(?:the\s+)?$/i;

/** Content terms of an English question (the topic left after the question words are removed). */
function englishTerms(topic: string, glossary: Glossary): QuestionTerm[] {
  // Hyphenated country pairs (Japan-U.S.-ROK) are several countries; acronyms lose their dots.
  const text = topic.replace(/\b(?:[A-Za-z]\.){2,}/g, (m) => m.replace(/\./g, '')).replace(/([A-Za-z])-(?=[A-Z])/g, '$1 ');
  const spans = synonymSpans(normalize(text), glossary, true);
  const inSpan = (at: number) => spans.find(([s, e]) => at >= s && at < e);
  interface Token {
    word: string;
    at: number;
    role: boolean;
    name: boolean;
    possessive: boolean;
  }
  const tokens: Token[] = [...text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]*)?/gu)].map((m) => {
    const word = m[0].replace(/['’]s?$/, '');
    const low = word.toLowerCase();
    return {
      word,
      at: m.index!,
      role: EN_ROLE_WORDS.has(stemOf(low)) && !inSpan(m.index!),
      name: /^\p{Lu}/u.test(word) && !EN_ROLE_WORDS.has(stemOf(low)) && !EN_GENERIC_CAPITALS.has(word) && !inSpan(m.index!),
      possessive: /['’]s?$/.test(m[0]),
    };
  });
  const out: QuestionTerm[] = [];
  const used = new Set<[number, number, string]>();
  for (let i = 0; i < tokens.length; i++) {
    const { word, at } = tokens[i]!;
    const span = inSpan(at);
    if (span) {
      if (!used.has(span)) {
        used.add(span);
        const t = term(span[2], glossary);
        if (t) out.push(t);
      }
      continue;
    }
    const low = word.toLowerCase();
    if (STOPWORDS.has(low) || EN_FRAME.has(low) || !wordTerm(low)) continue;
    if (EN_HONORIFICS.some((h) => h.replace(/\.$/, '').toLowerCase() === low)) continue;
    const acronym = /^[A-Z0-9]{2,}$/.test(word) && /[A-Z]/.test(word);
    const country = COUNTRY_WORDS.has(low);
    const distinctive = !tokens[i]!.role && (acronym || country || tokens[i]!.name);
    let role = false;
    if (tokens[i]!.role) {
      // A run of title words asks for a person unless it names one ("Prime Minister Kishida") or
      // qualifies an event ("the foreign ministers' video conference").
      let j = i;
      while (tokens[j + 1]?.role) j++;
      const after = tokens[j + 1];
      role = !tokens[j]!.possessive && !(after && (after.name || inSpan(after.at)));
    }
    const t = term(word, glossary, {
      distinctive,
      ...(role ? { role } : {}),
      ...(distinctive ? { identifies: true } : {}),
      ...(country && SIDE_BEFORE.test(text.slice(Math.max(0, at - 20), at)) ? { side: true } : {}),
    });
    if (t) out.push(t);
  }
  return out;
}

const CJK_PIECE = /[\p{Script=Han}\u3005\u3006]+|[\p{Script=Katakana}\u30FC]+/gu;

/** Content terms of a Japanese question: chunks between particles, split where the script changes. */
function japaneseTerms(topic: string, glossary: Glossary): QuestionTerm[] {
  const out: QuestionTerm[] = [];
  const text = normalize(topic);
  const spans = synonymSpans(text, glossary, false);
  let rest = '';
  let last = 0;
  const pieces: { text: string; event?: true }[] = [];
  for (const [s, e, p] of spans) {
    rest = text.slice(last, s);
    pieces.push({ text: rest }, { text: p, event: true });
    last = e;
  }
  pieces.push({ text: text.slice(last) });
  for (const [n, piece] of pieces.entries()) {
    if (piece.event) {
      const t = term(piece.text, glossary);
      if (t) out.push(t);
      continue;
    }
    // Latin words inside a Japanese question (ICBM, G7) are handled as in English.
    for (const m of piece.text.matchAll(/[a-z0-9]+(?:[.-][a-z0-9]+)*/g)) {
      const t = term(m[0], glossary, { distinctive: /[a-z]/.test(m[0]), identifies: true });
      if (t) out.push(t);
    }
    let katakanaEnd = -1;
    const gluedToEvent = pieces[n + 1]?.event === true;
    for (const m of piece.text.matchAll(CJK_PIECE)) {
      // A title glued to a katakana name (ルビオ長官) belongs to that name; one glued to an
      // event noun (外相電話会談) qualifies the event.
      const qualifies = gluedToEvent && m.index! + m[0].length === piece.text.length;
      const made = japaneseChunk(m[0], glossary, m.index === katakanaEnd, qualifies);
      // 米国から参加したのは, 豪州の参加者: the country the people asked about come from.
      const after = piece.text.slice(m.index! + m[0].length);
      if (/^(?:から|の(?:参加者|出席者|代表))/.test(after)) for (const t of made) if (t.distinctive && JA_COUNTRY_FORMS.includes(normalize(t.label))) t.side = true;
      out.push(...made);
      katakanaEnd = /^[\p{Script=Katakana}\u30FC]/u.test(m[0]) ? m.index! + m[0].length : -1;
    }
  }
  return out;
}

/** One kanji or katakana run: countries split out, titles told apart from names and event nouns. */
function japaneseChunk(chunk: string, glossary: Glossary, afterName = false, beforeEvent = false): QuestionTerm[] {
  const out: QuestionTerm[] = [];
  if (/^[\p{Script=Katakana}\u30FC]+$/u.test(chunk)) {
    if (chunk.length < 2) return out;
    const t = term(chunk, glossary, { distinctive: true, identifies: true });
    return t ? [t] : out;
  }
  let s = chunk;
  // 日米韓, 日加, 日仏: one-character country abbreviations in a row.
  let abbr = 0;
  while (abbr < s.length && (s[abbr] === '日' || JA_ONE_CHAR_COUNTRIES[s[abbr]!] !== undefined)) abbr++;
  if (abbr >= 2) {
    const t = term(s.slice(0, abbr), glossary, { distinctive: true, identifies: true });
    if (t) out.push(t);
    s = s.slice(abbr);
  }
  // Country names inside a compound (韓国外交部長官).
  for (const form of JA_COUNTRY_FORMS) {
    const at = s.indexOf(form);
    if (at === -1 || form.length < 2) continue;
    out.push(...japaneseChunk(s.slice(0, at), glossary, afterName));
    const t = term(form, glossary, { distinctive: true, identifies: true });
    if (t) out.push(t);
    s = s.slice(at + form.length);
    const tail = japaneseChunk(s, glossary, false, beforeEvent);
    // A title right after a country is the role asked about (韓国 + 外交部長官).
    return [...out, ...tail];
  }
  if (s.length < 2 || JA_FRAME.has(s)) return out;
  const title = titleAtEnd(s);
  if (title !== undefined) {
    const before = s.slice(0, s.length - title.length).replace(/[前元現新]$/, '');
    if ((afterName || beforeEvent) && before.length === 0) {
      const t = term(title, glossary);
      if (t) out.push(t);
      return out;
    }
    if (before.length >= 1 && !JA_FRAME.has(before)) {
      // 上川大臣, 林前大臣: a name with its title, which identifies a person rather than asking for one.
      const t = term(before.length >= 2 ? before : s, glossary, { identifies: true });
      if (t) out.push(t);
      return out;
    }
    const t = term(title, glossary, { role: true });
    if (t) out.push(t);
    return out;
  }
  const t = term(s, glossary);
  if (t) out.push(t);
  return out;
}

/** The longest Japanese title that ends a chunk (外交部長官, 大統領権限代行 -> 大統領...). */
function titleAtEnd(s: string): string | undefined {
  for (let i = 0; i < s.length; i++) {
    const m = JA_TITLES.matchAt(s, i);
    if (m && (m.end === s.length || /^(?:権限)?代行$|^代理$/.test(s.slice(m.end)))) return s.slice(i);
  }
  return undefined;
}

export function questionTerms(topic: string, glossary: Glossary): QuestionTerm[] {
  const ja = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(topic);
  const terms = ja ? japaneseTerms(topic, glossary) : englishTerms(topic, glossary);
  // One term per label.
  const seen = new Set<string>();
  return terms.filter((t) => {
    const k = normalize(t.label);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
