import type { Library } from './library.ts';
import { escapeRegExp } from '../text/regexp.ts';
import { EN_ROLE_WORDS_HELD } from '../understand/people/enTitles.ts';
import { indexTerms } from '../text/tokenize.ts';
import { normalize } from '../text/normalize.ts';
import { jaOrEn } from '../text/script.ts';
import { canonicalCountry, countryInJapanese } from '../understand/countries.ts';
import { mergeAcrossLanguages, type Glossary } from '../understand/glossary.ts';
import { stripEnglishHonorifics } from '../understand/people/names.ts';
import { englishTitle, JA_SHORT_TITLES } from '../understand/people/jaTitles.ts';
import { latinFamilyNames } from '../understand/people/familyNames.ts';
import type { Person } from '../understand/people/extract.ts';
import { cite, withOtherLanguageNotice } from './citation.ts';
import { describePerson } from './describe.ts';
import { makeExcerpt } from './excerpt.ts';
import { noAnswer, notice } from './notices.ts';
import { countryOf, formText, type QuestionTerm } from './question.ts';
import {
  askedDays,
  bestTier,
  judgeRelevance,
  namesHeardAs,
  relevanceNotice,
  scopeStatements,
  topicParagraphs,
  type TopicMatch,
} from './relevance.ts';
import { askedLanguageFirst, defaultStatement, eventGroup } from './scope.ts';
import type { SearchScope } from './search.ts';
import type { Answer, AnswerItem, Citation, Lang, PersonInfo } from './types.ts';

/** How many of the best events a role question looks through for one where someone holds the role. */
const ROLE_RUNNERS_UP = 5;

/** A person as one statement names them. */
interface Named {
  person: Person;
  statement: number;
}

const FORMER: Record<Lang, (role: string) => string> = {
  ja: (r) => `前${r}`,
  en: (r) => `former ${r}`,
};
const ACTING: Record<Lang, (role: string) => string> = {
  ja: (r) => `${r}代行`,
  en: (r) => `acting ${r}`,
};

function personInfo(p: Person, lang: Lang): PersonInfo {
  let role = p.role;
  if (role && p.former && !/^前|former/i.test(role)) role = FORMER[lang](role);
  if (role && p.acting && !/代行|代理|acting/i.test(role)) role = ACTING[lang](role);
  const writtenAs = p.byOffice || p.byTitle ? p.mentions[0]?.text : undefined;
  return {
    name: p.name,
    ...(role ? { role } : {}),
    ...(p.affiliation ? { affiliation: p.affiliation } : {}),
    ...(writtenAs ? { writtenAs } : {}),
  };
}

/** Post-nominal letters after an English name in brackets: "Anthony Albanese MP". */
const POST_NOMINALS = /(?:,?\s+(?:MP|AC|AO|QC|KC|OBE|CBE|KBE|GCMG|KCMG))+$/;

/** The first form in `to` of a glossary word (a name or a role) written in the other language. */
function glossaryForm(glossary: Glossary, written: string, to: Lang): string | undefined {
  const from: Lang = to === 'ja' ? 'en' : 'ja';
  const key = normalize(written);
  for (const entry of [...glossary.people, ...glossary.terms]) {
    if (entry[from].some((form) => normalize(form) === key)) return entry[to][0];
  }
  return undefined;
}

/**
 * A Japanese name in kanji for an English answer, with the family name's reading when the table
 * of family names gives exactly one: "Kiuchi (城内実)". Undefined when it gives none or several.
 */
function withReading(name: string): string | undefined {
  if (!/^\p{Script=Han}{2,6}$/u.test(name)) return undefined;
  for (const n of [3, 2]) {
    if (name.length < n) continue;
    const readings = latinFamilyNames(name.slice(0, n)).filter(
      (r) => !/ou|uu/.test(r.toLowerCase()),
    );
    if (readings.length === 1) return `${readings[0]} (${name})`;
    if (readings.length > 1) return undefined;
  }
  return undefined;
}

/**
 * A katakana name for an English answer, spelt as the statements spell the family name in Latin
 * when exactly one name sounds like it: "Clinton (クリントン)". Undefined otherwise.
 */
