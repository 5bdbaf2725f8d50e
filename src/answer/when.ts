import { sentenceBounds } from '../text/sentences.ts';
import { escapeRegExp } from '../text/regexp.ts';
import type { Paragraph, Statement } from '../corpus/types.ts';
import type { Library } from './library.ts';
import type { TimeExpression } from '../understand/times/extract.ts';
import { whatIn } from '../understand/times/what.ts';
import { normalize } from '../text/normalize.ts';
import { primaryLanguage } from '../text/script.ts';
import { cite, withOtherLanguageNotice } from './citation.ts';
import { describeTime } from './describe.ts';
import { makeExcerpt } from './excerpt.ts';
import { matchRanges } from './highlight.ts';
import { noAnswer, notice } from './notices.ts';
import { countryOf, eventKindsIn, formText } from './question.ts';
import { askedZone } from './route.ts';
import {
  bestTier,
  judgeRelevance,
  relevanceNotice,
  scopeStatements,
  titleNamesEvent,
  topicParagraphs,
  type WeighedTerm,
} from './relevance.ts';
import { askedLanguageFirst, defaultStatement, eventGroup } from './scope.ts';
import type { SearchScope } from './search.ts';
import type { Answer, AnswerItem, TimeInfo } from './types.ts';

/** How much an expression says: a clock time and a duration describe an event, a bare date less. */
function richness(e: TimeExpression): number {
  return 1 + (e.time ? 2 : 0) + (e.durationMinutes ? 2 : 0) + (e.timezone ? 0.5 : 0);
}

export function timeInfo(e: TimeExpression, lang?: SearchScope['lang']): TimeInfo {
  return {
    date: e.date,
    ...(e.time ? { time: e.time } : {}),
    ...(e.timezone ? { timezone: e.timezone } : {}),
    ...(e.approximate ? { approximate: true } : {}),
    ...(e.durationMinutes ? { durationMinutes: e.durationMinutes } : {}),
    ...(e.endDate && e.endDate !== e.date ? { endDate: e.endDate } : {}),
    ...(e.precision ? { precision: e.precision } : {}),
    ...(e.alternate ? { alternate: e.alternate } : {}),
    ...(e.what ? { what: lang ? whatIn(e.what, lang) : e.what } : {}),
    ...(e.instant ? { instant: e.instant } : {}),
  };
}

function timeItem(
  statement: Statement,
  paragraph: Paragraph,
  e: TimeExpression,
  lang: SearchScope['lang'],
): AnswerItem {
  const excerpt = makeExcerpt(paragraph.text, [[e.start, e.end]]);
  const time = timeInfo(e, lang);
  const text = describeTime(time, lang, {
    time: e.approximateTime,
    duration: e.approximateDuration,
  });
  return {
    text,
    time,
    citations: [cite(statement, paragraph, excerpt, [[e.start, e.end]])],
    matched: [e.text],
  };
}

/** Characters of distance a coarse expression concedes to a precise one, when dating a topic. */
const VAGUENESS = { week: 15, month: 30, year: 60, context: 40 } as const;

/** Opening paragraphs say when the call or meeting took place; later ones rarely do. */
const EVENT_PARAGRAPHS = 2;

/** Longest paragraph taken for a dateline ("Washington, DC (STL.News) February 18, 2021 –"). */
const DATELINE_MAX = 80;

