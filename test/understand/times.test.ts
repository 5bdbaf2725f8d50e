import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractTimes, type TimeExpression } from '../../src/understand/times/extract.ts';

const seedLines = readFileSync(new URL('../fixtures/seed.txt', import.meta.url), 'utf8').split(
  '\n',
);
const seed = (line: number): string => seedLines[line - 1] ?? '';

function withoutInstant({
  instant: _i,
  ...rest
}: NonNullable<TimeExpression['alternate']>): NonNullable<TimeExpression['alternate']> {
  return rest;
}

/** Drops offsets (and what the time dates and its instant, tested in times-real.test.ts) so the expectations read as what a user sees. */
function normalized(
  text: string,
  lang: 'ja' | 'en',
  statementDate: string,
): Omit<TimeExpression, 'start' | 'end'>[] {
  return extractTimes(text, lang, statementDate).map(
    ({ start: _s, end: _e, what: _w, instant: _i, alternate, ...rest }) =>
      alternate ? { ...rest, alternate: withoutInstant(alternate) } : rest,
  );
}

describe('seed statements', () => {
  it('reads the Japanese opening paragraph as 2024-10-31 22:00, about 30 minutes', () => {
    expect(normalized(seed(1), 'ja', '2024-11-01')).toEqual([
      {
        text: '10月31日、午後10時頃から約30分間',
        date: '2024-10-31',
        time: '22:00',
        approximate: true,
        approximateTime: true,
        approximateDuration: true,
        durationMinutes: 30,
      },
    ]);
  });

  it('reads the bare 31日 of item 1 as the day before a 1 November statement', () => {
    expect(normalized(seed(2), 'ja', '2024-11-01')).toEqual([{ text: '31日', date: '2024-10-31' }]);
  });

  it('finds nothing in items without a date', () => {
    expect(extractTimes(seed(3), 'ja', '2024-11-01')).toEqual([]);
    expect(extractTimes(seed(4), 'ja', '2024-11-01')).toEqual([]);
  });

  it('reads "today" and "on October 31 (local time)" in the English joint statement', () => {
    expect(normalized(seed(8), 'en', '2024-10-31')).toEqual([
      { text: 'today', date: '2024-10-31' },
      { text: 'October 31 (local time)', date: '2024-10-31', timezone: 'local' },
    ]);
  });

  it('does not read "resolution", "three countries" or the other English paragraphs as times', () => {
    for (const line of [9, 10, 11, 12])
      expect(extractTimes(seed(line), 'en', '2024-10-31')).toEqual([]);
  });

  it('keeps offsets pointing at the verbatim text', () => {
    const [expr] = extractTimes(seed(1), 'ja', '2024-11-01');
    expect(expr && seed(1).slice(expr.start, expr.end)).toBe('10月31日、午後10時頃から約30分間');
  });
});