function heardInLatin(lib: Library, name: string): string | undefined {
  if (!/^[\p{Script=Katakana}ー・･=＝\s]+$/u.test(name)) return undefined;
  const family = name
    .split(/[・･=＝\s]/)
    .filter(Boolean)
    .at(-1)!;
  const heard = namesHeardAs(lib, family);
  return heard.length === 1 ? `${heard[0]} (${name})` : undefined;
}

/**
 * How to present a person whom only the other language's statement names: the glossary's name
 * in the asked language, else (for English) the English name the Japanese text gives in brackets;
 * role through the glossary, country through the country table. What cannot be carried over stays
 * as written.
 */
function faceIn(lang: Lang, p: Person, glossary: Glossary, lib?: Library): Person {
  const bracketName =
    lang === 'en'
      ? p.otherNames
          .map((n) => stripEnglishHonorifics(n).replace(POST_NOMINALS, '').trim())
          .find(Boolean)
      : undefined;
  const name =
    glossaryForm(glossary, p.name, lang) ??
    bracketName ??
    (lang === 'en'
      ? (withReading(p.name) ?? (lib ? heardInLatin(lib, p.name) : undefined))
      : undefined) ??
    p.name;
  const carriedRole = p.role
    ? (glossaryForm(glossary, p.role, lang) ??
      (lang === 'en' && !/[A-Za-z]/.test(p.role) ? englishTitle(p.role) : undefined))
    : undefined;
  const role = carriedRole ?? p.role;
  // A role left as written keeps its country as written too: "Prime Minister, Japan", not "…, 日本".
  const carryCountry = carriedRole !== undefined || !p.role;
  const country =
    p.affiliation && carryCountry
      ? lang === 'en'
        ? canonicalCountry(p.affiliation)
        : countryInJapanese(p.affiliation)
      : undefined;
  const affiliation = country ?? p.affiliation;
  return { ...p, name, ...(role ? { role } : {}), ...(affiliation ? { affiliation } : {}) };
}

function mentionCitation(lib: Library, n: Named, paragraphs?: ReadonlySet<number>): Citation {
  const statement = lib.statements[n.statement]!;
  const mention =
    n.person.mentions.find((m) => !paragraphs || paragraphs.has(m.paragraph)) ??
    n.person.mentions[0]!;
  const paragraph = statement.paragraphs[mention.paragraph - 1]!;
  const excerpt = makeExcerpt(paragraph.text, [[mention.start, mention.end]]);
  const marked = n.person.mentions
    .filter((m) => m.paragraph === mention.paragraph)
    .map((m): [number, number] => [m.start, m.end]);
  return cite(statement, paragraph, excerpt, marked);
}

/** One entry per person: mentions merged across statements of one language, then across languages. */
/** One person across the languages: their entry in each language's statements, if any. */
type NamedPair = { ja?: Named | undefined; en?: Named | undefined };

function mergePeople(lib: Library, statements: number[]): NamedPair[] {
  const byLang: Record<'ja' | 'en', Named[]> = { ja: [], en: [] };
  for (const si of statements) {
    const lang = jaOrEn(lib.statements[si]!.language);
    for (const person of lib.facts.get(si).people) {
      if (!byLang[lang].some((n) => n.person.key === person.key))
        byLang[lang].push({ person, statement: si });
    }
  }
  const find = (lang: 'ja' | 'en', p?: Person) =>
    p ? byLang[lang].find((n) => n.person === p) : undefined;
  return mergeAcrossLanguages(
    byLang.ja.map((n) => n.person),
    byLang.en.map((n) => n.person),
    lib.glossary,
  ).map((pair) => ({ ja: find('ja', pair.ja), en: find('en', pair.en) }));
}

/** Index terms of a text (English stems, Japanese bigrams), for comparing a role with a question's words. */
function termSet(text: string): Set<string> {
  return new Set(indexTerms(normalize(text)));
}

