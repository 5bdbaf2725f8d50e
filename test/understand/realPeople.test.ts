/**
 * People in real published statements (test/fixtures/real/people/, copied verbatim with their
 * source): every person of the hand-checked list is found with the right role and country, and
 * nothing else is. Then the patterns that no collected statement shows, on hand-written sentences.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseStatementFile } from '../../src/corpus/parse.ts';
import { extractPeople, type Person } from '../../src/understand/people/extract.ts';
import { crossNameKey } from '../../src/understand/people/names.ts';

const dir = fileURLToPath(new URL('../fixtures/real/people/', import.meta.url));
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<
  string,
  { name: string; role?: string; affiliation?: string }[] | string
>;
const key = (s: string) => crossNameKey(s.normalize('NFKC'));

/** The people of one fixture file, in the people set or (with `set`) another real set. */
function peopleOf(file: string, set?: string): Person[] {
  const folder = set ? fileURLToPath(new URL(`../fixtures/real/${set}/`, import.meta.url)) : dir;
  const st = parseStatementFile(file, readFileSync(join(folder, file))).statement!;
  return extractPeople(st.paragraphs, st.language.startsWith('ja') ? 'ja' : 'en', {
    title: st.title,
    publisher: st.publisher,
  });
}

describe('real statements: the hand-checked people', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
  it('has a list for every fixture', () => {
    for (const f of files) expect(expected[`people/${f}`], f).toBeDefined();
  });
  for (const f of files) {
    it(f, () => {
      const want = expected[`people/${f}`] as {
        name: string;
        role?: string;
        affiliation?: string;
      }[];
      const people = peopleOf(f);
      const got = want.map((w) => {
        const p = people.find((x) => [x.name, ...x.otherNames].some((n) => key(n) === key(w.name)));
        return {
          name: p ? w.name : undefined,
          role: w.role && p?.role?.toLowerCase().includes(w.role.toLowerCase()) ? w.role : p?.role,
          affiliation: w.affiliation === undefined ? undefined : p?.affiliation,
        };
      });
      expect(got).toEqual(
        want.map((w) => ({
          name: w.name,
          role: w.role ?? got.find((g) => g.name === w.name)?.role,
          affiliation: w.affiliation,
        })),
      );
      expect(people).toHaveLength(want.length);
    });
  }
});

const summary = (p: Person) => ({ name: p.name, role: p.role, affiliation: p.affiliation });
const byName = (people: Person[], name: string) => people.find((p) => p.name === name)!;

