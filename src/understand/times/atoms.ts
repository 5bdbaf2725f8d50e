/**
 * The small pieces a time expression is assembled from. Finders (chrono-node and the hand-written
 * Japanese/English rules) emit atoms; times.ts chains adjacent atoms into expressions and
 * resolves their dates against the statement date and the dates mentioned before.
 */

/** A date as written, before the statement date and the context resolve it. */
export type DateSpec =
  /** Year may be missing ("October 31", 10月31日); day may be missing for month precision. */
  | { kind: 'calendar'; y?: number | undefined; m: number; d?: number | undefined }
  | { kind: 'year'; y: number }
  /**
   * A bare or prefixed day: 31日, 昨31日 (statement rule), 先月3日 (month shift), 同3日 (context month).
   * `bare`: written with no prefix at all (31日, "the 5th"): after a date of the same paragraph it is
   * that date's month (or the next or previous one, whichever is nearest), in a table its row's.
   */
  | {
      kind: 'day';
      d: number;
      rule: 'statement' | 'shift' | 'context';
      monthShift?: number;
      bare?: boolean;
    }
  /** A month relative to the statement: 先月, 来月, last month. */
  | { kind: 'monthShift'; shift: number }
  /** A year relative to the statement (昨年, next year) or to the previous date (同年, 翌年), with optional month/day. */
  | {
      kind: 'yearShift';
      shift: number;
      base: 'statement' | 'context';
      m?: number | undefined;
      d?: number | undefined;
    }
  /** Days from the statement date: 本日 0, yesterday -1. */
  | { kind: 'statementDays'; shift: number; precision?: 'week' }
  /** Days from the previous date in the text: 同日 0, 翌日 +1, 前日 -1. */
  | { kind: 'contextDays'; shift: number }
  | { kind: 'weekday'; weekday: number; direction: 'last' | 'next' | 'either' };

export interface ClockTime {
  hour: number;
  minute: number;
}

export type Atom =
  | {
      kind: 'date';
      start: number;
      end: number;
      date: DateSpec;
      /** Later dates of a written list ("June 4 and 5"): bare days inherit the first date's month. */
      list?: DateSpec[];
      rangeEnd?: DateSpec;
      time?: ClockTime | undefined;
      endTime?: ClockTime | undefined;
      zone?: string | undefined;
      source: 'chrono' | 'hand';
    }
  | {
      kind: 'time';
      start: number;
      end: number;
      time: ClockTime;
      endTime?: ClockTime | undefined;
      zone?: string | undefined;
      source: 'chrono' | 'hand';
    }
  | { kind: 'zone'; start: number; end: number; zone: string; source: 'hand' }
  | {
      kind: 'duration';
      start: number;
      end: number;
      minutes: number;
      approximate: boolean;
      source: 'hand';
    }
  /** 約/about/around before a time, 頃/ごろ/前後 after it. */
  | { kind: 'approx'; start: number; end: number; position: 'before' | 'after'; source: 'hand' }
  /** 前日/翌日/"the previous day": a day offset for the clock time that follows, or a date of its own. */
  | { kind: 'dayOffset'; start: number; end: number; shift: number; source: 'hand' };

/** A hand-written pattern and what its match means. */
export interface AtomRule {
  pattern: RegExp;
  build(m: RegExpExecArray, start: number, end: number): Atom | undefined;
}

/** Every atom the rules find in a text (global patterns; empty matches are stepped over). */
export function applyAtomRules(rules: readonly AtomRule[], text: string): Atom[] {
  const atoms: Atom[] = [];
  for (const rule of rules) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m !== null; m = rule.pattern.exec(text)) {
      if (m[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      const atom = rule.build(m, m.index, m.index + m[0].length);
      if (atom) atoms.push(atom);
    }
  }
  return atoms;
}
