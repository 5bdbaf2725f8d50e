/**
 * Deterministic generator of a realistic bilingual corpus for the benchmark: Japanese MOFA-style
 * readouts and English State Department / MOFA English statements about the same events, with
 * invented people, real titles, dates, times and durations.
 *
 *   node --import tsx bench/generate.ts --paragraphs 10000 --write /tmp/corpus [--seed 42]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Paragraph, Statement } from '../src/corpus/types.ts';
import { createRng, type Rng } from './random.ts';
import { MONTH_NAMES } from '../src/text/calendar.ts';
import {
  AREAS_EN,
  AREAS_JA,
  EN_POLICY_WORDS,
  JA_POLICY_WORDS,
  ANNIVERSARIES,
  GATHERINGS,
  JAPAN,
  JA_RELATION,
  JA_RESPONSE,
  JA_STANCE,
  MEETINGS,
  NAMES,
  NORTH_KOREA,
  PARTNERS,
  REGIONS,
  TOPICS,
  type Country,
  type MeetingKind,
  type Role,
} from './vocabulary.ts';

export const DEFAULT_SEED = 20241031;
export const DEFAULT_PARAGRAPHS = 100_000;

export interface Person {
  /** Full name as Japanese text writes it (佐藤健一, ジョン・ミラー, 金成浩). */
  ja: string;
  /** Family name in Japanese (佐藤, ミラー, 金): used after the first mention. */
  jaFamily: string;
  en: string;
  enFamily: string;
  country: Country;
  role: Role;
}

export interface GenerateOptions {
  paragraphs?: number;
  seed?: number;
}

export interface GeneratedCorpus {
  statements: Statement[];
  people: Person[];
}

const FIRST_DAY = Date.UTC(2015, 0, 1);
const LAST_DAY = Date.UTC(2025, 11, 31);
const DAY = 86_400_000;
const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];
const MONTHS_EN = MONTH_NAMES;

/** Office holders per country and role, in order of their terms (2015..2025 split evenly). */
type Holders = Map<string, Person[]>;

function makePeople(rng: Rng): { people: Person[]; holders: Holders } {
  const people: Person[] = [];
  const holders: Holders = new Map();
  const used = new Set<string>();
  const westernOrder = (c: Country) =>
    c.culture !== 'ja' && c.culture !== 'ko' && c.culture !== 'zh';
  for (const c of [JAPAN, ...PARTNERS]) {
    for (const role of ['fm', 'leader', 'defense'] as Role[]) {
      const count = c === JAPAN ? 4 : role === 'defense' ? 1 : 2;
      const list: Person[] = [];
      while (list.length < count) {
        const names = NAMES[c.culture];
        const [fj, fe] = rng.pick(names.family);
        const [gj, ge] = rng.pick(names.given);
        const ja = westernOrder(c) ? `${gj}・${fj}` : `${fj}${gj}`;
        if (used.has(ja)) continue;
        used.add(ja);
        const en = westernOrder(c) ? `${ge} ${fe}` : `${fe} ${ge}`;
        const p: Person = { ja, jaFamily: fj, en, enFamily: fe, country: c, role };
        list.push(p);
        people.push(p);
      }
      holders.set(`${c.key}:${role}`, list);
    }
  }
  return { people, holders };
}

function holderAt(holders: Holders, c: Country, role: Role, day: number): Person {
  const list = holders.get(`${c.key}:${role}`)!;
  const i = Math.min(
    list.length - 1,
    Math.floor(((day - FIRST_DAY) / (LAST_DAY - FIRST_DAY + DAY)) * list.length),
  );
  return list[i]!;
}

function isoDate(day: number): string {
  return new Date(day).toISOString().slice(0, 10);
}

interface EventPlan {
  seq: number;
  day: number;
  kind: MeetingKind;
  partners: Country[];
  /** Japan's participant and the partners' participants, in order. */
  host: Person;
  guests: Person[];
  hour: number;
  minute: number;
  minutes: number;
  /** City (ja, en) for meetings held in person, or a gathering on whose margins it took place. */
  venue?: [string, string];
  gathering?: [string, string];
  topics: [string, string][];
  regions: [string, string][];
}

