import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.ts';
import { routeQuestion } from '../../src/answer/route.ts';
import type { Engine } from '../../src/engine/types.ts';
import { FIXTURE_CORPUS, SEED_CORPUS, engineFor, engineFromFolderInTemp } from '../helpers.ts';

let seed: Engine;
let ours: Engine;
beforeAll(async () => {
  seed = await engineFromFolderInTemp(SEED_CORPUS);
  ours = await engineFromFolderInTemp(FIXTURE_CORPUS);
});

const people = (a: Answer) =>
  a.items.map((i) => `${i.person!.name}|${i.person!.affiliation ?? ''}${i.person!.role ?? ''}`);
const SEED_JA = 'mofa-2024-11-01-japan-us-rok-foreign-ministers-call';
const SEED_EN = 'state-2024-10-31-joint-statement-rok-us-japan-foreign-ministers';

describe('/who', () => {
  it('names the three ministers of the seed in Japanese, participants first, with citations', () => {
    const a = seed.who('', { lang: 'ja' });
    expect(a.kind).toBe('who');
    expect(a.items.slice(0, 3).map((i) => i.text)).toEqual([
      '岩屋毅（外務大臣）',
      'アントニー・ブリンケン（米国国務長官）',
      '趙兌烈（韓国外交部長官）',
    ]);
    expect(people(a).slice(0, 3)).toEqual([
      '岩屋毅|日本外務大臣',
      'アントニー・ブリンケン|米国国務長官',
      '趙兌烈|韓国外交部長官',
    ]);
    const first = a.items[0]!.citations[0]!;
    expect(first).toMatchObject({ statement: SEED_JA, paragraph: 1 });
    expect(a.items[0]!.matched).toContain('岩屋毅外務大臣');
    // The English side of the same event is merged into the same entries.
    expect(a.items[1]!.citations.map((c) => c.language)).toEqual(['ja', 'en']);
  });

  it('answers in English from the English statement, one entry per person', () => {
    const a = seed.who('', { lang: 'en' });
    const names = a.items.map((i) => i.person!.name);
    expect(names.slice(0, 3).sort()).toEqual(
      ['Antony Blinken', 'Cho Tae-yul', 'Iwaya Takeshi'].sort(),
    );
    expect(new Set(names).size).toBe(names.length);
    const blinken = a.items.find((i) => i.person!.name === 'Antony Blinken')!;
    expect(blinken.person!.role).toMatch(/Secretary of State/);
    expect(blinken.citations[0]!.statement).toBe(SEED_EN);
  });

  it('answers a role question from the paragraph that names the role', () => {
    const a = seed.ask('外務大臣は誰');
    expect(a.kind).toBe('who');
    expect(a.items.map((i) => i.text)).toEqual(['岩屋毅（外務大臣）']);
    const b = seed.ask('Who condemned the ICBM launch?');
    expect(b.kind).toBe('who');
    expect(b.language).toBe('en');
    expect(b.items.length).toBeGreaterThanOrEqual(3);
  });

  it('finds people in statements it has never seen, and merges short references', () => {
    const a = ours.who('', { statement: 'test-mofa-2020-02-16-trilateral', lang: 'ja' });
    expect(a.items.slice(0, 3).map((i) => i.text)).toEqual([
      '茂木敏充（外務大臣）',
      'マイク・ポンペオ（米国国務長官）',
      '康京和（韓国外交部長官）',
    ]);
    const motegi = a.items[0]!;
    expect(motegi.citations[0]!.paragraph).toBe(1);
    const en = ours.who('', { statement: 'test-state-2020-02-15-trilateral', lang: 'en' });
    const names = en.items.map((i) => i.person!.name);
    expect(names).toContain('Michael R. Pompeo');
    expect(names.filter((n) => /Pompeo/.test(n))).toHaveLength(1);
    expect(names.some((n) => /Motegi/i.test(n))).toBe(true);
    expect(names.some((n) => /Kang Kyung-wha/.test(n))).toBe(true);
  });

  it('presents in English people only a Japanese statement names: glossary, bracketed name, family-name reading, country table', () => {
    const a = ours.ask('who is the prime minister mentioned', {
      statement: 'test-mofa-2025-02-08-summit',
    });
    expect(a.language).toBe('en');
    expect(a.items.map((i) => i.text)).toEqual([
      'Ishiba (石破茂) — Prime Minister, Japan',
      'Anthony Albanese — Prime Minister, Australia',
    ]);
    const hayashi = ours.who('', { statement: 'test-mofa-2023-06-05-tokyo', lang: 'en' });
    expect(hayashi.items[0]!.text).toBe('HAYASHI Yoshimasa — Foreign Minister, Japan');
    expect(hayashi.items[0]!.citations[0]!.excerpt).toContain('林芳正外務大臣');
  });

  it('pairs a foreign name the glossary does not know by its sound, and a head of government by post', () => {
    const a = ours.who('', { statement: 'test-mofa-2025-02-08-japan-us-summit' });
    expect(a.language).toBe('ja');
    const entries = a.items.map((i) => [i.text, i.citations.map((c) => c.language).join('+')]);
    // 岩屋毅 pairs with IWAYA Takeshi by the reading of 岩屋 too.
    expect(entries.slice(0, 4)).toEqual([
      ['石破茂（内閣総理大臣）', 'ja+en'],
      ['ドナルド・トランプ（米国大統領）', 'ja+en'],
      ['岩屋毅（外務大臣）', 'ja+en'],
      ['マルコ・ルビオ（国務長官）', 'ja+en'],
    ]);
    const en = ours.who('', { statement: 'test-mofa-en-2025-02-08-japan-us-summit' });
    expect(en.items.map((i) => i.text)).toContain('Marco Rubio — Secretary of State');
    expect(en.items.filter((i) => /Rubio|ルビオ/.test(i.text))).toHaveLength(1);
  });

  it('takes the principals of a lead paragraph without meeting words as the participants', () => {
    const a = ours.who('', { statement: 'test-wh-2024-04-10-biden-kishida' });
    expect(a.items.map((i) => i.text)).toEqual([
      'Joseph R. Biden — President, United States',
      'Kishida Fumio — Prime Minister, Japan',
      'Kamala Harris — Vice President',
      'Antony Blinken — Secretary of State',
    ]);
  });

  it('answers with the participants when the matching paragraph names nobody (三者は…)', () => {
    const a = ours.who('新型コロナウイルス', { lang: 'ja' });
    expect(a.kind).toBe('who');
    expect(a.items.slice(0, 3).map((i) => i.text)).toEqual([
      '茂木敏充（外務大臣）',
      'マイク・ポンペオ（米国国務長官）',
      '康京和（韓国外交部長官）',
    ]);
    expect(a.items.map((i) => i.text).join()).not.toMatch(/Ortagus/);
  });

  it('says so when no statement mentions a name in the question', () => {
    const a = ours.who('Who is the foreign minister of Chile?', { lang: 'en' });
    expect(a.kind).toBe('none');
    expect(a.notice).toBe('No statement mentions “Chile”.');
  });
});

