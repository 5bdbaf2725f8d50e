/**
 * Hand-written English atoms: what chrono-node's English parser does not read for readouts
 * (durations, time zone notes in brackets, "the previous day", years alone, day lists), and the
 * list/range tails chrono leaves off ("June 4 and 5", "June 4 through 6", "June 4-6, 2024").
 */
import { applyAtomRules, type Atom, type AtomRule, type DateSpec } from './atoms.ts';
import { MONTH_NAMES } from '../../text/calendar.ts';
import {
  EN_APPROX_BEFORE,
  EN_CONTEXT_DAYS,
  EN_NUMBER_WORDS,
  ZONE_NAMES,
  alternation,
} from './vocabulary.ts';

const ZONE_LONG = alternation(
  Object.keys(ZONE_NAMES).filter((k) => /^[a-z][a-z ,.]*$/.test(k) && k.includes(' ')),
);
const ZONE_ABBREVIATIONS = alternation(
  Object.keys(ZONE_NAMES)
    .filter((k) => /^[a-z]{2,4}$/.test(k))
    .map((k) => k.toUpperCase()),
);
const NUMBER = `\\d{1,3}(?:\\.\\d{1,2})?|${alternation(Object.keys(EN_NUMBER_WORDS))}`;
const DURATION_APPROX = `${alternation(EN_APPROX_BEFORE)}|over|more than|just over|less than|under`;
const DURATION = new RegExp(
  `\\b(?:(${DURATION_APPROX})\\s+)?(half an?|${NUMBER})(\\s+and\\s+a\\s+half)?[\\s-]+(hours?|hrs?|minutes?|mins?)\\b` +
    `(?:\\s+and\\s+(a\\s+half|a\\s+quarter|${NUMBER})(?:[\\s-]+minutes?)?)?`,
  'gi',
);

function numberValue(written: string): number | undefined {
  const w = written.toLowerCase();
  if (/^\d/.test(w)) return Number(w);
  return EN_NUMBER_WORDS[w];
}

function durationMinutes(m: RegExpExecArray): number | undefined {
  const amount = (m[2] ?? '').toLowerCase();
  const unitIsHour = /^h/i.test(m[4] ?? '');
  let minutes: number;
  if (amount.startsWith('half')) minutes = unitIsHour ? 30 : 0.5;
  else {
    const n = numberValue(amount);
    if (n === undefined) return undefined;
    minutes = n * (unitIsHour ? 60 : 1);
  }
  if (m[3]) minutes += unitIsHour ? 30 : 0.5;
  const tail = m[5]?.toLowerCase().replace(/\s+/g, ' ');
  if (tail === 'a half') minutes += unitIsHour ? 30 : 0;
  else if (tail === 'a quarter') minutes += unitIsHour ? 15 : 0;
  else if (tail !== undefined) {
    const extra = numberValue(tail);
    if (extra === undefined || !unitIsHour) return undefined;
    minutes += extra;
  }
  return Number.isFinite(minutes) && minutes > 0 ? Math.round(minutes) : undefined;
}

type Rule = AtomRule;

const hand = 'hand' as const;

/** A zone as written, normalized when the zone table knows it. */
const zoneAtom: Rule['build'] = (m, start, end) => ({
  kind: 'zone',
  start,
  end,
  zone: ZONE_NAMES[m[0].toLowerCase()] ?? m[0],
  source: hand,
});

