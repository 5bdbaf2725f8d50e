/**
 * A statement's date as its page prints it: 令和6年11月1日, 2024年11月1日, November 1, 2024,
 * 1 November 2024, 08.12.2021 (day first, as European ministries print it), 2024-11-01. The first
 * one in the text wins: a dateline comes before the dates the statement talks about.
 */

const ERAS: Record<string, number> = { 令和: 2018, 平成: 1988, 昭和: 1925 };
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH = `(${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?`;

const toHalfWidth = (s: string) =>
  s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

function iso(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (
    date.getUTCFullYear() !== y ||
    date.getUTCMonth() !== m - 1 ||
    date.getUTCDate() !== d ||
    y < 1900 ||
    y > 2200
  )
    return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function monthNumber(name: string): number {
  const n = name.toLowerCase().replace(/\.$/, '');
  return MONTHS.findIndex((m) => m.startsWith(n.slice(0, 3))) + 1;
}

const PATTERNS: Array<{ re: RegExp; date: (m: RegExpExecArray) => string | undefined }> = [
  {
    re: /(令和|平成|昭和)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日/,
    date: (m) => iso(ERAS[m[1]!]! + (m[2] === '元' ? 1 : Number(m[2])), Number(m[3]), Number(m[4])),
  },
  {
    re: /(\d{4})年(\d{1,2})月(\d{1,2})日/,
    date: (m) => iso(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'i'),
    date: (m) => iso(Number(m[3]), monthNumber(m[1]!), Number(m[2])),
  },
  {
    re: new RegExp(`\\b(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})\\b`, 'i'),
    date: (m) => iso(Number(m[3]), monthNumber(m[2]!), Number(m[1])),
  },
  {
    re: /\b(\d{4})-(\d{2})-(\d{2})(?!\d)/,
    date: (m) => iso(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    re: /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/,
    date: (m) => iso(Number(m[3]), Number(m[2]), Number(m[1])),
  },
  {
    re: /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/,
    date: (m) => iso(Number(m[1]), Number(m[2]), Number(m[3])),
  },
];

/** The earliest-placed printed date in `text`, as YYYY-MM-DD, with the words it was read from. */
export function findPrintedDate(
  text: string,
): { date: string; printed: string; index: number } | undefined {
  const plain = toHalfWidth(text);
  let best: { date: string; printed: string; index: number } | undefined;
  for (const { re, date } of PATTERNS) {
    const m = re.exec(plain);
    if (!m) continue;
    const value = date(m);
    if (value && (!best || m.index < best.index))
      best = { date: value, printed: text.slice(m.index, m.index + m[0].length), index: m.index };
  }
  return best;
}

/** A date line on its own ("令和6年11月1日", "November 1, 2024", "08.12.2021 - Press release"). */
export function isDateline(text: string): boolean {
  const found = findPrintedDate(text);
  return found !== undefined && found.index <= 2 && text.length <= found.printed.length + 30;
}
