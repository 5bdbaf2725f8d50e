/**
 * Hand-written Japanese atoms: what chrono-node's Japanese parser does not read
 * (relative days and months, bare days, era years alone, day lists, 正午, durations, time zones, 頃).
 * Input is width-normalized text (digits and brackets half-width, same offsets as the original).
 */
import { applyAtomRules, type Atom, type AtomRule, type DateSpec } from './atoms.ts';
import { ERA_NAMES, eraToGregorian } from './eraYears.ts';
import {
  JA_APPROX_AFTER,
  JA_APPROX_BEFORE,
  JA_CONTEXT_DAYS,
  JA_MONTH_SHIFT,
  JA_STATEMENT_DAYS,
  JA_WEEK_SHIFT,
  JA_YEAR_SHIFT,
  ZONE_NAMES,
  alternation,
} from './vocabulary.ts';

const JA_ZONES = alternation(Object.keys(ZONE_NAMES).filter((k) => /[^\p{ASCII}]/u.test(k)));
const APPROX_BEFORE = alternation(JA_APPROX_BEFORE);
const APPROX_SUFFIX = alternation(
  JA_APPROX_AFTER.filter((w) => !['頃', 'ごろ', '前後', '過ぎ', 'すぎ'].includes(w)),
);
const TIME_APPROX_AFTER = '頃|ごろ|前後|過ぎ|すぎ';
/** What may follow "N日" when it is not a day of the month (3日間, 1日も早く, 1日当たり). */
const NOT_A_DAY_AFTER = '間|目|も早|あたり|当たり|以内|以上|未満|分|連続|ぶり';
// A comma is a thousands separator only after a digit (1,214日); older MOFA releases write their 読点 as "," (夫人は,14日).
const NOT_A_DATE_BEFORE = '\\d.:/月年第';
const THOUSANDS = '(?<!\\d,)';
const YEAR = `(?:(${ERA_NAMES})(元|\\d{1,2})|(\\d{4}))年`;

const dayInRange = (d: number): boolean => d >= 1 && d <= 31;
const monthInRange = (m: number): boolean => m >= 1 && m <= 12;

type Rule = AtomRule;

function yearOf(
  era: string | undefined,
  inEra: string | undefined,
  western: string | undefined,
): number | undefined {
  if (era && inEra) return eraToGregorian(era, inEra);
  return western ? Number(western) : undefined;
}

const hand = 'hand' as const;

