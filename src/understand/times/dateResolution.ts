/**
 * Turns a written date (DateSpec) into a calendar date, using the statement date, the date
 * mentioned before it in the text, and whether its sentence speaks of the future.
 *
 * Year inference for dates written without a year: the statement's year, except that a date more
 * than about two months after the statement is last year's (a December event in a January
 * statement) unless the sentence is about the future (予定, will, next, scheduled); and in a future
 * sentence a date more than two months before the statement is next year's.
 */
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  isValidDate,
  weekdayOf,
  type CalendarDate,
} from '../../text/calendar.ts';
import type { DateSpec } from './atoms.ts';

export type Precision = 'day' | 'week' | 'month' | 'year';

export interface ResolvedDate {
  date: CalendarDate;
  precision: Precision;
}

export interface ResolutionContext {
  statement: CalendarDate;
  /** The last date mentioned before this one in the text, for 同日, 同N日, 翌日. */
  previous?: CalendarDate | undefined;
  /** The date just before in the same list or range, which a bare day or a year-less date continues. */
  chainPrevious?: CalendarDate | undefined;
  future: boolean;
  /** In a table: the year and month of the row (or of the rows above, for cells spanning rows). */
  row?: { y?: number; m?: number } | undefined;
}

/** Days beyond which an undated day is no longer read as the near past or near future. */
const NEAR_DAYS = 62;

function inferYear(m: number, d: number | undefined, ctx: ResolutionContext): number {
  const s = ctx.statement;
  const candidate = { y: s.y, m, d: Math.min(d ?? 1, daysInMonth(s.y, m)) };
  const statementAnchor = d === undefined ? { ...s, d: 1 } : s;
  const diff = daysBetween(statementAnchor, candidate);
  if (diff > NEAR_DAYS && !ctx.future) return s.y - 1;
  if (diff < -NEAR_DAYS && ctx.future) return s.y + 1;
  return s.y;
}

/** A day of the statement's month, or of the month before when that day is still to come. */
function dayNearStatement(d: number, ctx: ResolutionContext): CalendarDate {
  const s = ctx.statement;
  const shift = d > s.d && !ctx.future ? -1 : d < s.d && ctx.future ? 1 : 0;
  const { y, m } = addMonths(s.y, s.m, shift);
  return { y, m, d };
}

/** A bare day after a dated day of the same text: that date's month, or the month before or after, whichever is nearest. */
function dayNear(d: number, anchor: CalendarDate): CalendarDate | undefined {
  let best: CalendarDate | undefined;
  for (const shift of [0, 1, -1]) {
    const { y, m } = addMonths(anchor.y, anchor.m, shift);
    const c = { y, m, d };
    if (!isValidDate(c)) continue;
    if (!best || Math.abs(daysBetween(anchor, c)) < Math.abs(daysBetween(anchor, best))) best = c;
  }
  return best;
}

function dayContinuing(d: number, prev: CalendarDate): CalendarDate {
  if (d >= prev.d) return { y: prev.y, m: prev.m, d };
  const { y, m } = addMonths(prev.y, prev.m, 1);
  return { y, m, d };
}

function nearestWeekday(
  weekday: number,
  direction: 'last' | 'next' | 'either',
  ctx: ResolutionContext,
): CalendarDate {
  const s = ctx.statement;
  const today = weekdayOf(s);
  const back = (today - weekday + 7) % 7;
  const forward = (weekday - today + 7) % 7;
  if (direction === 'last') return addDays(s, -(back === 0 ? 7 : back));
  if (direction === 'next') return addDays(s, forward === 0 ? 7 : forward);
  return ctx.future ? addDays(s, forward) : addDays(s, -back);
}

function valid(date: CalendarDate, precision: Precision = 'day'): ResolvedDate | undefined {
  return isValidDate(date) ? { date, precision } : undefined;
}

export function resolveDate(spec: DateSpec, ctx: ResolutionContext): ResolvedDate | undefined {
  const s = ctx.statement;
  switch (spec.kind) {
    case 'calendar': {
      let y = spec.y;
      if (y === undefined && ctx.chainPrevious) {
        y = ctx.chainPrevious.y + (spec.m < ctx.chainPrevious.m ? 1 : 0);
      }
      y ??= ctx.row?.y ?? inferYear(spec.m, spec.d, ctx);
      return spec.d === undefined
        ? valid({ y, m: spec.m, d: 1 }, 'month')
        : valid({ y, m: spec.m, d: spec.d });
    }
    case 'year':
      return valid({ y: spec.y, m: 1, d: 1 }, 'year');
    case 'day': {
      if (spec.rule === 'statement') {
        if (ctx.chainPrevious) return valid(dayContinuing(spec.d, ctx.chainPrevious));
        if (spec.bare && ctx.row?.m !== undefined) {
          return valid({
            y: ctx.row.y ?? inferYear(ctx.row.m, spec.d, ctx),
            m: ctx.row.m,
            d: spec.d,
          });
        }
        if (spec.bare && ctx.previous) {
          const near = dayNear(spec.d, ctx.previous);
          // "will meet again on the 5th": a future sentence does not go back before the statement.
          if (near && !(ctx.future && daysBetween(s, near) < 0)) return valid(near);
        }
        return valid(dayNearStatement(spec.d, ctx));
      }
      const base =
        spec.rule === 'context' ? (ctx.previous ?? s) : addMonths(s.y, s.m, spec.monthShift ?? 0);
      return valid({ y: base.y, m: base.m, d: spec.d });
    }
    case 'monthShift': {
      const { y, m } = addMonths(s.y, s.m, spec.shift);
      return valid({ y, m, d: 1 }, 'month');
    }
    case 'yearShift': {
      const y = (spec.base === 'context' ? (ctx.previous ?? s).y : s.y) + spec.shift;
      if (spec.m === undefined) return valid({ y, m: 1, d: 1 }, 'year');
      return spec.d === undefined
        ? valid({ y, m: spec.m, d: 1 }, 'month')
        : valid({ y, m: spec.m, d: spec.d });
    }
    case 'statementDays':
      return valid(addDays(s, spec.shift), spec.precision ?? 'day');
    case 'contextDays':
      return valid(addDays(ctx.previous ?? s, spec.shift));
    case 'weekday':
      return valid(nearestWeekday(spec.weekday, spec.direction, ctx));
  }
}