describe('/when', () => {
  it('gives the seed call as 2024-10-31 22:00, approximate, 30 minutes, quoting the expression', () => {
    for (const lang of ['ja', 'en'] as const) {
      const a = seed.when('', { lang });
      expect(a.kind).toBe('when');
      expect(a.items[0]!.time).toMatchObject({
        date: '2024-10-31',
        time: '22:00',
        approximate: true,
        durationMinutes: 30,
      });
      expect(a.items[0]!.citations[0]).toMatchObject({ statement: SEED_JA, paragraph: 1 });
      expect(a.items[0]!.matched![0]).toMatch(/^10月31日、午後10時頃から約30分間/);
    }
    expect(seed.when('', { lang: 'ja' }).items[0]!.text).toBe('2024年10月31日 22:00頃、約30分間');
    expect(seed.when('', { lang: 'en' }).items[0]!.text).toBe(
      '2024-10-31 22:00 (approx.), about 30 minutes',
    );
  });

  it('dates the thing asked about from the paragraph that mentions it', () => {
    const a = seed.ask('When was the ICBM launched?');
    expect(a.kind).toBe('when');
    expect(a.language).toBe('en');
    expect(a.items[0]!.time!.date).toBe('2024-10-31');
    const b = seed.ask('ICBMはいつ発射されましたか？');
    expect(b.kind).toBe('when');
    expect(b.items[0]!.time!.date).toBe('2024-10-31');
    expect(b.items[0]!.citations[0]!.paragraph).toBe(2);
  });

  it('reads local times, durations and era years in statements it has never seen', () => {
    const a = ours.when('', { statement: 'test-mofa-2020-02-16-trilateral' });
    expect(a.items[0]!.time).toMatchObject({
      date: '2020-02-15',
      time: '17:30',
      durationMinutes: 45,
      approximate: true,
    });
    const kyoto = ours.when('京都');
    expect(kyoto.items[0]!.time!.date).toBe('2019-05-18');
  });

  it('keeps the precision of 来年 and the second clock time of a two-zone expression', async () => {
    const summit = await engineFromFolderInTemp(FIXTURE_CORPUS);
    const next = summit.when('次回の首脳会談', { statement: 'test-mofa-2025-02-08-summit' });
    expect(next.items[0]!.time).toMatchObject({ date: '2026-01-01', precision: 'year' });
    expect(next.items[0]!.text).toBe('2026年');
    const event = summit.when('', { statement: 'test-mofa-2025-02-08-summit' });
    expect(event.items[0]!.time).toMatchObject({
      date: '2025-02-07',
      time: '09:15',
      timezone: 'local',
      durationMinutes: 60,
      alternate: { date: '2025-02-07', time: '07:15', timezone: 'JST' },
    });
    expect(event.language).toBe('ja');
    // 約 is written on the duration only: the clock time is not called approximate.
    expect(event.items[0]!.text).toBe('2025年2月7日 09:15（現地時間、日本時間07:15）、約1時間');
    const en = summit.when('', { statement: 'test-mofa-2025-02-08-summit', lang: 'en' });
    expect(en.items[0]!.text).toBe('2025-02-07 09:15 local time (07:15 JST), about 1 hour');
  });

  it('gives both days of a two-day meeting, and deputies and vice ministers with their roles', () => {
    const when = ours.when('', { statement: 'test-state-2024-06-06-campbell-okano' });
    expect(when.items[0]!.time).toEqual({
      date: '2024-06-04',
      endDate: '2024-06-05',
      what: 'meeting',
    });
    expect(when.items[0]!.text).toBe('2024-06-04 to 2024-06-05');
    const who = ours.who('', { statement: 'test-state-2024-06-06-campbell-okano' });
    expect(who.items.map((i) => i.text)).toEqual([
      'Kurt M. Campbell — Deputy Secretary of State',
      'Okano Masataka — Vice Minister for Foreign Affairs, Japan',
      'Matthew Miller — Spokesperson, United States',
    ]);
  });

  it('dates a topic by the day expression near it rather than a bare year', () => {
    const a = ours.ask('G7外相会合はいつ');
    expect(a.items[0]!.time).toEqual({
      date: '2023-04-16',
      endDate: '2023-04-18',
      what: '外相会合',
    });
    expect(a.items[0]!.text).toBe('2023年4月16日～2023年4月18日');
    expect(ours.ask('弾道ミサイル発射はいつ').items[0]!.time!.date).toBe('2023-04-13');
  });

  it('finds "met" for "meet", and a year for "later this year"', () => {
    const met = ours.ask('When did Harris meet the Prime Minister?');
    expect(met.notice).toBeUndefined();
    expect(met.items.map((i) => i.time!.date)).toEqual(['2024-04-11']);
    const quad = ours.ask('When is the next Quad summit?');
    expect(quad.items[0]!.time).toEqual({ date: '2024-01-01', precision: 'year', what: 'Summit' });
    expect(quad.items[0]!.text).toBe('2024');
  });

  it("dates the launch asked, not the call that discussed it, though the other version gives the call's hour", async () => {
    const bundled = await engineFor(SEED_CORPUS);
    const a = bundled.ask('When was the ICBM launched?', { lang: 'en' });
    expect(a.items[0]!.time).toMatchObject({ date: '2024-10-31', what: 'launch' });
    expect(a.items[0]!.time?.time).toBeUndefined();
  });

  it('dates a topic the statement gives no date for by the event it was discussed at', () => {
    const a = seed.when('非核化');
    expect(a.items).toHaveLength(1);
    expect(a.items[0]!.time).toMatchObject({
      date: '2024-10-31',
      time: '22:00',
      approximate: true,
      durationMinutes: 30,
    });
    expect(a.items[0]!.citations[0]!.paragraph).toBe(1);
  });

  it('says plainly when nothing answers: a family name of one kanji with a title that no one the statements name has (林外務大臣)', () => {
    const a = seed.ask('林外務大臣は誰と電話会談しましたか');
    expect(a.kind).toBe('none');
    expect(a.notice).toBe('『林』を含む声明は見つかりませんでした。');
    // A country's abbreviation before a title names no one: 米大統領 is still asked about.
    expect(seed.ask('米大統領は誰と会談しましたか').kind).not.toBe('none');
  });

  it('says plainly when nothing answers: a name no statement mentions', () => {
    const a = seed.ask('日加首脳会談はいつ行われましたか');
    expect(a.kind).toBe('none');
    expect(a.notice).toBe('『日加』を含む声明は見つかりませんでした。');
  });
});