describe('Japanese readouts', () => {
  it('reads full-width digits and brackets, with the time zone after the duration', () => {
    const text =
      '１０月３１日、午後１０時頃から約３０分間（日本時間）、外務大臣は、韓国外交部長官と電話会談を行いました。';
    expect(normalized(text, 'ja', '2024-11-01')).toEqual([
      {
        text: '１０月３１日、午後１０時頃から約３０分間（日本時間）',
        date: '2024-10-31',
        time: '22:00',
        timezone: 'JST',
        approximate: true,
        approximateTime: true,
        approximateDuration: true,
        durationMinutes: 30,
      },
    ]);
  });

  it('reads era dates, including 元年', () => {
    const text =
      '令和6年11月1日、内閣官房長官は記者会見を行った。平成31年4月30日に天皇陛下が退位され、令和元年5月1日に即位された。';
    expect(normalized(text, 'ja', '2024-11-01').map((e) => [e.text, e.date])).toEqual([
      ['令和6年11月1日', '2024-11-01'],
      ['平成31年4月30日', '2019-04-30'],
      ['令和元年5月1日', '2019-05-01'],
    ]);
  });

  it('reads a Western date with its weekday in brackets', () => {
    expect(
      normalized('2024年10月31日(木)、日米韓外相会合が開催された。', 'ja', '2024-11-01'),
    ).toEqual([{ text: '2024年10月31日(木)', date: '2024-10-31' }]);
  });

  it('reads two clock times for two places in one expression', () => {
    const text =
      '6月4日午前8時(日本時間)(米国東部時間前日午後7時)から約25分間、日米首脳電話会談を行いました。';
    expect(normalized(text, 'ja', '2024-06-05')).toEqual([
      {
        text: '6月4日午前8時(日本時間)(米国東部時間前日午後7時)から約25分間',
        date: '2024-06-04',
        time: '08:00',
        timezone: 'JST',
        approximate: true,
        approximateDuration: true,
        durationMinutes: 25,
        alternate: { date: '2024-06-03', time: '19:00', timezone: 'ET' },
      },
    ]);
  });

  it("reads the other place's time with a day only and a zone of its own (米国時間12日), the duration after it being the event's", () => {
    const text =
      '1月13日午後0時15分頃(日本時間)(米国時間12日午後10時15分頃)から約15分間、林外務大臣は電話会談を実施しました。';
    expect(normalized(text, 'ja', '2023-01-13')).toEqual([
      {
        text: '1月13日午後0時15分頃(日本時間)(米国時間12日午後10時15分頃)から約15分間',
        date: '2023-01-13',
        time: '12:15',
        timezone: 'JST',
        approximate: true,
        approximateTime: true,
        approximateDuration: true,
        durationMinutes: 15,
        alternate: { date: '2023-01-12', time: '22:15', timezone: 'US' },
      },
    ]);
  });

  it('reads two places\' times in one bracket after the first zone ("(local time; same day, 6:05 p.m. JST)")', () => {
    const text =
      'On February 19, commencing at 10:05 a.m. (local time; same day, 6:05 p.m. JST) for approximately 25 minutes, Mr. HAYASHI held a meeting.';
    expect(normalized(text, 'en', '2022-02-19')).toEqual([
      {
        text: 'February 19, commencing at 10:05 a.m. (local time; same day, 6:05 p.m. JST) for approximately 25 minutes',
        date: '2022-02-19',
        time: '10:05',
        timezone: 'local',
        approximateDuration: true,
        durationMinutes: 25,
        alternate: { date: '2022-02-19', time: '18:05', timezone: 'JST' },
      },
    ]);
  });

  it('reads a weekday in brackets between the date and the time', () => {
    expect(
      normalized(
        '11月1日（金曜日）午後3時5分から約20分間、外務大臣は、中国外交部長と会談を行いました。',
        'ja',
        '2024-11-01',
      ),
    ).toEqual([
      {
        text: '11月1日（金曜日）午後3時5分から約20分間',
        date: '2024-11-01',
        time: '15:05',
        approximate: true,
        approximateDuration: true,
        durationMinutes: 20,
      },
    ]);
  });

  it("reads the other place's zone written before its 同日 and clock time; the time before it is the local one", () => {
    expect(
      normalized(
        '6月25日、午後2時(日本時間同日午後3時)から約1時間、両首脳は会談を行った。',
        'ja',
        '2024-06-26',
      ),
    ).toEqual([
      {
        text: '6月25日、午後2時(日本時間同日午後3時)から約1時間',
        date: '2024-06-25',
        time: '14:00',
        timezone: 'local',
        approximate: true,
        approximateDuration: true,
        durationMinutes: 60,
        alternate: { date: '2024-06-25', time: '15:00', timezone: 'JST' },
      },
    ]);
  });

  it('reads a time zone before the date and an hours-and-minutes duration', () => {
    const text =
      '現地時間6月4日午後3時30分から約1時間30分、総理大臣は、ベトナムの首相と会談を行いました。';
    expect(normalized(text, 'ja', '2024-06-05')).toEqual([
      {
        text: '現地時間6月4日午後3時30分から約1時間30分',
        date: '2024-06-04',
        time: '15:30',
        timezone: 'local',
        approximate: true,
        approximateDuration: true,
        durationMinutes: 90,
      },
    ]);
  });

  it('reads 正午 and a duration in whole hours, exact when 約 and 頃 are absent', () => {
    expect(
      normalized(
        '11月1日正午から約45分間、外務大臣は来日中の豪州外相と会談を行いました。',
        'ja',
        '2024-11-01',
      ),
    ).toEqual([
      {
        text: '11月1日正午から約45分間',
        date: '2024-11-01',
        time: '12:00',
        approximate: true,
        approximateDuration: true,
        durationMinutes: 45,
      },
    ]);
    expect(normalized('11月1日午前11時から1時間、会談が行われた。', 'ja', '2024-11-01')).toEqual([
      { text: '11月1日午前11時から1時間', date: '2024-11-01', time: '11:00', durationMinutes: 60 },
    ]);
  });

  it('reads a date-and-time range across midnight as a duration', () => {
    expect(
      normalized('10月31日午後10時から11月1日午前1時まで協議が続いた。', 'ja', '2024-11-02'),
    ).toEqual([
      {
        text: '10月31日午後10時から11月1日午前1時',
        date: '2024-10-31',
        endDate: '2024-11-01',
        time: '22:00',
        durationMinutes: 180,
      },
    ]);
  });

  it('reads a clock time without a date as the statement date, and says so', () => {
    expect(normalized('午後2時から2時間半にわたり協議を行った。', 'ja', '2024-11-01')).toEqual([
      {
        text: '午後2時から2時間半',
        date: '2024-11-01',
        dateFromContext: true,
        time: '14:00',
        durationMinutes: 150,
      },
    ]);
  });

  it('reads lists and ranges of days', () => {
    expect(
      normalized('4日及び5日、ハノイにおいて日ASEAN外相会議が開催されました。', 'ja', '2024-06-07'),
    ).toEqual([
      {
        text: '4日及び5日',
        date: '2024-06-04',
        dates: ['2024-06-04', '2024-06-05'],
        endDate: '2024-06-05',
      },
    ]);
    expect(
      normalized('外務大臣は、6月4日から6日まで、ベトナムを訪問する予定です。', 'ja', '2024-05-31'),
    ).toEqual([{ text: '6月4日から6日', date: '2024-06-04', endDate: '2024-06-06' }]);
    expect(normalized('6月4、5日に会合が開催された。', 'ja', '2024-06-10')).toEqual([
      {
        text: '6月4、5日',
        date: '2024-06-04',
        dates: ['2024-06-04', '2024-06-05'],
        endDate: '2024-06-05',
      },
    ]);
  });

  it('resolves 先月N日, 昨N日 and 本N日 against the statement date', () => {
    const text =
      '先月28日の会談に続き、昨31日、両外相は再び電話で協議し、本1日には共同声明を発出した。';
    expect(normalized(text, 'ja', '2024-11-01')).toEqual([
      { text: '先月28日', date: '2024-10-28' },
      { text: '昨31日', date: '2024-10-31' },
      { text: '本1日', date: '2024-11-01' },
    ]);
  });

  it('resolves 同N日 against the month of the date mentioned before', () => {
    expect(
      normalized('10月28日、英国外相が来日し、同30日に離日した。', 'ja', '2024-11-01'),
    ).toEqual([
      { text: '10月28日', date: '2024-10-28' },
      { text: '同30日', date: '2024-10-30' },
    ]);
    expect(normalized('同3日、外相会談を行った。', 'ja', '2024-11-05')).toEqual([
      { text: '同3日', date: '2024-11-03' },
    ]);
  });

  it('resolves 来月, 来年, 昨年12月 and 今月N日 with their precision', () => {
    const text =
      '次回会合は来月、東京で開催される予定であり、来年には首脳会議も予定されている。昨年12月の会合では今月5日の期限が確認された。';
    expect(normalized(text, 'ja', '2024-11-01')).toEqual([
      { text: '来月', date: '2024-12-01', precision: 'month' },
      { text: '来年', date: '2025-01-01', precision: 'year' },
      { text: '昨年12月', date: '2023-12-01', precision: 'month' },
      { text: '今月5日', date: '2024-11-05' },
    ]);
  });

  it('puts a December event in a January statement in the previous year', () => {
    expect(normalized('12月27日、日中韓外相会議が開催されました。', 'ja', '2025-01-08')).toEqual([
      { text: '12月27日', date: '2024-12-27' },
    ]);
  });

  it('does not read day counts or "1日も早く" as dates', () => {
    expect(
      extractTimes(
        '3日間の日程で調整を進め、1日も早い解決を目指す。国連安保理決議第1718号に違反する。',
        'ja',
        '2024-11-01',
      ),
    ).toEqual([]);
  });
});

