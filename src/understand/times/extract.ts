/**
 * Date, time, time zone and duration expressions of a paragraph, normalized.
 *
 * Atoms come from chrono-node (absolute dates, clock times, English relative words) and from the
 * hand-written Japanese and English rules (what chrono lacks). Atoms separated only by "glue"
 * (punctuation, brackets, から, at, for, commencing ...) form one expression, so
 * "10月31日、午後10時頃から約30分間" is one expression with a date, a time, 頃 and a duration, and
 * "8:05 p.m. (local time; 10:05 a.m. Japan time)" is one time with an alternate clock time.
 */
import type { Atom, ClockTime, DateSpec } from './atoms.ts';
import { findChronoAtoms } from './chronoAtoms.ts';
import { findEnglishAtoms } from './en.ts';
import { findJapaneseAtoms } from './ja.ts';
import { resolveDate, type ResolutionContext } from './dateResolution.ts';
import {
  addDays,
  formatClock,
  formatIsoDate,
  parseIsoDate,
  type CalendarDate,
} from '../../text/calendar.ts';
import { FUTURE_CUES, normalizeZone } from './vocabulary.ts';
import { attachWhat } from './what.ts';
import { instantOf, publisherZone } from './zones.ts';

export interface TimeExpression {
  /** The verbatim expression as it appears in the paragraph. */
  text: string;
  /** Offsets of `text` in the paragraph. */
  start: number;
  end: number;
  /** YYYY-MM-DD; the first date of a list or range; the first day of a month or year for coarser precision. */
  date: string;
  /** Last date of a range or list. */
  endDate?: string;
  /** Every date of a list. */
  dates?: string[];
  /** HH:MM, 24-hour clock. */
  time?: string;
  /** JST, local, ET/EST/EDT, KST, UTC ... or the zone as written. */
  timezone?: string;
  /** 頃, 約, about, approximately, around: on the time or date, the duration, or both. */
  approximate?: boolean;
  /** Which part the approximation is written on (午前9時15分から約1時間: the duration only). */
  approximateTime?: boolean;
  approximateDuration?: boolean;
  durationMinutes?: number;
  /** The second clock time of one expression, e.g. the Japan time after a local time. */
  alternate?: { date: string; time?: string; timezone?: string; instant?: string };
  /** Set when the text names a week, month or year rather than a day. */
  precision?: 'week' | 'month' | 'year';
  /** Set when the expression has no date of its own (a clock time or duration alone): its date is the one mentioned before, or the statement date. */
  dateFromContext?: boolean;
  /** The event the expression dates, as written next to it (電話会談, the launch, 夕食会); see what.ts. */
  what?: string | undefined;
  /** The moment of the clock time, ISO 8601 with offset, when its zone is known (2024-01-05T10:00:00+09:00). */
  instant?: string;
}

/** What the statement says about its own time zone: the `timezone` front matter key and the publisher. */
export interface TimeOptions {
  timezone?: string | undefined;
  publisher?: string;
  /**
   * The last full date of the paragraphs before (YYYY-MM-DD). A paragraph that opens with a bare
   * day is the next line of a dated list (「5月1日 北京発」, then 「2日 バンコク発」): its month is that date's.
   */
  listDate?: string;
}

type Lang = 'ja' | 'en';

