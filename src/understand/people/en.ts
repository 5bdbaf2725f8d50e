/**
 * Mentions of people in English readouts and joint statements. A person needs a context: a title
 * before the name ("U.S. Secretary of State Michael R. Pompeo"), a title after it ("Kang Kyung-wha,
 * Minister of Foreign Affairs of the Republic of Korea"), or an honorific ("H.E. Ms. Kang Kyung-wha").
 * Capitalised words alone (sentence starts, "Korean Peninsula", "Security Council") never make one.
 */
import { lowerBound } from '../../text/sorted.ts';
import { EN_COUNTRY_FORMS, canonicalCountry } from '../countries.ts';
import { escapeRegExp } from '../../text/regexp.ts';
import {
  EN_HONORIFICS,
  EN_LOWER_CASE_ROLES,
  EN_MODIFIERS,
  EN_NAME_PARTICLES,
  EN_NOT_NAME_WORDS,
  EN_PEERAGES,
  EN_PORTFOLIO_WORDS,
  EN_POST_NOMINALS,
  EN_TITLES,
  type EnTitleInfo,
} from './enTitles.ts';
import type { Paragraphlike, RawMention } from './types.ts';

const MAX_NAME_TOKENS = 5;
/** A name word: Pompeo, MOTEGI, Tae-yul, O'Brien; or an initial: J., or initials run together: E.D. */
const TOKEN = /(?:\p{Lu}\.){2,3}(?!\p{L})|[‘ʻ]?\p{Lu}[\p{L}'’]*(?:-\p{L}+)*\.?/uy;
const WHOLE_TOKEN = new RegExp(`^${TOKEN.source}$`, 'u');
const ABBREVIATIONS = new Set([
  'U.S',
  'U.K',
  'U.N',
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'H.E',
  'St',
  'No',
  'Jr',
  'Sr',
  'Hon',
  'Prof',
  'Gen',
  'Lt',
  'Col',
  'Rt',
  'a.m',
  'p.m',
  'Amb',
]);
const CUE =
  /\b(?:met|meets|meet|meeting|meetings|spoke|speaks|talk|talks|talked|conversation|hosted|hosts|convened|teleconference|videoconference|phone|telephone|call|calls|received|receives|welcomed|participants|participated)\b|\bjoint statement by\b|\bstatement by\b/gi;
const NOT_WITH_PARTNER =
  /\b(?:discuss|discussed|discussing|about|regarding|concerning|remarks|statement|visit|on behalf)\b/i;

function isLetter(c: string | undefined): boolean {
  if (c === undefined) return false;
  const x = c.charCodeAt(0);
  return (x >= 65 && x <= 90) || (x >= 97 && x <= 122) || (x >= 0xc0 && x <= 0x24f);
}

/** Honorifics followed by their space, and their first letters: checked at every capital. */
const HONORIFICS_SPACED = EN_HONORIFICS.map((h) => `${h} `);
const HONORIFIC_FIRST = new Set(EN_HONORIFICS.map((h) => h[0]!));
const honorificAt = (text: string, pos: number): string | undefined =>
  HONORIFIC_FIRST.has(text[pos] ?? '')
    ? HONORIFICS_SPACED.find((h) => text.startsWith(h, pos))?.slice(0, -1)
    : undefined;

const UPPER = /^\p{Lu}$/u;
function isUpper(c: string | undefined): boolean {
  if (c === undefined) return false;
  return (c >= 'A' && c <= 'Z') || (c > '\u00bf' && UPPER.test(c));
}

interface NameRead {
  start: number;
  end: number;
  name: string;
  words: number;
  possessive: boolean;
  /** End of letters after the name (MP, OBE), when there are some. */
  postEnd?: number | undefined;
}

function isStopWord(word: string): boolean {
  return (
    EN_NOT_NAME_WORDS.has(word) ||
    EN_HONORIFICS.includes(word) ||
    EN_HONORIFICS.includes(`${word}.`)
  );
}

/** A lower-case name particle at `p` followed by a capitalised word: "bin Zayed", "de Palacio". */
function particleAt(text: string, p: number, depth = 0): number {
  let e = p;
  while (e < text.length && e - p < 6 && /[a-z]/.test(text[e]!)) e++;
  // "Bashar al-Assad": a particle joined by a hyphen, "ibn Saud" by a space.
  if (e === p || (text[e] !== ' ' && text[e] !== '-') || !EN_NAME_PARTICLES.has(text.slice(p, e)))
    return -1;
  if (isUpper(text[e + 1])) return e + 1;
  // "Ursula von der Leyen", "Jan van der Berg": two particles in a row.
  return depth === 0 ? particleAt(text, e + 1, 1) : -1;
}

/**
 * Reads a name starting at `pos`: capitalised or upper-case words and initials, single-spaced, with
 * particles (bin, de, van) between them, "Jr." after them, and for a peer " of Place". Letters after
 * the name (MP, OBE) end it; `end` then covers them, `name` does not.
 */
function readNameForward(text: string, pos: number, peer = false): NameRead | undefined {
  const parts: { start: number; end: number; initial: boolean }[] = [];
  let p = pos;
  let possessive = false;
  let postEnd = -1;
  while (parts.length < MAX_NAME_TOKENS + 2) {
    TOKEN.lastIndex = p;
    const m = TOKEN.exec(text);
    if (!m) {
      // A particle inside or at the head of a name: "Albert F. del Rosario", "Secretary del Rosario".
      const next = particleAt(text, p);
      if (next < 0) break;
      p = next;
      continue;
    }
    let word = m[0];
    let end = p + word.length;
    if (isLetter(text[end]) || /[0-9]/.test(text[end] ?? '')) break;
    const initial = /^(?:\p{Lu}\.)+$/u.test(word);
    let sentenceEnd = false;
    if (parts.length > 0 && /^(?:Jr|Sr)\.?$/.test(word)) {
      parts.push({ start: p, end, initial: false });
      if (text[end] !== ' ' || !isUpper(text[end + 1])) break;
      p = end + 1;
      continue;
    }
    if (!initial && word.endsWith('.')) {
      word = word.slice(0, -1);
      end--;
      sentenceEnd = true;
    }
    const ownerOf = /['’]s$/.test(word);
    if (ownerOf) {
      word = word.slice(0, -2);
      end -= 2;
    }
    if (parts.length > 0 && EN_POST_NOMINALS.has(word)) {
      // "David Lammy MP", "Sir Philip Barton KCMG OBE"
      postEnd = end;
      while (text[postEnd] === ' ') {
        TOKEN.lastIndex = postEnd + 1;
        const more = TOKEN.exec(text);
        if (!more || !EN_POST_NOMINALS.has(more[0].replace(/\.$/, ''))) break;
        postEnd = postEnd + 1 + more[0].replace(/\.$/, '').length;
      }
      break;
    }
    if (word.length === 0 || isStopWord(word) || isStopWord(word.replace(/['’]$/, ''))) break;
    parts.push({ start: p, end, initial });
    possessive = ownerOf;
    if (ownerOf || sentenceEnd) break;
    const comma = /^, ([A-Z][A-Za-z.]{1,5})(?=[,;. ]|$)/.exec(text.slice(end, end + 10));
    if (comma && EN_POST_NOMINALS.has(comma[1]!.replace(/\.$/, ''))) {
      // "Anthony Albanese, MP, Prime Minister of ..."
      parts.push({ start: p, end, initial: false });
      parts.pop();
      postEnd = end + comma[0].length;
      break;
    }
    if (text.startsWith(', Jr.', end) || text.startsWith(', Sr.', end)) {
      // "Joseph R. Biden, Jr.": the suffix after a comma stays in the mention, out of the name
      postEnd = end + 5;
      break;
    }
    if (peer && text.startsWith(' of ', end) && isUpper(text[end + 4])) {
      // "Lord Bruce of Bennachie": the territorial designation is part of a peer's name
      TOKEN.lastIndex = end + 4;
      const place = TOKEN.exec(text);
      if (place) {
        const placeEnd = end + 4 + place[0].replace(/\.$/, '').length;
        parts.push({ start: end + 4, end: placeEnd, initial: false });
        break;
      }
    }
    if (text[end] !== ' ') break;
    p = end + 1;
  }
  while (parts.length > 0 && parts[parts.length - 1]!.initial) parts.pop();
  if (parts.length === 0 || parts.every((x) => x.initial)) return undefined;
  const last = parts[parts.length - 1]!;
  return {
    start: parts[0]!.start,
    end: last.end,
    name: text.slice(parts[0]!.start, last.end),
    words: parts.filter((x) => !x.initial).length,
    possessive,
    postEnd: postEnd > last.end ? postEnd : undefined,
  };
}

/** Reads a name ending at `end` (exclusive), backwards, for "Name, Title of Country". */
function readNameBackward(text: string, end: number): NameRead | undefined {
  const starts: number[] = [];
  let e = end;
  let nameEnd = end;
  let words = 0;
  while (starts.length < MAX_NAME_TOKENS) {
    let s = e;
    while (s > 0 && e - s < 40 && (/[A-Za-z'’.-]/.test(text[s - 1]!) || isLetter(text[s - 1]))) s--;
    if (s === e) break;
    const word = text.slice(s, e);
    if (words === 0 && starts.length === 0 && EN_POST_NOMINALS.has(word.replace(/\.$/, ''))) {
      // "Anthony Albanese, MP, Prime Minister": skip the letters after the name
      let b = s;
      if (text[b - 1] === ' ') b--;
      if (text[b - 1] === ',') b--;
      if (text[b - 1] === ' ') b--;
      if (b === s) break;
      e = b;
      nameEnd = b;
      continue;
    }
    if (starts.length > 0 && EN_NAME_PARTICLES.has(word) && s > 0 && text[s - 1] === ' ') {
      starts.push(s);
      e = s - 1;
      continue;
    }
    const whole = WHOLE_TOKEN.test(word);
    if (!whole || isStopWord(word.replace(/\.$/, ''))) break;
    if (word.endsWith('.') && !/^[A-Z]\.$/.test(word)) break;
    if (!/^[A-Z]\.$/.test(word)) words++;
    starts.push(s);
    if (s === 0 || text[s - 1] !== ' ') break;
    e = s - 1;
  }
  if (words === 0) return undefined;
  const start = starts[starts.length - 1]!;
  return { start, end: nameEnd, name: text.slice(start, nameEnd), words, possessive: false };
}

/** Honorifics ending at `end`: "H.E. Mr. " before a name. Returns where they start. */
function honorificsBefore(text: string, end: number): number {
  let p = end;
  for (let guard = 0; guard < 4; guard++) {
    if (text[p - 1] !== ' ') break;
    const h = EN_HONORIFICS.find(
      (x) => text.startsWith(x, p - 1 - x.length) && !isLetter(text[p - 2 - x.length]),
    );
    if (!h) break;
    p = p - 1 - h.length;
  }
  return p;
}

/** Honorifics starting at `pos`: returns the position after them (and their space). */
function honorificsAfter(text: string, pos: number): number {
  let p = pos;
  for (let guard = 0; guard < 4; guard++) {
    const h = honorificAt(text, p);
    if (!h) break;
    p += h.length + 1;
  }
  return p;
}

const STATE_FORMS = [
  'the Kingdom of ',
  'the Republic of ',
  'the Federal Republic of ',
  'the Commonwealth of ',
  'the State of ',
  'the Federated States of ',
  'the Islamic Republic of ',
  'the United Republic of ',
  'the Sultanate of ',
  'the Principality of ',
  'the Grand Duchy of ',
  'the Democratic Republic of ',
  'the Socialist Republic of ',
];

/** " of the Republic of Korea" after a title. */
function ofCountryAfter(
  text: string,
  pos: number,
  connector = ' of ',
): { country: string; end: number } | undefined {
  if (!text.startsWith(connector, pos)) return undefined;
  const p = pos + connector.length;
  // "of the Kingdom of Spain", "of the Commonwealth of Australia": the state's long form
  const state = STATE_FORMS.find((f) => text.startsWith(f, p));
  if (state) {
    const rest = ofCountryAfter(text, p + state.length - 4, ' of ');
    if (rest) return rest;
  }
  for (const { form, country } of EN_COUNTRY_FORMS) {
    let end = -1;
    if (text.startsWith(form, p) && !isLetter(text[p + form.length])) end = p + form.length;
    else if (text.startsWith(`the ${form}`, p) && !isLetter(text[p + 4 + form.length]))
      end = p + 4 + form.length;
    if (end < 0) continue;
    // "of the French Republic", "of the Italian Republic": the adjective and the kind of state.
    const state = /^ (?:Republic|Kingdom|Federation|Confederation|Commonwealth|State)\b/.exec(
      text.slice(end, end + 16),
    );
    if (state) end += state[0].length;
    // "of the Republic of Korea (RoK)": an abbreviation in brackets is part of the name.
    const abbreviation = /^ \([A-Za-z.]{2,8}\)/.exec(text.slice(end, end + 12));
    if (abbreviation) end += abbreviation[0].length;
    return { country: country.name, end };
  }
  return undefined;
}

const CONNECTOR_WORDS = new Set(['and', 'the', 'of', 'for', 'to']);

/**
 * The portfolio after a title: " of External Affairs", " for East Asian and Pacific Affairs".
 * `closed` (a name follows) accepts only portfolio words; otherwise any capitalised word. Stops
 * before " of [the] <country>", which is the affiliation. Returns the end of the role.
 */
function portfolioAfter(text: string, pos: number, closed: boolean): number {
  // "Minister of Foreign Affairs and Cooperation", "Ambassador to Australia": the portfolio goes on
  // after a connector when a capitalised word follows it.
  // "Deputy Prime Minister and Finance Minister Taro Aso" is two titles: only a portfolio word
  // continues after "and", only a country after "to".
  const next = /^ (and|to) (?:the )?([\p{L}-]+)/u.exec(text.slice(pos, pos + 40));
  const goesOn =
    next !== null &&
    (next[1] === 'and'
      ? EN_PORTFOLIO_WORDS.has(next[2]!) &&
        !/^ and \S+ (?:Minister|Secretary)\b/.test(text.slice(pos, pos + 60))
      : EN_COUNTRY_FORMS.some(({ form }) =>
          text.startsWith(form, pos + next[0].length - next[2]!.length),
        ));
  if (!text.startsWith(' of ', pos) && !text.startsWith(' for ', pos) && !goesOn) return pos;
  let end = pos;
  let p = pos + 1;
  for (let words = 0; words < 12; words++) {
    if (text.startsWith('of ', p) && ofCountryAfter(text, p - 1)) break;
    let e = p;
    while (e < text.length && e - p < 30 && /[A-Za-z'’-]/.test(text[e]!)) e++;
    const word = text.slice(p, e);
    if (word.length === 0) break;
    // "… for Foreign Affairs and Amb. Tibor Nagy": an honorific starts the next person.
    if (honorificsAfter(text, p) > p) break;
    const ok = closed
      ? EN_PORTFOLIO_WORDS.has(word)
      : CONNECTOR_WORDS.has(word) || isUpper(word[0]);
    if (!ok) break;
    if (!CONNECTOR_WORDS.has(word)) end = e;
    if (text[e] !== ' ') break;
    p = e + 1;
  }
  return end;
}

interface Qualifiers {
  start: number;
  affiliation?: string;
  former: boolean;
  acting: boolean;
  deputy: boolean;
  /** "Deputy", "Vice": part of the role as written. */
  rolePrefix: string;
}

/** Nationality and modifiers before a title: "former U.S.", "Republic of Korea (ROK)", "Deputy". */
function qualifiersBefore(text: string, titleStart: number): Qualifiers {
  const q: Qualifiers = {
    start: titleStart,
    former: false,
    acting: false,
    deputy: false,
    rolePrefix: '',
  };
  let p = titleStart;
  for (let guard = 0; guard < 5; guard++) {
    if (text[p - 1] !== ' ') break;
    let e = p - 1;
    // "(ROK)" between the country and the title
    if (text[e - 1] === ')') {
      const open = text.lastIndexOf('(', e - 1);
      if (
        open >= 0 &&
        e - open <= 12 &&
        /^\([A-Z.]+\)$/.test(text.slice(open, e)) &&
        text[open - 1] === ' '
      )
        e = open - 1;
    }
    // "France's President Emmanuel Macron": the country in the possessive.
    const possessive = /['’]s$/.test(text.slice(e - 2, e)) ? 2 : 0;
    const before = text.slice(Math.max(0, e - 50), e - possessive);
    const country = q.affiliation
      ? undefined
      : EN_COUNTRY_FORMS.find(
          ({ form }) => before.endsWith(form) && !isLetter(before[before.length - form.length - 1]),
        );
    if (country) {
      q.affiliation = country.country.name;
      p = e - possessive - country.form.length;
      if (text.startsWith('the ', p - 4) && !isLetter(text[p - 5])) p -= 4;
      q.start = p;
      continue;
    }
    let s = p - 1;
    while (s > 0 && p - 1 - s < 12 && /[A-Za-z-]/.test(text[s - 1]!)) s--;
    const word = text.slice(s, p - 1);
    const kind = EN_MODIFIERS[word];
    if (!kind) {
      // "then-Secretary", "ex-President" are glued to the title
      break;
    }
    if (kind === 'former') q.former = true;
    if (kind === 'acting') q.acting = true;
    if (kind === 'deputy') {
      q.deputy = true;
      q.rolePrefix = `${word} ${q.rolePrefix}`;
    }
    p = s;
    q.start = p;
  }
  if (!q.affiliation) {
    // "ROK National Security Office Director", "Japanese National Security Secretariat Secretary General"
    let b = q.start;
    for (let words = 0; words < 4 && text[b - 1] === ' '; words++) {
      const m = /(?:^|[^\p{L}])(\p{Lu}[\p{L}]+)$/u.exec(text.slice(Math.max(0, b - 31), b - 1));
      if (!m) break;
      b = b - 1 - m[1]!.length;
      const before = text.slice(Math.max(0, b - 51), b - 1);
      const country =
        text[b - 1] === ' '
          ? EN_COUNTRY_FORMS.find(
              ({ form }) =>
                before.endsWith(form) && !isLetter(before[before.length - form.length - 1]),
            )
          : undefined;
      if (country) {
        q.affiliation = country.country.name;
        q.rolePrefix = text.slice(b, q.start) + q.rolePrefix;
        q.start = b - 1 - country.form.length;
        break;
      }
    }
  }
  const glued = text.slice(Math.max(0, q.start - 5), q.start);
  if (/(?:^|[^A-Za-z])(?:ex|then)-$/.test(glued)) {
    q.former = true;
    q.start -= glued.endsWith('then-') ? 5 : 3;
  }
  return q;
}

interface SentenceIndex {
  ends: number[];
  cues: { start: number; end: number }[];
}

/** Sentence ends and meeting words of a paragraph, found once. */
function indexSentences(text: string): SentenceIndex {
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      ends.push(i);
      continue;
    }
    if (
      (c === '.' || c === '!' || c === '?') &&
      text[i + 1] === ' ' &&
      /[A-Z"“‘(0-9]/.test(text[i + 2] ?? '')
    ) {
      let s = i;
      while (s > 0 && i - s < 6 && /[A-Za-z.]/.test(text[s - 1]!)) s--;
      const word = text.slice(s, i);
      if (ABBREVIATIONS.has(word) || /^[A-Z]$/.test(word)) continue;
      ends.push(i);
    }
  }
  const cues: { start: number; end: number }[] = [];
  CUE.lastIndex = 0;
  for (let m = CUE.exec(text); m; m = CUE.exec(text)) {
    const word = m[0].toLowerCase();
    // "we call on the DPRK" is an appeal, not a call
    if (
      (word === 'call' || word === 'calls') &&
      /^ (?:on|upon)\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6))
    )
      continue;
    cues.push({ start: m.index, end: m.index + m[0].length });
  }
  return { ends, cues };
}

function sentenceOf(index: SentenceIndex, pos: number, length: number): [number, number] {
  // first end >= pos
  const lo = lowerBound(index.ends, pos);
  const start = lo > 0 ? index.ends[lo - 1]! + 1 : 0;
  const end = lo < index.ends.length ? index.ends[lo]! : length;
  return [start, end];
}

/** "France's " before a title: the possessive country the mention starts with. */
const POSSESSIVE_COUNTRY = /\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)*['’]s\s+$/u;

/** "-elect", "-designate" after a title: the office about to be held. */
const ELECT = /^-(?:elect|designate)\b/;

/** Titles whose posting may be written "in" a country: "Ambassador in Singapore". */
const POSTED = /Ambassador|Envoy|Consul|Representative|Chargé/;

/** "as (the) (newly) elected president": an office given after a name. */
const AS_OFFICE =
  /^ as (?:the )?(?:new |newly elected |elected |next |incoming |interim )?(president|prime minister|vice president|foreign minister|chancellor|premier)\b/i;

function isParticipant(
  text: string,
  index: SentenceIndex,
  mention: { start: number; possessive: boolean },
): boolean {
  if (mention.possessive) return false;
  const [s, e] = sentenceOf(index, mention.start, text.length);
  // cues are sorted: the first cue at or after the mention, and the last cue before it
  const lo = lowerBound(index.cues, mention.start, (c) => c.start);
  const after = index.cues[lo];
  if (after && after.start < e) return true;
  const before = index.cues[lo - 1];
  if (!before || before.start < s) return false;
  const between = text.slice(before.end, mention.start);
  if (between.length > 200) return false;
  // "Joint Statement by A, B, and C": everyone listed issued it
  if (/statement by$/i.test(text.slice(before.start, before.end)))
    return !NOT_WITH_PARTNER.test(between);
  // "welcomed Prime Minister Kishida", "met President Marcos": the object of a meeting verb
  if (
    /^\s*(?:today\s+|this \w+\s+)?(?:to\s+)?$/.test(between.replace(POSSESSIVE_COUNTRY, '')) &&
    !/^(?:call|calls|phone|telephone|meeting|meetings|talks?)$/i.test(
      text.slice(before.start, before.end),
    )
  ) {
    return true;
  }
  const withAt = between.search(/\bwith\b(?![\s\S]*\bwith\b)/);
  if (withAt < 0) return false;
  return !NOT_WITH_PARTNER.test(between.slice(withAt));
}

/** "Mr.Robert Heer": an honorific's full stop with no space after it, read as the space (same length). */
const HONORIFIC_GLUED = /\b(Mr|Mrs|Ms|Dr)\.(?=\p{Lu}\p{Ll})/gu;

export function englishMentions(paragraph: Paragraphlike): RawMention[] {
  const text = paragraph.text.replace(HONORIFIC_GLUED, '$1 ');
  const out: RawMention[] = [];
  let sentences: SentenceIndex | undefined;
  const push = (
    name: NameRead,
    start: number,
    end: number,
    fields: {
      role?: string | undefined;
      affiliation?: string | undefined;
      former: boolean;
      acting: boolean;
      deputy: boolean;
    },
  ): void => {
    sentences ??= indexSentences(text);
    // "Dr Edmond Panariti (Albania)": the country in brackets after the name.
    const bracketed = fields.affiliation
      ? undefined
      : /^ ?\(([^()]{3,40})\)/.exec(text.slice(name.end, name.end + 44));
    const country = bracketed ? canonicalCountry(bracketed[1]!) : undefined;
    if (country) fields = { ...fields, affiliation: country };
    out.push({
      paragraph: paragraph.number,
      start,
      end,
      text: text.slice(start, end),
      name: name.name,
      nameStart: name.start,
      otherNames: [],
      role: fields.role,
      affiliation: fields.affiliation,
      former: fields.former,
      acting: fields.acting,
      deputy: fields.deputy,
      participant: isParticipant(text, sentences, { start, possessive: name.possessive }),
    });
  };

  for (let i = 0; i < text.length; i++) {
    if (!isUpper(text[i]) || isLetter(text[i - 1]) || text[i - 1] === '-' || text[i - 1] === '.')
      continue;

    const title = EN_TITLES.matchAt(
      text,
      i,
      (_p, end) =>
        !isLetter(text[end]) && (text[end] !== '-' || ELECT.test(text.slice(end, end + 12))),
    );
    if (title) {
      // "Prime Minister-elect Yoshihiko Noda": the title to be held is the role.
      const elect = ELECT.exec(text.slice(title.end, title.end + 12))?.[0] ?? '';
      i = handleTitle(i, title.end + elect.length, title.phrase + elect, title.value) - 1;
      continue;
    }
    const hon = honorificAt(text, i);
    if (hon) {
      const end = handleHonorific(i);
      if (end > i) i = end - 1;
    }
  }
  untitledNames();
  sharedCountry();
  return out;

  /**
   * "UK Secretary of State for Foreign … Philip Hammond and Secretary of State for Defence Michael
   * Fallon": a country written before the first title of a pair is both's. Only before: in "Wang Yi
   * of China and Secretary Kerry" the country is Wang's alone.
   */
  function sharedCountry(): void {
    const sorted = [...out].sort((a, b) => a.start - b.start);
    for (let k = 1; k < sorted.length; k++) {
      const [first, next] = [sorted[k - 1]!, sorted[k]!];
      if (next.affiliation || !next.role || !first.affiliation) continue;
      if (!/^\s*(?:,\s*)?and\s+$/.test(text.slice(first.end, next.start))) continue;
      const lead = first.text.replace(/^the\s+/i, '');
      if (
        EN_COUNTRY_FORMS.some(
          (f) => f.country.name === first.affiliation && lead.startsWith(`${f.form} `),
        )
      )
        next.affiliation = first.affiliation;
    }
  }

  /** "H.E. Ms. Kang Kyung-wha, Minister of Foreign Affairs of the Republic of Korea", "Lord Bruce of Bennachie". */
  function handleHonorific(i: number): number {
    const after = honorificsAfter(text, i);
    const lastHonorific = text.slice(i, after).trim().split(' ').pop() ?? '';
    const name = readNameForward(text, after, EN_PEERAGES.has(lastHonorific));
    if (!name) return i;
    const a = appositive(text, name.postEnd ?? name.end);
    const end = a?.end ?? name.postEnd ?? name.end;
    push(name, i, end, {
      role: a?.role,
      affiliation: a?.affiliation,
      former: false,
      acting: false,
      deputy: a?.deputy ?? false,
    });
    return end;
  }

  function covered(pos: number): RawMention | undefined {
    return out.find((m) => m.start <= pos && pos < m.end);
  }

  /**
   * Names with no title next to them: listed after a meeting or attendance word ("met with Tanaka
   * Ichiro and Sato Hanako", "Participants: ...", "Also attending were ..."), followed by their
   * country ("Pedro Alvarez of Chile"), or by "said". Two capitalised words at least, and no country.
   */
  function untitledNames(): void {
    const isCountry = (n: string) =>
      EN_COUNTRY_FORMS.some((f) => f.form === n || `the ${f.form}` === n);
    const pushPlain = (name: NameRead, start: number): number => {
      let end = name.postEnd ?? name.end;
      let affiliation: string | undefined;
      const of = name.possessive ? undefined : ofCountryAfter(text, end);
      if (of) {
        affiliation = of.country;
        end = of.end;
      }
      const a = of ? undefined : appositive(text, end);
      push(name, start, a?.end ?? end, {
        role: a?.role,
        affiliation: affiliation ?? a?.affiliation,
        former: false,
        acting: false,
        deputy: a?.deputy ?? false,
      });
      return a?.end ?? end;
    };
    // "met with his UK counterpart, David Cameron": the counterpart's country, then the name.
    COUNTERPART.lastIndex = 0;
    for (let m = COUNTERPART.exec(text); m; m = COUNTERPART.exec(text)) {
      const at = m.index + m[0].length;
      if (covered(at)) continue;
      const name = readNameForward(text, honorificsAfter(text, at));
      if (!name || name.words < 2 || isCountry(name.name)) continue;
      const country = m[1]
        ? EN_COUNTRY_FORMS.find((f) => f.form === m[1])?.country.name
        : undefined;
      const end = name.postEnd ?? name.end;
      // "Minister of Defence Christine Lambrecht and her Japanese counterpart Yasukazu Hamada",
      // "Foreign Minister Roberto Ampuero met his peers": the counterpart holds the same post in
      // the other government.
      const whose = out.find(
        (o) =>
          o.role &&
          o.role !== 'counterpart' &&
          /^(?:,? and| (?:met|meets|spoke|speaks|talked|called|received|welcomed|hosted|thanked)(?: with| to)?) $/.test(
            text.slice(o.end, m.index),
          ),
      );
      // "his peers from Argentina and Brazil, Jorge Faurie and Aloysio Nunes": one country each, in order.
      const from = (m[2] ?? '')
        .split(/,?\s+and\s+|,\s*/)
        .map((c) => EN_COUNTRY_FORMS.find((f) => f.form === c)?.country.name);
      const countryOf = (i: number) =>
        from.length > 1 ? from[i] : (country ?? (from.length === 1 ? from[0] : undefined));
      const first = countryOf(0);
      push(name, at, end, {
        role: whose?.role ?? 'counterpart',
        ...(first ? { affiliation: first } : {}),
        former: false,
        acting: false,
        deputy: false,
      });
      // "with my counterparts, Heiko Maas, of the Federal Republic of Germany, and Wang Yi, of the
      // People’s Republic of China": each name of the list, each with its country.
      let p = end;
      for (let item = 0; item < 8; item++) {
        const of = ofCountryAfter(text, text.startsWith(',', p) ? p + 1 : p);
        if (of) {
          const last = out[out.length - 1]!;
          if (!last.affiliation) last.affiliation = of.country;
          p = of.end;
        }
        if (!/counterparts|peers/.test(m[0])) break;
        const sep = /^,? and |^, /.exec(text.slice(p, p + 6));
        if (!sep) break;
        const next = readNameForward(text, honorificsAfter(text, p + sep[0].length));
        if (!next || next.words < 2 || isCountry(next.name) || covered(next.start)) break;
        p = next.postEnd ?? next.end;
        const nextCountry = from.length > 1 ? countryOf(item + 1) : undefined;
        push(next, next.start, p, {
          role: whose?.role ?? 'counterpart',
          ...(nextCountry ? { affiliation: nextCountry } : {}),
          former: false,
          acting: false,
          deputy: false,
        });
      }
    }
    // "Kelvin Davis will be acting Prime Minister during Ardern’s absence": a name, then the post it
    // holds or will hold.
    for (const m of text.matchAll(HOLDS_POST)) {
      const name = readNameForward(text, m.index);
      if (!name || name.words < 2 || name.end !== m.index + m[1]!.length || isCountry(name.name))
        continue;
      if (covered(name.start)) continue;
      const at = m.index + m[0].length;
      const title = EN_TITLES.matchAt(text, at, (_p, e) => !isLetter(text[e]));
      if (!title) continue;
      const end = portfolioAfter(text, title.end, false);
      const of = ofCountryAfter(text, end);
      push(name, name.start, of?.end ?? end, {
        role: (m[2] ? `${m[2]} ` : '') + text.slice(at, end),
        affiliation: of?.country,
        former: false,
        acting: m[2] === 'acting' || m[2] === 'interim',
        deputy: false,
      });
    }
    // "Prime Minister Abe, his wife, Akie, my wife, Teresa, and I": a spouse, often by given name alone.
    for (const m of text.matchAll(SPOUSE)) {
      const at = m.index + m[0].length;
      if (covered(at)) continue;
      const name = readNameForward(text, honorificsAfter(text, at));
      if (!name || isCountry(name.name)) continue;
      push(name, at, name.postEnd ?? name.end, {
        role: m[1]!.toLowerCase(),
        former: false,
        acting: false,
        deputy: false,
      });
    }
    // "including China’s Wang Yi, South Korea’s Kang-Kyung-wha, and Turkey’s Mevlut Cavusoglu": a
    // list of people each given by their country in the possessive, with no title.
    const owned: { name: NameRead; start: number; country: string }[] = [];
    for (const m of text.matchAll(COUNTRY_OWNED)) {
      const form = EN_COUNTRY_FORMS.find((f) => f.form === m[1]);
      const at = m.index + m[0].length;
      if (!form || covered(at)) continue;
      const name = readNameForward(text, at);
      if (!name) continue;
      const parts = name.words >= 2 || /^\p{Lu}\p{Ll}+-\p{Lu}/u.test(name.name);
      if (
        !parts ||
        isCountry(name.name) ||
        !/^(?:,|;| and\b|\.|$)/.test(text.slice(name.end, name.end + 4))
      )
        continue;
      owned.push({ name, start: m.index, country: form.country.name });
    }
    if (owned.length >= 2) {
      const role = titleOfList(text, owned[0]!.start);
      for (const o of owned)
        push(o.name, o.name.start, o.name.end, {
          ...(role ? { role } : {}),
          affiliation: o.country,
          former: false,
          acting: false,
          deputy: false,
        });
    }
    LIST_CUE.lastIndex = 0;
    for (let m = LIST_CUE.exec(text); m; m = LIST_CUE.exec(text)) {
      let p = m.index + m[0].length;
      for (let item = 0; item < 20; item++) {
        // "the two Canadian citizens—Michael Kovrig and Michael Spavor—": a dash opens the list.
        while (text[p] === ' ' || text[p] === '—' || text[p] === '–') p++;
        if (text.startsWith('the ', p)) p += 4;
        const there = out.find((x) => x.start >= p && x.start <= p + 4) ?? covered(p);
        if (there) {
          p = there.end;
        } else {
          const h = honorificsAfter(text, p);
          const name = readNameForward(text, h);
          if (!name || (name.words < 2 && h === p) || isCountry(name.name)) break;
          p = pushPlain(name, p);
        }
        let sep = /^(?:,? and |; and |, |; )/.exec(text.slice(p, p + 6));
        if (!sep) {
          // "Dr. Anwar Gargash, Diplomatic Adviser to UAE President; Ali Saeed Al Neyadi, ...": items end at ";"
          const semi = text.indexOf(';', p);
          const stop = text.slice(p, semi).search(/[.!?](?: |$)/);
          if (semi < 0 || semi - p > 120 || stop >= 0) break;
          p = semi;
          sep = /^(?:; and |; )/.exec(text.slice(p, p + 6));
          if (!sep) break;
        }
        p += sep[0].length;
      }
    }
    for (let i = 0; i < text.length; i++) {
      if (
        !isUpper(text[i]) ||
        isLetter(text[i - 1]) ||
        text[i - 1] === '-' ||
        text[i - 1] === '.' ||
        text[i - 1] === '’' ||
        text[i - 1] === "'"
      )
        continue;
      const c = covered(i);
      if (c) {
        i = c.end - 1;
        continue;
      }
      const name = readNameForward(text, i);
      if (!name) continue;
      const after = name.postEnd ?? name.end;
      const known =
        name.words >= 2 &&
        !isCountry(name.name) &&
        (ofCountryAfter(text, after) !== undefined ||
          /^ (?:said|says|stated|added|noted|told)\b/.test(text.slice(after, after + 8)));
      // "declared Hamid Karzai as elected president of Afghanistan": the office follows the name.
      const as =
        name.words >= 2 && !isCountry(name.name)
          ? AS_OFFICE.exec(text.slice(after, after + 80))
          : null;
      // "candidate Petro Poroshenko": a role in lower case right before the name.
      const lowerRole =
        !known && !as && name.words >= 2 && !isCountry(name.name)
          ? EN_LOWER_CASE_ROLES.find(
              (r) => text.slice(Math.max(0, i - r.length - 1), i) === `${r} `,
            )
          : undefined;
      // "Choe Ryong Hae(Secretary), Kim Yang Gon(Secretary)": a delegation list gives each title in brackets.
      const bracket =
        name.words >= 2 && !isCountry(name.name) && !known && !as
          ? /^ ?\(/.exec(text.slice(after, after + 2))
          : null;
      const titled = bracket
        ? EN_TITLES.matchAt(text, after + bracket[0].length, (_p, e) => !isLetter(text[e]))
        : undefined;
      const close = titled ? text.indexOf(')', after) : -1;
      if (titled && close > 0 && close - after < 120) {
        const inner = text.slice(after + bracket![0].length, close);
        push(name, i, close + 1, {
          role: inner.split(',')[0]!.trim(),
          former: false,
          acting: false,
          deputy: titled.value.deputy === true,
        });
        i = close;
      } else if (as && !known) {
        const of = ofCountryAfter(text, after + as[0].length);
        push(name, i, of?.end ?? after + as[0].length, {
          role: as[1]!,
          ...(of ? { affiliation: of.country } : {}),
          former: false,
          acting: false,
          deputy: false,
        });
        i = (of?.end ?? after + as[0].length) - 1;
      } else if (lowerRole) {
        const start = i - lowerRole.length - 1;
        if (isLetter(text[start - 1])) i = name.end - 1;
        else {
          push(name, start, name.postEnd ?? name.end, {
            role: lowerRole,
            former: false,
            acting: false,
            deputy: false,
          });
          i = (name.postEnd ?? name.end) - 1;
        }
      } else if (known) i = pushPlain(name, i) - 1;
      else i = name.end - 1;
    }
  }

  /** Handles a title found at [start, titleEnd); returns where scanning resumes. */
  function handleTitle(
    start: number,
    matchedEnd: number,
    phrase: string,
    info: EnTitleInfo,
  ): number {
    const q = qualifiersBefore(text, start);
    const deputy = q.deputy || info.deputy === true;
    // "Ambassador to Japan Rahm Emanuel", "the DPRK Ambassador in Singapore Ji Jae-suk": the posting belongs to the role
    const postedTo =
      ofCountryAfter(text, matchedEnd, ' to ') ??
      (POSTED.test(phrase) ? ofCountryAfter(text, matchedEnd, ' in ') : undefined);
    let closedEnd = postedTo ? postedTo.end : portfolioAfter(text, matchedEnd, true);
    const role = q.rolePrefix + phrase + text.slice(matchedEnd, closedEnd);
    // "Deputy Prime Minister & Coordinating Minister for National Security Teo Chee Hean": two posts, one name
    const joined = /^ (?:&|and) /.exec(text.slice(closedEnd, closedEnd + 6));
    // "The President and Prime Minister Brown had a call": a title after "the" stands alone for
    // someone (the statement's principal), and the next title is the other person's.
    const definite = /\b[Tt]he $/.test(text.slice(Math.max(0, q.start - 4), q.start));
    if (joined && !definite) {
      let p = closedEnd + joined[0].length;
      for (let skip = 0; skip <= 2; skip++) {
        const second = EN_TITLES.matchAt(text, p, (_p, e) => !isLetter(text[e]));
        if (second) {
          closedEnd = portfolioAfter(text, second.end, true);
          break;
        }
        const word = /^\p{Lu}\p{L}+ /u.exec(text.slice(p, p + 30));
        if (!word) break;
        p += word[0].length;
      }
    }
    const closedOf = ofCountryAfter(text, closedEnd);
    // A signature or a press statement's heading ("John Kerry / Secretary of State / Washington, DC",
    // "Fumio Kishida / Minister for Foreign Affairs of Japan"), its lines run together: the name
    // stands before the title, and what follows it is a place or nothing.
    if (isHeading(text) && text[q.start - 1] === ' ') {
      const name = readNameBackward(text, q.start - 1);
      if (
        name &&
        name.words >= 2 &&
        !out.some((m) => m.end > name.start) &&
        !EN_COUNTRY_FORMS.some((f) => f.form === name.name)
      ) {
        const end = closedOf?.end ?? closedEnd;
        push(name, honorificsBefore(text, name.start), end, {
          role,
          affiliation: q.affiliation ?? closedOf?.country,
          former: q.former,
          acting: q.acting,
          deputy,
        });
        return end;
      }
    }
    for (const pos of closedOf ? [closedOf.end, closedEnd] : [closedEnd]) {
      if (text[pos] !== ' ') continue;
      const name = readNameForward(text, honorificsAfter(text, pos + 1));
      if (!name) continue;
      // "Prime Minister Kishida Fumio of Japan"
      const after = name.postEnd ?? name.end;
      const ofAfterName = name.possessive ? undefined : ofCountryAfter(text, after);
      const end = ofAfterName?.end ?? after;
      push(name, q.start, end, {
        role,
        affiliation:
          q.affiliation ?? (pos === closedOf?.end ? closedOf.country : ofAfterName?.country),
        former: q.former,
        acting: q.acting,
        deputy,
      });
      return end;
    }
    // "Park Jin, Minister of Foreign Affairs of the Republic of Korea"; "James Cleverly, the Minister for ..."
    const titleEnd = portfolioAfter(text, matchedEnd, false);
    const of = ofCountryAfter(text, titleEnd);
    const openRole = q.rolePrefix + phrase + text.slice(matchedEnd, titleEnd);
    let nameEnd = -1;
    if (text.startsWith(', ', q.start - 2)) nameEnd = q.start - 2;
    else if (text.startsWith(', the ', q.start - 6)) nameEnd = q.start - 6;
    if (nameEnd > 0 && text[nameEnd - 1] === ' ') nameEnd--;
    const fields = {
      role: openRole,
      affiliation: q.affiliation ?? of?.country,
      former: q.former,
      acting: q.acting,
      deputy,
    };
    if (nameEnd > 0 && !introducesNext(text, of?.end ?? titleEnd)) {
      const name = readNameBackward(text, nameEnd);
      // "… election in Guinea Bissau, the Spokesperson of …": a country is no one's name, nor is a
      // place after a preposition ("While in Buenos Aires, the Foreign Secretary will …").
      if (
        name &&
        name.words >= 2 &&
        !EN_COUNTRY_FORMS.some((f) => f.form === name.name || `the ${f.form}` === name.name) &&
        !/\b(?:in|at|near|across|throughout|visiting|visited)\s+$/i.test(
          text.slice(Math.max(0, name.start - 12), name.start),
        ) &&
        // "a call from Hossein Amir-Abdollahian, Minister of …" is a person; "flew to Lima, the
        // Foreign Secretary …" a place.
        !(
          /\b(?:from|to)\s+$/i.test(text.slice(Math.max(0, name.start - 6), name.start)) &&
          text.startsWith(', the ', q.start - 6)
        )
      ) {
        push(name, honorificsBefore(text, name.start), of?.end ?? titleEnd, fields);
        return of?.end ?? titleEnd;
      }
    }
    // "the Australian Prime Minister, Anthony Albanese, this morning"; two posts joined: "China's
    // State Councilor and Foreign Minister, Wang Yi".
    const resume = of?.end ?? titleEnd;
    const candidates: [number, typeof fields][] = [[resume, fields]];
    if (closedEnd > resume)
      candidates.unshift([
        closedEnd,
        { ...fields, role: q.rolePrefix + phrase + text.slice(matchedEnd, closedEnd) },
      ]);
    for (const [end, given] of candidates) {
      // "the Ambassador of the Kingdom of Norway to ASEAN, Kjell Tormod Pettersen": the posting first.
      const posted = /^ to (?:the )?\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*){0,3}(?=, )/u.exec(
        text.slice(end, end + 60),
      );
      const at = end + (posted?.[0].length ?? 0);
      if (!text.startsWith(', ', at)) continue;
      const name = readNameForward(text, honorificsAfter(text, at + 2));
      const after = name ? (name.postEnd ?? name.end) : -1;
      // Or the next of a pair: "Australia's Foreign Minister, Penny Wong and China's …".
      if (
        name &&
        name.words >= 2 &&
        (/^(?:,|\.|;|:|$)/.test(text.slice(after, after + 1)) || text.startsWith(' and ', after))
      ) {
        push(name, q.start, after, given);
        return after;
      }
    }
    return resume;
  }
}

/** A short paragraph with no sentence in it: a heading or signature whose lines were joined. */
function isHeading(text: string): boolean {
  return text.length <= 160 && !/[a-z][.!?;:](?:\s|$)/.test(text);
}

/**
 * The title a list of people shares when the sentence gives it in the plural before "including":
 * "bilateral meetings with a number of foreign ministers in the margins of the G20, including
 * China’s Wang Yi, …" lists Foreign Ministers.
 */
function titleOfList(text: string, listStart: number): string | undefined {
  const clause = text.slice(Math.max(0, listStart - 160), listStart);
  if (!/,? including $/.test(clause)) return undefined;
  const sentence = clause.slice(
    Math.max(...['. ', '; ', ': '].map((s) => clause.lastIndexOf(s))) + 1,
  );
  const words = [...sentence.matchAll(/[A-Za-z]+/g)];
  for (let i = words.length - 1; i >= 0; i--) {
    const plural = words[i]![0];
    if (!/[a-z]s$/.test(plural)) continue;
    for (let k = Math.min(3, i + 1); k >= 1; k--) {
      const phrase = [...words.slice(i - k + 1, i).map((w) => w[0]), plural.slice(0, -1)]
        .map((w) => w[0]!.toUpperCase() + w.slice(1))
        .join(' ');
      const title = EN_TITLES.matchAt(phrase, 0);
      if (title?.end === phrase.length) return phrase;
    }
  }
  return undefined;
}

/** A country in the possessive before a name: "China’s Wang Yi". */
const COUNTRY_OWNED = new RegExp(
  `\\b(${EN_COUNTRY_FORMS.map((f) => escapeRegExp(f.form)).join('|')})['’]s (?=\\p{Lu})`,
  'gu',
);

/** "his UK counterpart, ", "her Indian counterpart ": a name follows. */
const COUNTERPART =
  /\b(?:his|her|their|its|my|our)\s+(?:new\s+|newly[- ]appointed\s+)?(?:(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)\s+)?(?:counterparts?|peers?)(?:\s+from\s+(\p{Lu}\p{L}*(?:\s\p{Lu}\p{L}*)?(?:(?:,\s*|,?\s+and\s+)\p{Lu}\p{L}*(?:\s\p{Lu}\p{L}*)?){0,3}?))?,?\s+(?=\p{Lu})/gu;

const HOLDS_POST =
  /\b(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){1,3}) (?:will be|will serve as|is|was|has been|becomes|became|remains|serves as|served as) (?:the )?(?:(acting|interim|new) )?(?=\p{Lu})/gu;

const SPOUSE =
  /\b(?:his|her|my|their|[Tt]he \p{Lu}\p{L}+['’]s)\s+(wife|husband|spouse),?\s+(?=\p{Lu})/gu;

/** Words after which names follow as a list: meetings, attendance, participants. */
const LIST_CUE =
  /\b(?:met with|met|meets with|meets|meet with|meeting with|spoke with|spoke to|speaks with|talked with|received|receives|welcomed|hosted|joined by|accompanied by|attended by|Participants?:|Attendees?:|(?:Also )?(?:attending|present|participating)(?: the meeting| the call)? (?:were|was)|Members present:|Witnesses:?(?: I:)?|Media (?:inquiries|enquiries|contacts?):|Press (?:inquiries|enquiries|contacts?):|(?:citizens|nationals|hostages|detainees|journalists|prisoners)(?:—|–|:|,)?|(?:killings?|deaths?|murders?|release|abduction|detention) of)(?=[ —–])/g;

/**
 * What follows a name after a comma: "[the] [Country's] Title [portfolio] [of Country]"
 * ("Minister of Foreign Affairs of the Republic of Korea", "UAE’s Ambassador to the US").
 */
/**
 * In a list of "Title, H.E. Name" or "Title Name" pairs, a title followed by a name is that name's,
 * not the one before: "…, His Excellency Ahmed Khaleel, Ambassador of Maldives to UAE, His
 * Excellency Dr. Hussain Niyaaz, …", "Eiichi Hasegawa, Secretary General of the … Secretariat
 * Shotaro Yachi".
 */
function introducesNext(text: string, titleEnd: number): boolean {
  const comma = /^[^,;.()]{0,40}?, /.exec(text.slice(titleEnd, titleEnd + 44));
  if (comma && honorificsAfter(text, titleEnd + comma[0].length) > titleEnd + comma[0].length)
    return true;
  return text[titleEnd] === ' ' && (readNameForward(text, titleEnd + 1)?.words ?? 0) >= 2;
}

function appositive(
  text: string,
  pos: number,
): { role: string; affiliation?: string | undefined; deputy: boolean; end: number } | undefined {
  let p = pos;
  if (text.startsWith(' , ', p)) p += 3;
  else if (text.startsWith(', ', p)) p += 2;
  else return undefined;
  if (text.startsWith('the ', p)) p += 4;
  let affiliation: string | undefined;
  const country = EN_COUNTRY_FORMS.find(
    ({ form }) =>
      text.startsWith(form, p) &&
      /^(?:['’]s)? /.test(text.slice(p + form.length, p + form.length + 3)),
  );
  if (country) {
    affiliation = country.country.name;
    p += country.form.length;
    if (/^['’]s/.test(text.slice(p, p + 2))) p += 2;
    p++;
  }
  // "Russia’s Deputy Foreign Minister": a modifier before the title stays part of the role.
  const roleStart = p;
  let modified = false;
  for (const [word, kind] of Object.entries(EN_MODIFIERS)) {
    if (kind !== 'deputy' && kind !== 'acting') continue;
    if (text.startsWith(`${word} `, p)) {
      p += word.length + 1;
      modified = kind === 'deputy';
      break;
    }
  }
  const t = EN_TITLES.matchAt(text, p, (_p, e) => !isLetter(text[e]) && text[e] !== '-');
  if (!t) return undefined;
  let end = portfolioAfter(text, t.end, false);
  const role = text.slice(roleStart, end);
  const of = ofCountryAfter(text, end);
  if (of) {
    affiliation ??= of.country;
    end = of.end;
  }
  if (introducesNext(text, end)) return undefined;
  return { role, affiliation, deputy: t.value.deputy === true || modified, end };
}