describe('English readouts', () => {
  it('reads a local time with the Japan time in the same bracket and a duration after it', () => {
    const text =
      'On June 4, commencing at 8:05 p.m. (local time; 10:05 a.m. Japan time) for approximately 40 minutes, Prime Minister Kato held a meeting with President Lee.';
    expect(normalized(text, 'en', '2024-06-05')).toEqual([
      {
        text: 'June 4, commencing at 8:05 p.m. (local time; 10:05 a.m. Japan time) for approximately 40 minutes',
        date: '2024-06-04',
        time: '20:05',
        timezone: 'local',
        approximate: true,
        approximateDuration: true,
        durationMinutes: 40,
        alternate: { date: '2024-06-04', time: '10:05', timezone: 'JST' },
      },
    ]);
  });

  it('reads "7:45a.m." without a space and a weekday date after it', () => {
    const text =
      'Secretary of State Smith met with Foreign Minister Tanaka at 7:45a.m. on Thursday, October 31, 2024.';
    expect(normalized(text, 'en', '2024-11-01')).toEqual([
      { text: '7:45a.m. on Thursday, October 31, 2024', date: '2024-10-31', time: '07:45' },
    ]);
  });

  it('reads a time zone before the duration and "an hour and a half"', () => {
    expect(
      normalized(
        'On November 1, the call began at 9:00 a.m. ET and lasted an hour and a half.',
        'en',
        '2024-11-01',
      ),
    ).toEqual([
      { text: 'November 1', date: '2024-11-01' },
      {
        text: '9:00 a.m. ET and lasted an hour and a half',
        date: '2024-11-01',
        dateFromContext: true,
        time: '09:00',
        timezone: 'ET',
        durationMinutes: 90,
      },
    ]);
    expect(normalized('The call began at 8 p.m. (EDT) on June 3.', 'en', '2024-06-05')).toEqual([
      { text: '8 p.m. (EDT) on June 3', date: '2024-06-03', time: '20:00', timezone: 'EDT' },
    ]);
  });

  it('reads a duration before the clock time, Blue House style, and a range across months', () => {
    expect(
      normalized(
        'President Park held a phone call with Prime Minister Sato for 25 minutes from 10:30 a.m. on October 4.',
        'en',
        '2024-10-05',
      ),
    ).toEqual([
      {
        text: '25 minutes from 10:30 a.m. on October 4',
        date: '2024-10-04',
        time: '10:30',
        durationMinutes: 25,
      },
    ]);
    expect(
      normalized(
        'During his visit to Japan from October 29 to November 1, the Minister met the Prime Minister.',
        'en',
        '2024-11-02',
      ),
    ).toEqual([{ text: 'October 29 to November 1', date: '2024-10-29', endDate: '2024-11-01' }]);
  });

  it('reads a bare weekday as the most recent one, or the coming one in a future sentence', () => {
    expect(normalized('On Wednesday the Secretary met the Minister.', 'en', '2024-11-01')).toEqual([
      { text: 'Wednesday', date: '2024-10-30' },
    ]);
    expect(normalized('The Secretary will travel on Monday to Seoul.', 'en', '2024-11-01')).toEqual(
      [{ text: 'Monday', date: '2024-11-04' }],
    );
  });

  it('reads "one hour" after a clock time and "the afternoon of" before a date', () => {
    expect(
      normalized('The meeting began at 7:45a.m. and lasted one hour.', 'en', '2024-11-01'),
    ).toEqual([
      {
        text: '7:45a.m. and lasted one hour',
        date: '2024-11-01',
        dateFromContext: true,
        time: '07:45',
        durationMinutes: 60,
      },
    ]);
    expect(
      normalized(
        'President Park spoke with Prime Minister Sato on the afternoon of October 4 for about 25 minutes.',
        'en',
        '2024-10-05',
      ),
    ).toEqual([
      {
        text: 'October 4 for about 25 minutes',
        date: '2024-10-04',
        approximate: true,
        approximateDuration: true,
        durationMinutes: 25,
      },
    ]);
  });

  it('reads day-first dates and number-word durations', () => {
    expect(
      normalized('The leaders met on 31 October 2024 for two hours.', 'en', '2024-11-01'),
    ).toEqual([
      { text: '31 October 2024 for two hours', date: '2024-10-31', durationMinutes: 120 },
    ]);
  });

  it('reads a time zone after the duration, "around" and "half an hour"', () => {
    expect(
      normalized(
        'On October 30, around 10 a.m. for half an hour (Korea time), the ministers met.',
        'en',
        '2024-11-01',
      ),
    ).toEqual([
      {
        text: 'October 30, around 10 a.m. for half an hour (Korea time)',
        date: '2024-10-30',
        time: '10:00',
        timezone: 'KST',
        approximate: true,
        approximateTime: true,
        durationMinutes: 30,
      },
    ]);
  });

  it("reads the other place's date and time in brackets", () => {
    const text =
      'At approximately 9:30 p.m. (Eastern Time) on June 3 (10:30 a.m. June 4, Japan time), the President spoke with the Prime Minister.';
    expect(normalized(text, 'en', '2024-06-05')).toEqual([
      {
        text: 'approximately 9:30 p.m. (Eastern Time) on June 3 (10:30 a.m. June 4, Japan time)',
        date: '2024-06-03',
        time: '21:30',
        timezone: 'ET',
        approximate: true,
        approximateTime: true,
        alternate: { date: '2024-06-04', time: '10:30', timezone: 'JST' },
      },
    ]);
  });

  it('reads lists and ranges: "June 4 and 5", "from June 10 to 12", "June 13-15, 2024", "June 20 through 22"', () => {
    const text =
      'The ministers met in Washington on June 4 and 5, and again from June 10 to 12. The G7 summit took place June 13-15, 2024. The ASEAN meetings ran June 20 through 22.';
    expect(normalized(text, 'en', '2024-06-25')).toEqual([
      {
        text: 'June 4 and 5',
        date: '2024-06-04',
        dates: ['2024-06-04', '2024-06-05'],
        endDate: '2024-06-05',
      },
      { text: 'June 10 to 12', date: '2024-06-10', endDate: '2024-06-12' },
      { text: 'June 13-15, 2024', date: '2024-06-13', endDate: '2024-06-15' },
      { text: 'June 20 through 22', date: '2024-06-20', endDate: '2024-06-22' },
    ]);
  });

  it('resolves last month, next week, yesterday and earlier today', () => {
    const text =
      'The Quad foreign ministers met last month, and will meet again next week. The Secretary spoke with the Foreign Minister yesterday and earlier today.';
    expect(normalized(text, 'en', '2024-11-01')).toEqual([
      { text: 'last month', date: '2024-10-01', precision: 'month' },
      { text: 'next week', date: '2024-11-08', precision: 'week' },
      { text: 'yesterday', date: '2024-10-31' },
      { text: 'today', date: '2024-11-01' },
    ]);
  });

  it('infers the year: a December date in a January statement, a January date in a future sentence', () => {
    expect(
      normalized('On December 27, the three ministers held a trilateral call.', 'en', '2025-01-08'),
    ).toEqual([{ text: 'December 27', date: '2024-12-27' }]);
    expect(
      normalized('The Prime Minister will attend the summit on January 15.', 'en', '2024-12-10'),
    ).toEqual([{ text: 'January 15', date: '2025-01-15' }]);
  });

  it('reads "the following day" against the date before it, with noon', () => {
    expect(
      normalized(
        'The Secretary arrived in Tokyo on June 4. The following day, at noon, he met the Prime Minister.',
        'en',
        '2024-06-10',
      ),
    ).toEqual([
      { text: 'June 4', date: '2024-06-04' },
      { text: 'The following day, at noon', date: '2024-06-05', time: '12:00' },
    ]);
  });

  it('reads a month with a year and a year alone after a preposition', () => {
    expect(
      normalized(
        'The next meeting is scheduled for March 2025. In 2023 they signed the accord.',
        'en',
        '2024-11-01',
      ),
    ).toEqual([
      { text: 'March 2025', date: '2025-03-01', precision: 'month' },
      { text: '2023', date: '2023-01-01', precision: 'year' },
    ]);
  });

  it('reads a clock-time range as a duration', () => {
    expect(
      normalized('The ministers met from 10 a.m. to 11:30 a.m. EST on June 3.', 'en', '2024-06-05'),
    ).toEqual([
      {
        text: '10 a.m. to 11:30 a.m. EST on June 3',
        date: '2024-06-03',
        time: '10:00',
        timezone: 'EST',
        durationMinutes: 90,
      },
    ]);
  });

  it('finds no date in resolution numbers, articles, counts or "may"', () => {
    const text =
      'The launch violates UN Security Council resolution 1718 and resolution 2397 (2017), Article 5 applies, the three countries agreed, and the DPRK may march on.';
    expect(extractTimes(text, 'en', '2024-11-01')).toEqual([]);
  });
});