/** Full-width ASCII and the ideographic space to half-width: same length, so offsets stay valid. */
function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** chrono is the slow part: skip it for paragraphs without a digit or a date word. */
const CHRONO_WORTH = {
  ja: /\d/,
  en: /\d|\b(?:today|tonight|night|yesterday|tomorrow|week|month|year|noon|midnight|morning|evening|afternoon|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/i,
} as const;

const GLUE = {
  ja: /^(?:[\s、,()[\]「」・;:~\-–—〜]|から|より|まで|にかけて|及び|および|並びに|と|の|に)*$/,
  en: /^(?:[\s,;:()[\]\-–—]|\b(?:at|on|from|to|until|till|through|for|and|commencing|beginning|starting|lasting|lasted|which|that|of|the)\b)*$/i,
} as const;
const RANGE_GLUE = /から|にかけて|[~\-–—〜]|\b(?:to|until|till|through)\b/i;
const LIST_GLUE = /及び|および|並びに|と|[、,・&]|\band\b/i;
const MAX_GAP = 40;
const OPEN_BRACKETS = /[([]/g;
const CLOSE_BRACKETS = /[)\]]/g;

type DateAtom = Extract<Atom, { kind: 'date' }>;

interface Draft {
  start: number;
  end: number;
  date?: DateSpec;
  list: DateSpec[];
  rangeEnd?: DateSpec | undefined;
  time?: ClockTime;
  endTime?: ClockTime | undefined;
  zone?: string;
  duration?: number;
  approximate: boolean;
  approxTime: boolean;
  approxDuration: boolean;
  pendingApprox: boolean;
  pendingZone?: string | undefined;
  pendingShift?: number | undefined;
  alt: { time?: ClockTime; zone?: string | undefined; shift?: number | undefined; date?: DateSpec };
  last?: Atom['kind'];
  /** Brackets opened and not yet closed up to `end`, kept incrementally so long chains stay linear. */
  depth: number;
}

function newDraft(start: number): Draft {
  return {
    start,
    end: start,
    list: [],
    approximate: false,
    approxTime: false,
    approxDuration: false,
    pendingApprox: false,
    alt: {},
    depth: 0,
  };
}

function bracketBalance(text: string): number {
  return (text.match(OPEN_BRACKETS)?.length ?? 0) - (text.match(CLOSE_BRACKETS)?.length ?? 0);
}

function absorbTime(
  d: Draft,
  time: ClockTime,
  endTime: ClockTime | undefined,
  zone: string | undefined,
  rangeGap: boolean,
): boolean {
  if (!d.time) {
    d.time = time;
    d.endTime = endTime;
    if (zone) d.zone = zone;
    if (d.pendingApprox) d.approximate = d.approxTime = true;
    d.pendingApprox = false;
    return true;
  }
  if (rangeGap && !d.endTime && !d.alt.time) {
    d.endTime = time;
    return true;
  }
  if (!d.alt.time) {
    d.alt.time = time;
    d.alt.zone = zone ?? d.pendingZone;
    d.alt.shift = d.pendingShift;
    return true;
  }
  return false;
}

/** Only written days make lists and ranges: "last month, next week" is two expressions. */
function listable(spec: DateSpec | undefined): boolean {
  return (
    spec !== undefined &&
    (spec.kind === 'calendar' ||
      spec.kind === 'day' ||
      (spec.kind === 'yearShift' && spec.d !== undefined))
  );
}

function absorbDate(d: Draft, a: DateAtom, gap: string, inBracket: boolean): boolean {
  if (a.date.kind === 'weekday' && d.date) {
    // 11月1日（金曜日）午後3時: the weekday only restates the date.
    return a.time ? absorbTime(d, a.time, a.endTime, a.zone, false) : true;
  }
  if (inBracket && d.date && !d.time && !a.time && d.pendingZone && !d.alt.date) {
    // 4月12日（日本時間13日）: the same day as dated in another place.
    d.alt.date = a.date;
    d.alt.zone = d.pendingZone;
    d.pendingZone = undefined;
    return true;
  }
  if (d.time && !d.alt.time && !d.alt.date && !a.time && inBracket && d.date) {
    // 午後2時(日本時間同日午後3時): the other place's date, its clock time follows.
    d.alt.date = a.date;
    return true;
  }
  if (!d.date && !(d.time && a.time)) {
    if (d.alt.time && inBracket) {
      d.alt.date = a.date;
      return true;
    }
    d.date = a.date;
    d.list = a.list ?? [];
    d.rangeEnd = a.rangeEnd;
    if (a.zone && !d.zone) d.zone = a.zone;
    return a.time ? absorbTime(d, a.time, a.endTime, a.zone, false) : true;
  }
  if (d.date && !d.time && !a.time && !d.rangeEnd && listable(d.date) && listable(a.date)) {
    if (RANGE_GLUE.test(gap) && d.list.length === 0) {
      d.rangeEnd = a.date;
      return true;
    }
    if (LIST_GLUE.test(gap)) {
      d.list.push(a.date, ...(a.list ?? []));
      return true;
    }
  }
  if (d.time && !d.alt.time && a.time && inBracket) {
    // "9:30 p.m. (Eastern Time) on June 3 (10:30 a.m. June 4, Japan time)": the other place's date and time.
    d.alt = { time: a.time, date: a.date, zone: a.zone ?? d.pendingZone, shift: d.pendingShift };
    return true;
  }
  if (d.time && d.alt.time && inBracket && !d.alt.date && !a.time) {
    d.alt.date = a.date;
    return true;
  }
  return false;
}

/** `prefix`: the zone is written right before a date or time (日本時間同日午後3時) and belongs to it. */
function absorbZone(d: Draft, zone: string, prefix: boolean, inBracket: boolean): boolean {
  // 12日（現地時間11日）: the zone belongs to the other place's date in the bracket, not to 12日.
  const otherPlaceDate = prefix && inBracket && d.date !== undefined && !d.time && !d.alt.date;
  if ((otherPlaceDate || (prefix && d.time && !d.alt.time)) && !d.pendingZone) {
    d.pendingZone = zone;
    return true;
  }
  if (!d.time || !d.alt.time) {
    if (!d.zone) d.zone = zone;
    else if (d.time && !d.pendingZone) d.pendingZone = zone;
    else return false;
    return true;
  }
  if (!d.alt.zone) {
    d.alt.zone = zone;
    return true;
  }
  return false;
}

/** Adds an atom to the expression being built; false when it begins a new expression. */
function absorb(d: Draft, a: Atom, gap: string, inBracket: boolean, next?: Atom): boolean {
  const rangeGap = RANGE_GLUE.test(gap);
  switch (a.kind) {
    case 'date':
      return absorbDate(d, a, gap, inBracket);
    case 'time':
      if (d.time && a.time && d.alt.time && !rangeGap) return false;
      return absorbTime(d, a.time, a.endTime, a.zone, rangeGap);
    case 'zone':
      return absorbZone(
        d,
        a.zone,
        next !== undefined &&
          next.start === a.end &&
          (next.kind === 'date' || next.kind === 'time' || next.kind === 'dayOffset'),
        inBracket,
      );
    case 'dayOffset':
      if (d.time && !d.alt.time) {
        d.pendingShift = a.shift;
        return true;
      }
      if (!d.date && !d.time) {
        d.date = { kind: 'contextDays', shift: a.shift };
        return true;
      }
      return false;
    case 'duration':
      if (d.duration !== undefined) return false;
      d.duration = a.minutes;
      if (a.approximate || d.pendingApprox) d.approximate = d.approxDuration = true;
      d.pendingApprox = false;
      return true;
    case 'approx':
      if (a.position === 'before') {
        d.pendingApprox = true;
        return true;
      }
      if (d.last === 'time' || d.last === 'date') {
        d.approximate = d.approxTime = true;
        return true;
      }
      return false;
  }
}

/** Removes overlapping atoms: the earliest wins, then the longest, then the hand-written rule. */
function nonOverlapping(atoms: Atom[]): Atom[] {
  const sorted = [...atoms].sort(
    (a, b) =>
      a.start - b.start ||
      b.end - b.start - (a.end - a.start) ||
      (a.source === 'hand' ? -1 : 0) - (b.source === 'hand' ? -1 : 0),
  );
  const kept: Atom[] = [];
  let reached = 0;
  for (const a of sorted) {
    if (a.start < reached) continue;
    kept.push(a);
    reached = a.end;
  }
  return kept;
}

function sentenceAround(text: string, start: number, end: number, lang: Lang): string {
  const from = Math.max(0, start - 200);
  const to = Math.min(text.length, end + 200);
  const before = text.slice(from, start);
  const after = text.slice(end, to);
  const boundary = lang === 'ja' ? /[。！？!?]/g : /(?<!\b[A-Za-z])[.!?](?=\s)/g;
  let cut = 0;
  for (const m of before.matchAll(boundary)) cut = m.index + 1;
  boundary.lastIndex = 0;
  const next = boundary.exec(after);
  return before.slice(cut) + text.slice(start, end) + (next ? after.slice(0, next.index) : after);
}

function diffMinutes(from: ClockTime, to: ClockTime): number | undefined {
  const diff = (to.hour * 60 + to.minute - (from.hour * 60 + from.minute) + 1440) % 1440;
  return diff > 0 ? diff : undefined;
}

interface Finisher {
  original: string;
  norm: string;
  lang: Lang;
  statement: CalendarDate;
  previous?: CalendarDate;
  /** Set for tables and lists of earlier events: the year and month of the row read last. */
  row?: { y?: number; m?: number };
  /** Zone of clock times written without one (front matter, publisher), see zones.ts. */
  defaultZone?: string | undefined;
}

function finish(d: Draft, f: Finisher): TimeExpression | undefined {
  if (!d.date && !d.time && d.duration === undefined) return undefined;
  const future = FUTURE_CUES.test(sentenceAround(f.norm, d.start, d.end, f.lang));
  const ctx: ResolutionContext = {
    statement: f.statement,
    previous: f.previous,
    future,
    ...(f.row ? { row: f.row } : {}),
  };
  const main = d.date
    ? resolveDate(d.date, ctx)
    : { date: f.previous ?? f.statement, precision: 'day' as const };
  if (!main) return undefined;

  let end = d.end;
  for (let open = d.depth; open > 0 && /[)\]]/.test(f.norm[end] ?? ''); open--) end++;
  const expr: TimeExpression = {
    text: f.original.slice(d.start, end),
    start: d.start,
    end,
    date: formatIsoDate(main.date),
  };
  if (main.precision !== 'day') expr.precision = main.precision;
  if (!d.date) expr.dateFromContext = true;

  let last = main.date;
  if (d.list.length > 0) {
    const dates = [main.date];
    for (const spec of d.list) {
      const next = resolveDate(spec, { ...ctx, chainPrevious: dates[dates.length - 1] });
      if (next) dates.push(next.date);
    }
    expr.dates = dates.map(formatIsoDate);
    last = dates[dates.length - 1] ?? main.date;
    expr.endDate = formatIsoDate(last);
  } else if (d.rangeEnd) {
    const rangeEnd = resolveDate(d.rangeEnd, { ...ctx, chainPrevious: main.date });
    if (rangeEnd && formatIsoDate(rangeEnd.date) !== expr.date) {
      last = rangeEnd.date;
      expr.endDate = formatIsoDate(last);
    }
  }
  if (d.time) expr.time = formatClock(d.time.hour, d.time.minute);
  if (d.zone) expr.timezone = d.zone;
  if (d.approximate) expr.approximate = true;
  if (d.approxTime) expr.approximateTime = true;
  if (d.approxDuration) expr.approximateDuration = true;
  const duration = d.duration ?? (d.time && d.endTime ? diffMinutes(d.time, d.endTime) : undefined);
  if (duration !== undefined) expr.durationMinutes = duration;
  if (d.alt.time) {
    const altDate = d.alt.date
      ? resolveDate(d.alt.date, {
          ...ctx,
          chainPrevious: undefined,
          previous: main.date,
          row: undefined,
        })
      : undefined;
    const date = altDate?.date ?? addDays(main.date, d.alt.shift ?? 0);
    expr.alternate = {
      date: formatIsoDate(date),
      time: formatClock(d.alt.time.hour, d.alt.time.minute),
    };
    if (d.alt.zone) expr.alternate.timezone = d.alt.zone;
  } else if (d.alt.date) {
    const altDate = resolveDate(d.alt.date, {
      ...ctx,
      chainPrevious: undefined,
      previous: main.date,
      row: undefined,
    });
    if (altDate)
      expr.alternate = {
        date: formatIsoDate(altDate.date),
        ...(d.alt.zone ? { timezone: d.alt.zone } : {}),
      };
  }
  setInstants(expr, f.defaultZone);
  // 同月/同日 refer to the last date named to the day: 本年 or 来月 name no day to refer back to.
  if (d.date && main.precision === 'day') f.previous = last;
  if (f.row && d.date) {
    // A year cell starts a new year; a month (or a full date) sets the month of the rows that follow.
    if (d.date.kind === 'year') f.row = { y: main.date.y };
    else if (d.date.kind === 'calendar' || d.date.kind === 'yearShift')
      f.row = { y: main.date.y, m: main.date.m };
  }
  return expr;
}