describe('real statements: particular patterns', () => {
  it('White House: "President Biden spoke with Prime Minister X of Australia", the President and the Prime Minister', () => {
    const people = peopleOf('2024-09-20_en_wh-readout-biden-albanese-meeting.md');
    expect(people.map(summary)).toEqual([
      { name: 'Joseph R. Biden', role: 'President', affiliation: 'United States' },
      { name: 'Anthony Albanese', role: 'Prime Minister', affiliation: 'Australia' },
    ]);
    expect(byName(people, 'Joseph R. Biden').mentions.map((m) => m.text)).toEqual([
      'President Joseph R. Biden, Jr.',
      'The President',
    ]);
    expect(people.every((p) => p.participant)).toBe(true);
  });

  it('UK: "The Prime Minister spoke to Ukrainian President Volodymyr Zelenskyy"', () => {
    const people = peopleOf('2024-11-28_en_uk-pm-call-zelenskyy.md');
    expect(people.map(summary)).toEqual([
      { name: 'Volodymyr Zelenskyy', role: 'President', affiliation: 'Ukraine' },
    ]);
    expect(people[0]!.participant).toBe(true);
  });

  it('State: "Secretary of State Antony J. Blinken met with Indian External Affairs Minister Dr. S. Jaishankar"; the Secretary is Blinken', () => {
    const people = peopleOf('2021-05-03_en_state-blinken-jaishankar-meeting.md');
    const blinken = byName(people, 'Antony J. Blinken');
    expect(blinken.mentions.map((m) => m.text)).toContain('The Secretary');
    expect(summary(byName(people, 'S. Jaishankar'))).toEqual({
      name: 'S. Jaishankar',
      role: 'External Affairs Minister',
      affiliation: 'India',
    });
  });

  it("Dato', HE, Sheikh, Lord and Baroness before names; MP and KCMG after them", () => {
    expect(peopleOf('2014-03-04_en_mv-mfa-dunya-anifah.md').map((p) => p.name)).toEqual([
      'Dunya Maumoon',
      'Anifah Aman',
    ]);
    expect(
      byName(peopleOf('2018-09-04_en_sg-mfa-balakrishnan-saifuddin.md'), 'Saifuddin Abdullah')
        .affiliation,
    ).toBe('Malaysia');
    const lords = peopleOf('2025-03-26_en_uk-lords-committee-foreign-secretary.md');
    expect(lords.map((p) => p.name)).toContain('Bruce of Bennachie');
    expect(byName(lords, 'David Lammy').role).toBe('Foreign Secretary');
    expect(byName(lords, 'David Lammy').mentions[0]!.text).toBe(
      'The Rt Hon David Lammy MP, Foreign Secretary',
    );
    const wam = peopleOf('2022-05-16_en_wam-abdullah-bin-zayed-receives-blinken.md');
    expect(wam.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'Abdullah bin Zayed Al Nahyan',
        'Mohamed bin Zayed Al Nahyan',
        'Ali Saeed Al Neyadi',
      ]),
    );
  });

  it('"The meeting was attended by A, Role; B, Role; and C, Role" and "Attending the meeting were ..."', () => {
    const wam = peopleOf('2022-05-16_en_wam-abdullah-bin-zayed-receives-blinken.md');
    expect(summary(byName(wam, 'Yousef Mana’a Saeed Al Otaiba'))).toEqual({
      name: 'Yousef Mana’a Saeed Al Otaiba',
      role: 'Ambassador to the US',
      affiliation: 'United Arab Emirates',
    });
  });

  it('ラミー英外務・開発大臣 is David Lammy of the UK, never a person named 開発', () => {
    const people = peopleOf('2025-03-07_ja_mofa-iwaya-lammy-meeting.md');
    expect(people.map(summary)).toEqual([
      { name: '岩屋毅', role: '外務大臣', affiliation: '日本' },
      { name: 'デービッド・ラミー', role: '外務・開発大臣', affiliation: '英国' },
    ]);
    expect(byName(people, 'デービッド・ラミー').otherNames).toEqual(['David Lammy']);
  });

  it('name・country・title (マタメラ・シリル・ラマポーザ・南アフリカ共和国大統領) and 石破総理大臣', () => {
    const people = peopleOf('2025-08-21_ja_mofa-ishiba-ramaphosa-meeting.md');
    expect(people.map(summary)).toEqual([
      { name: '石破茂', role: '内閣総理大臣', affiliation: '日本' },
      { name: 'マタメラ・シリル・ラマポーザ', role: '大統領', affiliation: '南アフリカ共和国' },
    ]);
    expect(byName(people, '石破茂').mentions.map((m) => m.text)).toContain('石破総理大臣');
  });

  it('a katakana name, its English name in brackets, then country and 国連常駐代表; 大臣政務官 and 副大臣', () => {
    const uto = peopleOf('2014-12-04_ja_mofa-uto-un-pr-lunch.md');
    expect(summary(uto[0]!)).toEqual({ name: '宇都隆史', role: '大臣政務官', affiliation: '日本' });
    const seck = byName(uto, 'フォデ・セック');
    expect(summary(seck)).toEqual({
      name: 'フォデ・セック',
      role: '国連常駐代表',
      affiliation: 'セネガル共和国',
    });
    expect(seck.otherNames).toEqual(['Fodé SECK']);
    const nakayama = peopleOf('2015-06-02_ja_mofa-nakayama-un-pr-dinner.md');
    expect(summary(nakayama[0]!)).toEqual({
      name: '中山',
      role: '外務副大臣',
      affiliation: '日本',
    });
  });
});

