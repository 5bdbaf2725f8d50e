/**
 * Word lists of the synthetic corpus: invented people, real countries, titles and the vocabulary of
 * diplomatic readouts. Japanese text is assembled from these real words and phrases (not random
 * kanji), so the index sees a realistic number of distinct bigrams.
 */

export type Culture = 'ja' | 'ko' | 'zh' | 'west' | 'fr' | 'de' | 'south';
export type Role = 'fm' | 'leader' | 'defense';

export interface Title {
  ja: string;
  /** How the readout refers to the person after the first mention (長官, 大臣, 大統領). */
  jaShort: string;
  en: string;
}

export interface Country {
  key: string;
  ja: string;
  /** One-character (or short) form used in meeting names: 日米, 日韓, 日インドネシア. */
  abbr: string;
  en: string;
  adj: string;
  culture: Culture;
  capitalJa: string;
  capitalEn: string;
  titles: Record<Role, Title>;
}

const FM: Title = { ja: '外務大臣', jaShort: '大臣', en: 'Foreign Minister' };
const PM: Title = { ja: '首相', jaShort: '首相', en: 'Prime Minister' };
const PRES: Title = { ja: '大統領', jaShort: '大統領', en: 'President' };
const DEF: Title = { ja: '国防大臣', jaShort: '大臣', en: 'Defense Minister' };

function country(
  key: string,
  ja: string,
  abbr: string,
  en: string,
  adj: string,
  culture: Culture,
  capitalJa: string,
  capitalEn: string,
  titles: Partial<Record<Role, Title>> = {},
): Country {
  return {
    key,
    ja,
    abbr,
    en,
    adj,
    culture,
    capitalJa,
    capitalEn,
    titles: { fm: FM, leader: PM, defense: DEF, ...titles },
  };
}

export const JAPAN = country('jp', '日本', '日', 'Japan', 'Japanese', 'ja', '東京', 'Tokyo', {
  fm: { ja: '外務大臣', jaShort: '大臣', en: 'Minister for Foreign Affairs' },
  leader: { ja: '内閣総理大臣', jaShort: '総理', en: 'Prime Minister' },
  defense: { ja: '防衛大臣', jaShort: '大臣', en: 'Minister of Defense' },
});