/**
 * The instant of the clock time (and of the other place's), when a zone is known for one of them:
 * the two name the same moment, so a local time with the Japan time beside it has an instant too.
 */
function setInstants(expr: TimeExpression, defaultZone: string | undefined): void {
  if (!expr.time) return;
  const alt = expr.alternate;
  // 午後3時14分頃(日本時間午後7時44分頃): a time with another zone's beside it is the local one,
  // not the publisher's: the publisher's zone is what the brackets give.
  if (!expr.timezone && alt?.time && alt.timezone && alt.timezone !== 'local')
    expr.timezone = 'local';
  const mainZone =
    expr.timezone === 'local'
      ? undefined
      : (expr.timezone ?? (alt?.timezone === 'local' ? undefined : defaultZone));
  // A local time is not the publisher's zone: its instant comes only from the other place's time.
  const own = instantOf(expr.date, expr.time, mainZone);
  const other = alt?.time
    ? instantOf(alt.date, alt.time, alt.timezone === 'local' ? undefined : alt.timezone)
    : undefined;
  if (own) expr.instant = own;
  else if (other) expr.instant = other;
  const instant = other ?? own;
  if (alt?.time && instant) alt.instant = instant;
}

/** A paragraph laid out as a table or a dated list: cells separated by bars or tabs. */
const TABLE = /\|[^|\n]*\|[^|\n]*\||\t[^\t\n]*\t/;