describe('dotted dates', () => {
  it('reads 08.12.2021 day first, as the German Federal Foreign Office prints it (holdout 2021-12-08)', () => {
    const [first] = extractTimes('08.12.2021 - Press release', 'en', '2021-12-08');
    expect(first!.date).toBe('2021-12-08');
  });
});

describe('"local time (same day, … JST)": the bracket is the other place’s clock', () => {
  it('Kamikawa and Kuleba in Capri (holdout29): 08:45 local, 15:45 JST, 25 minutes', () => {
    const [e, ...rest] = extractTimes(
      'On April 18, commencing at 8:45 a.m. local time (same day, 3:45 p.m. JST) for approximately 25 minutes, Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan, held a meeting.',
      'en',
      '2024-04-18',
      { publisher: 'Ministry of Foreign Affairs of Japan' },
    );
    expect(rest).toEqual([]);
    expect([
      e!.time,
      e!.timezone,
      e!.alternate?.time,
      e!.alternate?.timezone,
      e!.durationMinutes,
    ]).toEqual(['08:45', 'local', '15:45', 'JST', 25]);
  });
});

describe('"the 21st and 22nd of April"', () => {
  it('the first day takes the month written after the second (Nakasone and Miliband, holdout18)', () => {
    const [e] = extractTimes(
      'Minister Nakasone also touched on the TICAD Ministerial Follow-up Meeting to be held in Botswana, both on the 21st and 22nd of April, and expressed his hope.',
      'en',
      '2009-03-12',
    );
    expect([e!.date, e!.endDate]).toEqual(['2009-04-21', '2009-04-22']);
  });
});