export const PARTNERS: Country[] = [
  country(
    'us',
    '米国',
    '米',
    'the United States',
    'U.S.',
    'west',
    'ワシントンDC',
    'Washington, D.C.',
    {
      fm: { ja: '国務長官', jaShort: '長官', en: 'Secretary of State' },
      leader: PRES,
      defense: { ja: '国防長官', jaShort: '長官', en: 'Secretary of Defense' },
    },
  ),
  country('kr', '韓国', '韓', 'the Republic of Korea', 'ROK', 'ko', 'ソウル', 'Seoul', {
    fm: { ja: '外交部長官', jaShort: '長官', en: 'Minister of Foreign Affairs' },
    leader: PRES,
    defense: { ja: '国防部長官', jaShort: '長官', en: 'Minister of National Defense' },
  }),
  country('cn', '中国', '中', 'China', 'Chinese', 'zh', '北京', 'Beijing', {
    fm: { ja: '外交部長', jaShort: '部長', en: 'Foreign Minister' },
    leader: { ja: '国家主席', jaShort: '主席', en: 'President' },
  }),
  country('gb', '英国', '英', 'the United Kingdom', 'UK', 'west', 'ロンドン', 'London', {
    fm: { ja: '外務・英連邦・開発大臣', jaShort: '大臣', en: 'Foreign Secretary' },
  }),
  country('fr', 'フランス', '仏', 'France', 'French', 'fr', 'パリ', 'Paris', {
    fm: { ja: '欧州・外務大臣', jaShort: '大臣', en: 'Minister for Europe and Foreign Affairs' },
    leader: PRES,
  }),
  country('de', 'ドイツ', '独', 'Germany', 'German', 'de', 'ベルリン', 'Berlin', {
    leader: { ja: '首相', jaShort: '首相', en: 'Chancellor' },
  }),
  country('it', 'イタリア', '伊', 'Italy', 'Italian', 'fr', 'ローマ', 'Rome'),
  country('ca', 'カナダ', '加', 'Canada', 'Canadian', 'west', 'オタワ', 'Ottawa'),
  country(
    'au',
    'オーストラリア',
    '豪',
    'Australia',
    'Australian',
    'west',
    'キャンベラ',
    'Canberra',
  ),
  country('in', 'インド', '印', 'India', 'Indian', 'south', 'ニューデリー', 'New Delhi'),
  country(
    'id',
    'インドネシア',
    'インドネシア',
    'Indonesia',
    'Indonesian',
    'south',
    'ジャカルタ',
    'Jakarta',
    { leader: PRES },
  ),
  country('ph', 'フィリピン', '比', 'the Philippines', 'Philippine', 'south', 'マニラ', 'Manila', {
    fm: { ja: '外務長官', jaShort: '長官', en: 'Secretary of Foreign Affairs' },
    leader: PRES,
  }),
  country('vn', 'ベトナム', '越', 'Viet Nam', 'Vietnamese', 'south', 'ハノイ', 'Hanoi'),
  country(
    'sg',
    'シンガポール',
    'シンガポール',
    'Singapore',
    'Singaporean',
    'zh',
    'シンガポール',
    'Singapore',
  ),
  country('th', 'タイ', 'タイ', 'Thailand', 'Thai', 'south', 'バンコク', 'Bangkok'),
  country(
    'nz',
    'ニュージーランド',
    'NZ',
    'New Zealand',
    'New Zealand',
    'west',
    'ウェリントン',
    'Wellington',
  ),
  country('br', 'ブラジル', 'ブラジル', 'Brazil', 'Brazilian', 'south', 'ブラジリア', 'Brasilia', {
    leader: PRES,
  }),
  country('ua', 'ウクライナ', 'ウクライナ', 'Ukraine', 'Ukrainian', 'west', 'キーウ', 'Kyiv', {
    leader: PRES,
  }),
  country('pl', 'ポーランド', 'ポーランド', 'Poland', 'Polish', 'west', 'ワルシャワ', 'Warsaw'),
  country('tr', 'トルコ', 'トルコ', 'Türkiye', 'Turkish', 'south', 'アンカラ', 'Ankara', {
    leader: PRES,
  }),
  country(
    'sa',
    'サウジアラビア',
    'サウジアラビア',
    'Saudi Arabia',
    'Saudi',
    'south',
    'リヤド',
    'Riyadh',
    {
      leader: { ja: '皇太子兼首相', jaShort: '皇太子', en: 'Crown Prince and Prime Minister' },
    },
  ),
  country(
    'za',
    '南アフリカ',
    '南アフリカ',
    'South Africa',
    'South African',
    'west',
    'プレトリア',
    'Pretoria',
    { leader: PRES },
  ),
  country(
    'mx',
    'メキシコ',
    'メキシコ',
    'Mexico',
    'Mexican',
    'south',
    'メキシコシティ',
    'Mexico City',
    { leader: PRES },
  ),
  country(
    'mn',
    'モンゴル',
    'モンゴル',
    'Mongolia',
    'Mongolian',
    'south',
    'ウランバートル',
    'Ulaanbaatar',
    { leader: PRES },
  ),
];

