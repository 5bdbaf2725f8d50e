/**
 * Times on real published statements (test/fixtures/real/times/, copied verbatim with their
 * source): the date of the topic asked, both places' times, day-only dates, visits over several
 * days, meals as events, what each date is of, and instants. Hand-written sentences only where no
 * real statement in the fixtures shows the pattern (marked so).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseStatementFile } from '../../src/corpus/parse.ts';
import type { Statement } from '../../src/corpus/types.ts';
import type { Engine } from '../../src/engine/types.ts';
import { encodeFacts, StoredFacts } from '../../src/engine/factStore.ts';
import { extractFacts } from '../../src/understand/statementFacts.ts';
import { extractTimes, type TimeExpression } from '../../src/understand/times/extract.ts';
import { whatIn } from '../../src/understand/times/what.ts';
import { engineFromFolderInTemp } from '../helpers.ts';

const DIR = new URL('../fixtures/real/times/', import.meta.url);

function statement(name: string): Statement {
  const file = fileURLToPath(new URL(`${name}.md`, DIR));
  const parsed = parseStatementFile(file, readFileSync(file));
  if (!parsed.statement) throw new Error(`fixture ${name} does not parse`);
  return parsed.statement;
}

/** The time expressions of paragraph `n` (1-based, as cited), without offsets. */
function times(name: string, n: number): Omit<TimeExpression, 'start' | 'end'>[] {
  const s = statement(name);
  return extractFacts(s).times[n - 1]!.map(({ start: _s, end: _e, ...rest }) => rest);
}

const pick = (e: Omit<TimeExpression, 'start' | 'end'>) => ({
  text: e.text,
  date: e.date,
  ...(e.endDate ? { endDate: e.endDate } : {}),
  ...(e.what ? { what: e.what } : {}),
});

describe('the date of the topic, and what each date is of', () => {
  it('dates the overseas vote and the domestic polling day of one election release apart (MOFA 2024-10-11)', () => {
    expect(times('2024-10-11_ja_overseas-voting-general-election', 2).map(pick)).toContainEqual({
      text: '10月16日',
      date: '2024-10-16',
      what: '在外公館投票',
    });
    // 公示日の翌日 is the day after the official announcement, not a day after 10月16日.
    expect(
      times('2024-10-11_ja_overseas-voting-general-election', 2).map((e) => e.text),
    ).not.toContain('翌日');
    expect(times('2024-10-11_ja_overseas-voting-general-election', 4).map(pick)[0]).toEqual({
      text: '10月27日',
      date: '2024-10-27',
      what: '国内投票',
    });
  });

  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFromFolderInTemp(fileURLToPath(DIR));
  });

  it('answers the overseas vote and the domestic vote with their own dates', () => {
    const overseas = engine.ask('在外公館投票はいつから開始されますか');
    expect(overseas.items[0]!.time).toMatchObject({ date: '2024-10-16', what: '在外公館投票' });
    const domestic = engine.ask('国内投票期日はいつですか');
    expect(domestic.items[0]!.time).toMatchObject({ date: '2024-10-27', what: '国内投票' });
  });

  it('puts the time in the zone asked for first, keeping the other (MOFA G7 New York, 2022-09-21)', () => {
    const japan = engine.ask('ニューヨークのG7外相会合は日本時間で何時からでしたか');
    const item = japan.items.find(
      (i) => i.citations[0]!.statement === '2022-09-21_ja_g7-fm-meeting-new-york',
    )!;
    expect(item.time).toMatchObject({
      date: '2022-09-22',
      time: '07:10',
      timezone: 'JST',
      instant: '2022-09-22T07:10:00+09:00',
      alternate: { date: '2022-09-21', time: '18:10', timezone: 'local' },
      what: '外相会合',
    });
    const local = engine.ask('ニューヨークのG7外相会合は現地時間で何時からでしたか');
    const first = local.items.find(
      (i) => i.citations[0]!.statement === '2022-09-21_ja_g7-fm-meeting-new-york',
    )!;
    expect(first.time).toMatchObject({
      date: '2022-09-21',
      time: '18:10',
      timezone: 'local',
      alternate: { date: '2022-09-22', time: '07:10', timezone: 'JST' },
    });
  });

  it('says what in the asked language when the event table knows the noun', () => {
    expect(whatIn('電話会談', 'en')).toBe('telephone talk');
    expect(whatIn('working dinner', 'ja')).toBe('夕食会');
    expect(whatIn('spoke with', 'en')).toBe('telephone talk');
    expect(whatIn('国内投票', 'ja')).toBe('国内投票');
    expect(whatIn('式次第', 'en')).toBe('式次第');
  });

  it('tells the call from the launches in the Münster readout (devset 2022-11-03)', () => {
    const name = '2022-11-03_ja_japan-rok-fm-phone-hayashi-park';
    expect(times(name, 2)[0]).toMatchObject({
      date: '2022-11-03',
      time: '17:30',
      timezone: 'JST',
      what: '電話会談',
    });
    expect(times(name, 4)[0]).toMatchObject({
      date: '2022-11-02',
      endDate: '2022-11-03',
      what: '発射',
    });
  });
});

