/**
 * Countries and international organisations as they appear next to officials' titles, in both
 * languages. `name` is the canonical English affiliation; `ja` lists the Japanese forms
 * (MOFA writes 米国, 韓国, 豪州 ...); `en` lists the English nouns and adjectives
 * ("U.S.", "American", "Republic of Korea (ROK)" is handled by the extractor).
 * Extend this table, not the code, when a new country shows up.
 */
import { escapeRegExp } from '../text/regexp.ts';

export interface Country {
  name: string;
  ja: string[];
  en: string[];
}

export const COUNTRIES: readonly Country[] = [
  { name: 'Japan', ja: ['日本', '日本国'], en: ['Japan', 'Japanese', "Japan's"] },
  {
    name: 'United States',
    ja: ['米国', 'アメリカ', 'アメリカ合衆国'],
    en: [
      'U.S.',
      'US',
      'USA',
      'United States',
      'the United States',
      'United States of America',
      'the United States of America',
      'American',
    ],
  },
  {
    name: 'Republic of Korea',
    ja: ['韓国', '大韓民国'],
    en: [
      'Republic of Korea',
      'the Republic of Korea',
      'ROK',
      'South Korea',
      'South Korean',
      'Korean',
      'Korea',
    ],
  },
  {
    name: 'DPRK',
    ja: ['北朝鮮', '朝鮮民主主義人民共和国'],
    en: [
      'DPRK',
      'North Korea',
      'North Korean',
      "Democratic People's Republic of Korea",
      'Democratic People’s Republic of Korea',
    ],
  },
  {
    name: 'China',
    ja: ['中国', '中華人民共和国'],
    en: ['China', 'Chinese', 'PRC', "People's Republic of China", 'People’s Republic of China'],
  },
  { name: 'Australia', ja: ['豪州', 'オーストラリア'], en: ['Australia', 'Australian'] },
  {
    name: 'United Kingdom',
    ja: ['英国', 'イギリス'],
    en: ['United Kingdom', 'the United Kingdom', 'UK', 'U.K.', 'British'],
  },
  { name: 'India', ja: ['インド'], en: ['India', 'Indian'] },
  { name: 'France', ja: ['フランス'], en: ['France', 'French'] },
  { name: 'Germany', ja: ['ドイツ'], en: ['Germany', 'German'] },
  { name: 'Italy', ja: ['イタリア'], en: ['Italy', 'Italian'] },
  { name: 'Canada', ja: ['カナダ'], en: ['Canada', 'Canadian'] },
  { name: 'Russia', ja: ['ロシア'], en: ['Russia', 'Russian', 'Russian Federation'] },
  { name: 'Ukraine', ja: ['ウクライナ'], en: ['Ukraine', 'Ukrainian'] },
  { name: 'New Zealand', ja: ['ニュージーランド'], en: ['New Zealand'] },
  { name: 'Philippines', ja: ['フィリピン'], en: ['Philippines', 'the Philippines', 'Philippine'] },
  { name: 'Indonesia', ja: ['インドネシア'], en: ['Indonesia', 'Indonesian'] },
  { name: 'Viet Nam', ja: ['ベトナム'], en: ['Viet Nam', 'Vietnam', 'Vietnamese'] },
  { name: 'Thailand', ja: ['タイ'], en: ['Thailand', 'Thai'] },
  { name: 'Singapore', ja: ['シンガポール'], en: ['Singapore', 'Singaporean'] },
  { name: 'Malaysia', ja: ['マレーシア'], en: ['Malaysia', 'Malaysian'] },
  { name: 'Mongolia', ja: ['モンゴル'], en: ['Mongolia', 'Mongolian'] },
  { name: 'Brazil', ja: ['ブラジル'], en: ['Brazil', 'Brazilian'] },
  { name: 'Mexico', ja: ['メキシコ'], en: ['Mexico', 'Mexican'] },
  { name: 'Türkiye', ja: ['トルコ'], en: ['Türkiye', 'Turkey', 'Turkish'] },
  { name: 'Israel', ja: ['イスラエル'], en: ['Israel', 'Israeli'] },
  { name: 'Iran', ja: ['イラン'], en: ['Iran', 'Iranian'] },
  { name: 'Saudi Arabia', ja: ['サウジアラビア'], en: ['Saudi Arabia', 'Saudi'] },
  {
    name: 'United Arab Emirates',
    ja: ['アラブ首長国連邦'],
    en: ['United Arab Emirates', 'UAE', 'Emirati'],
  },
  { name: 'Egypt', ja: ['エジプト'], en: ['Egypt', 'Egyptian'] },
  { name: 'South Africa', ja: ['南アフリカ'], en: ['South Africa', 'South African'] },
  { name: 'Spain', ja: ['スペイン'], en: ['Spain', 'Spanish'] },
  { name: 'Netherlands', ja: ['オランダ'], en: ['Netherlands', 'the Netherlands', 'Dutch'] },
  { name: 'Poland', ja: ['ポーランド'], en: ['Poland', 'Polish'] },
  { name: 'Sweden', ja: ['スウェーデン'], en: ['Sweden', 'Swedish'] },
  { name: 'Finland', ja: ['フィンランド'], en: ['Finland', 'Finnish'] },
  { name: 'Norway', ja: ['ノルウェー'], en: ['Norway', 'Norwegian'] },
  { name: 'Romania', ja: ['ルーマニア'], en: ['Romania', 'Romanian'] },
  { name: 'Hungary', ja: ['ハンガリー'], en: ['Hungary', 'Hungarian'] },
  { name: 'Czech Republic', ja: ['チェコ'], en: ['Czech Republic', 'Czech'] },
  { name: 'Austria', ja: ['オーストリア'], en: ['Austria', 'Austrian'] },
  { name: 'Switzerland', ja: ['スイス'], en: ['Switzerland', 'Swiss'] },
  { name: 'Belgium', ja: ['ベルギー'], en: ['Belgium', 'Belgian'] },
  { name: 'Denmark', ja: ['デンマーク'], en: ['Denmark', 'Danish'] },
  { name: 'Ireland', ja: ['アイルランド'], en: ['Ireland', 'Irish'] },
  { name: 'Portugal', ja: ['ポルトガル'], en: ['Portugal', 'Portuguese'] },
  { name: 'Greece', ja: ['ギリシャ'], en: ['Greece', 'Greek'] },
  { name: 'Lithuania', ja: ['リトアニア'], en: ['Lithuania', 'Lithuanian'] },
  { name: 'Latvia', ja: ['ラトビア'], en: ['Latvia', 'Latvian'] },
  { name: 'Estonia', ja: ['エストニア'], en: ['Estonia', 'Estonian'] },
  { name: 'Slovakia', ja: ['スロバキア'], en: ['Slovakia', 'Slovak'] },
  { name: 'Bulgaria', ja: ['ブルガリア'], en: ['Bulgaria', 'Bulgarian'] },
  { name: 'Croatia', ja: ['クロアチア'], en: ['Croatia', 'Croatian'] },
  { name: 'Serbia', ja: ['セルビア'], en: ['Serbia', 'Serbian'] },
  { name: 'Slovenia', ja: ['スロベニア'], en: ['Slovenia', 'Slovenian'] },
  { name: 'Luxembourg', ja: ['ルクセンブルク'], en: ['Luxembourg'] },
  { name: 'Iceland', ja: ['アイスランド'], en: ['Iceland', 'Icelandic'] },
  { name: 'Georgia', ja: ['ジョージア'], en: ['Georgia', 'Georgian'] },
  { name: 'Armenia', ja: ['アルメニア'], en: ['Armenia', 'Armenian'] },
  { name: 'Azerbaijan', ja: ['アゼルバイジャン'], en: ['Azerbaijan', 'Azerbaijani'] },
  { name: 'Belarus', ja: ['ベラルーシ'], en: ['Belarus', 'Belarusian'] },
  { name: 'Moldova', ja: ['モルドバ'], en: ['Moldova', 'Moldovan'] },
  { name: 'Kazakhstan', ja: ['カザフスタン'], en: ['Kazakhstan', 'Kazakh'] },
  { name: 'Uzbekistan', ja: ['ウズベキスタン'], en: ['Uzbekistan', 'Uzbek'] },
  { name: 'Kyrgyz Republic', ja: ['キルギス'], en: ['Kyrgyz Republic', 'Kyrgyz'] },
  { name: 'Tajikistan', ja: ['タジキスタン'], en: ['Tajikistan', 'Tajik'] },
  { name: 'Turkmenistan', ja: ['トルクメニスタン'], en: ['Turkmenistan', 'Turkmen'] },
  { name: 'Argentina', ja: ['アルゼンチン'], en: ['Argentina', 'Argentine'] },
  { name: 'Chile', ja: ['チリ'], en: ['Chile', 'Chilean'] },
  { name: 'Peru', ja: ['ペルー'], en: ['Peru', 'Peruvian'] },
  { name: 'Colombia', ja: ['コロンビア'], en: ['Colombia', 'Colombian'] },
  { name: 'Ecuador', ja: ['エクアドル'], en: ['Ecuador', 'Ecuadorian'] },
  { name: 'Uruguay', ja: ['ウルグアイ'], en: ['Uruguay', 'Uruguayan'] },
  { name: 'Paraguay', ja: ['パラグアイ'], en: ['Paraguay', 'Paraguayan'] },
  { name: 'Bolivia', ja: ['ボリビア'], en: ['Bolivia', 'Bolivian'] },
  { name: 'Venezuela', ja: ['ベネズエラ'], en: ['Venezuela', 'Venezuelan'] },
  { name: 'Cuba', ja: ['キューバ'], en: ['Cuba', 'Cuban'] },
  { name: 'Panama', ja: ['パナマ'], en: ['Panama', 'Panamanian'] },
  { name: 'Costa Rica', ja: ['コスタリカ'], en: ['Costa Rica', 'Costa Rican'] },
  { name: 'Guatemala', ja: ['グアテマラ'], en: ['Guatemala', 'Guatemalan'] },
  { name: 'Jamaica', ja: ['ジャマイカ'], en: ['Jamaica', 'Jamaican'] },
  { name: 'Cambodia', ja: ['カンボジア'], en: ['Cambodia', 'Cambodian'] },
  { name: 'Laos', ja: ['ラオス'], en: ['Laos', 'Lao'] },
  { name: 'Myanmar', ja: ['ミャンマー'], en: ['Myanmar'] },
  { name: 'Brunei', ja: ['ブルネイ'], en: ['Brunei'] },
  { name: 'Timor-Leste', ja: ['東ティモール'], en: ['Timor-Leste'] },
  { name: 'Bangladesh', ja: ['バングラデシュ'], en: ['Bangladesh', 'Bangladeshi'] },
  { name: 'Pakistan', ja: ['パキスタン'], en: ['Pakistan', 'Pakistani'] },
  { name: 'Sri Lanka', ja: ['スリランカ'], en: ['Sri Lanka', 'Sri Lankan'] },
  { name: 'Nepal', ja: ['ネパール'], en: ['Nepal', 'Nepali'] },
  { name: 'Bhutan', ja: ['ブータン'], en: ['Bhutan', 'Bhutanese'] },
  { name: 'Maldives', ja: ['モルディブ'], en: ['Maldives', 'Maldivian'] },
  { name: 'Afghanistan', ja: ['アフガニスタン'], en: ['Afghanistan', 'Afghan'] },
  { name: 'Iraq', ja: ['イラク'], en: ['Iraq', 'Iraqi'] },
  { name: 'Syria', ja: ['シリア'], en: ['Syria', 'Syrian'] },
  { name: 'Lebanon', ja: ['レバノン'], en: ['Lebanon', 'Lebanese'] },
  { name: 'Jordan', ja: ['ヨルダン'], en: ['Jordan', 'Jordanian'] },
  { name: 'Qatar', ja: ['カタール'], en: ['Qatar', 'Qatari'] },
  { name: 'Kuwait', ja: ['クウェート'], en: ['Kuwait', 'Kuwaiti'] },
  { name: 'Oman', ja: ['オマーン'], en: ['Oman', 'Omani'] },
  { name: 'Bahrain', ja: ['バーレーン'], en: ['Bahrain', 'Bahraini'] },
  { name: 'Palestine', ja: ['パレスチナ'], en: ['Palestine', 'Palestinian'] },
  { name: 'Morocco', ja: ['モロッコ'], en: ['Morocco', 'Moroccan'] },
  { name: 'Algeria', ja: ['アルジェリア'], en: ['Algeria', 'Algerian'] },
  { name: 'Tunisia', ja: ['チュニジア'], en: ['Tunisia', 'Tunisian'] },
  { name: 'Nigeria', ja: ['ナイジェリア'], en: ['Nigeria', 'Nigerian'] },
  { name: 'Kenya', ja: ['ケニア'], en: ['Kenya', 'Kenyan'] },
  { name: 'Ethiopia', ja: ['エチオピア'], en: ['Ethiopia', 'Ethiopian'] },
  { name: 'Ghana', ja: ['ガーナ'], en: ['Ghana', 'Ghanaian'] },
  { name: 'Senegal', ja: ['セネガル'], en: ['Senegal', 'Senegalese'] },
  { name: 'Tanzania', ja: ['タンザニア'], en: ['Tanzania', 'Tanzanian'] },
  { name: 'Uganda', ja: ['ウガンダ'], en: ['Uganda', 'Ugandan'] },
  { name: 'Rwanda', ja: ['ルワンダ'], en: ['Rwanda', 'Rwandan'] },
  { name: 'Burundi', ja: ['ブルンジ'], en: ['Burundi', 'Burundian'] },
  { name: 'Angola', ja: ['アンゴラ'], en: ['Angola', 'Angolan'] },
  { name: 'Mozambique', ja: ['モザンビーク'], en: ['Mozambique'] },
  { name: 'Zambia', ja: ['ザンビア'], en: ['Zambia', 'Zambian'] },
  { name: 'Zimbabwe', ja: ['ジンバブエ'], en: ['Zimbabwe'] },
  { name: 'Sudan', ja: ['スーダン'], en: ['Sudan', 'Sudanese'] },
  { name: 'South Sudan', ja: ['南スーダン'], en: ['South Sudan', 'South Sudanese'] },
  { name: 'Namibia', ja: ['ナミビア'], en: ['Namibia', 'Namibian'] },
  { name: 'Lesotho', ja: ['レソト'], en: ['Lesotho'] },
  { name: 'Sierra Leone', ja: ['シエラレオネ'], en: ['Sierra Leone', 'Sierra Leonean'] },
  { name: 'Eswatini', ja: ['エスワティニ', 'スワジランド'], en: ['Eswatini', 'Swaziland'] },
  { name: 'Dominica', ja: ['ドミニカ国'], en: ['Dominica'] },
  { name: 'Barbados', ja: ['バルバドス'], en: ['Barbados'] },
  { name: "Côte d'Ivoire", ja: ['コートジボワール'], en: ["Côte d'Ivoire"] },
  { name: 'Fiji', ja: ['フィジー'], en: ['Fiji', 'Fijian'] },
  { name: 'Papua New Guinea', ja: ['パプアニューギニア'], en: ['Papua New Guinea'] },
  { name: 'Palau', ja: ['パラオ'], en: ['Palau', 'Palauan'] },
  { name: 'Samoa', ja: ['サモア'], en: ['Samoa', 'Samoan'] },
  { name: 'Tonga', ja: ['トンガ'], en: ['Tonga', 'Tongan'] },
  { name: 'Vanuatu', ja: ['バヌアツ'], en: ['Vanuatu'] },
  { name: 'Solomon Islands', ja: ['ソロモン諸島'], en: ['Solomon Islands'] },
  { name: 'Kiribati', ja: ['キリバス'], en: ['Kiribati'] },
  { name: 'Marshall Islands', ja: ['マーシャル諸島'], en: ['Marshall Islands'] },
  { name: 'Micronesia', ja: ['ミクロネシア'], en: ['Micronesia'] },
  { name: 'Tuvalu', ja: ['ツバル'], en: ['Tuvalu'] },
  { name: 'Nauru', ja: ['ナウル'], en: ['Nauru'] },
  {
    name: 'European Union',
    ja: ['EU', '欧州連合'],
    en: ['European Union', 'the European Union', 'EU'],
  },
  { name: 'NATO', ja: ['NATO', '北大西洋条約機構'], en: ['NATO'] },
  {
    name: 'United Nations',
    ja: ['国連', '国際連合'],
    en: ['United Nations', 'the United Nations', 'UN', 'U.N.'],
  },
  { name: 'ASEAN', ja: ['ASEAN', '東南アジア諸国連合'], en: ['ASEAN'] },
  { name: 'Haiti', ja: ['ハイチ'], en: ['Haiti', 'Haitian'] },
  {
    name: 'Kyrgyz Republic',
    ja: ['キルギス', 'キルギス共和国'],
    en: ['Kyrgyzstan', 'Kyrgyz Republic', 'Kyrgyz'],
  },
  { name: 'Malta', ja: ['マルタ'], en: ['Malta', 'Maltese'] },
  { name: 'Cyprus', ja: ['キプロス'], en: ['Cyprus', 'Cypriot'] },
  {
    name: 'Bosnia and Herzegovina',
    ja: ['ボスニア・ヘルツェゴビナ', 'ボスニアヘルツェゴビナ'],
    en: ['Bosnia and Herzegovina'],
  },
  { name: 'Montenegro', ja: ['モンテネグロ'], en: ['Montenegro'] },
  { name: 'North Macedonia', ja: ['北マケドニア'], en: ['North Macedonia'] },
  { name: 'Albania', ja: ['アルバニア'], en: ['Albania', 'Albanian'] },
  { name: 'Yemen', ja: ['イエメン'], en: ['Yemen', 'Yemeni'] },
  { name: 'Libya', ja: ['リビア'], en: ['Libya', 'Libyan'] },
  { name: 'Eritrea', ja: ['エリトリア'], en: ['Eritrea', 'Eritrean'] },
  { name: 'Djibouti', ja: ['ジブチ'], en: ['Djibouti'] },
  { name: 'Somalia', ja: ['ソマリア'], en: ['Somalia', 'Somali'] },
  {
    name: 'Democratic Republic of the Congo',
    ja: ['コンゴ民主共和国'],
    en: ['Democratic Republic of the Congo', 'DRC'],
  },
  { name: 'Republic of the Congo', ja: ['コンゴ共和国'], en: ['Republic of the Congo'] },
  { name: 'Malawi', ja: ['マラウイ'], en: ['Malawi', 'Malawian'] },
  { name: 'Madagascar', ja: ['マダガスカル'], en: ['Madagascar', 'Malagasy'] },
  { name: 'Mauritius', ja: ['モーリシャス'], en: ['Mauritius', 'Mauritian'] },
  { name: 'Seychelles', ja: ['セーシェル'], en: ['Seychelles'] },
  { name: 'Botswana', ja: ['ボツワナ'], en: ['Botswana'] },
  { name: 'Mali', ja: ['マリ'], en: ['Mali', 'Malian'] },
  { name: 'Niger', ja: ['ニジェール'], en: ['Niger'] },
  { name: 'Chad', ja: ['チャド'], en: ['Chad', 'Chadian'] },
  { name: 'Cameroon', ja: ['カメルーン'], en: ['Cameroon', 'Cameroonian'] },
  { name: 'Gabon', ja: ['ガボン'], en: ['Gabon', 'Gabonese'] },
  { name: 'Guinea', ja: ['ギニア'], en: ['Guinea', 'Guinean'] },
  { name: 'Guinea-Bissau', ja: ['ギニアビサウ'], en: ['Guinea-Bissau', 'Guinea Bissau'] },
  { name: 'Liberia', ja: ['リベリア'], en: ['Liberia', 'Liberian'] },
  { name: 'Burkina Faso', ja: ['ブルキナファソ'], en: ['Burkina Faso'] },
  { name: 'Togo', ja: ['トーゴ'], en: ['Togo', 'Togolese'] },
  { name: 'Benin', ja: ['ベナン'], en: ['Benin', 'Beninese'] },
  { name: 'Mauritania', ja: ['モーリタニア'], en: ['Mauritania', 'Mauritanian'] },
  { name: 'Cabo Verde', ja: ['カーボベルデ'], en: ['Cabo Verde', 'Cape Verde'] },
  { name: 'Gambia', ja: ['ガンビア'], en: ['Gambia', 'The Gambia', 'Gambian'] },
  { name: 'Equatorial Guinea', ja: ['赤道ギニア'], en: ['Equatorial Guinea'] },
  {
    name: 'Central African Republic',
    ja: ['中央アフリカ', '中央アフリカ共和国'],
    en: ['Central African Republic'],
  },
  { name: 'Comoros', ja: ['コモロ'], en: ['Comoros'] },
  { name: 'Honduras', ja: ['ホンジュラス'], en: ['Honduras', 'Honduran'] },
  { name: 'El Salvador', ja: ['エルサルバドル'], en: ['El Salvador', 'Salvadoran'] },
  { name: 'Nicaragua', ja: ['ニカラグア'], en: ['Nicaragua', 'Nicaraguan'] },
  { name: 'Dominican Republic', ja: ['ドミニカ共和国'], en: ['Dominican Republic'] },
  {
    name: 'Trinidad and Tobago',
    ja: ['トリニダード・トバゴ', 'トリニダードトバゴ'],
    en: ['Trinidad and Tobago'],
  },
  { name: 'Bahamas', ja: ['バハマ'], en: ['Bahamas', 'The Bahamas'] },
  { name: 'Guyana', ja: ['ガイアナ'], en: ['Guyana', 'Guyanese'] },
  { name: 'Suriname', ja: ['スリナム'], en: ['Suriname'] },
  {
    name: 'Saint Vincent and the Grenadines',
    ja: ['セントビンセント及びグレナディーン諸島', 'セントビンセント・グレナディーン'],
    en: ['Saint Vincent and the Grenadines', 'St. Vincent and the Grenadines'],
  },
  { name: 'Saint Lucia', ja: ['セントルシア'], en: ['Saint Lucia', 'St. Lucia'] },
  {
    name: 'Saint Kitts and Nevis',
    ja: ['セントクリストファー・ネービス'],
    en: ['Saint Kitts and Nevis', 'St. Kitts and Nevis'],
  },
  { name: 'Antigua and Barbuda', ja: ['アンティグア・バーブーダ'], en: ['Antigua and Barbuda'] },
  { name: 'Kosovo', ja: ['コソボ', 'コソボ共和国'], en: ['Kosovo', 'Kosovar', 'Kosovan'] },
  { name: 'Cook Islands', ja: ['クック諸島'], en: ['Cook Islands'] },
  { name: 'Niue', ja: ['ニウエ'], en: ['Niue'] },
  { name: 'Grenada', ja: ['グレナダ'], en: ['Grenada'] },
  { name: 'Belize', ja: ['ベリーズ'], en: ['Belize'] },
  {
    name: 'Sao Tome and Principe',
    ja: ['サントメ・プリンシペ'],
    en: ['Sao Tome and Principe', 'São Tomé and Príncipe'],
  },
];