describe('real statements: MOFA English of courtesy calls (holdout36)', () => {
  it('"Mr.Robert Heer" with no space after the full stop, and "Parliamentary Vice Minister" written without its hyphen', () => {
    const heer = peopleOf('2013-10-15_en_kishida-us-pow-courtesy-call.md', 'holdout36');
    expect(heer.map((p) => p.name)).toContain('Robert Heer');
    const tsuji = peopleOf('2018-10-10_en_tsuji-pow-families-courtesy-call.md', 'holdout36');
    expect(summary(tsuji[0]!)).toEqual({
      name: 'Kiyoto Tsuji',
      role: 'Parliamentary Vice Minister for Foreign Affairs',
      affiliation: 'Japan',
    });
  });
});

describe('real statements: people after a plural noun and a dash (holdout37)', () => {
  it('"the two Canadian citizens—Michael Kovrig and Michael Spavor—who have been … detained"', () => {
    const people = peopleOf('2021-08-02_en_biden-trudeau-call-smoked-meats.md', 'holdout37');
    expect(people.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Michael Kovrig', 'Michael Spavor']),
    );
  });
});

describe('real statements: people after "the killings of" (holdout34)', () => {
  it('"the horrendous killings of Kenji Goto and Haruna Yukawa by Daesh"', () => {
    const people = peopleOf('2015-03-14_en_un-sg-ban-abe-sendai.md', 'holdout34');
    expect(people.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Kenji Goto', 'Haruna Yukawa']),
    );
  });
});

describe('real statements: sides labelled inside brackets (holdout41)', () => {
  it("「(米側:キャンベル国務次官補,…,日本側:梅本北米局長,杉山アジア大洋州局長ほか同席)」: each side's people are of its country", () => {
    const people = peopleOf('2011-07-23_ja_matsumoto-clinton-bali.md', 'holdout41');
    expect(byName(people, 'キャンベル').affiliation).toBe('米国');
    expect(byName(people, 'ホーマッツ').affiliation).toBe('米国');
    expect(byName(people, '梅本').affiliation).toBe('日本');
    expect(byName(people, '杉山').affiliation).toBe('日本');
  });
});

describe('real statements: a role in lower case before a name (holdout31)', () => {
  it('"candidate Petro Poroshenko secured a win": the candidate', () => {
    const people = peopleOf(
      '2014-05-27_en_ukraine-presidential-election-fm-statement.md',
      'holdout31',
    );
    expect(people.map(summary)).toEqual([
      { name: 'Petro Poroshenko', role: 'candidate', affiliation: undefined },
    ]);
  });
});

describe('real statements: a family name first, then a comma (holdout39)', () => {
  it('「ラヴロフ、セルゲイ・ヴィクトロヴィチ・ロシア連邦外務大臣(H.E. Mr. Lavrov, Sergey Viktorovich …)」 is one person, and 「ラヴロフ大臣」 is he', () => {
    const people = peopleOf('2020-10-16_ja_motegi-lavrov-phone.md', 'holdout39');
    const lavrov = byName(people, 'ラヴロフ、セルゲイ・ヴィクトロヴィチ');
    expect(summary(lavrov)).toEqual({
      name: 'ラヴロフ、セルゲイ・ヴィクトロヴィチ',
      role: '連邦外務大臣',
      affiliation: 'ロシア',
    });
    expect(lavrov.mentions.map((m) => m.text)).toContain('ラヴロフ大臣');
  });
});

describe('real statements: the head of a body (holdout38)', () => {
  it('「ジャン=クロード・ユンカー欧州委員会委員長」: the name, then the body he heads', () => {
    const people = peopleOf('2018-07-09_ja_abe-juncker-phone.md', 'holdout38');
    expect(people.map((p) => [p.name, p.role, p.participant])).toEqual([
      ['安倍晋三', '内閣総理大臣', true],
      ['ジャン=クロード・ユンカー', '欧州委員会委員長', true],
    ]);
  });
});

describe('real statements: an ambassador to Japan with no country written (holdout35)', () => {
  it('「ケネディ駐日大使」 in a call with the US Secretary of State is of the US', () => {
    const people = peopleOf('2013-11-18_ja_kishida-kerry-phone-kennedy.md', 'holdout35');
    expect(summary(byName(people, 'ケネディ'))).toEqual({
      name: 'ケネディ',
      role: '駐日大使',
      affiliation: '米国',
    });
  });
});

