/**
 * The people a statement names, for /who: mentions found per paragraph, then merged so that one
 * person is one entry (茂木敏充外務大臣 ... 茂木大臣; "Secretary of State Michael R. Pompeo" ... "Secretary
 * Pompeo"). Pure functions over paragraph text; meant to run once per statement at index time.
 */
import { bareTitles, officeHolder, type OfficeHolder } from './offices.ts';
import { englishNameKey, japaneseNameKey } from './names.ts';
import { englishMentions } from './en.ts';
import { japaneseMentions } from './ja.ts';
import type { Paragraphlike, Person, RawMention } from './types.ts';
import { isKanji } from '../../text/script.ts';
import { canonicalCountry, publisherCountry } from '../countries.ts';

export type { Person, PersonMention } from './types.ts';

interface Group {
  key: string;
  mentions: RawMention[];
  /** Order of the first mention, for stable output. */
  order: number;
}

/** How sure a mention is about who someone is: country and role written out beat a bare title. */
function mentionWeight(m: RawMention): number {
  return (m.affiliation ? 4 : 0) + (m.role ? 2 : 0) + (m.role?.length ?? 0) / 100;
}

/** The rank at the end of a role (外務大臣 -> 大臣, Secretary of State -> Secretary): for short references. */
function rolesCompatible(short: RawMention[], full: RawMention[]): boolean {
  const shortRoles = short.map((m) => m.role).filter((r): r is string => !!r);
  if (shortRoles.length === 0) return true;
  const fullRoles = full.map((m) => m.role).filter((r): r is string => !!r);
  return shortRoles.some((s) =>
    fullRoles.some(
      (f) => f.endsWith(s) || s.endsWith(f) || f.startsWith(s) || f.includes(s) || s.includes(f),
    ),
  );
}

/** Roles that say whose spouse someone is ("his wife, Akie"), not an office. */
const SPOUSES = new Set(['wife', 'husband', 'spouse']);

function groupBy(mentions: RawMention[], keyOf: (m: RawMention) => string): Map<string, Group> {
  const groups = new Map<string, Group>();
  mentions.forEach((m, order) => {
    const key = keyOf(m);
    const g = groups.get(key);
    if (g) g.mentions.push(m);
    else groups.set(key, { key, mentions: [m], order });
  });
  return groups;
}

/**
 * Folds short references into the full names they abbreviate. `shortForms(key)` lists the short
 * keys a full key answers to (family name prefixes, name parts); each short group joins the first
 * compatible full group, in order of first mention.
 */
function foldShortReferences(
  groups: Map<string, Group>,
  shortForms: (g: Group) => string[],
): Group[] {
  const fullByShort = new Map<string, Group[]>();
  for (const g of groups.values()) {
    for (const s of shortForms(g)) {
      if (s === g.key) continue;
      let list = fullByShort.get(s);
      if (!list) fullByShort.set(s, (list = []));
      list.push(g);
    }
  }
  const target = new Map<string, Group>();
  // shortest first, so 茂木 joins 茂木敏充 before anything joins 茂木
  const byLength = [...groups.values()].sort(
    (a, b) => a.key.length - b.key.length || a.order - b.order,
  );
  for (const g of byLength) {
    // "President Obama and his wife Michelle Obama": a title's holder is not the spouse of that name.
    const spouse = (c: Group) => c.mentions.every((m) => m.role && SPOUSES.has(m.role));
    const titled = g.mentions.some((m) => m.role && !SPOUSES.has(m.role));
    const candidates = (fullByShort.get(g.key) ?? []).filter(
      (c) => c.key.length > g.key.length && !(titled && spouse(c)),
    );
    if (candidates.length === 0) continue;
    candidates.sort((a, b) => a.order - b.order);
    const chosen =
      candidates.find((c) => rolesCompatible(g.mentions, c.mentions)) ?? candidates[0]!;
    target.set(g.key, chosen);
  }
  const resolve = (g: Group): Group => {
    let cur = g;
    for (let guard = 0; guard < 10; guard++) {
      const next = target.get(cur.key);
      if (!next) break;
      cur = next;
    }
    return cur;
  };
  const merged = new Map<string, Group>();
  for (const g of groups.values()) {
    const root = resolve(g);
    let m = merged.get(root.key);
    if (!m) merged.set(root.key, (m = { key: root.key, mentions: [], order: root.order }));
    m.mentions.push(...g.mentions);
    m.order = Math.min(m.order, g.order);
  }
  return [...merged.values()];
}

