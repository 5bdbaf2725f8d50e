import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractPeople, type Person } from '../../src/understand/people/extract.ts';

const seed = readFileSync(new URL('../fixtures/seed.txt', import.meta.url), 'utf8').split('\n');
const paragraphs = (texts: string[]) => texts.map((text, i) => ({ number: i + 1, text }));
const ja = (...texts: string[]) => extractPeople(paragraphs(texts), 'ja');
const en = (...texts: string[]) => extractPeople(paragraphs(texts), 'en');
const byName = (people: Person[], name: string): Person => {
  const p = people.find((x) => x.name === name);
  if (!p) throw new Error(`${name} not found among ${people.map((x) => x.name).join(', ')}`);
  return p;
};
const summary = (p: Person) => ({
  name: p.name,
  role: p.role,
  affiliation: p.affiliation,
  participant: p.participant,
});

describe('seed statement', () => {
  it('Japanese: the three ministers who held the call, with roles, countries and the damaged bracket', () => {
    const people = ja(...seed.slice(0, 4));
    expect(people.map(summary)).toEqual([
      { name: '岩屋毅', role: '外務大臣', affiliation: '日本', participant: true },
      { name: 'アントニー・ブリンケン', role: '国務長官', affiliation: '米国', participant: true },
      { name: '趙兌烈', role: '外交部長官', affiliation: '韓国', participant: true },
    ]);
    const cho = byName(people, '趙兌烈');
    expect(cho.reading).toBeUndefined();
    expect(cho.otherNames).toEqual(['Cho Tae-yul']);
    expect(byName(people, 'アントニー・ブリンケン').otherNames).toEqual(['Antony Blinken']);
    const m = cho.mentions[0]!;
    expect(seed[0]!.slice(m.start, m.end)).toBe(m.text);
    expect(m.text).toBe('趙兌烈()韓国外交部長官');
  });

  it('English: the three ministers of the joint statement', () => {
    // the body, between "Begin Text" and "End Text"
    const body = seed.slice(seed.indexOf('Begin Text') + 1, seed.indexOf('End Text'));
    const people = en(...body);
    expect(people.map(summary)).toEqual([
      {
        name: 'Antony Blinken',
        role: 'Secretary of State',
        affiliation: 'United States',
        participant: true,
      },
      { name: 'Iwaya Takeshi', role: 'Foreign Minister', affiliation: 'Japan', participant: true },
      {
        name: 'Cho Tae-yul',
        role: 'Foreign Minister',
        affiliation: 'Republic of Korea',
        participant: true,
      },
    ]);
  });

  it('English title line: "Joint Statement by" lists its authors, initials kept in the name', () => {
    const people = en(seed[4]!);
    expect(people.map((p) => p.name)).toEqual([
      'Cho Tae-yul',
      'Antony J. Blinken',
      'Iwaya Takeshi',
    ]);
    expect(people.every((p) => p.participant)).toBe(true);
    expect(byName(people, 'Cho Tae-yul').role).toBe('Minister of Foreign Affairs');
  });
});