describe('real statements: messages of sympathy (holdout37)', () => {
  it('「ジェラルド・ブラウン・カリフォルニア州知事」: a name, a dot, then the state governed', () => {
    const people = peopleOf('2017-10-17_ja_kono-message-california-wildfires.md', 'holdout37');
    expect(summary(byName(people, 'ジェラルド・ブラウン'))).toEqual({
      name: 'ジェラルド・ブラウン',
      role: 'カリフォルニア州知事',
      affiliation: undefined,
    });
  });
});

describe('real statements: words of the sentence before a name (holdout34)', () => {
  it('「冒頭町村大臣より」 and 「町村外務大臣」: 冒頭 is no part of the name, and a word ending in 村 before a minister is a name', () => {
    const people = peopleOf('2007-08-31_ja_machimura-downer-phone.md', 'holdout34');
    expect(people.map((p) => p.name)).toEqual(['ダウナー', '町村']);
  });
});

describe('hand-written: patterns no collected statement shows', () => {
  const en = (...t: string[]) =>
    extractPeople(
      t.map((text, i) => ({ number: i + 1, text })),
      'en',
    );
  const ja = (...t: string[]) =>
    extractPeople(
      t.map((text, i) => ({ number: i + 1, text })),
      'ja',
    );

  it('untitled names: "X of Country", "met with A and B", "Participants: ...", "X said"', () => {
    expect(en('The Minister met Pedro Alvarez of Chile on Monday.').map(summary)).toEqual([
      { name: 'Pedro Alvarez', role: undefined, affiliation: 'Chile' },
    ]);
    expect(
      en('The Ambassador met with Tanaka Ichiro and Sato Hanako in Tokyo.').map((p) => p.name),
    ).toEqual(['Tanaka Ichiro', 'Sato Hanako']);
    expect(
      en('Participants: Maria Lopez, Director of the Office; John Smith; and Dame Ann Brown.')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['Ann Brown', 'John Smith', 'Maria Lopez']);
    expect(en('"We will continue," Karl Weber said.').map((p) => p.name)).toEqual(['Karl Weber']);
  });

  it('現 before a title; 事務次官 and 審議官', () => {
    expect(ja('スミス現大統領は、会談を行いました。').map(summary)).toEqual([
      { name: 'スミス', role: '大統領', affiliation: undefined },
    ]);
    expect(ja('山田一郎外務事務次官及び佐藤次郎外務審議官が同席しました。').map(summary)).toEqual([
      { name: '山田一郎', role: '外務事務次官', affiliation: '日本' },
      { name: '佐藤次郎', role: '外務審議官', affiliation: '日本' },
    ]);
  });
});

describe('real statements: delegation lists', () => {
  const listOf = (file: string) => peopleOf(file, 'holdout2');

  it('"India: Ms. Vani Rao, Additional Secretary": each side\'s people are of the country their line is labelled with, and all took part', () => {
    const people = listOf('2022-09-06_en_quad-senior-officials-delhi.md');
    expect(people.map((p) => [p.name, p.affiliation, p.participant])).toEqual([
      ['ICHIKAWA Keiichi', 'Japan', true],
      ['Justin Hayhurst', 'Australia', true],
      ['Vani Rao', 'India', true],
      ['Donald Lu', 'U.S.', true],
      ['Camille P. Dawson', 'U.S.', true],
    ]);
  });

  it('「日本:市川恵一総合外交政策局長」: the bureau between a kanji name and the title is part of the role, not of the name', () => {
    const people = listOf('2022-09-06_ja_quad-senior-officials-delhi.md');
    expect(people.map((p) => [p.name, p.role, p.affiliation])).toEqual([
      ['市川恵一', '総合外交政策局長', '日本'],
      ['ジャスティン・ヘイハースト', '副次官', '豪州'],
      ['ヴァニ・ラオ', '次官補', 'インド'],
      ['ドナルド・ルー', '国務次官補', '米国'],
      ['カミラ・ドーソン', '国務次官補', '米国'],
    ]);
  });

  it('「大塚建吾外務省アジア大洋州局参事官、…ダン・シントロン米国国務省次官補代理代行」: a ministry and bureau before the title, two suffixes after it', () => {
    const people = listOf('2025-11-07_ja_japan-us-rok-officials-phone-north-korea.md');
    expect(people.map((p) => [p.name, p.role, p.affiliation])).toEqual([
      ['大塚建吾', '外務省アジア大洋州局参事官', '日本'],
      ['白鏞塡', '外交部朝鮮半島政策局長', '韓国'],
      ['ダン・シントロン', '国務省次官補', '米国'],
    ]);
    expect(people.find((p) => p.name === 'ダン・シントロン')?.acting).toBe(true);
  });

  it('「岩谷滋雄日中韓三国協力事務局長」: countries abbreviated together start the organisation, not the name', () => {
    const people = listOf('2015-03-21_ja_tcs-japan-china-rok-fm-meeting-seoul.md');
    expect(people.find((p) => p.name === '岩谷滋雄')?.role).toBe('日中韓三国協力事務局長');
  });
});