/** When the event of a statement took place: the richest expression of its opening paragraphs. */
function eventTime(
  lib: Library,
  si: number,
  dayOnly = false,
): { paragraph: Paragraph; expr: TimeExpression } | undefined {
  const statement = lib.statements[si]!;
  const times = lib.facts.get(si).times;
  let best: { paragraph: Paragraph; expr: TimeExpression } | undefined;
  let dateline: { paragraph: Paragraph; expr: TimeExpression } | undefined;
  let seen = 0;
  for (let pi = 0; pi < times.length && seen < EVENT_PARAGRAPHS; pi++) {
    const paragraph = statement.paragraphs[pi]!;
    // A dateline (October 9, 2008 / 令和6年1月5日) dates the statement, not the event: the paragraphs
    // after it say when the event is, and it answers only when they do not.
    if (isDateline(paragraph.text, times[pi]!)) {
      dateline ??= { paragraph, expr: times[pi]![0]! };
      continue;
    }
    seen++;
    for (const expr of times[pi]!) {
      if (dayOnly && expr.precision) continue;
      if (!best || richness(expr) > richness(best.expr)) best = { paragraph, expr };
    }
  }
  return best ?? dateline;
}

/** A clock time on one of `days` in the opening paragraphs of a statement, datelines included. */
function openingClock(
  lib: Library,
  si: number,
  days: readonly string[],
): { paragraph: Paragraph; expr: TimeExpression } | undefined {
  const times = lib.facts.get(si).times;
  const limit = Math.min(times.length, EVENT_PARAGRAPHS + 2);
  for (let pi = 0; pi < limit; pi++) {
    const expr = times[pi]!.find((e) => e.time && days.includes(e.date));
    if (expr) return { paragraph: lib.statements[si]!.paragraphs[pi]!, expr };
  }
  return undefined;
}

/** A paragraph that is a date and little else (a place, a press-release line). */
function isDateline(text: string, exprs: readonly TimeExpression[]): boolean {
  const covered = exprs.reduce((a, e) => a + (e.end - e.start), 0);
  if (exprs.length === 0 || text.length > DATELINE_MAX || covered < text.trim().length / 3)
    return false;
  // A short lead that is a sentence (「…電話会談が行われたところ、概要次のとおり。」) is no dateline.
  let rest = '';
  let at = 0;
  for (const e of [...exprs].sort((a, b) => a.start - b.start)) {
    const between = text.slice(at, Math.max(at, e.start));
    // Words between two times make a programme ("4月10日 20:00 羽田発 22:20 金浦着"), not a dateline.
    if (at > 0 && /\p{L}/u.test(between)) return false;
    rest += between;
    at = Math.max(at, e.end);
  }
  rest += text.slice(at);
  return !/[。．]|[.!?](?:\s|$)/.test(rest);
}

/** Words that name where an answer is to be found ("according to the statement", 談話によると). */
const SOURCE_PHRASE =
  /\baccording to\b|\bas (?:stated|said|reported) (?:in|by)\b|によると|によれば/i;

/** A question that asks the first or the last of several times ("the first group", 最後に). */
const ASKS_FIRST = /最初|初回|一つ目|1つ目|\bfirst\b/i;
const ASKS_LAST = /最後|\bthe\s+last\b(?!\s+(?:week|month|year|night|weekend|time))/i;

/** Most characters between two dates of a schedule's lines ("11日 モナコ発,ニース経由リスボン着 12日"). */
const SCHEDULE_GAP = 24;

/** Clause punctuation: a date's clause runs from the mark before it to the mark after it. */
const CLAUSE_MARK = /[、。,;，；!?！？]/;