/** Name parts per culture: [written in Japanese, written in English]. Korean and Chinese names in kanji. */
export const NAMES: Record<Culture, { family: [string, string][]; given: [string, string][] }> = {
  ja: {
    family: [
      ['佐藤', 'Sato'],
      ['鈴木', 'Suzuki'],
      ['高橋', 'Takahashi'],
      ['田中', 'Tanaka'],
      ['渡辺', 'Watanabe'],
      ['伊藤', 'Ito'],
      ['山本', 'Yamamoto'],
      ['中村', 'Nakamura'],
      ['小林', 'Kobayashi'],
      ['加藤', 'Kato'],
      ['吉田', 'Yoshida'],
      ['山田', 'Yamada'],
      ['佐々木', 'Sasaki'],
      ['山口', 'Yamaguchi'],
      ['松本', 'Matsumoto'],
      ['井上', 'Inoue'],
      ['木村', 'Kimura'],
      ['清水', 'Shimizu'],
      ['長谷川', 'Hasegawa'],
      ['村上', 'Murakami'],
    ],
    given: [
      ['健一', 'Kenichi'],
      ['誠', 'Makoto'],
      ['浩二', 'Koji'],
      ['隆', 'Takashi'],
      ['茂樹', 'Shigeki'],
      ['洋子', 'Yoko'],
      ['恵子', 'Keiko'],
      ['真理子', 'Mariko'],
      ['和夫', 'Kazuo'],
      ['正樹', 'Masaki'],
      ['康弘', 'Yasuhiro'],
      ['信之', 'Nobuyuki'],
      ['直樹', 'Naoki'],
      ['雅彦', 'Masahiko'],
      ['由美', 'Yumi'],
    ],
  },
  ko: {
    family: [
      ['金', 'Kim'],
      ['朴', 'Park'],
      ['李', 'Lee'],
      ['崔', 'Choi'],
      ['鄭', 'Chung'],
      ['姜', 'Kang'],
      ['韓', 'Han'],
      ['申', 'Shin'],
    ],
    given: [
      ['成浩', 'Sung-ho'],
      ['敏俊', 'Min-jun'],
      ['在玄', 'Jae-hyun'],
      ['智勲', 'Ji-hoon'],
      ['秀彬', 'Soo-bin'],
      ['東旭', 'Dong-wook'],
      ['賢宇', 'Hyun-woo'],
      ['英洙', 'Young-soo'],
    ],
  },
  zh: {
    family: [
      ['王', 'Wang'],
      ['張', 'Zhang'],
      ['劉', 'Liu'],
      ['陳', 'Chen'],
      ['楊', 'Yang'],
      ['黄', 'Huang'],
    ],
    given: [
      ['建国', 'Jianguo'],
      ['志強', 'Zhiqiang'],
      ['海濤', 'Haitao'],
      ['立新', 'Lixin'],
      ['文輝', 'Wenhui'],
      ['暁明', 'Xiaoming'],
    ],
  },
  west: {
    family: [
      ['ミラー', 'Miller'],
      ['ハリス', 'Harris'],
      ['ウォーカー', 'Walker'],
      ['ルイス', 'Lewis'],
      ['カーター', 'Carter'],
      ['ベネット', 'Bennett'],
      ['ヒューズ', 'Hughes'],
      ['フォスター', 'Foster'],
      ['モーガン', 'Morgan'],
      ['ウィルソン', 'Wilson'],
      ['テイラー', 'Taylor'],
      ['アンダーソン', 'Anderson'],
      ['トンプソン', 'Thompson'],
      ['クラーク', 'Clarke'],
      ['ノヴァク', 'Novak'],
      ['ハンセン', 'Hansen'],
      ['コワルスキ', 'Kowalski'],
      ['マクドナルド', 'MacDonald'],
    ],
    given: [
      ['ジョン', 'John'],
      ['マイケル', 'Michael'],
      ['デービッド', 'David'],
      ['リチャード', 'Richard'],
      ['ジェームズ', 'James'],
      ['ロバート', 'Robert'],
      ['サラ', 'Sarah'],
      ['アンナ', 'Anna'],
      ['キャサリン', 'Catherine'],
      ['エリザベス', 'Elizabeth'],
      ['ピーター', 'Peter'],
      ['ローラ', 'Laura'],
      ['トーマス', 'Thomas'],
      ['マーク', 'Mark'],
    ],
  },
  fr: {
    family: [
      ['デュボワ', 'Dubois'],
      ['ローラン', 'Laurent'],
      ['ルフェーヴル', 'Lefebvre'],
      ['ロッシ', 'Rossi'],
      ['リッチ', 'Ricci'],
      ['モロー', 'Moreau'],
    ],
    given: [
      ['ジャン', 'Jean'],
      ['ピエール', 'Pierre'],
      ['クレール', 'Claire'],
      ['マルコ', 'Marco'],
      ['ジュリア', 'Giulia'],
      ['ソフィー', 'Sophie'],
    ],
  },
  de: {
    family: [
      ['シュナイダー', 'Schneider'],
      ['フィッシャー', 'Fischer'],
      ['ヴェーバー', 'Weber'],
      ['ベッカー', 'Becker'],
    ],
    given: [
      ['ハンス', 'Hans'],
      ['カタリーナ', 'Katharina'],
      ['ユルゲン', 'Jürgen'],
      ['ウルズラ', 'Ursula'],
    ],
  },
  south: {
    family: [
      ['シャルマ', 'Sharma'],
      ['パテル', 'Patel'],
      ['サントス', 'Santos'],
      ['シルバ', 'Silva'],
      ['グエン', 'Nguyen'],
      ['モラレス', 'Morales'],
      ['ハルトノ', 'Hartono'],
      ['スワンナ', 'Suwanna'],
      ['ユルマズ', 'Yilmaz'],
      ['アルサウド', 'Al-Saud'],
    ],
    given: [
      ['ラジ', 'Raj'],
      ['アルジュン', 'Arjun'],
      ['マリア', 'Maria'],
      ['カルロス', 'Carlos'],
      ['ヴァン・ミン', 'Van Minh'],
      ['ブディ', 'Budi'],
      ['ソムチャイ', 'Somchai'],
      ['メフメト', 'Mehmet'],
      ['ファイサル', 'Faisal'],
      ['ルイス', 'Luis'],
    ],
  },
};