/** Whether a form's words all stand in a text: Japanese as a substring, English as stems. */
function formIn(form: string, text: string, stems: Set<string>): boolean {
  const f = normalize(form);
  if (/[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u.test(f))
    return normalize(text).includes(f);
  const words = indexTerms(f);
  return words.length > 0 && words.every((w) => stems.has(w));
}

/** The title words that hold an English word for a kind of office ("ministers": minister, secretary). */
function heldAs(word: string): readonly string[] {
  const stem = indexTerms(normalize(word)).join(' ');
  for (const [asked, held] of EN_ROLE_WORDS_HELD)
    if (indexTerms(asked).join(' ') === stem) return held;
  return [];
}

/** 外務・通商・宗務大臣 holds three posts of one rank: 外務大臣, 通商大臣, 宗務大臣. */
function portfolioPosts(role: string): string[] {
  const parts = role.split('・');
  const rank = JA_RANK_AT_END.exec(parts.at(-1) ?? '')?.[0];
  if (parts.length < 2 || !rank) return [];
  return parts.slice(0, -1).map((part) => part + rank);
}

const FOREIGN_MINISTRY_OF_JAPAN = /^(?:外務省|Ministry of Foreign Affairs of Japan)$/;

const JA_RANK_AT_END = /(?:副大臣|大臣|長官|部長|相)$/;

/**
 * Whether a person holds the roles a question asks about: every role word in their title (in
 * either language, through the glossary), and a country the question names next to it.
 */
function holdsRole(
  p: Person,
  roles: QuestionTerm[],
  terms: QuestionTerm[],
  publisher = '',
  crossScript = true,
): boolean {
  // 高村大臣 in the Foreign Ministry's own readout is its minister.
  const ownMinister =
    p.role === '大臣' && !p.affiliation && FOREIGN_MINISTRY_OF_JAPAN.test(publisher)
      ? '外務大臣 外相 日本'
      : undefined;
  // A Japanese title answers a role asked in English (外務大臣政務官, "Parliamentary Vice-Minister");
  // not when choosing the event for an English answer, which an English statement should give.
  // Only for a role asked in English: 世界銀行総裁 is a "President", never a 大統領.
  const inEnglish =
    crossScript && p.role && !/[A-Za-z]/.test(p.role) ? englishTitle(p.role) : undefined;
  const role = [p.role, ...(p.role ? portfolioPosts(p.role) : []), ownMinister, p.affiliation]
    .filter(Boolean)
    .join(' ');
  if (!role) return false;
  const stems = termSet(role);
  const english = inEnglish ? `${role} ${inEnglish}` : role;
  const englishStems = inEnglish ? termSet(english) : stems;
  // The word as asked, or its glossary forms in the other script only: 外務大臣 is not 外交部長官.
  const cjk = (x: string) => /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u.test(x);
  const labels = (t: QuestionTerm) => [
    t.label,
    ...(JA_SHORT_TITLES.get(t.label) ?? []),
    ...t.forms.map(formText).filter((f) => cjk(f) !== cjk(t.label)),
  ];
  const held = (t: QuestionTerm, f: string) => {
    const [text, set] = cjk(t.label) ? [role, stems] : [english, englishStems];
    return formIn(f, text, set) || heldAs(f).some((h) => h === 'any' || formIn(h, text, set));
  };
  if (!roles.every((t) => labels(t).some((f) => held(t, f)))) return false;
  // 前首相 is not the prime minister now.
  if (roles.some((t) => t.former) && !p.former) return false;
  const countries = terms.filter(
    (t) =>
      t.identifies && t.distinctive && labels(t).some((f) => canonicalCountry(f) !== undefined),
  );
  if (countries.length === 0) return true;
  const mine = p.affiliation ? canonicalCountry(p.affiliation) : undefined;
  // Without a country read for the person, the words around their name say it (パラオ共和国大統領),
  // or the publisher whose official they are (Ministry of Foreign Affairs, Singapore).
  // The publisher only for a person read without a country: the Japanese Prime Minister in a UK
  // readout is not the UK's.
  const around = [role, ...p.mentions.map((m) => m.text), ...(mine ? [] : [publisher])].join(' ');
  const aroundStems = termSet(around);
  return countries.some(
    (t) =>
      (mine !== undefined && labels(t).some((f) => canonicalCountry(f) === mine)) ||
      labels(t).some((f) => formIn(f, around, aroundStems)),
  );
}

/**
 * Whether the role is what the question asks for (韓国の外交部長官は誰ですか, "Who is the Korean
 * foreign minister", "Which Korean minister …"), not whom the one asked about dealt with ("Who
 * called the UK Prime Minister …").
 */
function asksForRole(query: string, role: string): boolean {
  const r = escapeRegExp(role);
  return (
    new RegExp(`${r}(?:は(?:誰|だれ|どなた)|は?[?？]?$)`, 'u').test(query.trim()) ||
    new RegExp(
      `^\\s*(?:who\\s+(?:is|was|are|were)\\s+(?:the\\s+)?|which\\s+)(?:[\\p{L}'’.-]+\\s+){0,3}${r}`,
      'iu',
    ).test(query)
  );
}

/**
 * The question's terms as a role sees them: a country qualifies a role only when written next to
 * it ("the Korean foreign minister", 中国の外交部長, "Minister of Foreign Affairs of India"), not
 * elsewhere ("Which leader did Boris Johnson update on the UK telecoms review?").
 */
function roleContext(query: string, terms: QuestionTerm[]): QuestionTerm[] {
  // The role asked, not the asker's ("Which leader did the UK Prime Minister call"): a country
  // next to the subject says who asks. A role written twice is asked where it is first written
  // ("Which prime minister did the UK Prime Minister meet").
  const roles = terms.filter((t) => t.role && !t.subject);
  if (roles.length === 0) return terms;
  const esc = (x: string) => escapeRegExp(x);
  const near = (c: QuestionTerm) =>
    roles.some((r) => {
      const first = query.toLowerCase().indexOf(r.label.toLowerCase());
      const m = new RegExp(
        `(${esc(c.label)}(?:['’]s)?(?:の|\\s+)?(?:[\\p{L}.-]+\\s+){0,2})${esc(r.label)}|${esc(r.label)}\\s+(?:[\\p{L}-]+\\s+){0,3}(?:of|for|from)\\s+(?:the\\s+)?${esc(c.label)}`,
        'iu',
      ).exec(query);
      // Japanese asks for the role last (玄葉外務大臣が…した英国の外務大臣): any place will do there.
      return (
        m !== null &&
        (/[^\p{ASCII}]/u.test(r.label) ||
          (m[1] === undefined ? m.index : m.index + m[1].length) === first)
      );
    });
  return terms.filter(
    (t) => !(t.identifies && t.distinctive && countryOf(t) !== undefined) || near(t),
  );
}

/** The publisher of the statement that names a person: whose official they are, when the text does not say. */
function publisherOf(lib: Library, n: Named): string {
  return lib.statements[n.statement]!.publisher;
}

/** Whether a person is of the country a question's word names: by affiliation, or the words around their name. */
function fromCountry(p: Person, t: QuestionTerm): boolean {
  const country = countryOf(t);
  if (p.affiliation) return canonicalCountry(p.affiliation) === country;
  const around = normalize(p.mentions.map((m) => m.text).join(' '));
  return [t.label, ...t.forms.map(formText)].some(
    (form) => form.length > 1 && around.includes(normalize(form)),
  );
}

/** Whether the question names this person ("Who did Kishida meet?" names Kishida). */
function namedInQuestion(e: NamedPair, terms: QuestionTerm[]): boolean {
  return [e.ja, e.en].some(
    (n) => n && terms.some((t) => t.identifies && !t.role && namesPerson(n.person, t)),
  );
}

/** Whether a question's word is (part of) this person's name. */
function namesPerson(p: Person, t: QuestionTerm): boolean {
  const names = [p.name, p.reading, ...p.otherNames]
    .filter((n): n is string => Boolean(n))
    .map(normalize);
  // The word as asked or its other-script forms ("Kiuchi" names 城内実).
  const labels = [t.label, ...t.forms.map(formText)].map(normalize).filter((l) => l.length >= 2);
  return labels.some((label) => names.some((n) => n.includes(label)));
}

/**
 * Lines that give a day the question asks, in statements not of that day: per statement, the
 * paragraph number and the line's bounds. Undefined when the question gives no day or none is found.
 */
function peopleOnAskedDay(
  lib: Library,
  statements: readonly number[],
  query: string,
): Map<number, [number, number, number][]> | undefined {
  const { days } = askedDays(query);
  if (days.length === 0) return undefined;
  const rows = new Map<number, [number, number, number][]>();
  for (const si of statements) {
    const statement = lib.statements[si]!;
    if (days.includes(statement.date)) continue;
    lib.facts.get(si).times.forEach((times, pi) => {
      const text = statement.paragraphs[pi]!.text;
      const ordered = [...times].sort((a, b) => a.start - b.start);
      ordered.forEach((t, k) => {
        if (t.precision || !days.includes(t.date)) return;
        // The row runs from its date (with the year and month written before the day: 2011年9月 | 6日)
        // to the next date or the end of the line.
        const before = ordered[k - 1];
        const opens =
          before &&
          before.precision === 'month' &&
          before.date.slice(0, 7) === t.date.slice(0, 7) &&
          t.start - before.end <= 5
            ? before.start
            : t.start;
        const next = ordered
          .slice(k + 1)
          .find(
            (x) => x.date.slice(0, 7) !== t.date.slice(0, 7) || (!x.precision && x.date !== t.date),
          );
        const lineStart = text.lastIndexOf('\n', t.start) + 1;
        const lineEnd = text.indexOf('\n', t.end);
        const from = Math.max(lineStart, opens);
        const to = Math.min(
          lineEnd === -1 ? text.length : lineEnd,
          next ? next.start : text.length,
        );
        rows.set(si, [...(rows.get(si) ?? []), [statement.paragraphs[pi]!.number, from, to]]);
      });
    });
  }
  return rows.size > 0 ? rows : undefined;
}

/** The people not asked about whom the best-ranked paragraph naming any such person names. */
function nextNamingAnother(
  lib: Library,
  ranked: readonly TopicMatch[],
  entries: readonly NamedPair[],
  asked: (e: NamedPair) => boolean,
): NamedPair[] {
  for (const m of ranked) {
    const si = lib.index.statementOf(m.id);
    const here = entries.filter(
      (e) =>
        !asked(e) &&
        [e.ja, e.en].some(
          (n) =>
            n?.statement === si &&
            n.person.mentions.some((x) => x.paragraph === m.paragraph.number),
        ),
    );
    if (here.length > 0) return here;
  }
  // No paragraph with a word asked names anyone else: a letter's addressee under the signature
  // ("Who did Prime Minister Kan write to?"), when the statement names few others.
  const others = entries.filter((e) => !asked(e));
  return others.length <= FEW_OTHERS ? others : [];
}

/** At most so many people not asked about stand for "whom else" when no matched paragraph names them. */
const FEW_OTHERS = 2;

export function answerWho(lib: Library, query: string, scope: SearchScope): Answer {
  const none = (text?: string): Answer => noAnswer(scope.lang, query, text);
  let statements: number[];
  let terms: QuestionTerm[] = [];
  /** Paragraphs (per statement) the question matched: people must be named there. */
  let matched: Map<number, Set<number>> | undefined;
  /** Every paragraph of the chosen statements that holds a word asked, best first. */
  let ranked: TopicMatch[] = [];

  if (!query) {
    const si = defaultStatement(lib, scope.lang, scope.statement);
    if (si === undefined) return none(notice('noMatch', scope.lang));
    statements = eventGroup(lib, si);
  } else {
    const rel = judgeRelevance(lib, query, scope.lang, scopeStatements(scope));
    if (rel.groups.length === 0) return none(relevanceNotice(rel, scope.lang));
    terms = rel.terms.map((w) => w.term);
    // A role asked about ("India's Minister of External Affairs") is answered by an event where
    // someone holds it: among the close runners-up, the first such one.
    const roles = terms.filter((t) => t.role);
    const holdsAsked = (g: { statements: number[] }) =>
      mergePeople(lib, g.statements).some((e) =>
        [e.ja, e.en].some(
          (n) =>
            n &&
            holdsRole(
              n.person,
              roles,
              roleContext(query, terms),
              publisherOf(lib, n),
              scope.lang === 'ja',
            ),
        ),
      );
    const best =
      (roles.length > 0 ? rel.groups.slice(0, ROLE_RUNNERS_UP).find(holdsAsked) : undefined) ??
      rel.groups[0]!;
    statements = best.statements;
    // People named where the question's words are: the best paragraphs, not every one that shares a word.
    matched = new Map();
    ranked = topicParagraphs(lib, rel, statements, scope.lang, true);
    for (const m of bestTier(ranked)) {
      const si = lib.index.statementOf(m.id);
      matched.set(si, (matched.get(si) ?? new Set()).add(m.paragraph.number));
    }
  }

  let entries = mergePeople(lib, askedLanguageFirst(lib, scope.lang, statements));
  const everyone = entries;
  // Whom the question asks about least: whom it names ("Who did Kishida meet?"), and the holder of
  // a title it makes its subject ("Who did the British Prime Minister thank …?").
  const subjects = terms.filter((t) => t.subject);
  const asker = (e: NamedPair) =>
    namedInQuestion(e, terms) ||
    (subjects.length > 0 &&
      [e.ja, e.en].some(
        (n) => n && holdsRole(n.person, subjects, roleContext(query, terms), publisherOf(lib, n)),
      ));
  // A day asked that is not the statement's own, written in a row of a table or list of earlier
  // events ("2011年9月 | 6日 | 野田佳彦総理 | =温家宝総理"): the people on that day's line.
  const onRow = query ? peopleOnAskedDay(lib, statements, query) : undefined;
  if (onRow) {
    const rowed = entries.filter((e) =>
      [e.ja, e.en].some((n) =>
        n?.person.mentions.some((m) =>
          onRow
            .get(n.statement)
            ?.some(([pn, from, to]) => m.paragraph === pn && m.start >= from && m.end <= to),
        ),
      ),
    );
    if (rowed.length > 0) {
      entries = rowed;
      matched = undefined;
    }
  }
  if (matched && matched.size > 0) {
    const inMatched = (n?: Named) =>
      n?.person.mentions.some((m) => matched!.get(n.statement)?.has(m.paragraph));
    const named = entries.filter((e) => inMatched(e.ja) || inMatched(e.en));
    // A paragraph that names nobody (「三者は…」) speaks for the event's participants, and one that
    // names only whom the question names ("Who did Abe speak with about the test?") for the others.
    const participants = entries.filter(
      (e) => e.ja?.person.participant || e.en?.person.participant,
    );
    const onlyAsked = named.length > 0 && named.every((e) => asker(e));
    // A statement with no meeting has no participants: then everyone it names (the winner of an election).
    const speakers = participants.length > 0 ? participants : entries;
    // "Who represented the group that met Kishida?": the best paragraphs name only Kishida, and
    // the event has no other participant read; the next paragraph that names someone else does.
    // (A role asked finds its holders anywhere in the statement, below.)
    const another =
      onlyAsked && participants.every(asker) && !terms.some((t) => t.role)
        ? nextNamingAnother(lib, ranked, entries, asker)
        : [];
    entries =
      named.length === 0
        ? speakers
        : another.length > 0
          ? another
          : onlyAsked
            ? [...new Set([...participants, ...named])]
            : named;
  }
  if (terms.length > 0) {
    // A role asked about ("the Korean foreign minister") keeps only the people who hold it; not the
    // one who asks ("Who did the UK Prime Minister speak to?").
    const roles = terms.filter((t) => t.role && !t.subject);
    // Judged on the side written in the question's language where there is one.
    const side = (e: NamedPair) =>
      /[\p{Script=Han}\p{Script=Katakana}]/u.test(query) ? (e.ja ?? e.en) : (e.en ?? e.ja);
    const roleTerms = roleContext(query, terms);
    // "Which leaders did the Prime Minister hold bilaterals with": a word for any of several
    // titles (not itself one) also keeps the people the answering paragraph names with no title
    // at all ("… Mr Kikwete, Mr Mbeki, and of course he also met Mr Medvedev").
    const generic =
      roles.length > 0 &&
      roles.every((t) => {
        const held = heldAs(t.label);
        return held.length > 0 && !held.includes(indexTerms(normalize(t.label)).join(' '));
      });
    const untitledHere = (e: NamedPair) =>
      generic &&
      !e.ja?.person.role &&
      !e.en?.person.role &&
      [e.ja, e.en].some((n) =>
        n?.person.mentions.some((m) => matched?.get(n.statement)?.has(m.paragraph)),
      );
    const holds = (e: NamedPair) =>
      holdsRole(side(e)!.person, roles, roleTerms, publisherOf(lib, side(e)!)) || untitledHere(e);
    let holders = entries.filter(holds);
    // "Which outgoing Indonesian leader did Trudeau thank during his call with Prabowo": the one
    // holder is named in the question, so the one asked for is another holder of the post whose
    // country the statement does not write next to him.
    if (holders.length > 0 && holders.every(asker)) {
      const noCountry = roleTerms.filter(
        (t) => !(t.identifies && t.distinctive && countryOf(t) !== undefined),
      );
      const others = everyone.filter((e) => !asker(e) && holds(e));
      const unplaced = entries.filter(
        (e) =>
          !asker(e) &&
          holdsRole(side(e)!.person, roles, noCountry, publisherOf(lib, side(e)!)) &&
          !side(e)!.person.affiliation,
      );
      if (others.length > 0 || unplaced.length > 0) holders = others.length > 0 ? others : unplaced;
    }
    // The paragraph that answers may name only the asker's side: the role's holder is elsewhere in the statement.
    const elsewhere = holders.length > 0 ? holders : everyone.filter(holds);
    if (roles.length > 0 && elsewhere.length > 0) entries = elsewhere;
    // 韓国の外交通商部長官 asked of a call with the French minister: the country written next to the
    // role is no one's here, so no one here holds it.
    const roleCountries = roleTerms.filter(
      (t) => t.identifies && t.distinctive && countryOf(t) !== undefined,
    );
    if (
      roles.length > 0 &&
      elsewhere.length === 0 &&
      roleCountries.length > 0 &&
      roles.some((t) => asksForRole(query, t.label))
    ) {
      const ofCountry = (e: NamedPair) =>
        [e.ja, e.en].some((n) => n && roleCountries.some((t) => fromCountry(n.person, t)));
      // Only when everyone's country is known: a person read without one may well be that country's.
      if (
        everyone.every((e) => [e.ja, e.en].some((n) => n?.person.affiliation)) &&
        !everyone.some(ofCountry)
      ) {
        const asked = [...roleCountries, ...roles]
          .map((t) => t.label)
          .join(scope.lang === 'ja' ? 'の' : ' ');
        return none(notice('noRoleHolder', scope.lang, [asked]));
      }
    }
    // "Who represented India?", 米国から参加したのは: with no title asked, the country the people come
    // from keeps that country's people, when the statement says who they are.
    const countries = terms.filter((t) => t.side && countryOf(t) !== undefined);
    if (roles.length === 0 && countries.length > 0) {
      const fromSide = (e: NamedPair) =>
        [e.ja, e.en].some((n) => n && countries.some((t) => fromCountry(n.person, t)));
      // The paragraph that answers may name only the host: the country's people are elsewhere (a list of attendees).
      const ofSide = entries.filter(fromSide);
      const anywhere = ofSide.length > 0 ? ofSide : everyone.filter(fromSide);
      if (anywhere.length > 0) entries = anywhere;
    }
  }
  if (entries.length === 0) return none(notice('noPeople', scope.lang));

  // Order of first mention in the asked language; people only the other language names come after.
  const firstMention = (e: NamedPair) => {
    const n = scope.lang === 'ja' ? e.ja : e.en;
    const m = n?.person.mentions[0];
    return m ? m.paragraph * 1e6 + m.start : Infinity;
  };
  entries = [...entries].sort((a, b) => firstMention(a) - firstMention(b));
  const participant = (e: NamedPair) =>
    Boolean(e.ja?.person.participant || e.en?.person.participant);
  entries = [...entries.filter(participant), ...entries.filter((e) => !participant(e))];
  // Whom the question asks about least come last.
  if (terms.length > 0) entries = [...entries.filter((e) => !asker(e)), ...entries.filter(asker)];

  const items: AnswerItem[] = entries.map((e) => {
    const own = scope.lang === 'ja' ? (e.ja ?? e.en!) : (e.en ?? e.ja!);
    const other = own === e.ja ? e.en : e.ja;
    const face = (scope.lang === 'en' ? e.en : e.ja)
      ? own.person
      : faceIn(scope.lang, own.person, lib.glossary, lib);
    const person = personInfo(face, scope.lang);
    const sides = [own, other].filter((n): n is Named => n !== undefined);
    const written =
      !face.affiliation || own.person.mentions.some((m) => m.text.includes(face.affiliation!));
    return {
      text: describePerson(person, scope.lang, written),
      person,
      citations: sides.map((n) => mentionCitation(lib, n, matched?.get(n.statement))),
      matched: sides.flatMap((n) => n.person.mentions.map((m) => m.text)),
    };
  });
  return withOtherLanguageNotice({ kind: 'who', language: scope.lang, query, items });
}