describe('Japanese readouts', () => {
  it('a 2020 trilateral call: reading in brackets, English name in full-width brackets, short references merged', () => {
    const people = ja(
      '4月3日、午後9時15分から約25分間、茂木敏充外務大臣は、マイク・ポンペオ米国国務長官（The Honorable Michael R. Pompeo, Secretary of State of the United States of America）及び康京和(カン・ギョンファ)韓国外交部長官との間で、日米韓外相電話会談を行いました。',
      '1 冒頭、茂木大臣から、新型コロナウイルス感染症への対応について説明しました。ポンペオ長官及び康長官からも、各国の取組について説明がありました。',
    );
    expect(people.map(summary)).toEqual([
      { name: '茂木敏充', role: '外務大臣', affiliation: '日本', participant: true },
      { name: 'マイク・ポンペオ', role: '国務長官', affiliation: '米国', participant: true },
      { name: '康京和', role: '外交部長官', affiliation: '韓国', participant: true },
    ]);
    const kang = byName(people, '康京和');
    expect(kang.reading).toBe('カン・ギョンファ');
    expect(kang.mentions.map((m) => [m.paragraph, m.text])).toEqual([
      [1, '康京和(カン・ギョンファ)韓国外交部長官'],
      [2, '康長官'],
    ]);
    expect(byName(people, 'マイク・ポンペオ').otherNames).toEqual(['Michael R. Pompeo']);
    expect(byName(people, '茂木敏充').mentions.map((m) => m.text)).toEqual([
      '茂木敏充外務大臣',
      '茂木大臣',
    ]);
  });

  it('a summit: prime minister and president, with later 総理 / 大統領 references', () => {
    const people = ja(
      '9月24日（現地時間）、菅義偉内閣総理大臣は、ジョセフ・バイデン米国大統領との間で日米首脳会談を行ったところ、概要は以下のとおりです。',
      '2 菅総理から、バイデン大統領の指導力に敬意を表しました。',
    );
    expect(people.map(summary)).toEqual([
      { name: '菅義偉', role: '内閣総理大臣', affiliation: '日本', participant: true },
      { name: 'ジョセフ・バイデン', role: '大統領', affiliation: '米国', participant: true },
    ]);
    expect(byName(people, 'ジョセフ・バイデン').mentions).toHaveLength(2);
  });

  it('a courtesy call: concurrent posts joined by 兼 give a sensible role; a former prime minister is only mentioned', () => {
    const people = ja(
      '本日、石破茂内閣総理大臣は、王毅中国共産党中央外事工作委員会弁公室主任兼外交部長の表敬を受けました。',
      '石破総理から、岸田文雄前内閣総理大臣の訪中にも触れつつ、意思疎通の重要性を述べました。',
    );
    expect(people.map(summary)).toEqual([
      { name: '石破茂', role: '内閣総理大臣', affiliation: '日本', participant: true },
      { name: '王毅', role: '外交部長', affiliation: '中国', participant: true },
      { name: '岸田文雄', role: '内閣総理大臣', affiliation: '日本', participant: false },
    ]);
    expect(byName(people, '岸田文雄').former).toBe(true);
    expect(byName(people, '石破茂').mentions.map((m) => m.text)).toEqual([
      '石破茂内閣総理大臣',
      '石破総理',
    ]);
  });

  it('a meeting with Australia; former (前), deputy (副), acting (臨時代理) and an ambassador', () => {
    const people = ja(
      '上川陽子外務大臣は、ペニー・ウォン豪州外務大臣と日豪外相会談を行いました。冒頭、上川大臣から、林前大臣の取組に言及しました。',
      'カート・キャンベル米国国務副長官、ラーム・エマニュエル駐日米国大使も同席しました。',
      '松本剛明総務大臣臨時代理が閣議に出席した。',
    );
    const kamikawa = byName(people, '上川陽子');
    expect(summary(kamikawa)).toEqual({
      name: '上川陽子',
      role: '外務大臣',
      affiliation: '日本',
      participant: true,
    });
    expect(kamikawa.mentions).toHaveLength(2);
    expect(summary(byName(people, 'ペニー・ウォン'))).toEqual({
      name: 'ペニー・ウォン',
      role: '外務大臣',
      affiliation: '豪州',
      participant: true,
    });
    expect(byName(people, '林').former).toBe(true);
    const campbell = byName(people, 'カート・キャンベル');
    expect([campbell.role, campbell.affiliation, campbell.deputy]).toEqual([
      '国務副長官',
      '米国',
      true,
    ]);
    const emanuel = byName(people, 'ラーム・エマニュエル');
    expect([emanuel.role, emanuel.affiliation]).toEqual(['駐日大使', '米国']);
    const matsumoto = byName(people, '松本剛明');
    expect([matsumoto.role, matsumoto.acting]).toEqual(['総務大臣', true]);
    expect(people.some((p) => p.name.includes('日豪'))).toBe(false);
  });

  it('a kanji beyond the BMP is part of the name: 𠮷田太郎, not 田太郎', () => {
    const yoshida = byName(
      ja('本日、𠮷田太郎外務大臣は、ブリンケン国務長官と会談した。'),
      '𠮷田太郎',
    );
    expect(yoshida.role).toBe('外務大臣');
    expect(yoshida.mentions.map((m) => m.text)).toEqual(['𠮷田太郎外務大臣']);
  });

  it('茂木敏充前外務大臣 is former, 茂木前大臣 merges into him', () => {
    const people = ja(
      '林芳正外務大臣は、茂木敏充前外務大臣と懇談した。',
      '林大臣は、茂木前大臣の貢献に謝意を表した。',
    );
    const motegi = byName(people, '茂木敏充');
    expect(motegi.former).toBe(true);
    expect(motegi.role).toBe('外務大臣');
    expect(motegi.mentions.map((m) => m.text)).toEqual(['茂木敏充前外務大臣', '茂木前大臣']);
    expect(people).toHaveLength(2);
  });

  it('katakana countries after a middle dot, long country forms, 首相, 氏, 国連, hiragana readings and former foreign officials', () => {
    const people = ja(
      'ジョコ・ウィドド・インドネシア共和国大統領、アンソニー・アルバニージー・オーストラリア首相、グテーレス国連事務総長、ドナルド・トランプ氏。',
      '林芳正（はやし よしまさ）外務大臣は、ポンペオ前米国国務長官の発言に言及した。',
    );
    expect(people.map((p) => [p.name, p.role, p.affiliation])).toEqual([
      ['ジョコ・ウィドド', '大統領', 'インドネシア共和国'],
      ['アンソニー・アルバニージー', '首相', 'オーストラリア'],
      ['グテーレス', '事務総長', '国連'],
      ['ドナルド・トランプ', undefined, undefined],
      ['林芳正', '外務大臣', '日本'],
      ['ポンペオ', '国務長官', '米国'],
    ]);
    expect(byName(people, '林芳正').reading).toBe('はやし よしまさ');
    expect(byName(people, 'ポンペオ').former).toBe(true);
  });

  it('the country is never left in the name (kanji and katakana names)', () => {
    const people = ja(
      'ウォン豪州外務大臣、趙兌烈韓国外交部長官、ラミー英国外務・英連邦・開発大臣、ジャイシャンカル・インド外務大臣と会談した。',
    );
    expect(people.map((p) => [p.name, p.affiliation])).toEqual([
      ['ウォン', '豪州'],
      ['趙兌烈', '韓国'],
      ['ラミー', '英国'],
      ['ジャイシャンカル', 'インド'],
    ]);
  });

  it('同国 before a title is the country of the person named before (ジョンストン同国国防相)', () => {
    const people = ja(
      'ビショップ・オーストラリア外相(The Hon. Julie BISHOP MP)及びジョンストン同国国防相(The Hon. Senator David Johnston)一行の表敬を受けた。',
    );
    expect(people.map((p) => [p.name, p.role, p.affiliation, p.participant])).toEqual([
      ['ビショップ', '外相', 'オーストラリア', true],
      ['ジョンストン', '国防相', 'オーストラリア', true],
    ]);
  });

  it('a family name that ends like a place (高村, 中村) is a name before a title; a region is not', () => {
    const people = ja('高村大臣は、中村総務大臣及び東京都知事と会談した。');
    expect(people.map((p) => p.name)).toEqual(['高村', '中村']);
  });

  it("a country before the first title of a pair is both's; one after a name is that person's alone", () => {
    const people = en(
      'UK Secretary of State for Foreign and Commonwealth Affairs Philip Hammond and Secretary of State for Defence Michael Fallon made a courtesy call.',
      'Foreign Minister Wang Yi of China and Secretary of State John Kerry met.',
    );
    expect(people.map((p) => [p.name, p.affiliation])).toEqual([
      ['Philip Hammond', 'United Kingdom'],
      ['Michael Fallon', 'United Kingdom'],
      ['Wang Yi', 'China'],
      ['John Kerry', undefined],
    ]);
  });

  it("a bare title names the holder of the publisher's office on the statement's date when no one in it holds the title", () => {
    const paras = paragraphs([
      'The President and Prime Minister Brown had a productive call earlier today.',
      'The President expressed his disappointment.',
    ]);
    const people = extractPeople(paras, 'en', {
      title: 'Readout of the President’s call with UK Prime Minister Brown',
      publisher: 'The White House',
      date: '2009-09-10',
    });
    expect(
      people.map((p) => [p.name, p.role, p.affiliation, p.byOffice ?? false, p.mentions.length]),
    ).toEqual([
      ['Brown', 'Prime Minister', undefined, false, 1],
      ['Barack Obama', 'President', 'United States', true, 2],
    ]);
    // Another publisher's "the President" is no one the table knows; another President in the text is not the White House's.
    expect(
      extractPeople(paras, 'en', {
        publisher: 'Ministry of Foreign Affairs of Japan',
        date: '2009-09-10',
      }).map((p) => p.name),
    ).toEqual(['Brown']);
    const calls = extractPeople(
      paragraphs(['Today the President spoke by phone with French President Nicolas Sarkozy.']),
      'en',
      { publisher: 'The White House', date: '2011-10-10' },
    );
    expect(calls.find((p) => p.name === 'Barack Obama')?.mentions.map((m) => m.text)).toEqual([
      'the President',
    ]);
  });

  it('a possessive country before a title is the person\'s, and the object of "spoke to" took part', () => {
    const people = en(
      'Prime Minister Starmer spoke to France’s President Emmanuel Macron this evening.',
    );
    expect(people.map((p) => [p.name, p.affiliation, p.participant])).toEqual([
      ['Starmer', undefined, true],
      ['Emmanuel Macron', 'France', true],
    ]);
  });

  it("a kanji portfolio between a katakana name and the title is the role's (チャオ運輸長官)", () => {
    expect(
      ja('米国を代表してチャオ運輸長官に参列いただいた。').map((p) => [p.name, p.role]),
    ).toEqual([['チャオ', '運輸長官']]);
  });

  it('a list of attendees gives the country in brackets after the title (オフナー・フレルスフ副首相 (モンゴル))', () => {
    const people = ja(
      '(5) オフナー・フレルスフ副首相 (モンゴル)',
      '(2) ジェームス・ワニ・イッガ副大統領 (南スーダン)',
    );
    expect(people.map((p) => [p.name, p.role, p.affiliation])).toEqual([
      ['オフナー・フレルスフ', '副首相', 'モンゴル'],
      ['ジェームス・ワニ・イッガ', '副大統領', '南スーダン'],
    ]);
  });

  it('an ambassador posted "in" a country, and an office given after a name with "as"', () => {
    const people = en(
      'The MFA conveyed its concerns to the DPRK Ambassador in Singapore Ji Jae-suk.',
      'The Independent Election Commission of Afghanistan declared Hamid Karzai as elected president of Afghanistan.',
    );
    expect(people.map((p) => [p.name, p.role, p.affiliation])).toEqual([
      ['Ji Jae-suk', 'Ambassador in Singapore', 'DPRK'],
      ['Hamid Karzai', 'president', 'Afghanistan'],
    ]);
  });

  it('a body in Latin letters inside a Japanese title, and a country with の before the name', () => {
    const people = ja(
      'フェデリカ・モゲリーニEU外務・安全保障政策上級代表と電話会談を行いました。',
      'インドのマンモハン・シン首相との間で電話会談を行いました。',
    );
    expect(people.map((p) => [p.name, p.role, p.affiliation])).toEqual([
      ['フェデリカ・モゲリーニ', '外務・安全保障政策上級代表', 'EU'],
      ['マンモハン・シン', '首相', 'インド'],
    ]);
  });

  it('"Title, Name and …" and two posts joined before the comma; a new counterpart', () => {
    const people = en(
      'Australia’s Foreign Minister, Penny Wong and China’s State Councilor and Foreign Minister, Wang Yi, met.',
      'Le Drian spoke by phone with his new Japanese counterpart, Yoshimasa Hayashi, yesterday.',
    );
    expect(people.map((p) => [p.name, p.role, p.affiliation])).toEqual([
      ['Penny Wong', 'Foreign Minister', 'Australia'],
      ['Wang Yi', 'State Councilor and Foreign Minister', 'China'],
      ['Yoshimasa Hayashi', 'counterpart', 'Japan'],
    ]);
  });

  it('a list after a plural title and "including" shares the title; without it, no title', () => {
    const listed = en(
      'Mr Johnson will have bilateral meetings with a number of foreign ministers in the margins of the G20, including China’s Wang Yi, South Korea’s Kang Kyung-wha, and Turkey’s Mevlut Cavusoglu.',
    );
    expect(listed.map((p) => [p.name, p.role, p.affiliation])).toContainEqual([
      'Mevlut Cavusoglu',
      'Foreign Minister',
      'Türkiye',
    ]);
    const bare = en(
      'Mr Johnson will meet many people, including China’s Wang Yi and Turkey’s Mevlut Cavusoglu.',
    );
    expect(byName(bare, 'Wang Yi').role).toBeUndefined();
  });

  it('a heading or signature whose lines were joined: the name before the title', () => {
    const people = en(
      'Press Statement John Kerry Secretary of State Washington, DC May 4, 2015',
      'Fumio Kishida Minister for Foreign Affairs of Japan',
    );
    expect(people.map((p) => [p.name, p.role])).toEqual([
      ['John Kerry', 'Secretary of State'],
      ['Fumio Kishida', 'Minister for Foreign Affairs'],
    ]);
    // Not in a sentence, and not a name already read after the title before it.
    expect(en('Prime Minister Shinzo Abe Foreign Minister Taro Kono').map((p) => p.name)).toEqual([
      'Shinzo Abe',
      'Taro Kono',
    ]);
  });

  it('"my counterparts, A, of X, and B, of Y": each with its country; a counterpart holds the post of the one before', () => {
    expect(
      en(
        'On Saturday, 4 January, I spoke on the phone with my counterparts, Heiko Maas, of the Federal Republic of Germany, and Wang Yi, of the People’s Republic of China.',
      ).map((p) => [p.name, p.role, p.affiliation]),
    ).toEqual([
      ['Heiko Maas', 'counterpart', 'Germany'],
      ['Wang Yi', 'counterpart', 'China'],
    ]);
    expect(
      en(
        'They held consultations together with Minister of Defence Christine Lambrecht and her Japanese counterpart Yasukazu Hamada.',
      ).map((p) => [p.name, p.role, p.affiliation]),
    ).toContainEqual(['Yasukazu Hamada', 'Minister of Defence', 'Japan']);
  });

  it('"met his peers from Argentina and Brazil, A and B": the same post, one country each in order', () => {
    expect(
      en(
        'On his second day in Lima, Foreign Minister Roberto Ampuero met his peers from Argentina and Brazil, Jorge Faurie and Aloysio Nunes.',
      ).map((p) => [p.name, p.role, p.affiliation]),
    ).toEqual(
      expect.arrayContaining([
        ['Jorge Faurie', 'Foreign Minister', 'Argentina'],
        ['Aloysio Nunes', 'Foreign Minister', 'Brazil'],
      ]),
    );
  });

  it('"Amb." before a name; a posting before the comma ("… of Norway to ASEAN, Kjell Tormod Pettersen")', () => {
    const people = en(
      'Amb. Raychelle Omamo, the Cabinet Secretary for Foreign Affairs and Amb. Tibor Nagy, U.S Assistant Secretary for African Affairs held a virtual consultative meeting.',
      'The Secretary-General of ASEAN, Dr Kao Kim Hourn, and the Ambassador of the Kingdom of Norway to ASEAN, Kjell Tormod Pettersen, met yesterday.',
    );
    expect(people.map((p) => [p.name, p.role])).toEqual(
      expect.arrayContaining([
        ['Raychelle Omamo', 'Cabinet Secretary for Foreign Affairs'],
        ['Tibor Nagy', undefined],
        ['Kjell Tormod Pettersen', 'Ambassador'],
      ]),
    );
  });

  it('"Kelvin Davis will be acting Prime Minister"; "Foreign Secretary, Shri Vijay Gokhale:"', () => {
    expect(
      en(
        'Kelvin Davis will be acting Prime Minister during Ardern’s absence.',
        'Foreign Secretary, Shri Vijay Gokhale: Prime Minister had a very good meeting earlier today.',
      ).map((p) => [p.name, p.role]),
    ).toEqual(
      expect.arrayContaining([
        ['Kelvin Davis', 'acting Prime Minister'],
        ['Vijay Gokhale', 'Foreign Secretary'],
      ]),
    );
    expect(en('The United States is a friend of Japan.')).toEqual([]);
  });

  it('two particles in a row: "Ursula von der Leyen"', () => {
    expect(
      en(
        'The Prime Minister met the President of the European Commission Ursula von der Leyen in Downing Street today.',
      ).map((p) => p.name),
    ).toContain('Ursula von der Leyen');
  });

  it('a spouse named after "his wife", and not taken for the holder of the family name', () => {
    const people = en(
      'Prime Minister Abe, his wife, Akie, my wife, Teresa, and I marveled at a violin performance.',
      'President Obama and his wife Michelle Obama hosted the dinner.',
    );
    expect(people.map((p) => [p.name, p.role])).toEqual(
      expect.arrayContaining([
        ['Akie', 'wife'],
        ['Teresa', 'wife'],
        ['Obama', 'President'],
        ['Michelle Obama', 'wife'],
      ]),
    );
  });

  it('a title to be held ("Prime Minister-elect Yoshihiko Noda")', () => {
    expect(
      en('President Obama spoke to Prime Minister-elect Yoshihiko Noda today.').map((p) => [
        p.name,
        p.role,
      ]),
    ).toEqual([
      ['Obama', 'President'],
      ['Yoshihiko Noda', 'Prime Minister-elect'],
    ]);
  });

  it('a name that starts like a country (フランス・ティマーマンス), and one spelt two ways in a statement (ティ/テイ)', () => {
    const people = ja(
      '岸田外務大臣は,オランダのフランス・ティマーマンス外相と電話会談を行いました。',
      'これに対し,テイマーマンス外相から,謝意が表明されました。',
    );
    expect(people.map((p) => [p.name, p.affiliation, p.mentions.length])).toEqual([
      ['岸田', '日本', 1],
      ['フランス・ティマーマンス', 'オランダ', 2],
    ]);
  });

  it('a statement by someone who speaks as "I" and is named only in the title', () => {
    const people = extractPeople(
      paragraphs([
        'On behalf of the American people, Michelle and I extend our deepest condolences.',
      ]),
      'en',
      {
        title: 'Statement by President Obama on the Earthquake in New Zealand',
        publisher: 'The White House',
      },
    );
    expect(
      people.map((p) => [p.name, p.role, p.participant, p.byTitle, p.mentions[0]?.text]),
    ).toEqual([['Obama', 'President', true, true, 'I']]);
  });

  it('a title before a katakana name closed by 閣下, 氏 or the name in Latin letters; 外務・英連邦相', () => {
    const people = ja(
      '松本外務大臣は,オーストラリア外務大臣ケビン・ラッド閣下(The Hon Kevin Rudd)と会談を行いました。',
      '麻生外務大臣は、デービッド・ミリバンド英国外務・英連邦相との間で電話会談を行った。',
    );
    expect(people.map((p) => [p.name, p.role, p.affiliation])).toEqual([
      ['松本', '外務大臣', '日本'],
      ['ケビン・ラッド', '外務大臣', 'オーストラリア'],
      ['麻生', '外務大臣', '日本'],
      ['デービッド・ミリバンド', '外務・英連邦相', '英国'],
    ]);
    expect(people[1]!.otherNames).toContain('Kevin Rudd');
  });

  it('an organisation written between a kanji name and the title (天野之弥国際原子力機関(IAEA)事務局長)', () => {
    expect(
      ja('菅総理大臣は,天野之弥国際原子力機関(IAEA)事務局長の表敬を受けました。').map((p) => [
        p.name,
        p.role,
      ]),
    ).toEqual([
      ['菅', '総理大臣'],
      ['天野之弥', '国際原子力機関事務局長'],
    ]);
  });

  it('a particle joined by a hyphen ("Bashar al-Assad")', () => {
    expect(
      en('They agreed on holding Syrian President Bashar al-Assad accountable.').map((p) => [
        p.name,
        p.affiliation,
      ]),
    ).toEqual([['Bashar al-Assad', 'Syria']]);
  });

  it('ambassadors: the posting (駐日, 駐米国) goes to the role, the sending country to the affiliation', () => {
    const people = ja(
      '山田重夫駐米国日本国大使は、国務省を訪問した。',
      'ラーム・エマニュエル駐日米国大使と会談した。',
    );
    expect(people.map((p) => [p.name, p.role, p.affiliation, p.participant])).toEqual([
      ['ラーム・エマニュエル', '駐日大使', '米国', true],
      ['山田重夫', '駐米国大使', '日本国', false],
    ]);
  });

  it('family names only, with a one-character country before the title (ブリンケン米国務長官, ラミー英外相)', () => {
    const people = ja(
      '4月12日、林外務大臣は、ブリンケン米国務長官と電話会談を行いました。',
      'また、ラミー英外相とも会談を行いました。',
    );
    expect(people.map(summary)).toEqual([
      { name: '林', role: '外務大臣', affiliation: '日本', participant: true },
      { name: 'ブリンケン', role: '国務長官', affiliation: '米国', participant: true },
      { name: 'ラミー', role: '外相', affiliation: '英国', participant: true },
    ]);
    // A kanji name that starts like a country abbreviation stays whole.
    expect(ja('米山隆一外務大臣は会見を行いました。').map((p) => p.name)).toEqual(['米山隆一']);
  });

  it('no people in a paragraph without names: titles alone, 同大臣, 両大臣 and 日米韓外相 are not people', () => {
    expect(ja(seed[1]!, seed[2]!, seed[3]!)).toEqual([]);
    expect(
      ja(
        '両大臣は、同大臣の発言を歓迎し、日米韓外相会合及び外務大臣会合の開催で一致した。韓国外交部長官からも発言があった。',
      ),
    ).toEqual([]);
  });
});

