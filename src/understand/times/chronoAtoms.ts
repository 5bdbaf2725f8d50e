/**
 * chrono-node's reading of dates and clock times, turned into atoms. chrono does the absolute
 * dates (English month names and weekdays, 令和6年11月1日, 10月31日(木)), clock times
 * (8:05 p.m., 7:45a.m., 午後10時), its own ranges, and English relative words (today, last month).
 * Its readings are filtered where they go wrong on readouts: durations read as times
 * ("for two hours"), bare hours ("at 10"), "now", a month name alone without a preposition.
 */
import { createRequire } from 'node:module';
import type * as chrono from 'chrono-node';
import type { Atom, ClockTime, DateSpec } from './atoms.ts';
import { toDayNumber, type CalendarDate } from '../../text/calendar.ts';
import { clocksWithColon, extendEnglishDate } from './en.ts';
import { normalizeZone } from './vocabulary.ts';

type Lang = 'ja' | 'en';
type Components = chrono.ParsedComponents;

const EN_CLOCK = /\d:\d\d|\d\s*[ap]\.?\s*m\b|\d\s*[ap]\.\s*m\.|\bnoon\b|\bmidnight\b/i;
const EN_RELATIVE =
  /\b(?:today|tonight|yesterday|tomorrow|last|next|this|ago|earlier|later|past|coming)\b/i;
const EN_LEADING_WORDS = /^(?:(?:at|on|from|in|by|since|of|the)\s+)+/i;
const EN_DURATION_WORDS = /\b(?:minutes?|hours?|mins?|hrs?|days|weeks|months|years)\b/i;
const EN_MONTH_ONLY_CONTEXT =
  /\b(?:in|since|until|by|during|early|late|mid-?|of|this|last|next|from|to)\s*$/i;