describe('real statements: titles and lists of other publishers (holdout4)', () => {
  const of = (file: string) => peopleOf(file, 'holdout4');
  const row = (p: Person) => [p.name, p.role, p.affiliation];

  it('"the Timor-Leste Minister of Foreign Affairs and Cooperation, Bendito Freitas; ... Ambassador to Australia, Inês Almeida": a portfolio goes on after "and" and "to"', () => {
    const people = of('2023-07-07_en_tl-gov-xanana-receives-penny-wong.md');
    expect(people.map(row)).toEqual(
      expect.arrayContaining([
        ['Bendito Freitas', 'Minister of Foreign Affairs and Cooperation', 'Timor-Leste'],
        ['Inês Almeida', 'Ambassador to Australia', 'Timor-Leste'],
      ]),
    );
  });

  it('"Vice-President Kamala Harris and Second Gentleman Douglas Emhoff"; "Mr. AISAWA Ichiro, Member of the House of Representatives of Japan"', () => {
    expect(of('2021-09-24_en_mea-modi-harris-meeting-washington.md').map((p) => p.name)).toContain(
      'Douglas Emhoff',
    );
    expect(
      of('2024-08-24_en_mofa-kamikawa-ticad-ministerial-reception.md').map(row),
    ).toContainEqual(['AISAWA Ichiro', 'Member of the House of Representatives', 'Japan']);
  });

  it('「ジャヌージ・マンスフィールド財団理事長」: the katakana word glued to 財団 names the foundation, not the person', () => {
    expect(
      of('2022-07-29_ja_hayashi-mansfield-fellows-washington.md').map((p) => [p.name, p.role]),
    ).toContainEqual(['ジャヌージ', '理事長']);
  });
});

describe("real statements: other publishers' ways of naming (holdout6)", () => {
  const of = (file: string) => peopleOf(file, 'holdout6');
  const row = (p: Person) => [p.name, p.role, p.affiliation];

  it('"Minister for Europe and Foreign Affairs of the French Republic Catherine Colonna"; "Foreign Minister of the Republic of Korea (RoK) Kang Kyung-wha"', () => {
    expect(of('2023-10-08_en_qatar-mofa-pm-call-colonna.md').map(row)).toContainEqual([
      'Catherine Colonna',
      'Minister for Europe and Foreign Affairs',
      'France',
    ]);
    expect(of('2020-07-23_en_vna-pham-binh-minh-kang-phone.md').map((p) => p.name)).toContain(
      'Kang Kyung-wha',
    );
  });

  it('"met with his UK counterpart, David Cameron"', () => {
    expect(of('2023-11-28_en_spain-albares-nato-ministers-brussels.md').map(row)).toContainEqual([
      'David Cameron',
      'counterpart',
      'United Kingdom',
    ]);
  });
});

describe('real statements: MOFA pages of 2010-2016 (holdout19)', () => {
  const of = (file: string) => peopleOf(file, 'holdout19');
  const row = (p: Person) => [p.name, p.role, p.affiliation];

  it("「ベルナール・クシュネール 仏外務・欧州問題大臣」: a space before the country's abbreviation still joins the name to its title", () => {
    expect(of('2010-06-17_ja_okada-kouchner-phone.md').map(row)).toContainEqual([
      'ベルナール・クシュネール',
      '外務・欧州問題大臣',
      'フランス',
    ]);
  });

  it('「原田親仁政府代表兼日露関係担当大使」: 政府代表 is a title', () => {
    expect(
      of('2016-01-22_ja_abe-putin-phone-north-korea.md').map((p) => [p.name, p.role]),
    ).toContainEqual(['原田親仁', '政府代表']);
  });
});

