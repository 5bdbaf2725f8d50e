/**
 * The fixed, seeded query mix of the benchmark: quote, who, when and free questions, in Japanese
 * and English, with one or several keywords, rare and very common terms, and single-kanji keywords.
 */
import type { Person } from './generate.ts';
import { createRng } from './random.ts';
import {
  GATHERINGS,
  JA_POLICY_WORDS,
  MEETINGS,
  NORTH_KOREA,
  PARTNERS,
  REGIONS,
  TOPICS,
} from './vocabulary.ts';

export type QueryKind = 'quote' | 'who' | 'when' | 'ask';
export const QUERY_KINDS: readonly QueryKind[] = ['quote', 'who', 'when', 'ask'];

export interface BenchQuery {
  kind: QueryKind;
  lang: 'ja' | 'en';
  text: string;
  /** What makes the query interesting: single-kanji, common, rare, multi, phrase, miss. */
  shape: string;
}

const SINGLE_KANJI = ['核', '米', '韓', '中', '海', '露', '朝', '印', '豪', '欧'];
const COMMON_JA = [
  '協力',
  '連携',
  '確認',
  '意見交換',
  '両者',
  '安全保障',
  '一致しました',
  '北朝鮮',
];
const COMMON_EN = [
  'cooperation',
  'minister',
  'security',
  'discussed',
  'agreed',
  'commitment',
  'DPRK',
];
const RARE_EN = [
  'abductions',
  'coercion',
  'restraint',
  'disinformation',
  'shipbuilding',
  'graphite',
  'arbitration',
];
const MISSES = [
  '量子暗号通信衛星',
  'マグロ資源の漁獲枠',
  'cryptocurrency regulation',
  'Antarctic treaty',
];

export function benchQueries(people: readonly Person[], seed = 7, perKind = 60): BenchQuery[] {
  const rng = createRng(seed);
  const topic = () => rng.pick(TOPICS);
  const person = () => rng.pick(people);
  const meeting = () => {
    const c = rng.pick(PARTNERS);
    const m = rng.pick(MEETINGS);
    return {
      ja: `日${c.abbr}${m.ja}`,
      en: `${c.en.replace(/^the /, '')} ${m.en.replace(/’s?/, '').toLowerCase()}`,
    };
  };

  const quote = (): BenchQuery => {
    const r = rng.next();
    if (r < 0.15)
      return { kind: 'quote', lang: 'ja', text: rng.pick(SINGLE_KANJI), shape: 'single-kanji' };
    if (r < 0.25)
      return {
        kind: 'quote',
        lang: 'ja',
        text: `${rng.pick(SINGLE_KANJI)} ${rng.pick(COMMON_JA)}`,
        shape: 'single-kanji',
      };
    if (r < 0.35) return { kind: 'quote', lang: 'ja', text: rng.pick(COMMON_JA), shape: 'common' };
    if (r < 0.45) return { kind: 'quote', lang: 'en', text: rng.pick(COMMON_EN), shape: 'common' };
    if (r < 0.55)
      return {
        kind: 'quote',
        lang: 'ja',
        text: `${topic()[0]} ${rng.pick(REGIONS)[0]}`,
        shape: 'multi',
      };
    if (r < 0.63)
      return {
        kind: 'quote',
        lang: 'en',
        text: `${topic()[1]} ${rng.pick(REGIONS)[1]}`,
        shape: 'multi',
      };
    if (r < 0.7)
      return { kind: 'quote', lang: 'ja', text: rng.pick(JA_POLICY_WORDS), shape: 'rare' };
    if (r < 0.76) return { kind: 'quote', lang: 'en', text: rng.pick(RARE_EN), shape: 'rare' };
    if (r < 0.82) return { kind: 'quote', lang: 'ja', text: person().ja, shape: 'rare' };
    if (r < 0.88)
      return {
        kind: 'quote',
        lang: 'ja',
        text: `「北朝鮮による${rng.pick(NORTH_KOREA)[0]}」`,
        shape: 'phrase',
      };
    if (r < 0.94)
      return { kind: 'quote', lang: 'en', text: `"${rng.pick(NORTH_KOREA)[1]}"`, shape: 'phrase' };
    return {
      kind: 'quote',
      lang: rng.chance(0.5) ? 'ja' : 'en',
      text: rng.pick(MISSES),
      shape: 'miss',
    };
  };

  const who = (): BenchQuery => {
    const r = rng.next();
    if (r < 0.3) return { kind: 'who', lang: 'ja', text: meeting().ja, shape: 'common' };
    if (r < 0.5)
      return { kind: 'who', lang: 'ja', text: `${topic()[0]}について述べたのは誰`, shape: 'multi' };
    if (r < 0.65)
      return { kind: 'who', lang: 'en', text: `Who discussed ${topic()[1]}?`, shape: 'multi' };
    if (r < 0.8) return { kind: 'who', lang: 'en', text: `${meeting().en}`, shape: 'common' };
    if (r < 0.9)
      return {
        kind: 'who',
        lang: 'ja',
        text: `${rng.pick(SINGLE_KANJI)}について誰が発言した`,
        shape: 'single-kanji',
      };
    return { kind: 'who', lang: 'en', text: `Who met ${person().en}?`, shape: 'rare' };
  };

  const when = (): BenchQuery => {
    const r = rng.next();
    if (r < 0.35) return { kind: 'when', lang: 'ja', text: meeting().ja, shape: 'common' };
    if (r < 0.55)
      return { kind: 'when', lang: 'ja', text: `${person().ja}との会談はいつ`, shape: 'rare' };
    if (r < 0.75)
      return {
        kind: 'when',
        lang: 'en',
        text: `When did Japan discuss ${topic()[1]}?`,
        shape: 'multi',
      };
    if (r < 0.9)
      return { kind: 'when', lang: 'en', text: `When was the ${meeting().en}?`, shape: 'common' };
    return {
      kind: 'when',
      lang: 'ja',
      text: `${rng.pick(GATHERINGS)[0]}の機会の会談`,
      shape: 'multi',
    };
  };

  const ask = (): BenchQuery => {
    const r = rng.next();
    if (r < 0.2)
      return {
        kind: 'ask',
        lang: 'ja',
        text: `誰が${rng.pick(NORTH_KOREA)[0]}を非難しましたか`,
        shape: 'multi',
      };
    if (r < 0.35)
      return {
        kind: 'ask',
        lang: 'ja',
        text: `${meeting().ja}はいつ行われましたか`,
        shape: 'common',
      };
    if (r < 0.5)
      return {
        kind: 'ask',
        lang: 'ja',
        text: `${topic()[0]}について何と言いましたか`,
        shape: 'multi',
      };
    if (r < 0.6)
      return {
        kind: 'ask',
        lang: 'ja',
        text: `${rng.pick(SINGLE_KANJI)}について`,
        shape: 'single-kanji',
      };
    if (r < 0.75)
      return {
        kind: 'ask',
        lang: 'en',
        text: `Who condemned the DPRK's ${rng.pick(NORTH_KOREA)[1]}?`,
        shape: 'multi',
      };
    if (r < 0.88)
      return {
        kind: 'ask',
        lang: 'en',
        text: `What did the ministers say about ${topic()[1]}?`,
        shape: 'multi',
      };
    return { kind: 'ask', lang: 'en', text: `When did ${person().en} hold a call?`, shape: 'rare' };
  };

  const makers: Record<QueryKind, () => BenchQuery> = { quote, who, when, ask };
  const out: BenchQuery[] = [];
  for (const kind of QUERY_KINDS) for (let i = 0; i < perKind; i++) out.push(makers[kind]());
  return out;
}