describe('English readouts', () => {
  it('a State Department readout: Secretary spoke with two ministers; upper-case family name; later short references', () => {
    const people = en(
      'Secretary Pompeo spoke today with Japanese Foreign Minister MOTEGI Toshimitsu and Republic of Korea Foreign Minister Kang Kyung-wha to discuss the COVID-19 pandemic.',
      'Secretary Pompeo and Minister Kang agreed to remain in close contact. Foreign Minister Motegi welcomed the discussion.',
    );
    expect(people.map(summary)).toEqual([
      { name: 'Pompeo', role: 'Secretary', affiliation: undefined, participant: true },
      {
        name: 'MOTEGI Toshimitsu',
        role: 'Foreign Minister',
        affiliation: 'Japan',
        participant: true,
      },
      {
        name: 'Kang Kyung-wha',
        role: 'Foreign Minister',
        affiliation: 'Republic of Korea',
        participant: true,
      },
    ]);
    expect(byName(people, 'Kang Kyung-wha').mentions.map((m) => m.text)).toEqual([
      'Republic of Korea Foreign Minister Kang Kyung-wha',
      'Minister Kang',
    ]);
    expect(byName(people, 'MOTEGI Toshimitsu').mentions.map((m) => m.text)).toEqual([
      'Japanese Foreign Minister MOTEGI Toshimitsu',
      'Foreign Minister Motegi',
    ]);
  });

  it('a White House summit readout: initials and Jr., a possessive, a former prime minister', () => {
    const people = en(
      'President Joseph R. Biden, Jr. met with Prime Minister Kishida Fumio of Japan at the White House. President Biden welcomed Prime Minister Kishida’s leadership.',
      'The leaders honored the legacy of former Prime Minister Abe Shinzo.',
    );
    expect(people.map((p) => [p.name, p.role, p.participant, p.former ?? false])).toEqual([
      ['Joseph R. Biden', 'President', true, false],
      ['Kishida Fumio', 'Prime Minister', true, false],
      ['Abe Shinzo', 'Prime Minister', false, true],
    ]);
    expect(byName(people, 'Joseph R. Biden').mentions).toHaveLength(2);
    expect(byName(people, 'Kishida Fumio').mentions.map((m) => m.text)).toEqual([
      'Prime Minister Kishida Fumio of Japan',
      'Prime Minister Kishida',
    ]);
    expect(byName(people, 'Kishida Fumio').affiliation).toBe('Japan');
  });

  it('deputy, vice and acting officials; a portfolio between title and name', () => {
    const people = en(
      'Deputy Secretary of State Kurt Campbell met with Vice Foreign Minister Okano Masataka in Tokyo.',
      'Acting Assistant Secretary of State for East Asian and Pacific Affairs Sung Kim also attended.',
    );
    const campbell = byName(people, 'Kurt Campbell');
    expect([campbell.role, campbell.deputy, campbell.participant]).toEqual([
      'Deputy Secretary of State',
      true,
      true,
    ]);
    const okano = byName(people, 'Okano Masataka');
    expect([okano.role, okano.deputy, okano.participant]).toEqual([
      'Vice Foreign Minister',
      true,
      true,
    ]);
    const kim = byName(people, 'Sung Kim');
    expect([kim.role, kim.acting, kim.participant]).toEqual([
      'Assistant Secretary of State for East Asian and Pacific Affairs',
      true,
      false,
    ]);
  });

  it('honorifics stripped, role after the name with "of <country>", name order either way', () => {
    const people = en(
      'H.E. Mr. Hayashi Yoshimasa, Minister for Foreign Affairs of Japan, held a telephone call with The Honorable Antony J. Blinken, Secretary of State of the United States of America.',
      'Minister Hayashi thanked Secretary Blinken. Yoshimasa Hayashi, Minister for Foreign Affairs, also noted the alliance.',
    );
    expect(people.map(summary)).toEqual([
      {
        name: 'Hayashi Yoshimasa',
        role: 'Minister for Foreign Affairs',
        affiliation: 'Japan',
        participant: true,
      },
      {
        name: 'Antony J. Blinken',
        role: 'Secretary of State',
        affiliation: 'United States',
        participant: true,
      },
    ]);
    expect(byName(people, 'Hayashi Yoshimasa').mentions).toHaveLength(3);
    expect(byName(people, 'Hayashi Yoshimasa').otherNames).toContain('Yoshimasa Hayashi');
  });

  it('role after the name without honorific; Dr. and initials; an unknown ministry title', () => {
    const people = en(
      'Cho Tae-yul, Minister of Foreign Affairs of the Republic of Korea, and Dr. S. Jaishankar, Minister of External Affairs of India, met in New Delhi.',
    );
    expect(people.map((p) => [p.name, p.role, p.affiliation])).toEqual([
      ['Cho Tae-yul', 'Minister of Foreign Affairs', 'Republic of Korea'],
      ['S. Jaishankar', 'Minister of External Affairs', 'India'],
    ]);
  });

  it('ambassadors posted to a country, and "President of <country>" before the name', () => {
    const people = en(
      'U.S. Ambassador to Japan Rahm Emanuel met with Japanese Ambassador to the United States Yamada Shigeo.',
      'The President of the Republic of Korea Yoon Suk Yeol sent a message.',
    );
    expect(people.map((p) => [p.name, p.role, p.affiliation, p.participant])).toEqual([
      ['Rahm Emanuel', 'Ambassador to Japan', 'United States', true],
      ['Yamada Shigeo', 'Ambassador to the United States', 'Japan', true],
      ['Yoon Suk Yeol', 'President', 'Republic of Korea', false],
    ]);
  });

  it('a mention outside the meeting is not a participant', () => {
    const people = en(
      'Secretary Rubio met with Foreign Minister Iwaya to discuss the remarks by President Yoon Suk Yeol.',
      'Foreign Minister Wang Yi of China was not present.',
    );
    expect(people.filter((p) => p.participant).map((p) => p.name)).toEqual(['Rubio', 'Iwaya']);
    expect(byName(people, 'Yoon Suk Yeol').participant).toBe(false);
    expect(byName(people, 'Wang Yi').affiliation).toBe('China');
  });

  it('no people in paragraphs without names: countries, the Korean Peninsula, the Security Council, "call on"', () => {
    const body = seed.slice(seed.indexOf('Begin Text') + 2, seed.indexOf('End Text'));
    expect(en(...body)).toEqual([]);
    expect(
      en(
        "The Korean Peninsula remains tense. The Security Council must act. Democratic People's Republic of Korea launched a missile.",
        'We call on the DPRK to abandon its programs. Yesterday the Foreign Minister spoke. The President of the United Nations General Assembly said so.',
      ),
    ).toEqual([]);
  });
});

