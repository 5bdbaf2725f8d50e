/**
 * Throughput of extractTimes on ~1000 readout-style paragraphs (seed paragraphs and variants with
 * other dates and times). Run: npx tsx bench/times.ts
 */
import { readFileSync } from 'node:fs';
import { extractTimes } from '../src/understand/times/extract.ts';

const seed = readFileSync('/work/shared/seeds/000_f61bab6ec13fa94c.txt', 'utf8')
  .split('\n')
  .filter((l) => l.trim());
const ja = [
  ...seed.slice(0, 4),
  '現地時間6月4日午後3時30分から約1時間30分、総理大臣は、ベトナムの首相と会談を行いました。',
  '6月4日午前8時(日本時間)(米国東部時間前日午後7時)から約25分間、日米首脳電話会談を行いました。',
  '先月28日の会談に続き、昨31日、両外相は再び電話で協議し、本1日には共同声明を発出した。',
  '次回会合は来月、東京で開催される予定であり、来年には首脳会議も予定されている。',
];
const en = [
  ...seed.slice(7, 12),
  'On June 4, commencing at 8:05 p.m. (local time; 10:05 a.m. Japan time) for approximately 40 minutes, Prime Minister Kato held a meeting with President Lee.',
  'The ministers met in Washington on June 4 and 5, and again from June 10 to 12. The G7 summit took place June 13-15, 2024.',
  'The Quad foreign ministers met last month, and will meet again next week. The Secretary spoke with the Foreign Minister yesterday and earlier today.',
];

let state = 12345;
const random = (n: number): number => {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state % n;
};
const vary = (s: string): string =>
  s.replace(/\d{1,2}(?=日|月| and| to|-|,)/g, () => String(1 + random(28)));

const paragraphs: { text: string; lang: 'ja' | 'en' }[] = [];
while (paragraphs.length < 1000) {
  const lang = random(2) === 0 ? 'ja' : 'en';
  const pool = lang === 'ja' ? ja : en;
  paragraphs.push({ text: vary(pool[random(pool.length)] ?? ''), lang });
}

extractTimes(en[0] ?? '', 'en', '2024-11-01'); // load chrono before timing
const t0 = performance.now();
let found = 0;
for (const p of paragraphs) found += extractTimes(p.text, p.lang, '2024-11-01').length;
const ms = performance.now() - t0;
const chars = paragraphs.reduce((n, p) => n + p.text.length, 0);
console.log(
  `${paragraphs.length} paragraphs, ${chars} chars, ${found} expressions: ${ms.toFixed(0)} ms (${((ms / paragraphs.length) * 1000).toFixed(0)} µs/paragraph)`,
);