export function extractTimes(
  text: string,
  lang: Lang,
  statementDate: string,
  options: TimeOptions = {},
): TimeExpression[] {
  const statement = parseIsoDate(statementDate);
  if (!statement)
    throw new RangeError(`statement date must be YYYY-MM-DD, got ${JSON.stringify(statementDate)}`);
  const norm = toHalfWidth(text);
  const atoms = [
    ...(lang === 'ja' ? findJapaneseAtoms(norm) : findEnglishAtoms(norm)),
    ...(CHRONO_WORTH[lang].test(norm) ? findChronoAtoms(norm, lang, statement) : []),
  ];
  const finisher: Finisher = {
    original: text,
    norm,
    lang,
    statement,
    ...(TABLE.test(norm) ? { row: {} } : {}),
    defaultZone: publisherZone(options),
  };
  const ordered = nonOverlapping(atoms);
  const opening = ordered[0];
  // 同日11時より (a paragraph after the one dated 5月9日): its first date refers back past the paragraph.
  const firstDate = ordered.find((a) => a.kind === 'date' || a.kind === 'dayOffset');
  const refersBack =
    firstDate?.kind === 'dayOffset' ||
    (firstDate?.kind === 'date' &&
      (firstDate.date.kind === 'contextDays' ||
        (firstDate.date.kind === 'day' && firstDate.date.rule === 'context')));
  // "14:30 (CET) Press statements by …": a line of a programme that opens with a clock time and
  // dates nothing is on the day dated before it.
  const timedLine = opening?.kind === 'time' && opening.start <= 3 && firstDate === undefined;
  if (
    options.listDate &&
    ((opening?.kind === 'date' &&
      opening.date.kind === 'day' &&
      opening.date.bare &&
      opening.start <= 3) ||
      refersBack ||
      timedLine)
  ) {
    const listed = parseIsoDate(options.listDate);
    if (listed) finisher.previous = listed;
  }
  const out: TimeExpression[] = [];
  let draft: Draft | undefined;
  const close = (): void => {
    if (!draft) return;
    const expr = finish(draft, finisher);
    if (expr) out.push(expr);
    draft = undefined;
  };
  for (const [i, atom] of ordered.entries()) {
    const next = ordered[i + 1];
    if (draft) {
      const gap = norm.slice(draft.end, atom.start);
      // Inside a bracket a full stop separates notes of one time: (現地時間。日本時間4月1日10時30分), (local time. 5:30 p.m.).
      // から followed by a comma starts the clause, not a range: 午後7時10分頃から,14日に開催される….
      const glued =
        gap.length <= MAX_GAP &&
        GLUE[lang].test(draft.depth > 0 ? gap.replace(/[。.]/g, '') : gap) &&
        !/から\s*[、,]/.test(gap);
      const depthAtAtom = glued ? draft.depth + bracketBalance(gap) : 0;
      if (glued && absorb(draft, atom, gap, depthAtAtom > 0, next)) {
        draft.end = atom.end;
        draft.last = atom.kind;
        draft.depth = depthAtAtom + bracketBalance(norm.slice(atom.start, atom.end));
        continue;
      }
      close();
    }
    draft = newDraft(atom.start);
    if (absorb(draft, atom, '', false, next)) {
      draft.end = atom.end;
      draft.last = atom.kind;
      draft.depth = bracketBalance(norm.slice(atom.start, atom.end));
    } else {
      draft = undefined;
    }
  }
  close();
  attachWhat(norm, lang, out);
  const joined = attachOtherZones(text, norm, out, finisher.defaultZone);
  // "(local time; 1:30 a.m., July 12, JST)": the other place's zone written after its date.
  for (const e of joined) {
    if (!e.alternate || e.alternate.timezone) continue;
    const zone = ZONE_CLOSING.exec(e.text);
    if (zone && normalizeZone(zone[1]!) !== e.timezone)
      e.alternate.timezone = normalizeZone(zone[1]!);
  }
  return attachDurations(norm, joined);
}