describe('what a later date of a sentence dates (holdout36, MOFA)', () => {
  const of = (file: string, date: string, n: number) => {
    const folder = new URL('../fixtures/real/holdout36/', import.meta.url);
    const path = fileURLToPath(new URL(`${file}.md`, folder));
    const st = parseStatementFile(path, readFileSync(path)).statement!;
    return extractTimes(st.paragraphs[n - 1]!.text, 'ja', date).map((e) => [e.date, e.what]);
  };

  it('「8日,…,12月6日から14日まで…来日中の…レセプションを主催」: the reception is the 8th, the visit the range', () => {
    expect(of('2015-12-09_ja_hamachi-pow-reception', '2015-12-09', 2)).toEqual([
      ['2015-12-08', 'レセプション'],
      ['2015-12-06', '来日'],
    ]);
  });

  it('「1月20日、…昨年12月15日に行われた…選挙の結果を発表した」: the announcement is the 20th, the election the 15th', () => {
    expect(of('2006-01-20_ja_press-secretary-iraq-election-results', '2006-01-20', 2)).toEqual([
      ['2006-01-20', '発表'],
      ['2005-12-15', '議会選挙'],
    ]);
  });
});

describe("two places' times in one expression", () => {
  it('reads "(local time. 5:30 p.m., Japan time.)" as one expression with the Japan time as its instant (devset 2022-11-03, English)', () => {
    const [e] = extractTimes(
      'On November 3, commencing at 9:30 a.m. (local time. 5:30 p.m., Japan time.), for approximately 15 minutes, Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs of Japan, who is visiting Munster, Germany, held telephone talks with H.E. Dr. Park Jin, Minister for Foreign Affairs of the Republic of Korea.',
      'en',
      '2022-11-03',
      { publisher: 'Ministry of Foreign Affairs of Japan' },
    );
    expect(e).toMatchObject({
      date: '2022-11-03',
      time: '09:30',
      timezone: 'local',
      durationMinutes: 15,
      what: 'telephone talks',
      instant: '2022-11-03T17:30:00+09:00',
      alternate: { date: '2022-11-03', time: '17:30', timezone: 'JST' },
    });
  });

  it("reads Japan time with another country's time in brackets, with instants for both (devset 2022-11-03)", () => {
    const [e] = times('2022-11-03_ja_japan-rok-fm-phone-hayashi-park', 2);
    expect(e).toMatchObject({
      time: '17:30',
      instant: '2022-11-03T17:30:00+09:00',
      durationMinutes: 15,
      alternate: {
        date: '2022-11-03',
        time: '09:30',
        timezone: 'ドイツ時間',
        instant: '2022-11-03T09:30:00+01:00',
      },
    });
  });

  it('reads a local time whose Japan time falls on the next day (MOFA G7 New York, 2022-09-21)', () => {
    const [e] = times('2022-09-21_ja_g7-fm-meeting-new-york', 2);
    expect(e).toMatchObject({
      date: '2022-09-21',
      time: '18:10',
      timezone: 'local',
      instant: '2022-09-22T07:10:00+09:00',
      alternate: {
        date: '2022-09-22',
        time: '07:10',
        timezone: 'JST',
        instant: '2022-09-22T07:10:00+09:00',
      },
    });
  });

  it('rolls 日本時間1日 over to the next month after a 31st (hand-written: no real statement in the fixtures)', () => {
    const [e] = extractTimes(
      '3月31日21時30分(現地時間。日本時間1日10時30分)から、首脳会談が行われました。',
      'ja',
      '2023-04-01',
      { publisher: '外務省' },
    );
    expect(e).toMatchObject({
      date: '2023-03-31',
      time: '21:30',
      timezone: 'local',
      what: '首脳会談',
      instant: '2023-04-01T10:30:00+09:00',
      alternate: { date: '2023-04-01', time: '10:30', timezone: 'JST' },
    });
    const [f] = extractTimes(
      '3月31日21時30分(現地時間。日本時間4月1日10時30分)から',
      'ja',
      '2023-03-31',
    );
    expect(f!.alternate).toMatchObject({ date: '2023-04-01', time: '10:30', timezone: 'JST' });
  });
});