/** chrono keeps a zone abbreviation it knows after the clock: "9:00 a.m. ET", "8 p.m. (EDT) on June 3". */
const EN_ZONE_IN_TEXT = /(?:\d|[apAP]\.?[mM]\.?)\s*\(?(?!(?:AM|PM)\b)([A-Z]{2,5})\b/;

/** chrono reads a same-length copy where "through" is spelled "to", which it understands in ranges. */
function chronoInput(text: string, lang: Lang): string {
  if (lang !== 'en') return text;
  return (
    clocksWithColon(text)
      .replace(/\bthrough\b/gi, 'to     ')
      // "18:10 p.m.": a 24-hour clock with a needless p.m. is read as written; blanks keep the offsets.
      .replace(
        /\b(1[3-9]|2[0-3]):([0-5]\d)(\s*[ap]\.?\s*m\.?)/gi,
        (_, h: string, m: string, tail: string) => `${h}:${m}${' '.repeat(tail.length)}`,
      )
  );
}

function clockOf(c: Components): ClockTime | undefined {
  if (!c.isCertain('hour')) return undefined;
  const hour = c.get('hour');
  const minute = c.isCertain('minute') ? c.get('minute') : 0;
  if (hour === null || minute === null || hour < 0 || hour > 24 || minute < 0 || minute > 59)
    return undefined;
  return { hour: hour === 24 ? 0 : hour, minute };
}

function certain(c: Components, unit: chrono.Component): number | undefined {
  if (!c.isCertain(unit)) return undefined;
  return c.get(unit) ?? undefined;
}

/** A date chrono computed from the reference day, expressed as a shift so resolution stays calendar-only. */
function relativeSpec(c: Components, text: string, statement: CalendarDate): DateSpec | undefined {
  const y = certain(c, 'year');
  const m = certain(c, 'month');
  const d = certain(c, 'day');
  if (y !== undefined && m !== undefined && d !== undefined) {
    const shift = toDayNumber({ y, m, d }) - toDayNumber(statement);
    return /week/i.test(text)
      ? { kind: 'statementDays', shift, precision: 'week' }
      : { kind: 'statementDays', shift };
  }
  if (y !== undefined && m !== undefined)
    return { kind: 'monthShift', shift: y * 12 + m - (statement.y * 12 + statement.m) };
  if (y !== undefined) return { kind: 'yearShift', shift: y - statement.y, base: 'statement' };
  const weekday = certain(c, 'weekday');
  if (weekday !== undefined) {
    const direction = /\blast\b/i.test(text) ? 'last' : /\bnext\b/i.test(text) ? 'next' : 'either';
    return { kind: 'weekday', weekday, direction };
  }
  if (/\b(?:this (?:morning|afternoon|evening)|tonight)\b/i.test(text))
    return { kind: 'statementDays', shift: 0 };
  if (/\bthis week\b/i.test(text)) return { kind: 'statementDays', shift: 0, precision: 'week' };
  return undefined;
}

function absoluteSpec(c: Components): DateSpec | undefined {
  const m = certain(c, 'month');
  if (m !== undefined) return { kind: 'calendar', y: certain(c, 'year'), m, d: certain(c, 'day') };
  const weekday = certain(c, 'weekday');
  if (weekday !== undefined) return { kind: 'weekday', weekday, direction: 'either' };
  const y = certain(c, 'year');
  return y !== undefined ? { kind: 'year', y } : undefined;
}

function resultToAtom(
  r: chrono.ParsedResult,
  text: string,
  lang: Lang,
  statement: CalendarDate,
  offset = 0,
): Atom | undefined {
  let start = offset + r.index;
  let written = r.text;
  if (lang === 'en') {
    const lead = EN_LEADING_WORDS.exec(written);
    if (lead) {
      start += lead[0].length;
      written = written.slice(lead[0].length);
    }
    if (
      /^(?:right\s+)?now$/i.test(written) ||
      (EN_DURATION_WORDS.test(written) && !EN_CLOCK.test(written))
    )
      return undefined;
  }
  written = written.trimEnd();
  let end = start + written.length;
  let rangeAllowed = true;
  if (lang === 'ja' && r.end && text[end] === '間') {
    // "午前11時から1時間": chrono reads a range to 1 o'clock; the tail is a duration for the hand rules.
    const cut = /から|より|[~〜\-–]/.exec(written);
    if (!cut) return undefined;
    written = written.slice(0, cut.index);
    end = start + written.length;
    rangeAllowed = false;
  }
  if (written.length === 0) return undefined;
  // "earlier in the week": a bare unit names no day (chrono reads it as a week from now).
  if (lang === 'en' && /^(?:the\s+)?(?:week|month|year)$/i.test(written)) return undefined;

  const clockAllowed = lang === 'ja' || EN_CLOCK.test(written);
  const time = clockAllowed ? clockOf(r.start) : undefined;
  const endTime = clockAllowed && r.end && rangeAllowed ? clockOf(r.end) : undefined;
  const relative = lang === 'en' && EN_RELATIVE.test(written);
  const date = relative ? relativeSpec(r.start, written, statement) : absoluteSpec(r.start);
  const zoneWritten = lang === 'en' ? EN_ZONE_IN_TEXT.exec(written)?.[1] : undefined;
  const zone = zoneWritten ? normalizeZone(zoneWritten) : undefined;

  if (date?.kind === 'calendar' && date.d === undefined && date.y === undefined && lang === 'en') {
    // A month name alone ("March", "may") is a date only after a preposition and in capitals.
    if (
      !/^[A-Z]/.test(written) ||
      !EN_MONTH_ONLY_CONTEXT.test(text.slice(Math.max(0, start - 12), start))
    )
      return undefined;
  }
  if (date) {
    let rangeEnd: DateSpec | undefined;
    if (r.end && rangeAllowed)
      rangeEnd = relative ? relativeSpec(r.end, written, statement) : absoluteSpec(r.end);
    if (
      rangeEnd?.kind === 'calendar' &&
      date.kind === 'calendar' &&
      rangeEnd.y === undefined &&
      date.y !== undefined
    ) {
      rangeEnd = { ...rangeEnd, y: date.y };
    }
    const atom: Extract<Atom, { kind: 'date' }> = {
      kind: 'date',
      start,
      end,
      date,
      time,
      endTime,
      zone,
      source: 'chrono',
    };
    if (rangeEnd && rangeEnd.kind === 'calendar' && rangeEnd.d !== undefined)
      atom.rangeEnd = rangeEnd;
    if (lang === 'en') extendEnglishDate(text, atom);
    return atom;
  }
  if (time) return { kind: 'time', start, end, time, endTime, zone, source: 'chrono' };
  return undefined;
}

/** Reference instant for chrono: local noon of the statement day, so no time zone can move the day. */
function referenceInstant({ y, m, d }: CalendarDate): Date {
  const ref = new Date(2000, 0, 1, 12, 0, 0, 0);
  ref.setFullYear(y, m - 1, d);
  return ref;
}

/** Words (and digits) without which English text holds nothing chrono can read. */
const EN_TRIGGER =
  /\d|\b(?:today|tonight|last night|yesterday|tomorrow|week|month|year|noon|midnight|morning|afternoon|evening|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\b/gi;
const WINDOW_REACH = 48;
const WORD_REACH = 24;

/**
 * The stretches of English text around date words, merged: chrono's cost grows with the text it
 * reads, and a readout paragraph is mostly prose. Windows end at spaces so words stay whole.
 */
function englishWindows(text: string): [number, number][] {
  const windows: [number, number][] = [];
  EN_TRIGGER.lastIndex = 0;
  for (let m = EN_TRIGGER.exec(text); m !== null; m = EN_TRIGGER.exec(text)) {
    const last = windows[windows.length - 1];
    let from = Math.max(0, m.index - WINDOW_REACH);
    let to = Math.min(text.length, m.index + m[0].length + WINDOW_REACH);
    // Snapping to a space is bounded, so text without spaces stays linear.
    const floor = Math.max(last?.[1] ?? 0, from - WORD_REACH);
    while (from > floor && !/\s/.test(text[from - 1] ?? '')) from--;
    const ceiling = Math.min(text.length, to + WORD_REACH);
    while (to < ceiling && !/\s/.test(text[to] ?? '')) to++;
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  return windows;
}

/** A weekday's short form written alone. */
const WEEKDAY_ABBREVIATION = /^(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?$/;

/** A numeric date with slashes, day and month both possible either way round. */
const SLASHED_DATE = /^\s*\d{1,2}\/\d{1,2}\/\d{4}\s*$/;
const DOTTED_DATE = /^\d{1,2}\.\d{1,2}\.\d{4}$/;

type Locale = typeof chrono.en;
let locales: { en: Locale; ja: typeof chrono.ja } | undefined;

/**
 * chrono's two locales, loaded the first time a text is read for dates: a question answered from
 * the persisted facts never needs them, and they cost about 40 ms of a command line's start-up.
 * Each by its own entry point: chrono-node's main one loads all sixteen locales (about 260
 * modules) for the same `en` and `ja` objects. `require` because reading dates is synchronous.
 */
function chronoLocales(): { en: Locale; ja: typeof chrono.ja } {
  if (!locales) {
    const require = createRequire(import.meta.url);
    locales = {
      en: require('chrono-node/en') as Locale,
      ja: require('chrono-node/ja') as typeof chrono.ja,
    };
  }
  return locales;
}

export function findChronoAtoms(text: string, lang: Lang, statement: CalendarDate): Atom[] {
  const { en, ja } = chronoLocales();
  const parser = lang === 'ja' ? ja : en;
  const input = chronoInput(text, lang);
  const ref = referenceInstant(statement);
  const windows: [number, number][] = lang === 'en' ? englishWindows(input) : [[0, input.length]];
  const results: { r: chrono.ParsedResult; offset: number }[] = [];
  for (const [from, to] of windows) {
    for (const r of parser.parse(input.slice(from, to), ref)) {
      // "at 10:40 (Saturday, February 11": the bracket holds the other place's date, not this clock's.
      const bracket = lang === 'en' ? /\s*\(/.exec(r.text) : null;
      if (bracket && bracket.index > 0 && /\d/.test(r.text.slice(0, bracket.index))) {
        const cut = r.index + bracket.index;
        const pieces = [
          [r.index, cut],
          [cut + bracket[0].length, r.index + r.text.length],
        ] as const;
        for (const [a, b] of pieces)
          for (const x of parser.parse(input.slice(from + a, from + b), ref))
            results.push({ r: Object.assign(x, { index: x.index + a }), offset: from });
        continue;
      }
      results.push({ r, offset: from });
    }
  }
  const atoms: Atom[] = [];
  for (const { r: read, offset } of results) {
    // "the Order of the Rising Sun", "Sat" as a name: a weekday's short form alone dates nothing
    // unless a bracket holds it, as in "October 1 (Sat)".
    if (
      lang === 'en' &&
      WEEKDAY_ABBREVIATION.test(read.text) &&
      text[offset + read.index - 1] !== '('
    )
      continue;
    // Dotted numeric dates (08.12.2021) are day first wherever they are written; only slashes are American.
    let r =
      lang === 'en' && DOTTED_DATE.test(read.text)
        ? (en.GB.parse(read.text, ref).map((x) => Object.assign(x, { index: read.index }))[0] ??
          read)
        : read;
    // 07/02/2016 is 7 February in Brussels and 2 July in Washington: the reading nearer the
    // statement's own date is the one meant.
    if (lang === 'en' && SLASHED_DATE.test(read.text)) {
      const gb = en.GB.parse(read.text, ref).map((x) => Object.assign(x, { index: read.index }))[0];
      const away = (x: chrono.ParsedResult) => Math.abs(x.start.date().getTime() - ref.getTime());
      if (gb && away(gb) < away(r)) r = gb;
    }
    const atom = resultToAtom(r, text, lang, statement, offset);
    if (atom) {
      atoms.push(atom);
      continue;
    }
    // A casual reading that swallowed a real date ("evening of June 4"): read the same span strictly.
    if (lang === 'en') {
      for (const s of en.strict.parse(r.text, ref)) {
        const inner = resultToAtom(s, text, lang, statement, offset + r.index);
        if (inner) atoms.push(inner);
      }
    }
  }
  return atoms;
}