/** Long forms MOFA appends to a katakana country (インドネシア共和国大統領). */
/**
 * One-character country abbreviations that MOFA writes right after a katakana name and before a
 * title (ルビオ米国務長官, ラミー英外相), with the full form they stand for. Only read in that
 * position: elsewhere 米 or 中 are ordinary kanji (米山, 中谷).
 */
export const JA_ONE_CHAR_COUNTRIES: Readonly<Record<string, string>> = {
  米: '米国',
  英: '英国',
  仏: 'フランス',
  独: 'ドイツ',
  中: '中国',
  韓: '韓国',
  露: 'ロシア',
  豪: '豪州',
  印: 'インド',
  加: 'カナダ',
  伊: 'イタリア',
  比: 'フィリピン',
  越: 'ベトナム',
};

/** How the long form that some countries' names go on with after a dot ends (ヨルダン・ハシェミット王国). */
export const JA_LONG_FORM_END = '(?:王国|共和国|連邦|首長国|大公国)';
const LONG_FORM_AT_END = new RegExp(`${JA_LONG_FORM_END}$`);

export const JA_COUNTRY_SUFFIXES: readonly string[] = [
  '連邦民主共和国',
  '民主共和国',
  '連邦共和国',
  '共和国',
  '連邦',
  '王国',
  '合衆国',
];