/**
 * A clock time in brackets in another zone, read apart from the time before it
 * (午前7時45分及び47分(日本時間午前9時45分及び47分)頃): the same moment where the readout's other
 * place is, as if it had been written with it.
 */
/** A zone word closing a bracket: "…, July 12, JST)". */
const ZONE_CLOSING =
  /[,;、]\s*(JST|Japan time|Japan Standard Time|日本時間|local time|現地時間)\s*[)）]/i;

/** Between two places' times inside one bracket: "; same day, ", "、同日". */
const SAME_BRACKET = /^\s*[;；,、。]\s*(?:(?:the\s+)?same\s+day|同日)?\s*[,、]?\s*$/i;

/** A bracket opening another place's time, with the zone it names if it names one. */
const OTHER_ZONE_OPENING =
  /[(（]\s*([^\s()（）0-9０-９]{1,10}?時間|Japan time|local time)?\s*(?:(?:the\s+)?same\s+day\s*,?|同日\s*[、,]?)?\s*$/i;

function attachOtherZones(
  original: string,
  norm: string,
  list: TimeExpression[],
  defaultZone: string | undefined,
): TimeExpression[] {
  const out: TimeExpression[] = [];
  for (const e of list) {
    const before = out[out.length - 1];
    const between = before ? norm.slice(before.end, e.start) : '';
    // The other place's zone may open the bracket: 午後0時15分頃(日本時間)(米国時間12日午後10時15分頃).
    // Or the bracket is already open, after the first time's zone: "10:05 a.m. (local time; same
    // day, 6:05 p.m. JST)".
    const open =
      before !== undefined &&
      (before.text.match(/[(（]/g)?.length ?? 0) > (before.text.match(/[)）]/g)?.length ?? 0);
    const opening = OTHER_ZONE_OPENING.exec(between) ?? (open ? SAME_BRACKET.exec(between) : null);
    const zone = e.timezone ?? (opening?.[1] ? normalizeZone(opening[1]) : undefined);
    if (
      before?.time &&
      !before.alternate &&
      e.time &&
      zone &&
      (e.dateFromContext || opening?.[1] !== undefined) &&
      (!e.durationMinutes || !before.durationMinutes) &&
      between.length <= 12 &&
      opening &&
      !/[)）。]/.test(between)
    ) {
      // "(米国時間12日午後10時15分頃)から約15分間": the length after the brackets is the event's.
      if (e.durationMinutes) {
        before.durationMinutes = e.durationMinutes;
        if (e.approximateDuration) before.approximateDuration = true;
      }
      before.alternate = { date: e.date, time: e.time, timezone: zone };
      if (before.timezone === e.timezone) continue;
      // The default zone as assumed, not as written ("午後0時15分頃(日本時間)" keeps it).
      if (
        (!before.timezone || before.timezone === defaultZone) &&
        !(before.timezone && /時間|time\b|JST/i.test(before.text))
      )
        delete before.timezone;
      delete before.instant;
      setInstants(before, defaultZone);
      before.end = Math.max(before.end, e.end);
      before.text = original.slice(before.start, before.end);
      continue;
    }
    out.push(e);
  }
  return out;
}

/**
 * A duration written apart from its clock time in the same sentence
 * (本27日午後8時50分頃から,…,夕食会(約70分間)が開催) is the length of what starts then.
 */
function attachDurations(norm: string, list: TimeExpression[]): TimeExpression[] {
  const out: TimeExpression[] = [];
  // The clock time still open in this sentence; each gap between neighbours is read once.
  let open: TimeExpression | undefined;
  let previousEnd = 0;
  for (const e of list) {
    if (/[。!?]|\.\s/.test(norm.slice(previousEnd, e.start))) open = undefined;
    previousEnd = Math.max(previousEnd, e.end);
    if (
      open &&
      e.durationMinutes &&
      !e.time &&
      e.dateFromContext &&
      (!e.what || !open.what || e.what === open.what)
    ) {
      open.durationMinutes = e.durationMinutes;
      if (e.approximateDuration) open.approximateDuration = true;
      open = undefined;
      continue;
    }
    out.push(e);
    if (e.time && !e.durationMinutes) open = e;
    else if (e.time) open = undefined;
  }
  return out;
}
