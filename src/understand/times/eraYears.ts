/** Japanese eras and the Gregorian year of their first year (元年). */
export const ERA_FIRST_YEAR: Readonly<Record<string, number>> = {
  明治: 1868,
  大正: 1912,
  昭和: 1926,
  平成: 1989,
  令和: 2019,
};

export const ERA_NAMES = Object.keys(ERA_FIRST_YEAR).join('|');

/** 令和6 -> 2024, 平成元 -> 1989. Undefined for an unknown era. */
export function eraToGregorian(era: string, yearInEra: string): number | undefined {
  const first = ERA_FIRST_YEAR[era];
  if (first === undefined) return undefined;
  const n = yearInEra === '元' ? 1 : Number(yearInEra);
  return Number.isInteger(n) && n >= 1 ? first + n - 1 : undefined;
}