const byJa = new Map<string, Country>();
const byEn = new Map<string, Country>();
for (const c of COUNTRIES) {
  for (const f of c.ja) byJa.set(f, c);
  for (const f of c.en) byEn.set(f.toLowerCase(), c);
  byEn.set(c.name.toLowerCase(), c);
}

/** Canonical English name of a country written in either language, if known. */
export function canonicalCountry(written: string): string | undefined {
  const t = written.normalize('NFKC').trim();
  const ja = byJa.get(t);
  if (ja) return ja.name;
  for (const suffix of JA_COUNTRY_SUFFIXES) {
    if (t.endsWith(suffix)) {
      const base = byJa.get(t.slice(0, -suffix.length));
      if (base) return base.name;
    }
  }
  // ヨルダン・ハシェミット王国: the short name, then the long form after a dot.
  const dot = t.indexOf('・');
  if (dot > 0 && LONG_FORM_AT_END.test(t)) {
    const base = byJa.get(t.slice(0, dot));
    if (base) return base.name;
  }
  return byEn.get(t.toLowerCase())?.name;
}

/** The usual Japanese name of a country written in either language (United States -> 米国). */
export function countryInJapanese(written: string): string | undefined {
  const name = canonicalCountry(written);
  return COUNTRIES.find((c) => c.name === name)?.ja[0];
}