describe('an upper-case AM before a zone; a programme line that opens with a clock', () => {
  it('"11:00AM local time (12:00AM JST on September 23)" keeps the zone of the other clock', () => {
    const [e] = extractTimes(
      'On September 22, commencing at 11:00AM local time (12:00AM JST on September 23) for approximately 35 minutes, Mr. HAYASHI Yoshimasa met.',
      'en',
      '2022-09-22',
      { publisher: 'Ministry of Foreign Affairs of Japan' },
    );
    expect(e!.alternate).toMatchObject({ date: '2022-09-23', time: '00:00', timezone: 'JST' });
  });

  it('"14:30 (CET) Press statements …" is on the day the paragraph before dates (NATO, holdout30)', () => {
    const [e] = extractTimes(
      '14:30 (CET) Press statements by the Secretary General',
      'en',
      '2024-02-20',
      {
        listDate: '2024-02-21',
      },
    );
    expect([e!.date, e!.time, e!.timezone]).toEqual(['2024-02-21', '14:30', 'CET']);
  });
});

describe('a bare day after a dateline', () => {
  it('「10日,…出席するため…訪問中の…と会談を行った」 under 平成28年9月11日 is the day before: a purpose is no future', () => {
    const [e] = extractTimes(
      '10日,太平洋島フォーラム(PIF)域外国対話に総理特使として出席するためミクロネシアを訪問中の小田原潔外務大臣政務官は,ステファン・ディオン・カナダ外務大臣と会談を行った',
      'ja',
      '2016-09-11',
      { publisher: '外務省' },
    );
    expect(e!.date).toBe('2016-09-10');
  });
});