function planEvent(rng: Rng, holders: Holders, seq: number, day: number): EventPlan {
  const kind = rng.pick(MEETINGS);
  // The US and Korea dominate a Japanese readout archive; trilateral calls happen mostly with them.
  const weighted = [
    ...PARTNERS,
    PARTNERS[0]!,
    PARTNERS[0]!,
    PARTNERS[0]!,
    PARTNERS[1]!,
    PARTNERS[1]!,
    PARTNERS[2]!,
  ];
  const first = rng.pick(weighted);
  const byKey = (k: string) => PARTNERS.find((c) => c.key === k)!;
  const unique =
    kind.role === 'fm' && rng.chance(0.12)
      ? [byKey('us'), byKey(rng.pick(['kr', 'kr', 'au', 'ph']))]
      : [first];
  const hour = kind.call ? rng.int(7, 23) : rng.int(9, 19);
  const minute = rng.pick([0, 0, 0, 0, 10, 15, 20, 30, 30, 40, 45, 50]);
  const minutes = kind.call
    ? rng.pick([15, 20, 25, 30, 30, 35, 40, 45, 60])
    : rng.pick([30, 40, 45, 50, 60, 60, 70, 80, 90, 105]);
  const plan: EventPlan = {
    seq,
    day,
    kind,
    partners: unique,
    hour,
    minute,
    minutes,
    host: holderAt(holders, JAPAN, kind.role, day),
    guests: unique.map((c) => holderAt(holders, c, kind.role, day)),
    topics: rng.pickDistinct(TOPICS, 6),
    regions: rng.pickDistinct(REGIONS, 3),
  };
  if (!kind.call) {
    if (rng.chance(0.3)) plan.gathering = rng.pick(GATHERINGS);
    else
      plan.venue = rng.chance(0.5)
        ? [JAPAN.capitalJa, JAPAN.capitalEn]
        : [unique[0]!.capitalJa, unique[0]!.capitalEn];
  }
  return plan;
}

// ---------------------------------------------------------------- Japanese readout

function jaTime(p: EventPlan, rng: Rng): string {
  const ampm = p.hour < 12 ? '午前' : '午後';
  const h = p.hour % 12 === 0 ? 12 : p.hour % 12;
  const clock =
    p.minute === 0 ? `${ampm}${h}時${rng.chance(0.6) ? '頃' : ''}` : `${ampm}${h}時${p.minute}分`;
  const hours = Math.floor(p.minutes / 60);
  const rest = p.minutes % 60;
  const span = hours === 0 ? `${rest}分間` : rest === 0 ? `${hours}時間` : `${hours}時間${rest}分`;
  return `${clock}から約${span}`;
}

