import type { Paragraph, Statement } from '../corpus/types.ts';
import type { Library } from './library.ts';
import type { TimeExpression } from '../understand/times/extract.ts';
import { whatIn } from '../understand/times/what.ts';
import { normalize } from '../text/normalize.ts';
import { cite } from './citation.ts';
import { describeTime } from './describe.ts';
import { makeExcerpt } from './excerpt.ts';
import { matchRanges } from './highlight.ts';
import { notice } from './notices.ts';
import { formText } from './question.ts';
import { bestTier, judgeRelevance, relevanceNotice, scopeStatements, titleNamesEvent, topicParagraphs } from './relevance.ts';
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

function timeItem(statement: Statement, paragraph: Paragraph, e: TimeExpression, lang: SearchScope['lang']): AnswerItem {
  const excerpt = makeExcerpt(paragraph.text, [[e.start, e.end]]);
  const time = timeInfo(e, lang);
  const text = describeTime(time, lang, { time: e.approximateTime, duration: e.approximateDuration });
  return { text, time, citations: [cite(statement, paragraph, excerpt.text)], matched: [e.text] };
}

/** Characters of distance a coarse expression concedes to a precise one, when dating a topic. */
const VAGUENESS = { week: 15, month: 30, year: 60, context: 40 } as const;

/** Opening paragraphs say when the call or meeting took place; later ones rarely do. */
const EVENT_PARAGRAPHS = 2;

/** Longest paragraph taken for a dateline ("Washington, DC (STL.News) February 18, 2021 –"). */
const DATELINE_MAX = 80;

/** When the event of a statement took place: the richest expression of its opening paragraphs. */
function eventTime(lib: Library, si: number): { paragraph: Paragraph; expr: TimeExpression } | undefined {
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
      if (!best || richness(expr) > richness(best.expr)) best = { paragraph, expr };
    }
  }
  return best ?? dateline;
}

/** A paragraph that is a date and little else (a place, a press-release line). */
function isDateline(text: string, exprs: readonly TimeExpression[]): boolean {
  const covered = exprs.reduce((a, e) => a + (e.end - e.start), 0);
  return exprs.length > 0 && text.length <= DATELINE_MAX && covered >= text.trim().length / 3;
}

/** Clause punctuation: a date's clause runs from the mark before it to the mark after it. */
const CLAUSE_MARK = /[、。,;，；!?！？]/;

/** How many of the asked words stand in the clause of `e` (outside `e` itself). */
function clauseHits(text: string, e: TimeExpression, ranges: [number, number][]): number {
  let from = e.start;
  while (from > 0 && !CLAUSE_MARK.test(text[from - 1]!)) from--;
  let to = e.end;
  while (to < text.length && !CLAUSE_MARK.test(text[to]!)) to++;
  return ranges.filter(([s, t]) => s >= from && t <= to && (t <= e.start || s >= e.end)).length;
}

/** The zone a question asks for: 日本時間 / Japan time, 現地時間 / local time. */
function askedZone(query: string): string | undefined {
  if (/日本時間|東京時間|Japan(?:ese)? (?:standard )?time|\bJST\b|Tokyo time/i.test(query)) return 'JST';
  if (/現地時間|local time/i.test(query)) return 'local';
  return undefined;
}