function japaneseShortForms(g: Group): string[] {
  const name = g.mentions[0]!.name;
  const key = g.key;
  if ([...key].every((c) => isKanji(c))) {
    // family names are the first 1-3 kanji of a 2-6 kanji name
    const out: string[] = [];
    for (let n = 1; n < key.length && n <= 3; n++) out.push(key.slice(0, n));
    return out;
  }
  const parts = name.split(/[・＝=、\s]/).filter(Boolean);
  if (parts.length < 2) return [];
  // every run of consecutive parts: ゴンサロ・デ・ベニート・セカデス answers to デ・ベニート
  const out: string[] = [];
  for (let a = 0; a < parts.length; a++) {
    for (let b = a + 1; b <= parts.length; b++)
      if (b - a < parts.length) out.push(japaneseNameKey(parts.slice(a, b).join('')));
  }
  return out;
}

function englishShortForms(g: Group): string[] {
  const tokens = g.key.split(' ');
  return tokens.length >= 2 ? tokens : [];
}

function toPerson(g: Group, lang: 'ja' | 'en'): Person {
  const mentions = [...g.mentions].sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  const fullKey = (m: RawMention): string =>
    lang === 'ja' ? japaneseNameKey(m.name) : englishNameKey(m.name);
  const full = mentions.filter((m) => fullKey(m) === g.key);
  const named = full[0] ?? mentions[0]!;
  let best = mentions[0]!;
  for (const m of mentions) if (mentionWeight(m) > mentionWeight(best)) best = m;

  const otherNames: string[] = [];
  const addName = (n: string): void => {
    if (n !== named.name && !otherNames.includes(n)) otherNames.push(n);
  };
  for (const m of mentions) m.otherNames.forEach(addName);
  if (lang === 'en') for (const m of full) addName(m.name);

  const person: Person = {
    key: g.key,
    name: named.name,
    otherNames,
    participant: mentions.some((m) => m.participant),
    mentions: mentions.map((m) => ({
      paragraph: m.paragraph,
      text: m.text,
      start: m.start,
      end: m.end,
    })),
  };
  const reading = mentions.find((m) => m.reading)?.reading;
  if (reading) person.reading = reading;
  if (best.role) person.role = best.role;
  const affiliation = best.affiliation ?? mentions.find((m) => m.affiliation)?.affiliation;
  if (affiliation) person.affiliation = affiliation;
  if (mentions.some((m) => m.former)) person.former = true;
  if (mentions.some((m) => m.acting)) person.acting = true;
  if (best.deputy) person.deputy = true;
  return person;
}

/**
 * A readout's lead paragraph names its principals ("President Biden welcomed Prime Minister
 * Kishida to the White House today"). When no meeting word marked anyone there, the people of the
 * first paragraph naming two or more are the participants. A lone spokesperson line does not count.
 */
function markLeadParticipants(people: Person[]): void {
  const byParagraph = new Map<number, Person[]>();
  for (const p of people) {
    for (const n of new Set(p.mentions.map((m) => m.paragraph)))
      byParagraph.set(n, [...(byParagraph.get(n) ?? []), p]);
  }
  const lead = [...byParagraph.entries()]
    .sort((a, b) => a[0] - b[0])
    .find(([, named]) => named.length >= 2)?.[1];
  if (lead && !lead.some((p) => p.participant)) for (const p of lead) p.participant = true;
}