function jaDate(day: number, rng: Rng): string {
  const d = new Date(day);
  const base = `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  return rng.chance(0.5) ? `${base}（${WEEKDAYS_JA[d.getUTCDay()]}曜日）` : base;
}

/** 日米, 日米韓, 日インドネシア: the country part of a Japanese meeting name. */
function jaMeetingName(p: EventPlan): string {
  return `日${p.partners.map((c) => c.abbr).join('')}${p.kind.ja}`;
}

function jaFirstMention(person: Person, rng: Rng): string {
  const t = person.country.titles[person.role];
  const english =
    person.country !== JAPAN && rng.chance(0.3)
      ? `（H.E. ${person.en}, ${t.en} of ${person.country.en}）`
      : '';
  return `${person.ja}${person.country === JAPAN ? '' : person.country.ja}${t.ja}${english}`;
}

function jaShort(person: Person): string {
  return `${person.jaFamily}${person.country.titles[person.role].jaShort}`;
}

function jaOpening(p: EventPlan, rng: Rng): string {
  const guests = p.guests.map((g) => jaFirstMention(g, rng)).join('及び');
  const where = p.gathering
    ? `${p.gathering[0]}の機会に、`
    : p.venue
      ? `${p.venue[0]}において、`
      : '';
  const verb = p.kind.call
    ? `との間で、${jaMeetingName(p)}を行ったところ`
    : `と${jaMeetingName(p)}を行ったところ`;
  return `${jaDate(p.day, rng)}、${jaTime(p, rng)}、${where}${jaFirstMention(p.host, rng)}は、${guests}${verb}、概要は以下のとおりです。`;
}

function jaItem(p: EventPlan, rng: Rng, n: number, last: boolean): string {
  const host = jaShort(p.host);
  const guest = jaShort(p.guests[0]!);
  const both = p.guests.length > 1 ? '三者' : '両者';
  const topic = () => rng.pick(p.topics)[0];
  const region = () => rng.pick(p.regions)[0];
  const country = p.partners[0]!.ja;
  const templates: (() => string)[] = [
    () =>
      `冒頭、${host}から、${guest}の${rng.pick(['就任', '再任', '訪日', '来日'])}を歓迎した上で、${rng.pick(JA_RELATION)}旨述べました。これに対し、${guest}から、${rng.pick(JA_RESPONSE)}旨述べました。`,
    () =>
      `${both}は、${rng.pickDistinct(AREAS_JA, 3).join('、')}の分野を含め、二国間関係を${rng.pick(['一層強化', '更に発展', '着実に深化'])}させていくことで一致しました。`,
    () =>
      `${host}から、${topic()}に関する日本の取組を説明し、${guest}から、${rng.pick(['支持する', '歓迎する', '高く評価する', '協力していきたい'])}旨の発言がありました。`,
    () =>
      `${both}は、${region()}情勢について意見交換を行い、${rng.pick(JA_STANCE)}ことを確認しました。`,
    () =>
      `また、${both}は、北朝鮮による${rng.pick(NORTH_KOREA)[0]}を含む北朝鮮への対応について意見交換を行い、国連安保理決議に従った北朝鮮の完全な非核化に向けて${rng.pick(JA_STANCE.slice(0, 3))}ことで一致しました。${rng.chance(0.5) ? `${host}から、拉致問題の即時解決に向けた${country}の理解と協力を求め、${guest}から支持を得ました。` : ''}`,
    () =>
      `さらに、${both}は、${rng.pick(GATHERINGS)[0]}を含む国際場裡での協力についても意見交換を行い、${topic()}に関し、引き続き緊密に連携していくことを確認しました。`,
    () =>
      `${both}は、${region()}における力又は威圧による一方的な現状変更の試みに強く反対し、法の支配に基づく自由で開かれた国際秩序を維持・強化することの重要性を確認しました。`,
    () =>
      `${host}から、経済安全保障の観点から、${topic()}に向けた協力を一層進めたい旨述べ、${guest}から同意する旨の応答がありました。`,
    () =>
      `${both}は、${new Date(p.day).getUTCFullYear() + 1}年に${country}との外交関係樹立${rng.pick(ANNIVERSARIES)}周年を迎えることを踏まえ、${topic()}を含む交流を推進していくことで一致しました。`,
    () =>
      `${both}は、${rng.pickDistinct(JA_POLICY_WORDS, 3).join('、')}及び${rng.pick(JA_POLICY_WORDS)}に関する具体的な協力の進展を歓迎しました。`,
    () =>
      `${host}から、${rng.pick(JA_POLICY_WORDS)}や${rng.pick(JA_POLICY_WORDS)}の分野における${country}の取組に謝意を表し、${guest}から、${rng.pick(JA_POLICY_WORDS)}に関する協力を${rng.pick(['強化したい', '拡大したい', '継続したい'])}旨の発言がありました。`,
    () =>
      `${host}から、${region()}の情勢を深刻に憂慮している旨述べ、${guest}との間で、${rng.pick(JA_STANCE)}ことを確認しました。`,
    () =>
      `最後に、${both}は、${topic()}と${topic()}の重要性を改めて確認し、あらゆるレベルで意思疎通を継続していくことで一致しました。`,
  ];
  const label = rng.chance(0.15) ? `${String.fromCharCode(0xff10 + (n % 10))}\u3000` : `${n} `;
  // Readouts open with greetings and close with a summing-up; the middle varies.
  const opening = n === 1 && rng.chance(0.7);
  const closing = last && rng.chance(0.6);
  const body = opening
    ? templates[0]!
    : closing
      ? templates[templates.length - 1]!
      : rng.pick(templates.slice(1, -1));
  return label + body();
}

// ---------------------------------------------------------------- English statement

function enDate(day: number): string {
  const d = new Date(day);
  return `${MONTHS_EN[d.getUTCMonth()]} ${d.getUTCDate()}`;
}

function enClock(p: EventPlan): string {
  const h = p.hour % 12 === 0 ? 12 : p.hour % 12;
  return `${h}:${String(p.minute).padStart(2, '0')} ${p.hour < 12 ? 'a.m.' : 'p.m.'}`;
}

function enTitled(person: Person): string {
  const t = person.country.titles[person.role];
  return `${person.country.adj} ${t.en} ${person.en}`;
}

function enSentences(p: EventPlan, rng: Rng): string {
  const a = `${p.host.country.titles[p.host.role].en} ${p.host.enFamily}`;
  const b = `${p.guests[0]!.country.titles[p.guests[0]!.role].en} ${p.guests[0]!.enFamily}`;
  const topic = () => rng.pick(p.topics)[1];
  const region = () => rng.pick(p.regions)[1];
  const they =
    p.guests.length > 1
      ? 'The three ministers'
      : rng.pick(['They', 'The two sides', `${a} and ${b}`]);
  const bank: (() => string)[] = [
    () => `${they} discussed ${topic()} and ${topic()}, and agreed to continue close coordination.`,
    () =>
      `${they} condemned the DPRK’s ${rng.pick(NORTH_KOREA)[1]} in violation of multiple UN Security Council resolutions.`,
    () => `${a} underscored the importance of maintaining peace and stability in ${region()}.`,
    () =>
      `${they} reaffirmed their commitment to ${rng.pick(['a free and open Indo-Pacific', 'the complete denuclearization of the Korean Peninsula', 'upholding the rule of law'])}.`,
    () => `${they} welcomed progress in ${rng.pick(AREAS_EN)} cooperation, including ${topic()}.`,
    () => `${b} expressed concern about the situation in ${region()} and called for restraint.`,
    () =>
      `${they} committed to strengthening ${rng.pick(['supply chain resilience for critical minerals and semiconductors', 'economic security cooperation', 'trilateral security cooperation', 'cooperation on clean energy'])}.`,
    () => `${they} also exchanged views on ${region()} and on ${topic()}.`,
    () =>
      `${they} welcomed concrete progress on ${rng.pickDistinct(EN_POLICY_WORDS, 3).join(', ')} and ${rng.pick(EN_POLICY_WORDS)}.`,
    () => `${b} thanked ${a} for Japan’s support on ${topic()}.`,
    () =>
      `${they} strongly opposed any unilateral attempts to change the status quo by force or coercion.`,
    () =>
      `${a} sought continued understanding and cooperation toward the immediate resolution of the abductions issue.`,
    () => `${they} agreed to work together toward the success of ${rng.pick(GATHERINGS)[1]}.`,
  ];
  return rng
    .pickDistinct(bank, rng.int(1, 3))
    .map((make) => make())
    .join(' ');
}

function enOpening(p: EventPlan, rng: Rng): string {
  const guests = p.guests.map(enTitled).join(' and ');
  const host = `${JAPAN.adj} ${p.host.country.titles[p.host.role].en} ${p.host.en}`;
  const where = p.gathering
    ? ` on the margins of ${p.gathering[1]}`
    : p.venue
      ? ` in ${p.venue[1]}`
      : '';
  const how = p.kind.call ? 'held a telephone call with' : 'met with';
  if (rng.chance(0.5)) {
    return `On ${enDate(p.day)}, commencing at ${enClock(p)} for approximately ${p.minutes} minutes, ${host} ${how} ${guests}${where}. The overview is as follows.`;
  }
  return `${guests} ${p.kind.call ? 'spoke today with' : 'met today with'} ${host}${where}. ${enSentences(p, rng)}`;
}

// ---------------------------------------------------------------- statements

function slugOf(p: EventPlan): string {
  return `jp-${p.partners.map((c) => c.key).join('-')}-${p.kind.role}-${p.kind.call ? 'call' : 'meeting'}`;
}

function makeStatement(
  p: EventPlan,
  lang: 'ja' | 'en',
  paragraphCount: number,
  rng: Rng,
): Statement {
  const texts: string[] = [];
  if (lang === 'ja') {
    texts.push(jaOpening(p, rng));
    for (let n = 1; texts.length < paragraphCount; n++)
      texts.push(jaItem(p, rng, n, texts.length === paragraphCount - 1));
  } else {
    texts.push(enOpening(p, rng));
    while (texts.length < paragraphCount) texts.push(enSentences(p, rng));
  }
  const date = isoDate(lang === 'ja' && rng.chance(0.4) ? p.day + DAY : p.day);
  const id = `${isoDate(p.day)}-${slugOf(p)}-${String(p.seq).padStart(6, '0')}-${lang}`;
  const usSide = p.partners[0]!.key === 'us';
  const enTitle =
    p.partners.length > 1
      ? `Joint Statement on the ${['Japan', ...p.partners.map((c) => c.en.replace(/^the /, ''))].join('-')} ${p.kind.en}`
      : usSide
        ? `${p.guests[0]!.country.titles[p.kind.role].en} ${p.guests[0]!.enFamily}’s ${p.kind.call ? 'Call' : 'Meeting'} with ${JAPAN.adj} ${p.host.country.titles[p.kind.role].en} ${p.host.en}`
        : `Japan-${p.partners[0]!.en.replace(/^the /, '')} ${p.kind.en}`;
  const source =
    lang === 'ja'
      ? `https://example.org/mofaj/press/release/${id}.html`
      : `https://example.org/${usSide ? 'state' : 'mofa'}/${id}.html`;
  // Front matter: ---, 7 keys, ---, blank line; paragraphs then start on line 11, one line each.
  const paragraphs: Paragraph[] = texts.map((text, i) => {
    const label = /^([0-9０-９]{1,3})[ \u3000]/.exec(text)?.[1];
    return { number: i + 1, text, line: 11 + 2 * i, ...(label ? { label } : {}) };
  });
  return {
    id,
    title: lang === 'ja' ? jaMeetingName(p) : enTitle,
    date,
    language: lang,
    publisher:
      lang === 'ja'
        ? '外務省'
        : usSide
          ? 'U.S. Department of State, Office of the Spokesperson'
          : 'Ministry of Foreign Affairs of Japan',
    source,
    event: `${isoDate(p.day)}-${slugOf(p)}-${String(p.seq).padStart(6, '0')}`,
    file: `${date.slice(0, 4)}/${id}.md`,
    paragraphs,
  };
}

