/**
 * Countries and international organisations as they appear next to officials' titles, in both
 * languages. `name` is the canonical English affiliation; `ja` lists the Japanese forms
 * (MOFA writes 米国, 韓国, 豪州 ...); `en` lists the English nouns and adjectives
 * ("U.S.", "American", "Republic of Korea (ROK)" is handled by the extractor).
 * Extend this table, not the code, when a new country shows up.
 */
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
    en: ['U.S.', 'US', 'USA', 'United States', 'the United States', 'United States of America', 'the United States of America', 'American'],
  },
  {
    name: 'Republic of Korea',
    ja: ['韓国', '大韓民国'],
    en: ['Republic of Korea', 'the Republic of Korea', 'ROK', 'South Korea', 'South Korean', 'Korean', 'Korea'],
  },
  {
    name: 'DPRK',
    ja: ['北朝鮮', '朝鮮民主主義人民共和国'],
    en: ['DPRK', 'North Korea', 'North Korean', "Democratic People's Republic of Korea", 'Democratic People’s Republic of Korea'],
  },
  {
    name: 'China',
    ja: ['中国', '中華人民共和国'],
    en: ['China', 'Chinese', 'PRC', "People's Republic of China", 'People’s Republic of China'],
  },
  { name: 'Australia', ja: ['豪州', 'オーストラリア'], en: ['Australia', 'Australian'] },
  { name: 'United Kingdom', ja: ['英国', 'イギリス'], en: ['United Kingdom', 'the United Kingdom', 'UK', 'U.K.', 'British'] },
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
  { name: 'United Arab Emirates', ja: ['アラブ首長国連邦'], en: ['United Arab Emirates', 'UAE', 'Emirati'] },
  { name: 'Egypt', ja: ['エジプト'], en: ['Egypt', 'Egyptian'] },
  { name: 'South Africa', ja: ['南アフリカ'], en: ['South Africa', 'South African'] },
  { name: 'Spain', ja: ['スペイン'], en: ['Spain', 'Spanish'] },
  { name: 'Netherlands', ja: ['オランダ'], en: ['Netherlands', 'the Netherlands', 'Dutch'] },
  { name: 'Poland', ja: ['ポーランド'], en: ['Poland', 'Polish'] },
  { name: 'Sweden', ja: ['スウェーデン'], en: ['Sweden', 'Swedish'] },
  { name: 'Finland', ja: ['フィンランド'], en: ['Finland', 'Finnish'] },
  { name: 'Norway', ja: ['ノルウェー'], en: ['Norway', 'Norwegian'] },
  { name: 'European Union', ja: ['EU', '欧州連合'], en: ['European Union', 'the European Union', 'EU'] },
  { name: 'NATO', ja: ['NATO', '北大西洋条約機構'], en: ['NATO'] },
  { name: 'United Nations', ja: ['国連', '国際連合'], en: ['United Nations', 'the United Nations', 'UN', 'U.N.'] },
  { name: 'ASEAN', ja: ['ASEAN', '東南アジア諸国連合'], en: ['ASEAN'] },
];

/** Long forms MOFA appends to a katakana country (インドネシア共和国大統領). */
export const JA_COUNTRY_SUFFIXES: readonly string[] = ['連邦共和国', '共和国', '連邦', '王国', '合衆国'];

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
  return byEn.get(t.toLowerCase())?.name;
}

/** Japanese country forms, longest first (so インドネシア wins over インド). */
export const JA_COUNTRY_FORMS: readonly string[] = [...byJa.keys()].sort((a, b) => b.length - a.length);

/** English country forms (nouns and adjectives), longest first. */
export const EN_COUNTRY_FORMS: readonly { form: string; country: Country }[] = COUNTRIES.flatMap((c) =>
  c.en.map((form) => ({ form, country: c })),
).sort((a, b) => b.form.length - a.form.length);