/** Japanese country forms, longest first (so インドネシア wins over インド). */
export const JA_COUNTRY_FORMS: readonly string[] = [...byJa.keys()].sort(
  (a, b) => b.length - a.length,
);

/** A Japanese word that names a country as the side of people (米側, 日本側): the country as written, or the abbreviation's. */
export function jaSideCountry(word: string): string | undefined {
  return JA_ONE_CHAR_COUNTRIES[word] ?? (byJa.has(word) ? word : undefined);
}

/** English country forms (nouns and adjectives), longest first. */
export const EN_COUNTRY_FORMS: readonly { form: string; country: Country }[] = COUNTRIES.flatMap(
  (c) => c.en.map((form) => ({ form, country: c })),
).sort((a, b) => b.form.length - a.form.length);

/** Publishers whose unqualified officials are their own government's, by name. */
const PUBLISHER_COUNTRIES: [RegExp, string][] = [
  [/White House|Department of State|State Department|U\.S\./, 'United States'],
  [
    /Downing Street|Foreign, Commonwealth|Foreign & Commonwealth|UK Parliament|House of Lords|House of Commons|gov\.uk/i,
    'United Kingdom',
  ],
  [
    /Ministry of Foreign Affairs of Japan|Prime Minister of Japan|Kantei|外務省|首相官邸|防衛省/,
    'Japan',
  ],
  [/Prime Minister of Australia|Department of Foreign Affairs and Trade/, 'Australia'],
  [/Global Affairs Canada|Prime Minister of Canada/, 'Canada'],
];

