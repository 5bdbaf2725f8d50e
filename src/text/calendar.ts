/**
 * Plain proleptic-Gregorian calendar arithmetic on year/month/day triples.
 * Deliberately avoids Date so that the machine's time zone can never shift a result.
 */
export interface CalendarDate {
  y: number;
  m: number;
  d: number;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** A day that exists: February 29 only in leap years, no month 13, years 1 to 9999. */
export function isValidDate(c: CalendarDate): boolean {
  return (
    Number.isInteger(c.y) &&
    Number.isInteger(c.m) &&
    Number.isInteger(c.d) &&
    c.y >= 1 &&
    c.y <= 9999 &&
    c.m >= 1 &&
    c.m <= 12 &&
    c.d >= 1 &&
    c.d <= daysInMonth(c.y, c.m)
  );
}

/** A date written YYYY-MM-DD (as statements' front matter gives it) that is a real day. */
export function isValidIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isValidDate({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) });
}

/** Days since 1970-01-01 (Hinnant's days_from_civil). */
export function toDayNumber({ y, m, d }: CalendarDate): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): CalendarDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function addDays(c: CalendarDate, n: number): CalendarDate {
  return fromDayNumber(toDayNumber(c) + n);
}

export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + n;
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(c: CalendarDate): number {
  return (((toDayNumber(c) + 4) % 7) + 7) % 7;
}

export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function formatIsoDate(c: CalendarDate): string {
  return `${pad(c.y, 4)}-${pad(c.m, 2)}-${pad(c.d, 2)}`;
}

export function formatClock(hour: number, minute: number): string {
  return `${pad(hour, 2)}:${pad(minute, 2)}`;
}

export function parseIsoDate(s: string): CalendarDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return undefined;
  const c = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidDate(c) ? c : undefined;
}

/** English month names, January first: the index plus one is the month's number. */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