export interface MeetingKind {
  role: Role;
  call: boolean;
  /** Meeting name after the country part: 日米 + 外相電話会談. */
  ja: string;
  en: string;
}

export const MEETINGS: MeetingKind[] = [
  { role: 'fm', call: true, ja: '外相電話会談', en: 'Foreign Ministers’ Telephone Talk' },
  { role: 'fm', call: false, ja: '外相会談', en: 'Foreign Ministers’ Meeting' },
  { role: 'leader', call: true, ja: '首脳電話会談', en: 'Leaders’ Telephone Talk' },
  { role: 'leader', call: false, ja: '首脳会談', en: 'Summit Meeting' },
  { role: 'defense', call: false, ja: '防衛相会談', en: 'Defense Ministers’ Meeting' },
];

/** Venues of meetings held on the margins of multilateral gatherings. */
export const GATHERINGS: [string, string][] = [
  ['G7外相会合', 'the G7 Foreign Ministers’ Meeting'],
  ['G20サミット', 'the G20 Summit'],
  ['国連総会', 'the UN General Assembly'],
  ['ASEAN関連外相会議', 'the ASEAN-related Foreign Ministers’ Meetings'],
  ['APEC首脳会議', 'the APEC Economic Leaders’ Meeting'],
  ['ミュンヘン安全保障会議', 'the Munich Security Conference'],
  ['NATO首脳会合', 'the NATO Summit'],
  ['東アジア首脳会議', 'the East Asia Summit'],
];