/** Participants first (in order of first mention), then everyone else mentioned. */
export interface StatementContext {
  /** The statement's title: names the principals that the body calls "the Secretary", "the Prime Minister". */
  title?: string;
  /** The publisher: whose government an English readout's unqualified officials belong to. */
  publisher?: string;
  /** The statement's date: whose office a bare title names when the statement names no holder. */
  date?: string;
}

/**
 * "India: Ms. Vani Rao, Additional Secretary", 「- 豪州:ジャスティン・ヘイハースト…」: the country a list
 * line is labelled with. The label starts with a non-space: when it could start with the spaces
 * the leading \s* gives back, a paragraph of 100 KB of spaces took minutes (quadratic backtracking).
 */
const LIST_LABEL = /^\s*(?:[-・*•]\s*)?([^:：\n\s][^:：\n]{0,29}?)\s*[:：]/u;

function listLabelCountry(text: string): string | undefined {
  // A label opens the line: looking at its head keeps a 100 KB run of spaces from backtracking.
  const label = LIST_LABEL.exec(text.slice(0, 48))?.[1];
  return label && canonicalCountry(label) ? label : undefined;
}

export function extractPeople(
  paragraphs: readonly Paragraphlike[],
  lang: 'ja' | 'en',
  context: StatementContext = {},
): Person[] {
  const mentions: RawMention[] = [];
  for (const p of paragraphs) {
    const found = lang === 'ja' ? japaneseMentions(p) : englishMentions(p);
    // A delegation list names each side's people under its country: they are of that country, and
    // they took part (a list of who attended is what a participant list is).
    const country = listLabelCountry(p.text);
    if (country) {
      for (const m of found) {
        m.affiliation ??= country;
        m.participant = true;
      }
    }
    mentions.push(...found);
  }
  // 森元総理 beside 森特派大使: a name the statement writes elsewhere without 元 or 前 is that
  // name (森元 is also a family name, so only then). The person is not former in every post: the
  // mention's own role says 元.
  if (lang === 'ja') {
    const names = new Set(mentions.map((m) => m.name));
    for (const m of mentions) {
      if (/.[元前]$/.test(m.name) && names.has(m.name.slice(0, -1))) {
        m.role = m.name.slice(-1) + (m.role ?? '');
        m.name = m.name.slice(0, -1);
      }
    }
  }
  const groups =
    lang === 'ja'
      ? groupBy(mentions, (m) => japaneseNameKey(m.name))
      : groupBy(mentions, (m) => englishNameKey(m.name) || m.name.toLowerCase());
  const folded = foldShortReferences(
    groups,
    lang === 'ja' ? japaneseShortForms : englishShortForms,
  );
  folded.sort((a, b) => a.order - b.order);
  const people = folded.map((g) => toPerson(g, lang));
  if (lang === 'en') {
    resolveDefiniteReferences(paragraphs, people, context);
    speakerOfTitle(paragraphs, people, context);
    affiliateWithPublisher(paragraphs, people, context.publisher);
  }
  affiliatePostedToJapan(people);
  markLeadParticipants(people);
  return [...people.filter((p) => p.participant), ...people.filter((p) => !p.participant)];
}

/** A post in Japan of another country: 駐日大使, "Ambassador to Japan". */
const POSTED_TO_JAPAN = /^駐日|\bto Japan\b/;

/**
 * 「ケネディ駐日大使」 in a readout of a call with the US Secretary of State: an ambassador to Japan
 * whose country is not written is of the one foreign country the statement's people are of.
 */
function affiliatePostedToJapan(people: Person[]): void {
  const foreign = new Set(
    people
      .map((p) => (p.affiliation ? canonicalCountry(p.affiliation) : undefined))
      .filter((c): c is string => c !== undefined && c !== 'Japan'),
  );
  if (foreign.size !== 1) return;
  const [country] = [...foreign];
  // As the statement writes it (米国), as the others' are.
  const written = people.find(
    (p) => p.affiliation && canonicalCountry(p.affiliation) === country,
  )?.affiliation;
  if (!written) return;
  for (const p of people)
    if (!p.affiliation && p.role && POSTED_TO_JAPAN.test(p.role)) p.affiliation = written;
}