describe('day-only dates, visits over several days, durations and meals', () => {
  it("reads 13日(金曜日) and 18日(水曜日) in the statement's month (MOFA 2007-07-06)", () => {
    expect(
      times('2007-07-06_ja_overseas-voting-upper-house-election', 4).map((e) => e.date),
    ).toEqual(['2007-07-13', '2007-07-18']);
  });

  it('reads a visit from 27日 to 29日 and the talks on 27日 (MOFA 2005-10-24)', () => {
    expect(times('2005-10-24_ja_rok-fm-ban-visit-japan', 2).map(pick)).toEqual([
      {
        text: '10月27日(木曜日)から29日(土曜日)',
        date: '2005-10-27',
        endDate: '2005-10-29',
        what: '訪日',
      },
    ]);
    expect(times('2005-10-24_ja_rok-fm-ban-visit-japan', 3).map(pick)).toEqual([
      { text: '27日', date: '2005-10-27', what: '外相会談' },
    ]);
  });

  it('reads a visit across the end of a month (MOFA 2004-03-22)', () => {
    expect(times('2004-03-22_ja_unga-president-hunte-visit-japan', 2).map(pick)).toEqual([
      {
        text: '3月29日(月)から4月1日(木)',
        date: '2004-03-29',
        endDate: '2004-04-01',
        what: '来日',
      },
    ]);
  });

  it('reads "August 13 through 15" as a visit (ROK MOFA 2013-08-09)', () => {
    expect(times('2013-08-09_en_rok-special-rep-visit-russia', 1).map(pick)[0]).toMatchObject({
      date: '2013-08-13',
      endDate: '2013-08-15',
    });
  });

  it('reads meals as events, with their durations (MOFA 2013-12-13, 2017-01-10, 2019-06-27)', () => {
    expect(times('2013-12-13_ja_japan-asean-summit-dinner', 2)[0]).toMatchObject({
      date: '2013-12-13',
      time: '19:10',
      durationMinutes: 90,
      what: '夕食会',
      instant: '2013-12-13T19:10:00+09:00',
    });
    expect(times('2017-01-10_ja_luncheon-japanese-speaking-ambassadors', 2)[0]).toMatchObject({
      time: '11:40',
      durationMinutes: 90,
      what: '昼食会',
    });
    const dinner = times('2019-06-27_ja_japan-china-summit-dinner', 2);
    // The duration written apart, 夕食会(約70分間), is the length of what starts at 20:50.
    expect(dinner.map((e) => [e.time, e.durationMinutes, e.what])).toEqual([
      ['20:50', 70, '夕食会'],
    ]);
  });

  it('reads "a meeting and dinner on July 17, 2003" (White House 2003-07-11)', () => {
    expect(times('2003-07-11_en_wh-press-secretary-bush-to-welcome-blair', 2)[0]).toMatchObject({
      date: '2003-07-17',
      what: 'dinner',
    });
  });

  it('reads "Later today … working dinner" and "yesterday" against the date of a press conference (MOFA 2025-01-24)', () => {
    const name = '2025-01-24_en_fm-iwaya-press-conference-working-dinner';
    expect(times(name, 1)[0]).toMatchObject({
      date: '2025-01-24',
      time: '17:50',
      instant: '2025-01-24T17:50:00+09:00',
    });
    expect(times(name, 2)[0]).toMatchObject({ text: 'yesterday', date: '2025-01-23' });
    expect(times(name, 3)[0]).toMatchObject({ text: 'today', date: '2025-01-24' });
  });

  it('reads "departs on Monday" and "yesterday" against the publication date (NZ 2022-03-25, State 2022-03-14)', () => {
    expect(times('2022-03-25_en_nz-fm-mahuta-to-visit-fiji', 9).map(pick)).toEqual([
      { text: 'Monday', date: '2022-03-28' },
      { text: '31 March', date: '2022-03-31' },
    ]);
    expect(times('2022-03-14_en_state-blinken-call-qatar-fm', 2)[0]).toMatchObject({
      text: 'yesterday',
      date: '2022-03-13',
      what: 'spoke yesterday with',
    });
  });

  it('reads 約1時間10分, "about an hour and ten minutes", "on the 5th" and "on Tuesday" (hand-written: not in the real fixtures)', () => {
    expect(
      extractTimes(
        '本5日午後2時から約1時間10分、外務大臣は昼食会を主催しました。',
        'ja',
        '2024-06-05',
      )[0],
    ).toMatchObject({
      date: '2024-06-05',
      time: '14:00',
      durationMinutes: 70,
      what: '昼食会',
    });
    const en = extractTimes(
      'The Secretary met the Foreign Minister on Tuesday for about an hour and ten minutes. They will meet again on the 5th.',
      'en',
      '2024-05-09',
    );
    expect(en.map((e) => [e.text, e.date, e.durationMinutes])).toEqual([
      ['Tuesday for about an hour and ten minutes', '2024-05-07', 70],
      ['5th', '2024-06-05', undefined],
    ]);
  });
});