const RULES: Rule[] = [
  {
    // 日本時間同7時45分: 同 (the same day) before the clock belongs with the zone.
    pattern: new RegExp(`(?:${JA_ZONES})(?:同(?=\\d{1,2}時))?`, 'g'),
    build: (m, start, end) => ({
      kind: 'zone',
      start,
      end,
      zone: ZONE_NAMES[m[0].replace(/同$/, '')] ?? m[0],
      source: hand,
    }),
  },
  {
    // (ドイツ時間同3日午前9時30分), 、ミュンスター時間: a place's time written before its date or after a time, kept as written.
    pattern:
      /(?<=^|[([、。,;])[\u30a1-\u30fa\u30fc・]{2,12}時間(?=\s*(?:[同翌前本]?\d|[)\]、。,;]|午|正午|$))/g,
    build: (m, start, end) => ({
      kind: 'zone',
      start,
      end,
      zone: ZONE_NAMES[m[0]] ?? m[0],
      source: hand,
    }),
  },
  {
    // 昨年12月3日, 来年, 同年5月: a year relative to the statement or the previous date.
    pattern: new RegExp(
      `(${alternation(Object.keys(JA_YEAR_SHIFT))})(?:(\\d{1,2})月(?:(\\d{1,2})日(?!${NOT_A_DAY_AFTER}))?)?(?!度|間|\\d)`,
      'g',
    ),
    build: (m, start, end) => {
      const rel = JA_YEAR_SHIFT[m[1] ?? ''];
      if (!rel) return undefined;
      const month = m[2] ? Number(m[2]) : undefined;
      const day = m[3] ? Number(m[3]) : undefined;
      if (month !== undefined && !monthInRange(month)) return undefined;
      if (day !== undefined && !dayInRange(day)) return undefined;
      return {
        kind: 'date',
        start,
        end,
        date: { kind: 'yearShift', ...rel, m: month, d: day },
        source: hand,
      };
    },
  },
  {
    // 先月3日, 来月, 同月5日.
    pattern: new RegExp(
      `(${alternation([...Object.keys(JA_MONTH_SHIFT), '同月'])})(?:(\\d{1,2})日(?!${NOT_A_DAY_AFTER}))?`,
      'g',
    ),
    build: (m, start, end) => {
      const word = m[1] ?? '';
      const day = m[2] ? Number(m[2]) : undefined;
      if (day !== undefined && !dayInRange(day)) return undefined;
      if (word === '同月') {
        return day === undefined
          ? undefined
          : {
              kind: 'date',
              start,
              end,
              date: { kind: 'day', d: day, rule: 'context' },
              source: hand,
            };
      }
      const shift = JA_MONTH_SHIFT[word] ?? 0;
      const date: DateSpec =
        day === undefined
          ? { kind: 'monthShift', shift }
          : { kind: 'day', d: day, rule: 'shift', monthShift: shift };
      return { kind: 'date', start, end, date, source: hand };
    },
  },
  {
    // 昨31日 (yesterday, the 31st), 本1日 (today, the 1st), 同3日 (the 3rd of the month just mentioned).
    pattern: new RegExp(`(昨|本|同)(\\d{1,2})日(?!${NOT_A_DAY_AFTER})`, 'g'),
    build: (m, start, end) => {
      const d = Number(m[2]);
      if (!dayInRange(d)) return undefined;
      return {
        kind: 'date',
        start,
        end,
        date: { kind: 'day', d, rule: m[1] === '同' ? 'context' : 'statement' },
        source: hand,
      };
    },
  },
  {
    pattern: new RegExp(`(?:${alternation(Object.keys(JA_STATEMENT_DAYS))})`, 'g'),
    build: (m, start, end) => ({
      kind: 'date',
      start,
      end,
      date: { kind: 'statementDays', shift: JA_STATEMENT_DAYS[m[0]] ?? 0 },
      source: hand,
    }),
  },
  {
    pattern: new RegExp(`(?:${alternation(Object.keys(JA_WEEK_SHIFT))})`, 'g'),
    build: (m, start, end) => ({
      kind: 'date',
      start,
      end,
      date: { kind: 'statementDays', shift: JA_WEEK_SHIFT[m[0]] ?? 0, precision: 'week' },
      source: hand,
    }),
  },
  {
    // 公示日の翌日 is the day after an event named in words, not after the date before it: no date of its own.
    pattern: new RegExp(
      `(?:(?<=\\d日の)|(?<!の))(?:${alternation(Object.keys(JA_CONTEXT_DAYS))})`,
      'g',
    ),
    build: (m, start, end) => {
      const shift = JA_CONTEXT_DAYS[m[0]] ?? 0;
      return shift === 0
        ? { kind: 'date', start, end, date: { kind: 'contextDays', shift: 0 }, source: hand }
        : { kind: 'dayOffset', start, end, shift, source: hand };
    },
  },
  {
    // 令和6年, 2024年11月, 平成31年4月: years and months without a day (chrono reads only full dates).
    pattern: new RegExp(
      `(?<![\\d])${YEAR}(?:(\\d{1,2})月(?!\\d{0,2}日|間))?(?!度|間|代|\\d|ぶり|以上|以内)`,
      'g',
    ),
    build: (m, start, end) => {
      const y = yearOf(m[1], m[2], m[3]);
      if (y === undefined) return undefined;
      if (!m[4]) return { kind: 'date', start, end, date: { kind: 'year', y }, source: hand };
      const month = Number(m[4]);
      return monthInRange(month)
        ? { kind: 'date', start, end, date: { kind: 'calendar', y, m: month }, source: hand }
        : undefined;
    },
  },
  {
    // 11月 alone (no day): month precision.
    pattern: /(?<![\d.年])(\d{1,2})月(?!\d{1,2}日|\d{1,2}[、,・]|間)/g,
    build: (m, start, end) => {
      const month = Number(m[1]);
      return monthInRange(month)
        ? { kind: 'date', start, end, date: { kind: 'calendar', m: month }, source: hand }
        : undefined;
    },
  },
  {
    // 6月4、5日 and 4・5日: a list of days written with one 日.
    pattern: /(?<![\d.,:/])(?:(\d{1,2})月)?(\d{1,2})((?:[、,・]\d{1,2}){1,6})日(?!間|目)/g,
    build: (m, start, end) => {
      const days = [
        Number(m[2]),
        ...(m[3] ?? '')
          .split(/[、,・]/)
          .filter(Boolean)
          .map(Number),
      ];
      if (!days.every(dayInRange)) return undefined;
      const month = m[1] ? Number(m[1]) : undefined;
      if (month !== undefined && !monthInRange(month)) return undefined;
      const [first, ...rest] = days;
      if (first === undefined) return undefined;
      const date: DateSpec =
        month === undefined
          ? { kind: 'day', d: first, rule: 'statement', bare: true }
          : { kind: 'calendar', m: month, d: first };
      return {
        kind: 'date',
        start,
        end,
        date,
        list: rest.map((d) => ({ kind: 'day', d, rule: 'statement' })),
        source: hand,
      };
    },
  },
  {
    // A bare day, 31日: the statement's month, or the month before when the day is later than the statement's.
    pattern: new RegExp(
      `(?<![${NOT_A_DATE_BEFORE}])${THOUSANDS}(\\d{1,2})日(?!${NOT_A_DAY_AFTER})`,
      'g',
    ),
    build: (m, start, end) => {
      const d = Number(m[1]);
      return dayInRange(d)
        ? {
            kind: 'date',
            start,
            end,
            date: { kind: 'day', d, rule: 'statement', bare: true },
            source: hand,
          }
        : undefined;
    },
  },
  {
    pattern: /正午/g,
    build: (_m, start, end) => ({
      kind: 'time',
      start,
      end,
      time: { hour: 12, minute: 0 },
      source: hand,
    }),
  },
  {
    // 約1時間30分, 2時間半, 約30分間, 15分程度. Minutes alone need 約 before or 間/程度 after, so 午後10時30分 stays a clock time.
    pattern: new RegExp(
      `(${APPROX_BEFORE})?(?<![\\d時:])(?:(\\d{1,3})時間(?:(\\d{1,2})分|(半))?(間)?|(\\d{1,4})分(間)?)(${APPROX_SUFFIX})?(?!の\\d|\\d)`,
      'g',
    ),
    build: (m, start, end) => {
      const approxBefore = m[1] !== undefined;
      const approxAfter = m[8] !== undefined;
      if (m[2] !== undefined) {
        const minutes = Number(m[2]) * 60 + (m[3] ? Number(m[3]) : m[4] ? 30 : 0);
        return {
          kind: 'duration',
          start,
          end,
          minutes,
          approximate: approxBefore || approxAfter,
          source: hand,
        };
      }
      if (!approxBefore && !m[7] && !approxAfter) return undefined;
      return {
        kind: 'duration',
        start,
        end,
        minutes: Number(m[6]),
        approximate: approxBefore || approxAfter,
        source: hand,
      };
    },
  },
  {
    pattern: new RegExp(`(?:${TIME_APPROX_AFTER})`, 'g'),
    build: (_m, start, end) => ({ kind: 'approx', start, end, position: 'after', source: hand }),
  },
];

export function findJapaneseAtoms(text: string): Atom[] {
  return applyAtomRules(RULES, text);
}