/** The expression with the time in the asked zone first, when it holds both places' times. */
function inAskedZone(e: TimeExpression, query: string): TimeExpression {
  const zone = askedZone(query);
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

/** The kind of event (in the glossary's synonyms) of a statement issued without a meeting. */
const ISSUED = 'statement';

const ISSUED_LABEL = { en: 'date of the statement', ja: '声明の日付' } as const;

/** A statement's own date, cited from its dateline (or first paragraph) as printed. */
function issueItem(statement: Statement, lang: SearchScope['lang']): AnswerItem {
  const paragraph = statement.paragraphs[0]!;
  // Labelled as the statement's own date: the text may not say when the call itself took place.
  const time: TimeInfo = { date: statement.date, what: ISSUED_LABEL[lang] };
  const excerpt = makeExcerpt(paragraph.text, []);
  return { text: describeTime(time, lang), time, citations: [cite(statement, paragraph, excerpt.text)], matched: [] };
}

export function answerWhen(lib: Library, query: string, scope: SearchScope): Answer {
  const none = (text: string): Answer => ({ kind: 'none', language: scope.lang, query, items: [], notice: text });
  if (!query) {
    const si = defaultStatement(lib, scope.lang, scope.statement);
    if (si === undefined) return none(notice('noMatch', scope.lang));
    const found = askedLanguageFirst(lib, scope.lang, eventGroup(lib, si))
      .map((i) => ({ i, t: eventTime(lib, i) }))
      .filter((x): x is { i: number; t: NonNullable<ReturnType<typeof eventTime>> } => x.t !== undefined);
    if (found.length === 0) return none(notice('noTimes', scope.lang));
    // The richest account of the event first; equal ones keep the asked language first.
    const ordered = [...found].sort((a, b) => richness(b.t.expr) - richness(a.t.expr));
    return {
      kind: 'when',
      language: scope.lang,
      query,
      items: ordered.map(({ i, t }) => timeItem(lib.statements[i]!, t.paragraph, t.expr, scope.lang)),
    };
  }

  const rel = judgeRelevance(lib, query, scope.lang, scopeStatements(scope));
  const best = rel.groups[0];
  if (!best) return none(relevanceNotice(rel, scope.lang));
  // "When was the statement issued?" of a statement that is one (談話, Statement by...): its date.
  if (rel.terms.some((w) => w.term.events.includes(ISSUED))) {
    const issued = best.statements.find((si) => titleNamesEvent(lib, si, ISSUED));
    if (issued !== undefined) return { kind: 'when', language: scope.lang, query, items: [issueItem(lib.statements[issued]!, scope.lang)] };
  }
  // The kinds of event asked, the head one first: Japanese puts it last (…首脳会議の前に…した夕食会は),
  // English first ("the dinner before the summit").
  const eventTerms = rel.terms.filter((w) => w.term.events.length > 0);
  const headFirst = scope.lang === 'ja' || /[\p{Script=Han}\p{Script=Katakana}]/u.test(query) ? [...eventTerms].reverse() : eventTerms;
  const askedKinds = headFirst.map(
    (w) => new Set([w.term.label, ...[...w.term.forms, ...w.term.synonyms].map(formText)].map(normalize)),
  );
  const items: AnswerItem[] = [];
  for (const m of bestTier(topicParagraphs(lib, rel, best.statements, scope.lang)).slice(0, scope.limit ?? 5)) {
    const { statement, paragraph } = lib.index.entry(m.id);
    const exprs = lib.facts.get(statement).times[paragraph]!;
    if (exprs.length === 0) continue;
    // The expression nearest to the words asked about dates *that* thing, not another.
    const ranges = matchRanges(m.paragraph.text, m.keywords, m.terms);
    // A day beats a bare year or month next to it (本年のG7 … 同月16日から18日まで…G7外相会合),
    // and a clock time with no date of its own comes last.
    const vagueness = (e: TimeExpression) =>
      (e.precision ? VAGUENESS[e.precision] : 0) + (e.dateFromContext ? VAGUENESS.context : 0);
    const distance = (e: TimeExpression) =>
      Math.min(...ranges.map(([s, t]) => (e.end <= s ? s - e.end : e.start >= t ? e.start - t : 0)), Infinity);
    // Words asked about in the clause of a date are about that date: 3月10日に在外で、3月17日に国内で.
    // Only a day can win that way: 来年のG7外相会合について、その日程を来年4月16日から… is the day.
    const inClause = (e: TimeExpression) => (e.precision ? 0 : clauseHits(m.paragraph.text, e, ranges));
    // A date whose event is the kind asked about (the dinner, not the talks before it) first.
    const kind = (e: TimeExpression) => {
      const what = e.what && !e.precision ? normalize(e.what) : '';
      if (!what) return 0;
      const at = askedKinds.findIndex((set) => [...set].some((k) => k.length > 1 && (what.includes(k) || k.includes(what))));
      return at === -1 ? 0 : askedKinds.length - at;
    };
    const nearest = [...exprs].sort(
      (a, b) => kind(b) - kind(a) || inClause(b) - inClause(a) || distance(a) + vagueness(a) - (distance(b) + vagueness(b)),
    )[0]!;
    items.push(timeItem(m.statement, m.paragraph, inAskedZone(nearest, query), scope.lang));
  }
  // The words asked about stand where no date does (an item of the readout): the event's own date.
  if (items.length === 0) {
    const event = best.statements.map((i) => ({ i, t: eventTime(lib, i) })).find((x) => x.t !== undefined);
    // A readout that dates nothing ("PM Boris Johnson spoke to Yoshihide Suga"): its own date, so labelled.
    if (!event) items.push(issueItem(lib.statements[best.statements[0]!]!, scope.lang));
    else items.push(timeItem(lib.statements[event.i]!, event.t!.paragraph, event.t!.expr, scope.lang));
  }
  return { kind: 'when', language: scope.lang, query, items };
}