describe('real statements: 2005-2015 (holdout28)', () => {
  const of = (file: string) => peopleOf(file, 'holdout28');
  const row = (p: Person) => [p.name, p.role];

  it('「マシュハダーニー国民議会議員」: a legislature between a katakana name and its title is no name', () => {
    const people = of('2006-04-23_ja_press-secretary-iraq-new-prime-minister.md').map(row);
    expect(people).toContainEqual(['マシュハダーニー', '議員']);
    expect(people).toContainEqual(['マーリキー', '議員']);
    expect(people.map(([name]) => name)).not.toContain('国民議会');
  });

  it('「ムアーズ・カサースバ大尉」: a military rank is a title', () => {
    expect(of('2015-02-05_ja_kishida-judeh-phone-pilot.md').map(row)).toContainEqual([
      'ムアーズ・カサースバ',
      '大尉',
    ]);
  });
});

describe('real statements: 2016-2025 (holdout29)', () => {
  const row = (p: Person) => [p.name, p.role];

  it('"Title, H.E. Name" pairs in a list: each title is the next name’s (the Maldives’ delegation)', () => {
    const people = peopleOf(
      '2019-11-15_en_maldives-shahid-courtesy-call-morocco-pm.md',
      'holdout29',
    );
    expect(people.map(row)).toEqual(
      expect.arrayContaining([
        ['Ahmed Khaleel', 'Minister of State for Foreign Affairs'],
        ['Ahmed Shiaan', 'Additional Secretary of the Ministry of Foreign Affairs'],
        ['Moomina Ibrahim', 'Assistant Director of the Ministry of Foreign Affairs'],
      ]),
    );
  });

  it('「長島昭久総理補佐官」「ルイーズ・アラネタ・マルコス大統領夫人」: an adviser of Japan; a spouse’s title', () => {
    const people = peopleOf('2025-04-29_ja_ishiba-marcos-dinner-manila.md', 'holdout29');
    expect(people.map((p) => [p.name, p.role, p.affiliation])).toEqual(
      expect.arrayContaining([
        ['長島昭久', '総理補佐官', '日本'],
        ['森昌文', '総理補佐官', '日本'],
      ]),
    );
    expect(people.map(row)).toContainEqual(['ルイーズ・アラネタ・マルコス', '大統領夫人']);
  });
});

describe('real statements: Japan first (holdout31)', () => {
  it('「辻󠄀清人外務副大臣」: a variation selector after a kanji is part of the name, and 辻 finds it', () => {
    const people = peopleOf('2024-02-01_ja_sereno-courtesy-call-tsuji.md', 'holdout31');
    const tsuji = people.find((p) => p.name.startsWith('辻'))!;
    expect([tsuji.role, tsuji.affiliation, tsuji.mentions.length]).toEqual([
      '外務副大臣',
      '日本',
      3,
    ]);
    expect(people.filter((p) => p.name.startsWith('辻'))).toHaveLength(1);
  });
});

describe('real statements: names with a dot before the country', () => {
  it('「デイビッド・ダットン・オーストラリアNATO代表部次席大使」: the country before a body in Latin letters is the person’s', () => {
    expect(
      peopleOf('2023-04-05_ja_hayashi-ap4-stoltenberg-meeting.md', 'holdout22').map((p) => [
        p.name,
        p.affiliation,
      ]),
    ).toContainEqual(['デイビッド・ダットン', 'オーストラリア']);
  });

  it('「胡錦濤・中国国家主席」: a kanji name, a dot, then the country and the title', () => {
    expect(
      peopleOf('2012-03-27_ja_noda-hu-jintao-informal-talk-seoul.md', 'holdout31').map((p) => [
        p.name,
        p.role,
        p.affiliation,
      ]),
    ).toContainEqual(['胡錦濤', '国家主席', '中国']);
  });
});