const MEETING = /\b(?:met|meets|spoke|speaks|talked|call|called|received|welcomed|hosted)\b/;

const HEADLINE_WORDS =
  /\b(?:To|Visit|Visits|Visiting|Meet|Meets|Meeting|Call|Calls|Speak|Speaks|Talk|Talks|With|On|At|In|For|And|Of|Hold|Holds|Host|Hosts|Welcome|Welcomes|Statement|Readout|Remarks|Trip|Travel|Travels)\b/;

/**
 * "The Secretary reaffirmed ...", "The Prime Minister spoke to President Zelenskyy": the bare title
 * stands for the one person of the statement (or of its title) who holds it. A mention is added to
 * that person; a reference that fits no one, or more than one, is left alone.
 */
function resolveDefiniteReferences(
  paragraphs: readonly Paragraphlike[],
  people: Person[],
  { title, publisher, date }: StatementContext,
): void {
  // Titles are often in Title Case ("Foreign Minister To Visit Fiji"): a "name" holding a word of
  // the headline's grammar is no name.
  const fromTitle = title
    ? extractPeople([{ number: 0, text: title }], 'en').filter((p) => !HEADLINE_WORDS.test(p.name))
    : [];
  const holders = (rank: string): Person[] => {
    const fits = (p: Person) =>
      !!p.role &&
      (p.role === rank ||
        p.role.endsWith(` ${rank}`) ||
        p.role.startsWith(`${rank} of`) ||
        p.role.startsWith(`${rank} for`));
    // A publisher's own bare title is its own office's: in a White House readout "the President"
    // is not the French President the text also names.
    const office = officeHolder(rank, publisher, date);
    // One whose country is not read is ours only if they are the holder ("The President will
    // receive President Arroyo" in a White House statement is Obama receiving her).
    const familyOf = (name: string) => name.split(/\s+/).at(-1)!.toLowerCase();
    const ours = (p: Person) =>
      !office ||
      (p.affiliation
        ? canonicalCountry(p.affiliation) === canonicalCountry(office.country)
        : familyOf(p.name) === familyOf(office.name));
    const inBody = people.filter((p) => fits(p) && ours(p));
    if (inBody.length > 0) return inBody;
    const inTitle = fromTitle.filter((p) => fits(p) && ours(p));
    if (inTitle.length > 0) return inTitle;
    // Named nowhere ("Readout of the President's call with Prime Minister Brown"): the holder of
    // the office on the statement's date.
    if (!office) return [];
    const person = officePerson(office);
    fromTitle.push(person);
    return [person];
  };
  for (const para of paragraphs) {
    for (const m of bareTitles(para.text)) {
      const rank = m.title;
      // "the two Ministers", "the leaders" never match; "the Minister" needs exactly one minister
      const who = holders(rank);
      if (who.length !== 1) continue;
      let person = who[0]!;
      if (!people.includes(person)) {
        person = { ...person, mentions: [] };
        people.push(person);
        fromTitle.splice(fromTitle.indexOf(who[0]!), 1, person);
      }
      const { start, end } = m;
      if (
        person.mentions.some(
          (x) => x.paragraph === para.number && x.start <= start && start < x.end,
        )
      )
        continue;
      person.mentions.push({ paragraph: para.number, text: m.text, start, end });
      const sentenceStart = Math.max(para.text.lastIndexOf('. ', start) + 1, 0);
      const sentenceEnd = para.text.indexOf('. ', end);
      const sentence = para.text.slice(sentenceStart, sentenceEnd < 0 ? undefined : sentenceEnd);
      if (MEETING.test(sentence) && sentence.indexOf(m.text) < sentence.search(MEETING))
        person.participant = true;
    }
  }
  for (const p of people) p.mentions.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
}

