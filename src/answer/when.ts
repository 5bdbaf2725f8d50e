import type { Paragraph, Statement } from '../corpus/types.ts';
import type { Library } from '../engine/library.ts';
import type { TimeExpression } from '../understand/times/extract.ts';
import { cite } from './citation.ts';
import { describeTime } from './describe.ts';
import { makeExcerpt } from './excerpt.ts';
import { matchRanges } from './highlight.ts';
import { notice } from './notices.ts';
import { bestTier, judgeRelevance, relevanceNotice, scopeStatements, topicParagraphs } from './relevance.ts';
import { askedLanguageFirst, defaultStatement, eventGroup } from './scope.ts';
import type { SearchScope } from './search.ts';
import type { Answer, AnswerItem, TimeInfo } from './types.ts';

/** How much an expression says: a clock time and a duration describe an event, a bare date less. */
function richness(e: TimeExpression): number {
  return 1 + (e.time ? 2 : 0) + (e.durationMinutes ? 2 : 0) + (e.timezone ? 0.5 : 0);
}

export function timeInfo(e: TimeExpression): TimeInfo {
  return {
    date: e.date,
    ...(e.time ? { time: e.time } : {}),
    ...(e.timezone ? { timezone: e.timezone } : {}),
    ...(e.approximate ? { approximate: true } : {}),
    ...(e.durationMinutes ? { durationMinutes: e.durationMinutes } : {}),
    ...(e.endDate && e.endDate !== e.date ? { endDate: e.endDate } : {}),
    ...(e.precision ? { precision: e.precision } : {}),
    ...(e.alternate ? { alternate: e.alternate } : {}),
  };
}

function timeItem(statement: Statement, paragraph: Paragraph, e: TimeExpression, lang: SearchScope['lang']): AnswerItem {
  const excerpt = makeExcerpt(paragraph.text, [[e.start, e.end]]);
  const time = timeInfo(e);
  const text = describeTime(time, lang, { time: e.approximateTime, duration: e.approximateDuration });
  return { text, time, citations: [cite(statement, paragraph, excerpt.text)], matched: [e.text] };
}

/** Characters of distance a coarse expression concedes to a precise one, when dating a topic. */
const VAGUENESS = { week: 15, month: 30, year: 60, context: 40 } as const;

/** Opening paragraphs say when the call or meeting took place; later ones rarely do. */
const EVENT_PARAGRAPHS = 2;

/** When the event of a statement took place: the richest expression of its opening paragraphs. */
function eventTime(lib: Library, si: number): { paragraph: Paragraph; expr: TimeExpression } | undefined {
  const statement = lib.statements[si]!;
  const times = lib.facts.get(si).times;
  let best: { paragraph: Paragraph; expr: TimeExpression } | undefined;
  for (let pi = 0; pi < Math.min(EVENT_PARAGRAPHS, times.length); pi++) {
    for (const expr of times[pi]!) {
      if (!best || richness(expr) > richness(best.expr)) best = { paragraph: statement.paragraphs[pi]!, expr };
    }
  }
  return best;
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
  const items: AnswerItem[] = [];
  for (const m of bestTier(topicParagraphs(lib, rel, best.statements, scope.lang)).slice(0, scope.limit ?? 5)) {
    const exprs = lib.facts.get(lib.index.entries[m.id]!.statement).times[lib.index.entries[m.id]!.paragraph]!;
    if (exprs.length === 0) continue;
    // The expression nearest to the words asked about dates *that* thing, not another.
    const ranges = matchRanges(m.paragraph.text, m.keywords, m.terms);
    // A day beats a bare year or month next to it (本年のG7 … 同月16日から18日まで…G7外相会合),
    // and a clock time with no date of its own comes last.
    const vagueness = (e: TimeExpression) =>
      (e.precision ? VAGUENESS[e.precision] : 0) + (e.dateFromContext ? VAGUENESS.context : 0);
    const distance = (e: TimeExpression) =>
      Math.min(...ranges.map(([s, t]) => (e.end <= s ? s - e.end : e.start >= t ? e.start - t : 0)), Infinity);
    const nearest = [...exprs].sort((a, b) => distance(a) + vagueness(a) - (distance(b) + vagueness(b)))[0]!;
    items.push(timeItem(m.statement, m.paragraph, nearest, scope.lang));
  }
  // The words asked about stand where no date does (an item of the readout): the event's own date.
  if (items.length === 0) {
    const event = best.statements.map((i) => ({ i, t: eventTime(lib, i) })).find((x) => x.t !== undefined);
    if (!event) return none(notice('noTimes', scope.lang));
    items.push(timeItem(lib.statements[event.i]!, event.t!.paragraph, event.t!.expr, scope.lang));
  }
  return { kind: 'when', language: scope.lang, query, items };
}