describe('describing times', () => {
  it('says a date dated in another place in both languages', async () => {
    const { describeTime } = await import('../../src/answer/describe.ts');
    const t = { date: '2023-04-12', alternate: { date: '2023-04-11', timezone: 'local' } };
    expect(describeTime(t, 'ja')).toBe('2023年4月12日（現地時間2023年4月11日）');
    expect(describeTime(t, 'en')).toBe('2023-04-12 (2023-04-11 local time)');
  });
});

describe('free questions', () => {
  it.each([
    ['When was the ICBM launched?', 'when', 'ICBM launched'],
    ['外務大臣は誰', 'who', '外務大臣'],
    ['who is the prime minister mentioned', 'who', 'is the prime minister'],
    ['次の会合はいつ', 'when', '次の会合'],
    ['夕食会の主催者は?', 'who', '夕食会の主催者'],
    [
      '松本大臣に何を送ったと書かれていますか?原文を引用してください。',
      'quote',
      '松本大臣に何を送った',
    ],
    [
      'Which two detained Canadians did Biden and Trudeau discuss?',
      'who',
      'detained Canadians did Biden and Trudeau discuss',
    ],
    ['On what night did Obama phone Abbott?', 'when', 'On did Obama phone Abbott'],
    ['電話で話した英国の閣僚は?', 'who', '電話で話した英国の閣僚'],
    ['How long was the call?', 'when', 'was the call'],
    ['What did they say about Russia?', 'quote', 'Russia'],
    ['ロシアについて何と言っていますか', 'quote', 'ロシア'],
    ['北朝鮮の非核化', 'quote', '北朝鮮の非核化'],
    ['Which U.S. official briefed Kono?', 'who', 'U.S. official briefed Kono'],
    ['At what time (US Eastern time) did Gemba call?', 'when', 'At US did Gemba call'],
    [
      'What did Kerry say about New Zealand when he welcomed McCully?',
      'quote',
      // The speaker stays: the paragraphs that name him are his words.
      'Kerry New Zealand he welcomed McCully',
    ],
    [
      'On which dates was the meeting in Botswana held?',
      'when',
      'On was the meeting in Botswana held',
    ],
    [
      'Which Argentine and Brazilian foreign ministers did Ampuero see?',
      'who',
      'Argentine and Brazilian foreign ministers did Ampuero see',
    ],
  ])('%s -> %s', (q, route, topic) => {
    const r = routeQuestion(q);
    expect(r.route).toBe(route);
    expect(r.topic.replace(/^was the /, '')).toBe(topic.replace(/^was the /, ''));
  });
});

describe('across languages', () => {
  it('finds Japanese statements for an English query through the glossary', () => {
    const a = seed.quote('ballistic missile', { lang: 'ja' });
    expect(a.items[0]!.citations[0]!.language).toBe('ja');
    expect(a.items[0]!.matched).toContain('弾道ミサイル');
  });

  it('compare shows the passage in Japanese and English side by side', () => {
    const a = seed.compare('最も強い言葉で非難');
    expect(a.kind).toBe('quote');
    const [ja, en] = a.items[0]!.citations;
    expect(ja).toMatchObject({ language: 'ja', paragraph: 4 });
    expect(en).toMatchObject({ language: 'en', paragraph: 4 });
  });

  it('aligns numbered items of the same event', () => {
    const a = ours.compare('拉致問題');
    expect(a.items[0]!.citations.map((c) => `${c.statement}#${c.paragraph}`)).toEqual([
      'test-mofa-2020-02-16-trilateral#3',
      'test-mofa-en-2020-02-16-trilateral#3',
    ]);
  });
});