describe('British clocks with a point', () => {
  it('"at 11.57KST today" (Hague on the 2013 nuclear test, holdout28) is 11:57 Korea time', () => {
    const [e] = extractTimes(
      '“It appears that North Korea carried out a nuclear test at 11.57KST today.',
      'en',
      '2013-02-12',
    );
    expect([e!.date, e!.time, e!.timezone, e!.instant]).toEqual([
      '2013-02-12',
      '11:57',
      'KST',
      '2013-02-12T11:57:00+09:00',
    ]);
  });

  it('"Time: 14h30 - Photo-Opportunity 15h15 - Opening Remarks" (DIRCO, holdout30)', () => {
    const times = extractTimes(
      'Time: 14h30 - Photo-Opportunity 15h15 - Opening Remarks',
      'en',
      '2021-05-21',
    );
    expect(times.map((e) => e.time)).toEqual(['14:30', '15:15']);
  });

  it('"11.30 this morning" is a clock; "1.5 percent" and "at 2.40 million" are not', () => {
    expect(
      extractTimes('The meeting began at 11.30 this morning.', 'en', '2013-02-12')[0]!.time,
    ).toBe('11:30');
    const numbers = extractTimes(
      'growth of 1.5 percent and exports at 2.40 million',
      'en',
      '2013-02-12',
    );
    expect(numbers.filter((e) => e.time)).toEqual([]);
  });
});