/** How many of the asked words stand in the clause of `e` (outside `e` itself). */
function clauseHits(
  text: string,
  e: TimeExpression,
  ranges: [number, number][],
  exprs: readonly TimeExpression[],
): number {
  const markAfter = (i: number) => {
    while (i < text.length && !CLAUSE_MARK.test(text[i]!)) i++;
    return i;
  };
  let from = e.start;
  while (from > 0 && !CLAUSE_MARK.test(text[from - 1]!)) from--;
  let to = markAfter(e.end);
  // A date that opens its sentence dates the clause after its comma: "Late Saturday morning,
  // President Obama returned ...".
  const opening =
    /^\s*(?:\p{L}+\s+){0,2}$/u.test(text.slice(from, e.start)) &&
    /^\s*\p{L}*$/u.test(text.slice(e.end, to));
  if (opening && text[to] === ',') to = markAfter(to + 1);
  // Sentences bound clauses too ("… phone call. Prime Minister Singh had called … on Friday").
  for (const b of sentenceBounds(text)) {
    if (b <= e.start && b > from) from = b;
    if (b >= e.end && b < to) to = b;
  }
  // And the dates beside it: a schedule's line ("11日 モナコ発,ニース経由リスボン着 12日 リスボン発 13日
  // 羽田着") is its date's up to the next date; the few words between an earlier date and this one
  // are the earlier date's (in a sentence, "May 11 … spoke with Wang Yi on 28 April", they are not).
  for (const o of exprs) {
    if (o.end <= e.start && o.end > from) from = e.start - o.end <= SCHEDULE_GAP ? e.start : o.end;
    if (o.start >= e.end && o.start < to) to = o.start;
  }
  // Overlapping matches are one place in the text (日韓外相 holds 日韓 and 韓外相, both 韓国).
  let hits = 0;
  let end = -1;
  for (const [s, t] of ranges
    .filter(([s, t]) => s >= from && t <= to && (t <= e.start || s >= e.end))
    .sort((a, b) => a[0] - b[0])) {
    if (s >= end) hits++;
    end = Math.max(end, t);
  }
  return hits;
}

/** The expression with the time in the asked zone first, when it holds both places' times. */
function inAskedZone(e: TimeExpression, zone: string | undefined): TimeExpression {
  const alt = e.alternate;
  if (!zone || !alt || e.timezone === zone || alt.timezone !== zone) return e;
  const { alternate: _alt, date: _d, time: _t, timezone: _z, instant: _i, ...rest } = e;
  return {
    ...rest,
    date: alt.date,
    ...(alt.time ? { time: alt.time } : {}),
    timezone: alt.timezone,
    ...(alt.instant ? { instant: alt.instant } : e.instant ? { instant: e.instant } : {}),
    alternate: {
      date: e.date,
      ...(e.time ? { time: e.time } : {}),
      ...(e.timezone ? { timezone: e.timezone } : {}),
      ...(e.instant ? { instant: e.instant } : {}),
    },
  };
}

/**
 * One event told in two expressions of a paragraph: "On December 29, Minister Kawaguchi made a
 * telephone call ... The conversation started at about 18:25 Japan time and continued about 10
 * minutes"; "commencing at 7:00 p.m., ... held a welcome reception ... for approximately 90 minutes".
 * A later expression with no date of its own, on the same day, completes the chosen one with the
 * clock time or the duration it lacks.
 */
function completeTime(
  e: TimeExpression,
  exprs: readonly TimeExpression[],
  text = '',
): TimeExpression | undefined {
  if (e.precision || (e.time && e.durationMinutes)) return undefined;
  // "had a virtual conversation for about one hour and 15 minutes with … on Monday, December 12":
  // a duration alone just before, in the same sentence, is the event's too.
  const before = e.durationMinutes
    ? undefined
    : exprs.find(
        (x) =>
          x.end <= e.start &&
          x.dateFromContext &&
          !x.time &&
          x.durationMinutes &&
          !/[.。!?](?:\s|$)/.test(text.slice(x.end, e.start)),
      );
  const next =
    before ??
    exprs.find(
      (x) =>
        x.start >= e.end &&
        x.dateFromContext &&
        x.date === e.date &&
        !x.precision &&
        (x.time || x.durationMinutes),
    );
  if (!next) return undefined;
  if (e.time && (next.time || !next.durationMinutes)) return undefined;
  const { start: _s, end: _e, text: _t, what: _w, dateFromContext: _c, ...said } = next;
  return {
    ...e,
    ...said,
    date: e.date,
    ...(e.time
      ? {
          time: e.time,
          ...(e.timezone ? { timezone: e.timezone } : {}),
          ...(e.instant ? { instant: e.instant } : {}),
        }
      : {}),
    end: next.end,
    what: e.what ?? next.what,
  };
}