/** The government a publisher speaks for: by the table above, else the first country its name holds. */
export function publisherCountry(publisher: string): Country | undefined {
  const named = PUBLISHER_COUNTRIES.find(([re]) => re.test(publisher))?.[1];
  if (named) return COUNTRIES.find((c) => c.name === named);
  return EN_COUNTRY_FORMS.find(
    ({ form }) => form.length > 2 && new RegExp(`\\b${escapeRegExp(form)}\\b`).test(publisher),
  )?.country;
}

/**
 * How a Japanese statement says that someone is in a country on a visit, for the capital asked of
 * it: 来日, 訪日, ドイツを訪問中, 訪米. (English "visit to Korea" would be found in "visit to
 * North Korea": a form is its words, not a phrase.)
 */
export function countryVisitForms(name: string): string[] {
  const country = COUNTRIES.find((c) => c.name === name);
  if (!country) return [];
  const abbreviations = Object.entries(JA_ONE_CHAR_COUNTRIES)
    .filter(([, full]) => country.ja.includes(full))
    .map(([abbr]) => abbr);
  if (name === 'Japan') abbreviations.push('日');
  return [
    ...new Set([
      ...country.ja.flatMap((f) => [`${f}を訪問`, `${f}訪問中`]),
      ...abbreviations.flatMap((a) => [`訪${a}`, ...(a === '日' ? ['来日'] : [])]),
    ]),
  ];
}