describe('robustness', () => {
  const alphabet = [
    ...'0123456789０１２３４５６７８９年月日時分午前後約頃間正（）()、。,.:; -amp',
  ].map((c) => fc.constant(c));
  const words = [
    'January',
    'June',
    'and',
    'to',
    'from',
    'a.m.',
    'p.m.',
    'hours',
    'minutes',
    'about',
    '令和',
    '元年',
    '同',
    '昨',
    '本',
    '先月',
    '来年',
    '日本時間',
    '現地時間',
    'local time',
    'Japan time',
    '及び',
    'から',
    'まで',
  ].map((w) => fc.constant(w));
  const fragment = fc
    .array(fc.oneof(...alphabet, ...words), { maxLength: 80 })
    .map((parts) => parts.join(''));

  it('never throws and always returns verbatim, well-formed expressions', () => {
    fc.assert(
      fc.property(fragment, fc.constantFrom<'ja' | 'en'>('ja', 'en'), (text, lang) => {
        for (const e of extractTimes(text, lang, '2024-11-01')) {
          expect(text.slice(e.start, e.end)).toBe(e.text);
          expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (e.time) expect(e.time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('handles 100 KB paragraphs', () => {
    fc.assert(
      fc.property(fragment, fc.constantFrom<'ja' | 'en'>('ja', 'en'), (piece, lang) => {
        const unit = piece.length > 0 ? piece : '10月31日';
        const big = unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
        expect(Array.isArray(extractTimes(big, lang, '2024-11-01'))).toBe(true);
      }),
      { numRuns: 5 },
    );
  });

  it('handles 100 KB of one long chain of dates and times', () => {
    for (const [unit, lang] of [
      ['1日、', 'ja'],
      ['10月31日(午後10時)、', 'ja'],
      ['June 4 and 5, ', 'en'],
      ['(8 p.m. (', 'en'],
    ] as const) {
      const big = unit.repeat(Math.ceil(100_000 / unit.length));
      expect(extractTimes(big, lang, '2024-11-01').length).toBeGreaterThan(0);
    }
  });

  it('gives the same answers whatever the machine time zone', () => {
    const inputs: [string, 'ja' | 'en', string][] = [
      [seed(1), 'ja', '2024-11-01'],
      [seed(8), 'en', '2024-10-31'],
      [
        'The Secretary spoke with the Minister yesterday, last Tuesday and next week; on Monday they met at 11:30 p.m.',
        'en',
        '2024-03-10',
      ],
      ['本日、昨日、来週、先月3日', 'ja', '2024-03-31'],
    ];
    const original = process.env.TZ;
    const byZone = [
      'UTC',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'America/New_York',
      'Asia/Tokyo',
    ].map((tz) => {
      process.env.TZ = tz;
      return inputs.map(([t, l, d]) => extractTimes(t, l, d));
    });
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
    for (const result of byZone) expect(result).toEqual(byZone[0]);
  });

  it('reads 同月 against the last date named to the day, not a bare 本年 before it', () => {
    const [year, range] = extractTimes(
      '1 林大臣から、本年のG7議長国として、同月16日から18日まで軽井沢で開催されるG7外相会合への出席を歓迎しました。',
      'ja',
      '2023-04-13',
    );
    expect(year).toMatchObject({ text: '本年', date: '2023-01-01', precision: 'year' });
    expect(range).toMatchObject({
      text: '同月16日から18日',
      date: '2023-04-16',
      endDate: '2023-04-18',
    });
  });

  it("a date with the other place's date in brackets: 12日（現地時間11日）, 4月12日（日本時間13日）", () => {
    expect(extractTimes('12日（現地時間11日）、岸田総理大臣は', 'ja', '2023-04-13')).toEqual([
      {
        text: '12日（現地時間11日）',
        start: 0,
        end: 12,
        date: '2023-04-12',
        alternate: { date: '2023-04-11', timezone: 'local' },
      },
    ]);
    const [e] = extractTimes('4月12日（日本時間13日）、', 'ja', '2023-04-13');
    expect(e).toMatchObject({
      date: '2023-04-12',
      alternate: { date: '2023-04-13', timezone: 'JST' },
    });
    expect(e!.timezone).toBeUndefined();
  });

  it('rejects a malformed statement date', () => {
    expect(() => extractTimes('10月31日', 'ja', '2024/11/01')).toThrow(RangeError);
  });
});

describe('numeric dates written either way round', () => {
  it('reads 07/02/2016 in a statement of 7 February 2016 as 7 February, and 02/07/2016 as well', () => {
    expect(normalized('Brussels, 07/02/2016', 'en', '2016-02-07').map((t) => t.date)).toEqual([
      '2016-02-07',
    ]);
    expect(normalized('Washington, 02/07/2016', 'en', '2016-02-07').map((t) => t.date)).toEqual([
      '2016-02-07',
    ]);
  });
});

describe('a time in another zone read apart from the time before it', () => {
  it('「午前7時45分及び47分(日本時間午前9時45分及び47分)頃」: 07:45 local, 09:45 Japan time', () => {
    const [e] = extractTimes(
      '(1)7月17日(金曜日)、午前7時45分及び47分(日本時間午前9時45分及び47分)頃、インドネシア首都ジャカルタの中心街にあるホテルにおいて大規模な爆発事件が発生。',
      'ja',
      '2009-07-17',
      { publisher: 'Ministry of Foreign Affairs of Japan' },
    );
    expect([
      e!.date,
      e!.time,
      e!.timezone,
      e!.alternate?.time,
      e!.alternate?.timezone,
      e!.instant,
    ]).toEqual(['2009-07-17', '07:45', 'local', '09:45', 'JST', '2009-07-17T09:45:00+09:00']);
  });
});

describe('weekday short forms', () => {
  it('reads no date in "the Order of the Rising Sun", but October 1 (Sat) still', () => {
    expect(
      normalized(
        'Prime Minister Ishiba also presented the Grand Cordon of the Order of the Rising Sun to Senior Minister Lee.',
        'en',
        '2025-08-25',
      ),
    ).toEqual([]);
    expect(
      normalized('killed by a series of bombs on October 1 (Sat) in Bali', 'en', '2005-10-02').map(
        (t) => t.date,
      ),
    ).toEqual(['2005-10-01']);
  });
});
