/**
 * Mentions of people in English readouts and joint statements. A person needs a context: a title
 * before the name ("U.S. Secretary of State Michael R. Pompeo"), a title after it ("Kang Kyung-wha,
 * Minister of Foreign Affairs of the Republic of Korea"), or an honorific ("H.E. Ms. Kang Kyung-wha").
 * Capitalised words alone (sentence starts, "Korean Peninsula", "Security Council") never make one.
 */
import { EN_COUNTRY_FORMS } from '../countries.ts';
import { EN_HONORIFICS, EN_MODIFIERS, EN_NOT_NAME_WORDS, EN_PORTFOLIO_WORDS, EN_TITLES, type EnTitleInfo } from './enTitles.ts';
import type { Paragraphlike, RawMention } from './types.ts';

const MAX_NAME_TOKENS = 5;
/** A name word: Pompeo, MOTEGI, Tae-yul, O'Brien; or an initial: J. */
const TOKEN = /[A-Z][A-Za-z'’]*(?:-[A-Za-z]+)*\.?/y;
const WHOLE_TOKEN = new RegExp(`^${TOKEN.source}$`);
const ABBREVIATIONS = new Set(['U.S', 'U.K', 'U.N', 'Mr', 'Mrs', 'Ms', 'Dr', 'H.E', 'St', 'No', 'Jr', 'Sr', 'Hon', 'Prof', 'Gen', 'Lt', 'Col', 'Rt', 'a.m', 'p.m', 'Amb']);
const CUE = /\b(?:met|meets|meet|meeting|meetings|spoke|speaks|talk|talks|talked|conversation|hosted|hosts|convened|teleconference|videoconference|phone|telephone|call|calls)\b|\bjoint statement by\b|\bstatement by\b/gi;
const NOT_WITH_PARTNER = /\b(?:discuss|discussed|discussing|about|regarding|concerning|remarks|statement|visit|on behalf)\b/i;

function isLetter(c: string | undefined): boolean {
  if (c === undefined) return false;
  const x = c.charCodeAt(0);
  return (x >= 65 && x <= 90) || (x >= 97 && x <= 122) || (x >= 0xc0 && x <= 0x24f);
}

/** Honorifics followed by their space, and their first letters: checked at every capital. */
const HONORIFICS_SPACED = EN_HONORIFICS.map((h) => h + ' ');
const HONORIFIC_FIRST = new Set(EN_HONORIFICS.map((h) => h[0]!));
const honorificAt = (text: string, pos: number): string | undefined =>
  HONORIFIC_FIRST.has(text[pos] ?? '') ? HONORIFICS_SPACED.find((h) => text.startsWith(h, pos))?.slice(0, -1) : undefined;

function isUpper(c: string | undefined): boolean {
  return c !== undefined && c >= 'A' && c <= 'Z';
}

interface NameRead {
  start: number;
  end: number;
  name: string;
  words: number;
  possessive: boolean;
}

function isStopWord(word: string): boolean {
  return EN_NOT_NAME_WORDS.has(word) || EN_HONORIFICS.includes(word) || EN_HONORIFICS.includes(word + '.');
}

/** Reads a name starting at `pos`: capitalised or upper-case words and initials, single-spaced. */
function readNameForward(text: string, pos: number): NameRead | undefined {
  const parts: { start: number; end: number; initial: boolean }[] = [];
  let p = pos;
  let possessive = false;
  while (parts.length < MAX_NAME_TOKENS) {
    TOKEN.lastIndex = p;
    const m = TOKEN.exec(text);
    if (!m) break;
    let word = m[0];
    let end = p + word.length;
    if (isLetter(text[end]) || /[0-9]/.test(text[end] ?? '')) break;
    const initial = /^[A-Z]\.$/.test(word);
    let sentenceEnd = false;
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
    if (word.length === 0 || isStopWord(word) || isStopWord(word.replace(/['’]$/, ''))) break;
    parts.push({ start: p, end, initial });
    possessive = ownerOf;
    if (ownerOf || sentenceEnd || text[end] !== ' ') break;
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
  };
}

/** Reads a name ending at `end` (exclusive), backwards, for "Name, Title of Country". */
function readNameBackward(text: string, end: number): NameRead | undefined {
  const starts: number[] = [];
  let e = end;
  let words = 0;
  while (starts.length < MAX_NAME_TOKENS) {
    let s = e;
    while (s > 0 && e - s < 40 && /[A-Za-z'’.\-]/.test(text[s - 1]!)) s--;
    if (s === e) break;
    const word = text.slice(s, e);
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
  return { start, end, name: text.slice(start, end), words, possessive: false };
}

/** Honorifics ending at `end`: "H.E. Mr. " before a name. Returns where they start. */
function honorificsBefore(text: string, end: number): number {
  let p = end;
  for (let guard = 0; guard < 4; guard++) {
    if (text[p - 1] !== ' ') break;
    const h = EN_HONORIFICS.find((x) => text.startsWith(x, p - 1 - x.length) && !isLetter(text[p - 2 - x.length]));
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

/** " of the Republic of Korea" after a title. */
function ofCountryAfter(text: string, pos: number, connector = ' of '): { country: string; end: number } | undefined {
  if (!text.startsWith(connector, pos)) return undefined;
  const p = pos + connector.length;
  for (const { form, country } of EN_COUNTRY_FORMS) {
    if (text.startsWith(form, p) && !isLetter(text[p + form.length])) return { country: country.name, end: p + form.length };
    if (text.startsWith('the ' + form, p) && !isLetter(text[p + 4 + form.length])) {
      return { country: country.name, end: p + 4 + form.length };
    }
  }
  return undefined;
}

const CONNECTOR_WORDS = new Set(['and', 'the', 'of', 'for']);

/**
 * The portfolio after a title: " of External Affairs", " for East Asian and Pacific Affairs".
 * `closed` (a name follows) accepts only portfolio words; otherwise any capitalised word. Stops
 * before " of [the] <country>", which is the affiliation. Returns the end of the role.
 */
function portfolioAfter(text: string, pos: number, closed: boolean): number {
  if (!text.startsWith(' of ', pos) && !text.startsWith(' for ', pos)) return pos;
  let end = pos;
  let p = pos + 1;
  for (let words = 0; words < 12; words++) {
    if (text.startsWith('of ', p) && ofCountryAfter(text, p - 1)) break;
    let e = p;
    while (e < text.length && e - p < 30 && /[A-Za-z'’\-]/.test(text[e]!)) e++;
    const word = text.slice(p, e);
    if (word.length === 0) break;
    const ok = closed ? EN_PORTFOLIO_WORDS.has(word) : CONNECTOR_WORDS.has(word) || isUpper(word[0]);
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
  const q: Qualifiers = { start: titleStart, former: false, acting: false, deputy: false, rolePrefix: '' };
  let p = titleStart;
  for (let guard = 0; guard < 5; guard++) {
    if (text[p - 1] !== ' ') break;
    let e = p - 1;
    // "(ROK)" between the country and the title
    if (text[e - 1] === ')') {
      const open = text.lastIndexOf('(', e - 1);
      if (open >= 0 && e - open <= 12 && /^\([A-Z.]+\)$/.test(text.slice(open, e)) && text[open - 1] === ' ') e = open - 1;
    }
    const before = text.slice(Math.max(0, e - 50), e);
    const country = q.affiliation
      ? undefined
      : EN_COUNTRY_FORMS.find(({ form }) => before.endsWith(form) && !isLetter(before[before.length - form.length - 1]));
    if (country) {
      q.affiliation = country.country.name;
      p = e - country.form.length;
      if (text.startsWith('the ', p - 4) && !isLetter(text[p - 5])) p -= 4;
      q.start = p;
      continue;
    }
    let s = p - 1;
    while (s > 0 && p - 1 - s < 12 && /[A-Za-z\-]/.test(text[s - 1]!)) s--;
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
      q.rolePrefix = word + ' ' + q.rolePrefix;
    }
    p = s;
    q.start = p;
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
    if ((c === '.' || c === '!' || c === '?') && text[i + 1] === ' ' && /[A-Z"“‘(0-9]/.test(text[i + 2] ?? '')) {
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
    if ((word === 'call' || word === 'calls') && /^ (?:on|upon)\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6))) continue;
    cues.push({ start: m.index, end: m.index + m[0].length });
  }
  return { ends, cues };
}

function sentenceOf(index: SentenceIndex, pos: number, length: number): [number, number] {
  // first end >= pos
  let lo = 0;
  let hi = index.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.ends[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  const start = lo > 0 ? index.ends[lo - 1]! + 1 : 0;
  const end = lo < index.ends.length ? index.ends[lo]! : length;
  return [start, end];
}

function isParticipant(text: string, index: SentenceIndex, mention: { start: number; possessive: boolean }): boolean {
  if (mention.possessive) return false;
  const [s, e] = sentenceOf(index, mention.start, text.length);
  // cues are sorted: the first cue at or after the mention, and the last cue before it
  let lo = 0;
  let hi = index.cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.cues[mid]!.start < mention.start) lo = mid + 1;
    else hi = mid;
  }
  const after = index.cues[lo];
  if (after && after.start < e) return true;
  const before = index.cues[lo - 1];
  if (!before || before.start < s) return false;
  const between = text.slice(before.end, mention.start);
  if (between.length > 200) return false;
  // "Joint Statement by A, B, and C": everyone listed issued it
  if (/statement by$/i.test(text.slice(before.start, before.end))) return !NOT_WITH_PARTNER.test(between);
  const withAt = between.search(/\bwith\b(?![\s\S]*\bwith\b)/);
  if (withAt < 0) return false;
  return !NOT_WITH_PARTNER.test(between.slice(withAt));
}

export function englishMentions(paragraph: Paragraphlike): RawMention[] {
  const text = paragraph.text;
  const out: RawMention[] = [];
  let sentences: SentenceIndex | undefined;
  const push = (
    name: NameRead,
    start: number,
    end: number,
    fields: { role?: string; affiliation?: string; former: boolean; acting: boolean; deputy: boolean },
  ): void => {
    sentences ??= indexSentences(text);
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
    if (!isUpper(text[i]) || isLetter(text[i - 1]) || text[i - 1] === '-' || text[i - 1] === '.') continue;

    const title = EN_TITLES.matchAt(text, i, (_p, end) => !isLetter(text[end]) && text[end] !== '-');
    if (title) {
      i = handleTitle(i, title.end, title.phrase, title.value) - 1;
      continue;
    }
    const hon = honorificAt(text, i);
    if (hon) {
      const after = honorificsAfter(text, i);
      const name = readNameForward(text, after);
      if (!name) continue;
      let end = name.end;
      let role: string | undefined;
      let affiliation: string | undefined;
      let deputy = false;
      // "H.E. Ms. Kang Kyung-wha, Minister of Foreign Affairs of the Republic of Korea"
      if (text.startsWith(', ', end)) {
        const t = EN_TITLES.matchAt(text, end + 2, (_p, e) => !isLetter(text[e]));
        if (t) {
          end = portfolioAfter(text, t.end, false);
          role = text.slice(t.end - t.phrase.length, end);
          deputy = t.value.deputy === true;
          const of = ofCountryAfter(text, end);
          if (of) {
            affiliation = of.country;
            end = of.end;
          }
        }
      }
      push(name, i, end, { role, affiliation, former: false, acting: false, deputy });
      i = end - 1;
    }
  }
  return out;

  /** Handles a title found at [start, titleEnd); returns where scanning resumes. */
  function handleTitle(start: number, matchedEnd: number, phrase: string, info: EnTitleInfo): number {
    const q = qualifiersBefore(text, start);
    const deputy = q.deputy || info.deputy === true;
    // "Ambassador to Japan Rahm Emanuel": the posting belongs to the role
    const postedTo = ofCountryAfter(text, matchedEnd, ' to ');
    const closedEnd = postedTo ? postedTo.end : portfolioAfter(text, matchedEnd, true);
    const closedOf = ofCountryAfter(text, closedEnd);
    for (const pos of closedOf ? [closedOf.end, closedEnd] : [closedEnd]) {
      if (text[pos] !== ' ') continue;
      const name = readNameForward(text, honorificsAfter(text, pos + 1));
      if (!name) continue;
      // "Prime Minister Kishida Fumio of Japan"
      const ofAfterName = name.possessive ? undefined : ofCountryAfter(text, name.end);
      const end = ofAfterName?.end ?? name.end;
      push(name, q.start, end, {
        role: q.rolePrefix + phrase + text.slice(matchedEnd, closedEnd),
        affiliation: q.affiliation ?? (pos === closedOf?.end ? closedOf.country : ofAfterName?.country),
        former: q.former,
        acting: q.acting,
        deputy,
      });
      return end;
    }
    // "Park Jin, Minister of Foreign Affairs of the Republic of Korea"
    const titleEnd = portfolioAfter(text, matchedEnd, false);
    const of = ofCountryAfter(text, titleEnd);
    const role = q.rolePrefix + phrase + text.slice(matchedEnd, titleEnd);
    if (text.startsWith(', ', q.start - 2)) {
      const name = readNameBackward(text, q.start - 2);
      if (name && name.words >= 2) {
        const nameStart = honorificsBefore(text, name.start);
        push(name, nameStart, of?.end ?? titleEnd, {
          role,
          affiliation: q.affiliation ?? of?.country,
          former: q.former,
          acting: q.acting,
          deputy,
        });
      }
    }
    return of?.end ?? titleEnd;
  }
}