const RULES: Rule[] = [
  {
    pattern: new RegExp(`\\b(?:${ZONE_LONG})\\b`, 'gi'),
    build: zoneAtom,
  },
  {
    // Abbreviations only in capitals, so "et al." is not Eastern Time; glued to a clock too (11.57KST).
    pattern: new RegExp(`(?:(?<=\\d)|\\b)(?:${ZONE_ABBREVIATIONS})\\b`, 'g'),
    build: zoneAtom,
  },
  {
    // A British clock glued to its zone ("at 11.57KST today"), which chrono does not read; the
    // spaced forms are handed to chrono with a colon (clocksWithColon).
    pattern: new RegExp(`\\b([01]?\\d|2[0-3])\\.([0-5]\\d)(?=(?:${ZONE_ABBREVIATIONS})\\b)`, 'g'),
    build: (m, start, end) => ({
      kind: 'time',
      start,
      end,
      time: { hour: Number(m[1]), minute: Number(m[2]) },
      source: hand,
    }),
  },
  {
    // "(Brussels time)", "; Hanoi time": a place's time written in a bracketed note, kept as written.
    pattern: /(?<=[(;]\s?)[A-Z][a-z]+(?:[ ,.]{1,2}[A-Z][a-zA-Z.]+)? time\b/g,
    build: zoneAtom,
  },
  {
    pattern: DURATION,
    build: (m, start, end) => {
      const minutes = durationMinutes(m);
      return minutes === undefined
        ? undefined
        : { kind: 'duration', start, end, minutes, approximate: m[1] !== undefined, source: hand };
    },
  },
  {
    // "at about 10 a.m.": only before a digit, so "talked about the DPRK" is not an approximation.
    pattern: new RegExp(`\\b(?:${alternation(EN_APPROX_BEFORE)})(?=\\s+\\d)`, 'gi'),
    build: (_m, start, end) => ({ kind: 'approx', start, end, position: 'before', source: hand }),
  },
  {
    pattern: new RegExp(`\\b(?:${alternation(Object.keys(EN_CONTEXT_DAYS))})\\b`, 'gi'),
    build: (m, start, end) => {
      const shift = EN_CONTEXT_DAYS[m[0].toLowerCase()] ?? 0;
      return shift === 0
        ? { kind: 'date', start, end, date: { kind: 'contextDays', shift: 0 }, source: hand }
        : { kind: 'dayOffset', start, end, shift, source: hand };
    },
  },
  {
    // "on the 5th", "until the 21st": a day of the month alone, resolved like 5日 against the statement's month.
    pattern:
      /(?<=\b(?:on|by|until|till|since|from|through|to|and)\s+the\s)([1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?!\s+(?:century|anniversary|time|round|session|meeting|edition|of\s+(?:the|its|their)))(?!\s+and\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?\p{Lu})/giu,
    build: (m, start, end) => ({
      kind: 'date',
      start,
      end,
      date: { kind: 'day', d: Number(m[1]), rule: 'statement', bare: true },
      source: hand,
    }),
  },
  {
    // "on 28 and 29 November", "the 21st and 22nd of April": the first day takes the month written
    // after the second (chrono reads ranges).
    pattern: new RegExp(
      `\\b([1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?(?=\\s+and\\s+(?:the\\s+)?(?:[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_NAMES.join('|')})\\b)`,
      'g',
    ),
    build: (m, start, end) => ({
      kind: 'date',
      start,
      end,
      date: { kind: 'calendar', m: MONTH_NAMES.indexOf(m[2]!) + 1, d: Number(m[1]) },
      source: hand,
    }),
  },
  {
    // "in 2023", "since 1953": a year alone only after a preposition, so "resolution 2397" is not one.
    pattern:
      /(?<=\b(?:(?:in|since|by|until|during|throughout|early|late|of)\s|mid-))((?:1[89]|20)\d{2})\b(?![-–]\d|\s*(?:%|percent|km|tons?|people|troops|million|billion))/gi,
    build: (m, start, end) => ({
      kind: 'date',
      start,
      end,
      date: { kind: 'year', y: Number(m[1]) },
      source: hand,
    }),
  },
];

/**
 * British clocks with a point ("at 11.57 KST today", "11.30 this morning") written with a colon, at
 * the same length, for chrono: only where a clock is certain (after "at", before a zone or a part
 * of the day), so "1.5 percent" and "2.40 million" stay numbers.
 */
const BRITISH_CLOCK = new RegExp(
  `(?<=\\bat\\s(?:around\\s|about\\s)?)\\b([01]?\\d|2[0-3])\\.([0-5]\\d)\\b(?!\\s*(?:%|per|million|billion|bn|m\\b|km|kg))` +
    `|\\b([01]?\\d|2[0-3])\\.([0-5]\\d)(?=\\s(?:${ZONE_ABBREVIATIONS})\\b|\\s+(?:this (?:morning|afternoon|evening)|today|tonight|local time)\\b)`,
  'g',
);

/** "15h15 - Opening Remarks": the hour and minutes joined by an h, as South Africa and France write them. */
const H_CLOCK = /\b([01]?\d|2[0-3])h([0-5]\d)\b/g;

export function clocksWithColon(text: string): string {
  return text
    .replace(BRITISH_CLOCK, (clock) => clock.replace('.', ':'))
    .replace(H_CLOCK, (clock) => clock.replace('h', ':'));
}

export function findEnglishAtoms(text: string): Atom[] {
  return applyAtomRules(RULES, text);
}

const ORDINAL = '(?:st|nd|rd|th)?';
/** What may follow the last day of a list, so "June 4 and 5 ministers" is not a list. */
const AFTER_LIST = `(?=\\s*(?:[,.;:()]|$|(?:in|at|to|for|with|respectively|of|when|where|while|during|the|and|(?:19|20)\\d\\d)\\b))`;
const RANGE_TAIL = new RegExp(
  `^\\s*(?:-|–|—|to|through|until|till)\\s*(\\d{1,2})${ORDINAL}\\b(?![:.]\\d|\\s*(?:a\\.?m|p\\.?m))${AFTER_LIST}`,
  'i',
);
const LIST_TAIL = new RegExp(
  `^((?:\\s*,\\s*\\d{1,2}${ORDINAL}){0,6})\\s*,?\\s*(?:and|&)\\s*(\\d{1,2})${ORDINAL}\\b${AFTER_LIST}`,
  'i',
);
const YEAR_TAIL = /^,?\s*((?:19|20)\d{2})\b/;

/**
 * Extends a chrono date with a list or range of further days in the same month, and a year after it.
 * "between June 4 and 6" is a range, not a list.
 */
export function extendEnglishDate(text: string, atom: Extract<Atom, { kind: 'date' }>): void {
  if (atom.date.kind !== 'calendar' || atom.date.d === undefined || atom.rangeEnd || atom.list)
    return;
  const after = text.slice(atom.end, atom.end + 60);
  const between = /\bbetween\s+$/i.test(text.slice(Math.max(0, atom.start - 12), atom.start));
  const range = RANGE_TAIL.exec(after);
  const list = range ? null : LIST_TAIL.exec(after);
  let consumed = 0;
  if (range) {
    atom.rangeEnd = { kind: 'day', d: Number(range[1]), rule: 'statement' };
    consumed = range[0].length;
  } else if (list) {
    const days = [...(list[1] ?? '').matchAll(/\d{1,2}/g)]
      .map((d) => Number(d[0]))
      .concat(Number(list[2]));
    const specs: DateSpec[] = days.map((d) => ({ kind: 'day', d, rule: 'statement' }));
    if (between && specs.length === 1) atom.rangeEnd = specs[0]!;
    else atom.list = specs;
    consumed = list[0].length;
  }
  if (consumed === 0) return;
  atom.end += consumed;
  const year = YEAR_TAIL.exec(text.slice(atom.end, atom.end + 8));
  if (year && atom.date.y === undefined) {
    atom.date = { ...atom.date, y: Number(year[1]) };
    atom.end += year[0].length;
  }
}