export const TOPICS: [string, string][] = [
  ['経済安全保障', 'economic security'],
  ['サプライチェーンの強靱化', 'supply chain resilience'],
  ['気候変動対策', 'climate change'],
  [
    '法の支配に基づく自由で開かれた国際秩序',
    'a free and open international order based on the rule of law',
  ],
  ['自由で開かれたインド太平洋', 'a free and open Indo-Pacific'],
  ['エネルギー安全保障', 'energy security'],
  ['重要鉱物の安定供給', 'critical minerals'],
  ['半導体分野の協力', 'semiconductors'],
  ['人工知能（AI）のガバナンス', 'artificial intelligence governance'],
  ['サイバーセキュリティ', 'cybersecurity'],
  ['宇宙分野の協力', 'space cooperation'],
  ['海洋安全保障', 'maritime security'],
  ['食料安全保障', 'food security'],
  ['国際保健', 'global health'],
  ['人的交流の拡大', 'people-to-people exchanges'],
  ['投資の促進', 'investment'],
  ['自由で公正な貿易', 'free and fair trade'],
  ['国連安保理改革', 'UN Security Council reform'],
  ['核軍縮・不拡散', 'nuclear disarmament and non-proliferation'],
  ['防衛装備・技術協力', 'defense equipment and technology cooperation'],
  ['開発協力', 'development cooperation'],
  ['脱炭素化', 'decarbonization'],
  ['クリーンエネルギー', 'clean energy'],
  ['質の高いインフラ投資', 'quality infrastructure investment'],
  ['デジタル経済', 'the digital economy'],
  ['偽情報対策', 'countering disinformation'],
  ['女性・平和・安全保障（WPS）', 'women, peace and security'],
  ['人道支援', 'humanitarian assistance'],
  ['防災協力', 'disaster risk reduction'],
  ['科学技術協力', 'science and technology cooperation'],
  ['観光交流', 'tourism'],
  ['留学生交流', 'student exchanges'],
  ['経済連携協定（EPA）', 'the Economic Partnership Agreement'],
  ['円滑化協定', 'the Reciprocal Access Agreement'],
  ['大阪・関西万博', 'Expo 2025 Osaka, Kansai'],
];

export const REGIONS: [string, string][] = [
  ['インド太平洋', 'the Indo-Pacific'],
  ['東アジア', 'East Asia'],
  ['中東', 'the Middle East'],
  ['ウクライナ', 'Ukraine'],
  ['東シナ海', 'the East China Sea'],
  ['南シナ海', 'the South China Sea'],
  ['台湾海峡', 'the Taiwan Strait'],
  ['朝鮮半島', 'the Korean Peninsula'],
  ['ガザ地区', 'Gaza'],
  ['ミャンマー', 'Burma'],
  ['太平洋島嶼国', 'the Pacific Islands'],
  ['中央アジア', 'Central Asia'],
  ['アフリカ', 'Africa'],
  ['スーダン', 'Sudan'],
];

export const NORTH_KOREA: [string, string][] = [
  ['核・ミサイル開発', 'nuclear and ballistic missile programs'],
  ['弾道ミサイルの発射', 'ballistic missile launches'],
  ['ICBM級弾道ミサイルの発射', 'launch of an intercontinental ballistic missile'],
  ['露朝間の軍事協力', 'military cooperation with Russia'],
  ['不法な資金獲得', 'illicit revenue generation'],
  ['悪意あるサイバー活動', 'malicious cyber activities'],
  [
    '衛星打ち上げを目的とする弾道ミサイル技術を使用した発射',
    'launch using ballistic missile technology',
  ],
];

export const AREAS_JA = [
  '安全保障',
  '経済',
  '人的交流',
  '防衛装備・技術',
  'エネルギー',
  '重要鉱物',
  '半導体',
  'サイバー',
  '宇宙',
  '海洋',
  '気候変動',
  '保健',
  '開発協力',
  '科学技術',
  '教育',
  '文化',
  '観光',
  '農業',
  'インフラ',
  'デジタル',
];

export const AREAS_EN = [
  'security',
  'economic',
  'people-to-people',
  'defense',
  'energy',
  'critical minerals',
  'semiconductor',
  'cyber',
  'space',
  'maritime',
  'climate',
  'health',
  'development',
  'science and technology',
  'education',
  'cultural',
];

export const JA_RELATION = [
  '両国関係を一層強化していきたい',
  '戦略的パートナーシップを更に深化させたい',
  '二国間関係を新たな高みに引き上げたい',
  '幅広い分野で協力を進めていきたい',
  '引き続き緊密に連携していきたい',
];

export const JA_RESPONSE = [
  '同様の考えを述べました',
  '日本との協力を重視している',
  '二国間関係の更なる発展に向けて協力していきたい',
  '日本の立場を支持する',
  '引き続き意思疎通を図っていきたい',
];