/**
 * The day asked about is in the chosen paragraph, its hour in another ("4月16日に…発生した地震" in
 * item 1, "4月16日午後3時14分頃(日本時間午後7時44分頃)" in the notes): the same day with a clock time,
 * later in the statement, of the same kind of event or none said.
 */
function laterClock(
  lib: Library,
  si: number,
  from: Paragraph,
  e: TimeExpression,
): { paragraph: Paragraph; expr: TimeExpression } | undefined {
  if (e.time || e.precision) return undefined;
  const statement = lib.statements[si]!;
  const times = lib.facts.get(si).times;
  for (let pi = statement.paragraphs.indexOf(from) + 1; pi < times.length; pi++) {
    const x = times[pi]!.find(
      (t) => t.time && t.date === e.date && (!t.what || !e.what || t.what === e.what),
    );
    if (x) return { paragraph: statement.paragraphs[pi]!, expr: { ...x, what: x.what ?? e.what } };
  }
  return undefined;
}

/**
 * The clock time another language's version gives for the event dated on `first`'s day, when it is
 * the same kind of event: the call's hour is not the launch's.
 */
function otherVersionHour(
  lib: Library,
  statements: readonly number[],
  lang: SearchScope['lang'],
  first: TimeInfo,
  asked: ReadonlySet<string>,
): { si: number; paragraph: Paragraph; expr: TimeExpression } | undefined {
  const kindsOf = (what?: string) => (what ? eventKindsIn(what, lib.glossary) : new Set<string>());
  const mine = kindsOf(first.what);
  for (const si of statements) {
    if (primaryLanguage(lib.statements[si]!.language) === lang) continue;
    const t = eventTime(lib, si);
    if (!t?.expr.time || t.expr.date !== first.date) continue;
    const theirs = kindsOf(t.expr.what);
    if (
      mine.size > 0 ? [...mine].some((k) => theirs.has(k)) : [...asked].some((k) => theirs.has(k))
    )
      return { si, ...t };
  }
  return undefined;
}

/** The kind of event (in the glossary's synonyms) of a statement issued without a meeting. */
const ISSUED = 'statement';

const ISSUED_LABEL = { en: 'date of the statement', ja: '声明の日付' } as const;

/** A statement's own date, cited from its dateline (or first paragraph) as printed. */
function issueItem(statement: Statement, lang: SearchScope['lang']): AnswerItem {
  const paragraph = statement.paragraphs[0]!;
  // Labelled as the statement's own date: the text may not say when the call itself took place.
  const time: TimeInfo = { date: statement.date, what: ISSUED_LABEL[lang] };
  const excerpt = makeExcerpt(paragraph.text, []);
  return {
    text: describeTime(time, lang),
    time,
    citations: [cite(statement, paragraph, excerpt.text)],
    matched: [],
  };
}