describe('tables of earlier events', () => {
  it("takes a day cell's year and month from its row, and from the rows above for spanned cells (hand-written table)", () => {
    const table =
      '| 年 | 月 | 日 | 事項 | | --- | --- | --- | --- | | 2019年 | 6月 | 28日 | G20大阪サミット | | | 11月 | 23日 | G20外相会合 | | 2022年 | 9月 | 21日 | G7外相会合 |';
    const days = extractTimes(table, 'ja', '2024-12-01').filter((e) => /^\d+日$/.test(e.text));
    expect(days.map((e) => e.date)).toEqual(['2019-06-28', '2019-11-23', '2022-09-21']);
  });
});

describe('time zones as instants', () => {
  it('takes Japan time for a MOFA readout without a zone, and none for other publishers', () => {
    expect(times('2017-01-28_ja_japan-us-summit-phone', 2)[1]).toMatchObject({
      time: '23:05',
      instant: '2017-01-28T23:05:00+09:00',
      what: '電話会談',
    });
    const s = statement('2017-09-03_en_japan-us-summit-phone-nuclear-test');
    expect(extractFacts(s).times[1]![0]).toMatchObject({
      time: '23:00',
      instant: '2017-09-03T23:00:00+09:00',
    });
    expect(
      extractTimes('The call began at 3:00 p.m.', 'en', '2024-07-06', {
        publisher: "Prime Minister's Office, 10 Downing Street",
      })[0]!.instant,
    ).toBeUndefined();
  });

  it('uses the timezone front matter key, with daylight saving time', () => {
    expect(
      extractTimes('The call began at 3:00 p.m.', 'en', '2024-07-06', {
        timezone: 'Europe/London',
      })[0]!.instant,
    ).toBe('2024-07-06T15:00:00+01:00');
    expect(
      extractTimes('at 9:00 a.m. (Eastern Time) on June 3', 'en', '2024-06-03')[0]!.instant,
    ).toBe('2024-06-03T09:00:00-04:00');
  });
});

describe('persisted facts', () => {
  it('keep what and instant through the stored form', () => {
    const facts = extractFacts(statement('2022-09-21_ja_g7-fm-meeting-new-york'));
    const back = new StoredFacts(encodeFacts([facts])).get(0);
    expect(back.times[1]![0]).toMatchObject({
      what: '外相会合',
      instant: '2022-09-22T07:10:00+09:00',
      alternate: { instant: '2022-09-22T07:10:00+09:00' },
    });
    expect(back).toEqual(facts);
  });
});