export const JA_STANCE = [
  '引き続き緊密に連携していく',
  '意思疎通を継続していく',
  '国際社会と協調して対応していく',
  '地域の平和と安定の維持に向けて協力していく',
  '力又は威圧による一方的な現状変更の試みに強く反対する',
];

export const ANNIVERSARIES = [30, 50, 60, 70, 100, 150];

/**
 * Policy nouns that readouts list in passing. They widen the vocabulary (and the number of distinct
 * bigrams) toward what years of real readouts hold.
 */
export const JA_POLICY_WORDS = `
原子力発電所 再生可能エネルギー 水素 アンモニア 液化天然ガス 石油備蓄 送電網 蓄電池 電気自動車 鉄道整備 港湾開発 空港建設
上下水道 医療機器 感染症対策 ワクチン供給 ユニバーサル・ヘルス・カバレッジ 母子保健 栄養改善 初等教育 職業訓練 高等教育 奨学金
日本語教育 青少年交流 姉妹都市 地方自治体 中小企業 スタートアップ 農産品輸出 漁業資源 森林保全 生物多様性 海洋プラスチックごみ
防災・減災 早期警戒システム 地震観測 津波対策 洪水対策 干ばつ 難民支援 避難民 地雷除去 平和構築 復興支援 選挙監視
法制度整備 司法制度 汚職対策 資金洗浄対策 テロ対策 国際組織犯罪 人身取引 薬物対策 海賊対処 輸出管理 技術流出 知的財産
投資協定 租税条約 社会保障協定 航空協定 査証緩和 ワーキング・ホリデー 領事協力 在留邦人 邦人保護 退避 経済制裁 資産凍結
国際刑事裁判所 国際司法裁判所 包括的核実験禁止条約 核兵器不拡散条約 化学兵器禁止条約 武器貿易条約 安全保障理事会 常任理事国
平和維持活動 防衛当局間協議 共同訓練 物品役務相互提供協定 情報保護協定 装備品移転 警戒監視 航行の自由 上空飛行の自由 排他的経済水域
大陸棚 国連海洋法条約 仲裁判断 漁船 海上保安機関 巡視船 沿岸警備 港湾保安 灯台 気象衛星 測位衛星 宇宙状況監視 宇宙ごみ
量子技術 次世代通信 光ファイバー 海底ケーブル データ流通 個人情報保護 電子商取引 デジタル人材 半導体製造装置 蓄電池材料 レアアース
リチウム ニッケル コバルト 黒鉛 銅鉱山 製鉄 造船 自動車産業 繊維産業 観光客 直行便 文化財保護 世界遺産 博物館 映画祭 食文化
スポーツ交流 国際博覧会 五輪 万国博覧会 国際会議 閣僚会合 次官級協議 局長級協議 ハイレベル経済対話 戦略対話 政策対話 議員交流
`
  .split(/\s+/)
  .filter(Boolean);

export const EN_POLICY_WORDS = `
nuclear-power renewables hydrogen ammonia LNG oil-reserves grids batteries electric-vehicles railways ports airports water sanitation
vaccines pandemic-preparedness maternal-health nutrition primary-education vocational-training scholarships youth-exchanges sister-cities
startups small-businesses fisheries forests biodiversity marine-plastic disaster-risk early-warning earthquakes tsunamis floods droughts
refugees displaced-persons demining peacebuilding reconstruction elections judicial-reform anti-corruption anti-money-laundering
counterterrorism transnational-crime trafficking narcotics piracy export-controls intellectual-property tax-treaties aviation visas
consular-cooperation evacuation sanctions asset-freezes peacekeeping joint-exercises information-security navigation overflight
continental-shelf arbitration coast-guards satellites space-debris quantum 5G submarine-cables data-flows privacy e-commerce
lithium nickel cobalt graphite copper steel shipbuilding automobiles textiles tourists direct-flights heritage museums sports
`
  .split(/\s+/)
  .filter(Boolean)
  .map((w) => w.replace(/-/g, ' '));