describe('robustness', () => {
  const pieces = [
    '(',
    ')',
    '（',
    '）',
    '・',
    '外務大臣',
    '長官',
    '前',
    '米国',
    'アントニー',
    '趙',
    '岩屋',
    '兼',
    '。',
    ' ',
    ', ',
    'Secretary of State ',
    'Mr. ',
    'H.E. ',
    'Minister',
    'Cho ',
    'Tae-yul',
    "'s",
    '.',
    'J. ',
    'of the Republic of Korea',
    'met with ',
  ];
  const texty = fc
    .array(
      fc.oneof(
        fc.constantFrom(...pieces),
        fc.string({ maxLength: 5 }),
        fc.string({ unit: 'binary', maxLength: 3 }),
      ),
      { maxLength: 60 },
    )
    .map((a) => a.join(''));

  it('never throws on random text, and mentions always quote the paragraph', () => {
    fc.assert(
      fc.property(texty, fc.constantFrom<'ja' | 'en'>('ja', 'en'), (text, lang) => {
        const people = extractPeople([{ number: 1, text }], lang);
        for (const p of people) {
          expect(p.name.length).toBeGreaterThan(0);
          for (const m of p.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('returns on 100 KB inputs of names, titles and brackets', () => {
    const big = (unit: string) => unit.repeat(Math.ceil(100_000 / unit.length));
    for (const text of [
      big('岩屋毅外務大臣(((アントニー・ブリンケン米国国務長官兼'),
      big('（カン・ギョンファ）'),
      big('趙'),
      big(
        'Secretary of State Antony J. Blinken, Minister of Foreign Affairs of the Republic of Korea met with ',
      ),
      big('Mr. H.E. The Honorable '),
      big('A '),
    ]) {
      expect(() => extractPeople([{ number: 1, text }], 'ja')).not.toThrow();
      expect(() => extractPeople([{ number: 1, text }], 'en')).not.toThrow();
    }
  });
});