/** Exactly `paragraphs` paragraphs (the last statement is cut short), about 10 per statement. */
export function generateCorpus(options: GenerateOptions = {}): GeneratedCorpus {
  const total = options.paragraphs ?? DEFAULT_PARAGRAPHS;
  const rng = createRng(options.seed ?? DEFAULT_SEED);
  const { people, holders } = makePeople(rng);
  const statements: Statement[] = [];
  const expectedEvents = Math.max(1, Math.ceil(total / 19));
  const span = LAST_DAY - FIRST_DAY;
  let count = 0;
  for (let seq = 0; count < total; seq++) {
    const day =
      FIRST_DAY +
      Math.floor(((Math.min(seq, expectedEvents - 1) / expectedEvents) * span) / DAY) * DAY;
    const plan = planEvent(rng, holders, seq, day);
    const langs: ('ja' | 'en')[] = rng.chance(0.9) ? ['ja', 'en'] : [rng.chance(0.5) ? 'ja' : 'en'];
    for (const lang of langs) {
      if (count >= total) break;
      const n = Math.min(rng.int(6, 14), total - count);
      statements.push(makeStatement(plan, lang, n, rng));
      count += n;
    }
  }
  return { statements, people };
}

/** The statement as a corpus file: YAML front matter, then paragraphs separated by blank lines. */
export function toMarkdown(s: Statement): string {
  const yaml = (v: string) =>
    /^[\w./-][^:#'"]*$/.test(v) && !/\s$/.test(v) ? v : JSON.stringify(v);
  const keys: [string, string | undefined][] = [
    ['id', s.id],
    ['title', s.title],
    ['date', s.date],
    ['language', s.language],
    ['publisher', s.publisher],
    ['source', s.source],
    ['event', s.event],
  ];
  const front = keys.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${yaml(v!)}`);
  return `---\n${front.join('\n')}\n---\n\n${s.paragraphs.map((p) => p.text).join('\n\n')}\n`;
}

export async function writeCorpus(dir: string, statements: readonly Statement[]): Promise<void> {
  const folders = new Set(statements.map((s) => path.dirname(path.join(dir, s.file))));
  for (const f of folders) await mkdir(f, { recursive: true });
  for (const s of statements) await writeFile(path.join(dir, s.file), toMarkdown(s));
}

export function parseSizeArgs(argv: readonly string[]): { paragraphs: number; seed: number } {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const paragraphs = Number(value('--paragraphs') ?? DEFAULT_PARAGRAPHS);
  const seed = Number(value('--seed') ?? DEFAULT_SEED);
  if (!Number.isInteger(paragraphs) || paragraphs < 1)
    throw new Error('--paragraphs must be a positive integer');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  return { paragraphs, seed };
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const argv = process.argv.slice(2);
  const { paragraphs, seed } = parseSizeArgs(argv);
  const i = argv.indexOf('--write');
  const { statements } = generateCorpus({ paragraphs, seed });
  if (i >= 0 && argv[i + 1]) {
    await writeCorpus(argv[i + 1]!, statements);
    console.log(
      `wrote ${statements.length} statements (${paragraphs} paragraphs) to ${argv[i + 1]}`,
    );
  } else {
    for (const s of statements.slice(0, 2)) console.log(toMarkdown(s));
    console.log(
      `${statements.length} statements, ${paragraphs} paragraphs (use --write DIR to save them)`,
    );
  }
}