/** The holder of an office on the statement's date, as a person the statement names by title only. */
function officePerson(office: OfficeHolder): Person {
  return {
    key: office.name.toLowerCase(),
    name: office.name,
    otherNames: [],
    role: office.title,
    affiliation: office.country,
    participant: false,
    byOffice: true,
    mentions: [],
  };
}

/** "Statement by President Obama on …", "Remarks by Secretary Kerry …": who speaks. */
const SPEAKER_TITLE =
  /(?:^|\()\s*(?:(?:Joint |Press )?Statement|Remarks|Message|Readout|Press Conference)\s+(?:by|from|of)\s+(.+?)(?:\s+(?:on|regarding|concerning|following|after|at|to)\b|[,:)]|$)/;

/**
 * A statement by someone that names them only in its title and speaks as "I" or "we" ("Statement
 * by President Obama …: Michelle and I extend our deepest condolences", "… (Statement by Foreign
 * Press Secretary Yasuhisa Kawamura)": "We are deeply shocked"): the speaker is a person of the
 * statement, written as "I" or "we" where the text first says it.
 */
function speakerOfTitle(
  paragraphs: readonly Paragraphlike[],
  people: Person[],
  { title, publisher, date }: StatementContext,
): void {
  const by = title ? SPEAKER_TITLE.exec(title) : null;
  if (!by) return;
  const speakers = extractPeople([{ number: 0, text: by[1]! }], 'en').filter((p) => p.role);
  // "Press Conference by the Prime Minister" on the Prime Minister's own site: the holder that day.
  const bare = /^(?:the\s+)?(\p{Lu}[\p{L} ]+)$/u.exec(by[1]!.trim());
  const office =
    speakers.length === 0 && bare ? officeHolder(bare[1]!, publisher, date) : undefined;
  if (office) speakers.push(officePerson(office));
  if (speakers.length !== 1) return;
  const speaker = speakers[0]!;
  const key = englishNameKey(speaker.name) || speaker.name.toLowerCase();
  if (
    people.some((p) =>
      (englishNameKey(p.name) || p.name.toLowerCase()).includes(key.split(' ').at(-1)!),
    )
  )
    return;
  for (const para of paragraphs) {
    // "I", or "we" of a spokesperson speaking for the government.
    const i = /(?<![\p{L}])(?:I|We|we)(?![\p{L}'’])/u.exec(para.text);
    if (!i) continue;
    people.push({
      ...speaker,
      participant: true,
      byTitle: true,
      mentions: [
        { paragraph: para.number, text: i[0], start: i.index, end: i.index + i[0].length },
      ],
    });
    return;
  }
}

/** Titles of international bodies: their holders belong to no government. */
const INTERNATIONAL =
  /Secretary-General|Secretary General|High Representative|Director-General|Director General|Commissioner/;

function affiliateWithPublisher(
  paragraphs: readonly Paragraphlike[],
  people: Person[],
  publisher?: string,
): void {
  if (!publisher) return;
  const country = publisherCountry(publisher)?.name;
  if (!country) return;
  // Only the first person named: the publisher's principal who opens the readout ("President Biden
  // spoke with ..."). Others without a country may belong to either side.
  const first = people.reduce<Person | undefined>((best, p) => {
    const m = p.mentions[0];
    const b = best?.mentions[0];
    return m &&
      (!b || m.paragraph < b.paragraph || (m.paragraph === b.paragraph && m.start < b.start))
      ? p
      : best;
  }, undefined);
  if (!first?.role || first.affiliation || INTERNATIONAL.test(first.role)) return;
  // Only in a readout of a meeting or call: a statement with none ("Japan urges the release of …
  // State Counsellor Aung San Suu Kyi") names others first.
  if (paragraphs.some((p) => ANY_MEETING.test(p.text))) first.affiliation = country;
}

const ANY_MEETING =
  /\b(?:met|meets?|meeting|spoke|speaks?|talks?|talked|call(?:ed|s)?(?!\s+for\b)|conversation|teleconference|videoconference|telephone|phone|received|receives|welcomed|hosted|visit|visited|visits|courtesy)\b/i;