export function answerWhen(lib: Library, query: string, scope: SearchScope): Answer {
  const none = (text?: string): Answer => noAnswer(scope.lang, query, text);
  if (!query) {
    const si = defaultStatement(lib, scope.lang, scope.statement);
    if (si === undefined) return none(notice('noMatch', scope.lang));
    const found = askedLanguageFirst(lib, scope.lang, eventGroup(lib, si))
      .map((i) => ({ i, t: eventTime(lib, i) }))
      .filter(
        (x): x is { i: number; t: NonNullable<ReturnType<typeof eventTime>> } => x.t !== undefined,
      );
    if (found.length === 0) return none(notice('noTimes', scope.lang));
    // The richest account of the event first; equal ones keep the asked language first.
    const ordered = [...found].sort((a, b) => richness(b.t.expr) - richness(a.t.expr));
    return {
      kind: 'when',
      language: scope.lang,
      query,
      items: ordered.map(({ i, t }) =>
        timeItem(lib.statements[i]!, t.paragraph, t.expr, scope.lang),
      ),
    };
  }

  const rel = judgeRelevance(lib, query, scope.lang, scopeStatements(scope));
  const zone = scope.zone ?? askedZone(query);
  const best = rel.groups[0];
  if (!best) return none(relevanceNotice(rel, scope.lang));
  // The kinds of event asked, the head one first: Japanese puts it last (…首脳会議の前に…した夕食会は),
  // English first ("the dinner before the summit").
  // "…, according to Motegi's condolence message": where to look, not the event asked.
  // English names the source after its marker, Japanese before it (談話によると、…).
  // "According to the October 2006 statement on …, on what date …": the source ends at its comma.
  const marker = SOURCE_PHRASE.exec(query);
  const sourceEnd = marker ? query.indexOf(',', marker.index) : -1;
  const inSource = (label: string) => {
    const at = query.toLowerCase().indexOf(label.toLowerCase());
    if (!marker || at === -1) return false;
    return /^[a-z]/i.test(marker[0])
      ? at > marker.index && (sourceEnd === -1 || at < sourceEnd)
      : at < marker.index;
  };
  const eventTerms = rel.terms.filter((w) => w.term.events.length > 0 && !inSource(w.term.label));
  const ordered =
    scope.lang === 'ja' || /[\p{Script=Han}\p{Script=Katakana}]/u.test(query)
      ? [...eventTerms].reverse()
      : eventTerms;
  // A kind named in brackets is an aside ("電話会談(北朝鮮の核実験当日)"), never the head.
  const aside = (label: string) => {
    const at = query.indexOf(label);
    return at >= 0 && /[(（][^)）]*$/.test(query.slice(0, at));
  };
  const headFirst = [
    ...ordered.filter((w) => !aside(w.term.label)),
    ...ordered.filter((w) => aside(w.term.label)),
  ];
  // "When was the statement issued?" of a statement that is one (談話, Statement by...): its date;
  // not when the statement is where to look ("according to the statement, when did the test ...").
  const head = headFirst[0];
  if (head?.term.events.includes(ISSUED)) {
    const issued = best.statements.find((si) => titleNamesEvent(lib, si, ISSUED));
    // A release that dates the message it reports (8月5日,…メッセージを発出しました): that day.
    const kinds = new Set(
      [head.term.label, ...[...head.term.forms, ...head.term.synonyms].map(formText)].map(
        normalize,
      ),
    );
    // "Presidential Statement", 弔意メッセージ: a statement, a message.
    const isKind = (what: string) => {
      const w = normalize(what);
      return [...kinds].some((k) => k.length > 1 && w.endsWith(k));
    };
    const datesIts = (si: number) =>
      lib.facts
        .get(si)
        .times.some((ts) => ts.some((e) => !e.precision && e.what && isKind(e.what)));
    if (issued !== undefined && !datesIts(issued))
      return {
        kind: 'when',
        language: scope.lang,
        query,
        items: [issueItem(lib.statements[issued]!, scope.lang)],
      };
  }
  // Each kind as asked (訪日) and with its synonyms (訪問, 訪米): the word itself beats a synonym.
  const askedKinds = headFirst.map((w) => ({
    own: new Set([w.term.label, ...w.term.forms.map(formText)].map(normalize)),
    any: new Set(
      [w.term.label, ...[...w.term.forms, ...w.term.synonyms].map(formText)].map(normalize),
    ),
  }));
  const items: AnswerItem[] = [];
  /** An item for a statement's expression, in the zone asked. */
  const found = (si: number, t: { paragraph: Paragraph; expr: TimeExpression }) =>
    timeItem(lib.statements[si]!, t.paragraph, inAskedZone(t.expr, zone), scope.lang);
  /** The expression each item was chosen for. */
  const picked: TimeExpression[] = [];
  const timesOf = (m: { id: number }) => {
    const { statement, paragraph } = lib.index.entry(m.id);
    return lib.facts.get(statement).times[paragraph]!;
  };
  // A dateline matches the date words of a question ("on 22 June 2018") but dates the statement,
  // not the event: the paragraphs that say when the event was come first.
  // A date whose event is the kind asked about (the dinner, not the talks before it) first.
  const kindOf = (e: TimeExpression) => {
    const what = e.what ? normalize(e.what) : '';
    if (!what) return 0;
    const fits = (set: Set<string>) =>
      [...set].some((k) => k.length > 1 && (what.includes(k) || k.includes(what)));
    const at = askedKinds.findIndex((k) => fits(k.any));
    return at === -1 ? 0 : 2 * (askedKinds.length - at) + (fits(askedKinds[at]!.own) ? 1 : 0);
  };
  const kind = (e: TimeExpression) => (e.precision ? 0 : kindOf(e));
  // 「10月の訪問で、…到着する予定日」: the visit is the occasion, the arrival what is asked.
  const occasion = (w: WeighedTerm) =>
    w.term.events.length > 0 &&
    new RegExp(`${escapeRegExp(w.term.label)}(?:で[、,]|の際に?|において|の間に?)`).test(query) &&
    rel.terms.some(
      (x) => !x.term.identifies && x.term.events.length === 0 && !inSource(x.term.label),
    );
  const candidates = topicParagraphs(
    lib,
    rel,
    best.statements,
    scope.lang,
    false,
    (w) => inSource(w.term.label) || occasion(w),
  );
  const undated = candidates.filter((m) => !isDateline(m.paragraph.text, timesOf(m)));
  // The best paragraphs, unless the days they give are of another kind of event asked (the visit
  // discussed in the call asked about) or they give no day ("the nuclear test last month"), and
  // one that gives the day of the head event asked holds at least half as much of the question.
  const pool = undated.length > 0 ? undated : candidates;
  // Which kind asked (not whether as written or by a synonym: 大統領選挙 speaks of the 投票 asked).
  const level = (e: TimeExpression) => Math.floor(kind(e) / 2);
  const datesDay = (m: (typeof pool)[number]) => Math.max(0, ...timesOf(m).map(level));
  const headKind = Math.max(0, ...pool.map(datesDay));
  let chosen = bestTier(pool);
  const weight = (m: (typeof pool)[number]) => m.tier[0] + m.tier[1];
  const days = chosen.flatMap((m) => timesOf(m).filter((e) => !e.precision));
  const otherKind = days.length === 0 || days.every((e) => level(e) > 0 && level(e) < headKind);
  let switched = false;
  if (headKind > 0 && chosen.length > 0 && otherKind) {
    const dated = pool.filter(
      (m) => datesDay(m) === headKind && weight(m) >= weight(chosen[0]!) / 2,
    );
    if (dated.length > 0) [chosen, switched] = [bestTier(dated), true];
  }
  // A close runner-up that gives a day beats paragraphs that give only a month or a year
  // ("the bombing of October 2002" recalled beside "bombs on October 1").
  if (chosen.length > 0 && days.length === 0 && !switched) {
    const dated = pool.filter(
      (m) => timesOf(m).some((e) => !e.precision) && weight(m) >= weight(chosen[0]!) * 0.75,
    );
    if (dated.length > 0) chosen = bestTier(dated);
  }
  // "At what time ...": when the chosen paragraphs give no hour, the best one that gives the hour
  // of the kind of event asked (or of no kind said).
  if (scope.clock && !chosen.some((m) => timesOf(m).some((e) => e.time))) {
    const timed = pool.filter((m) =>
      timesOf(m).some((e) => e.time && (headKind === 0 || !e.what || level(e) === headKind)),
    );
    if (timed.length > 0) chosen = bestTier(timed);
  }
  // Not countries: 韓国 in 「韓国出張から何時に羽田に戻り」 is where the whole visit was.
  const namedKeywords = new Set(
    rel.terms
      .filter((w) => w.term.distinctive && countryOf(w.term) === undefined)
      .flatMap((w) => w.forms.flat().map((k) => k.text)),
  );
  // "最初のグループは何日の何時から": of several times of one kind, the first (or the last) asked.
  const ordinal = ASKS_FIRST.test(query) ? 1 : ASKS_LAST.test(query) ? -1 : 0;
  const order = (e: TimeExpression) => Date.parse(`${e.date}T${e.time ?? '00:00'}:00Z`);
  for (const m of chosen.slice(0, scope.limit ?? 5)) {
    const exprs = timesOf(m);
    if (exprs.length === 0) continue;
    // The expression nearest to the words asked about dates *that* thing, not another.
    // Not the words that say where to look ("according to the readout of the Putin call").
    const sourceTerms = new Set(m.keywords.filter((k) => inSource(k.text)).flatMap((k) => k.terms));
    // Each word of the question apart, so that words written together count as many (羽田着 is 羽田
    // and 着, the 戻る asked).
    const terms = m.terms.filter((t) => !sourceTerms.has(t));
    const seen = new Set<string>();
    const ranges = m.keywords
      .filter((k) => !inSource(k.text))
      .flatMap((k) => matchRanges(m.paragraph.text, [k], terms))
      .filter(([s, t]) => !seen.has(`${s}:${t}`) && seen.add(`${s}:${t}`));
    // Names and places asked: 「8月3日にエルパソ市で,また8月4日にデイトン市で発生した銃撃事件」
    // shares its event among the dates; the place asked tells them apart.
    const namedRanges = m.keywords
      .filter((k) => !inSource(k.text) && namedKeywords.has(k.text))
      .flatMap((k) => matchRanges(m.paragraph.text, [k], terms));
    // A day beats a bare year or month next to it (本年のG7 … 同月16日から18日まで…G7外相会合),
    // and a clock time with no date of its own comes last.
    const vagueness = (e: TimeExpression) =>
      (e.precision ? VAGUENESS[e.precision] : 0) + (e.dateFromContext ? VAGUENESS.context : 0);
    const distance = (e: TimeExpression) =>
      Math.min(
        ...ranges.map(([s, t]) => (e.end <= s ? s - e.end : e.start >= t ? e.start - t : 0)),
        Infinity,
      );
    // Words asked about in the clause of a date are about that date: 3月10日に在外で、3月17日に国内で.
    // Only a day can win that way: 来年のG7外相会合について、その日程を来年4月16日から… is the day.
    const inClause = (e: TimeExpression) =>
      e.precision ? 0 : clauseHits(m.paragraph.text, e, ranges, exprs);
    const namedInClause = (e: TimeExpression) =>
      e.precision ? 0 : clauseHits(m.paragraph.text, e, namedRanges, exprs);
    // "At what time …": an expression that gives the hour before one that gives only the day.
    const clock = (e: TimeExpression) => (scope.clock && e.time ? 1 : 0);
    // "…到着したのは日本時間で何日": the expression in the zone asked (日本時間28日) beside the local one.
    const inZone = (e: TimeExpression) =>
      zone && (e.timezone === zone || e.alternate?.timezone === zone) ? 1 : 0;
    const nearest = [...exprs].sort(
      (a, b) =>
        kind(b) - kind(a) ||
        clock(b) - clock(a) ||
        inZone(b) - inZone(a) ||
        ordinal * (order(a) - order(b)) ||
        namedInClause(b) - namedInClause(a) ||
        inClause(b) - inClause(a) ||
        distance(a) + vagueness(a) - (distance(b) + vagueness(b)),
    )[0]!;
    picked.push(nearest);
    const si = lib.index.statementOf(m.id);
    const whole =
      completeTime(nearest, exprs, m.paragraph.text) ?? laterClock(lib, si, m.paragraph, nearest);
    if (whole && 'paragraph' in whole)
      items.push(timeItem(m.statement, whole.paragraph, inAskedZone(whole.expr, zone), scope.lang));
    else
      items.push(
        timeItem(m.statement, m.paragraph, inAskedZone(whole ?? nearest, zone), scope.lang),
      );
  }
  // A month or a year does not date the event asked when it is another event's ("later in the
  // month" of a State Visit, asked of the meeting), nor answer "On what date …" when the
  // statement's opening dates its own event to the day ("agreed Saturday … back in September").
  if (items.length > 0 && picked.every((e) => e.precision)) {
    const otherKind = picked.every((e) => e.what !== undefined && kindOf(e) === 0);
    if (otherKind || scope.date) {
      const day = best.statements
        .map((i) => ({ i, t: eventTime(lib, i, true) }))
        .find((x) => x.t !== undefined);
      if (day) items.unshift(found(day.i, day.t!));
      else if (otherKind)
        items.splice(0, items.length, issueItem(lib.statements[best.statements[0]!]!, scope.lang));
    }
  }
  // The words asked about stand where no date does (an item of the readout): the event's own date.
  if (items.length === 0) {
    // A day first; a month or year only if it is of the kind asked or of none ("later in the month"
    // of a State Visit does not date the meeting asked).
    const opening = (dayOnly: boolean) =>
      best.statements
        .map((i) => ({ i, t: eventTime(lib, i, dayOnly) }))
        .find((x) => x.t !== undefined);
    const vague = opening(false);
    const event =
      opening(true) ??
      (vague && (!vague.t!.expr.what || kindOf(vague.t!.expr) > 0) ? vague : undefined);
    // A readout that dates nothing ("PM Boris Johnson spoke to Yoshihide Suga"): its own date, so labelled.
    if (!event) items.push(issueItem(lib.statements[best.statements[0]!]!, scope.lang));
    else
      items.push(timeItem(lib.statements[event.i]!, event.t!.paragraph, event.t!.expr, scope.lang));
  }
  // The asked language's version dates the event to the day, the other version to the minute
  // (MOFA's English readouts often leave the clock time out): that one first, for the same event.
  const first = items[0]?.time;
  if (first && !first.time && !first.precision) {
    const asked = new Set(headFirst.flatMap((w) => w.term.events));
    const other = otherVersionHour(lib, best.statements, scope.lang, first, asked);
    if (other) items.unshift(found(other.si, other));
  }
  // "At what time ...?" and "How many minutes ...?" are not answered by a day: say the day is all
  // the statement gives.
  const daysOf = () => [
    ...new Set(items.map((i) => i.time?.date).filter((d): d is string => Boolean(d))),
  ];
  if (
    scope.clock &&
    items.length > 0 &&
    !items.some((i) => i.time?.time || i.time?.alternate?.time)
  ) {
    // A transcript's time stamp ("10:38 A.M. CDT" under the dateline) is the hour its event began;
    // or another publisher's readout of the same event, as good a match, gives it (the State
    // Department's call readout has no hour, MOFA's has).
    const days = daysOf();
    const sameEvent = rel.groups
      .slice(1, 4)
      .filter(
        (g) =>
          g.coverage >= best.coverage &&
          g.statements.some((i) => days.includes(lib.statements[i]!.date)),
      )
      .flatMap((g) => g.statements);
    const stamp = [...best.statements, ...sameEvent]
      .map((i) => ({ i, t: openingClock(lib, i, days) }))
      .find((x) => x.t !== undefined && (!x.t.expr.what || kindOf(x.t.expr) > 0));
    if (!stamp) return none(notice('noClockTime', scope.lang, days));
    items.unshift(found(stamp.i, stamp.t!));
  }
  if (scope.duration && items.length > 0 && !items.some((i) => i.time?.durationMinutes)) {
    return none(notice('noDuration', scope.lang, daysOf()));
  }
  return withOtherLanguageNotice({ kind: 'when', language: scope.lang, query, items });
}
