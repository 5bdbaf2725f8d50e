/**
 * Mentions of people in Japanese readouts. MOFA writes name, country and title as one unbroken run
 * (マイク・ポンペオ米国国務長官, 茂木敏充外務大臣), so the scan finds a title from the table, then
 * reads the country and the name backwards from it; a title not preceded by a name is no person.
 * Every backward read is bounded, so a paragraph costs time linear in its length.
 */
import {
  JA_COUNTRY_FORMS,
  JA_COUNTRY_SUFFIXES,
  JA_LONG_FORM_END,
  JA_ONE_CHAR_COUNTRIES,
  canonicalCountry,
  jaSideCountry,
} from '../countries.ts';
import {
  JA_ACTING_SUFFIXES,
  JA_COUNTRY_ABBREVIATIONS,
  JA_CURRENT_MARKS,
  JA_FORMER_MARKS,
  JA_LEADING_WORDS,
  JA_NOT_NAMES,
  JA_NOT_NAME_FIRST_CHARS,
  JA_JAPAN_MINISTRIES,
  JA_ORGANIZATIONS,
  JA_ORGANIZATION_SUFFIXES,
  JA_POSTING_MARKS,
  JA_TITLE_FOLLOWERS,
  JA_TITLES,
  type JaTitleInfo,
} from './jaTitles.ts';
import { stripEnglishHonorifics } from './names.ts';
import { isKanjiFamilyName } from './familyNames.ts';
import { soundsAlike } from './soundKey.ts';
import { PhraseTable } from '../phraseTable.ts';
import type { Paragraphlike, RawMention } from './types.ts';
import {
  charAt,
  CJK_CHAR,
  isKanji,
  isKatakana,
  isNameChar,
  withoutVariationSelectors,
} from '../../text/script.ts';
import { CLOSE_BRACKETS, OPEN_BRACKETS, findClose, findOpen } from '../brackets.ts';

const MAX_RUN = 40;
const JA_ORGANIZATION_END = /[局省庁課]|議会|議院/; // not 部 or 室: 阿部, 服部, 氷室 are names
const MAX_KANJI_NAME = 6;
/** How the names of bodies end (国際原子力機関, アジア開発銀行, 国連難民高等弁務官事務所). */
const JA_BODY_END =
  /(?:機関|機構|基金|銀行|委員会|理事会|事務局|事務所|財団|協会|連合|同盟|裁判所|大学|研究所|センター|会議)$/;
/** A bureau as written before a title: 総合外交政策(局長), アジア大洋州局(参事官), 外務省; longest first. */
const JA_ORGANIZATION_UNITS = JA_ORGANIZATIONS.flatMap((o) =>
  ['局', '部', '課', '室', ''].map((s) => o + s),
).sort((a, b) => b.length - a.length);
const MAX_KATAKANA_NAME = 40;
const MAX_BRACKET = 300;
/** Meeting words: a person named before one of these in the same sentence held the meeting. */
const MEETING_CUES = [
  '会談',
  '会合',
  '会議',
  '電話',
  '会食',
  '懇談',
  '面会',
  '表敬',
  '協議',
  '意見交換',
  '立ち話',
  '出席',
  '接見',
  '会見',
];

const CUE_FIRST = new Set(MEETING_CUES.map((q) => q[0]!));

const COUNTRIES = new PhraseTable<true>(JA_COUNTRY_FORMS.map((f) => [f, true] as const));

interface Split {
  name: string;
  nameOffset: number;
  country?: string | undefined;
  org: string;
}

/** Splits a run such as マイク・ポンペオ米国 or 王毅中国共産党中央外事工作委員会 at its country. */
/** 同国, "the same country", as the country of a split; read as the country of the person named before. */
const SAME_COUNTRY = '同国';

const LONG_FORM_AFTER_DOT = new RegExp(`^・[\\p{Script=Katakana}ー]+${JA_LONG_FORM_END}`, 'u');

/** Countries whose Japanese name holds characters no name run does (セントビンセント及びグレナディーン諸島). */
const GAPPED_COUNTRIES = JA_COUNTRY_FORMS.filter((f) => [...f].some((c) => !isNameChar(c)));

function splitAtCountry(run: string): Split {
  if (run.endsWith(SAME_COUNTRY) && isKatakana(run[run.length - 3]))
    return { name: run.slice(0, -2), nameOffset: 0, country: SAME_COUNTRY, org: '' };
  // フェデリカ・モゲリーニEU外務・安全保障政策(上級代表): a body written in Latin letters between name and post.
  const body = /^([\p{Script=Katakana}ー・=＝]{2,}?)([A-Z]{2,5})([\p{Script=Han}・]*)$/u.exec(run);
  if (body && LATIN_BODIES.has(body[2]!)) {
    // デイビッド・ダットン・オーストラリアNATO代表部(次席大使): the country before the body is the person's.
    const own = JA_COUNTRY_FORMS.find(
      (f) => body[1]!.endsWith(`・${f}`) && body[1]!.length > f.length + 2,
    );
    if (own)
      return {
        name: body[1]!.slice(0, -own.length - 1),
        nameOffset: 0,
        country: own,
        org: body[2]! + body[3]!,
      };
    return { name: body[1]!, nameOffset: 0, country: body[2]!, org: body[3]! };
  }
  const last = run.at(-1) ?? '';
  const abbreviated = JA_ONE_CHAR_COUNTRIES[last];
  // The name's last character before an abbreviation at p, over the space some pages put there.
  const nameEnd = (p: number) => (run[p - 1] === ' ' || run[p - 1] === '\u3000' ? p - 1 : p);
  if (abbreviated && run.length > 1 && isKatakana(run[nameEnd(run.length - 1) - 1])) {
    return {
      name: run.slice(0, nameEnd(run.length - 1)),
      nameOffset: 0,
      country: abbreviated,
      org: '',
    };
  }
  // ラミー英外務・開発(大臣): a katakana name, a one-character country, a portfolio of kanji and ・
  for (let p = 1; p < run.length - 1; p++) {
    const country = JA_ONE_CHAR_COUNTRIES[run[p]!];
    const end = nameEnd(p);
    if (!country || !isKatakana(run[end - 1]) || run[end - 1] === '・' || !isKanji(run[p + 1]))
      continue;
    const rest = run.slice(p + 1);
    // ヘーグ英首席(大臣), クリントン米元(大統領), ショレ米国務省(顧問); not ルビオ米国(大統領), where 米国 is the country.
    const short = rest.length <= 4 && !(COUNTRIES.matchAt(run, p) && !run.startsWith('米国務', p));
    if ([...rest].every((c) => isKanji(c) || c === '・') && (rest.includes('・') || short)) {
      return { name: run.slice(0, end), nameOffset: 0, country, org: rest };
    }
  }
  for (let p = 0; p < run.length; p++) {
    const m = COUNTRIES.matchAt(run, p, (phrase, end) => {
      const katakanaCountry = isKatakana(phrase[0]);
      if (katakanaCountry && p > 0 && run[p - 1] !== '・' && !isKanji(run[p - 1])) return false;
      // フランス・ティマーマンス(外相): a name that starts like a country; the country comes after a name, never before it.
      if (katakanaCountry && p === 0 && run[end] === '・' && isKatakana(run[end + 1])) return false;
      // インドラ is a name, インド・... or インド首相 is a country
      const after = run[end];
      if (katakanaCountry && after !== undefined && isKatakana(after) && after !== '・') {
        return JA_COUNTRY_SUFFIXES.some((s) => run.startsWith(s, end));
      }
      return true;
    });
    if (!m) continue;
    let end = m.end;
    const suffix = JA_COUNTRY_SUFFIXES.find((s) => run.startsWith(s, end));
    if (suffix) end += suffix.length;
    // ヨルダン・ハシェミット王国: the country's long form goes on after a dot.
    const longForm = suffix ? null : LONG_FORM_AFTER_DOT.exec(run.slice(end));
    if (longForm) end += longForm[0].length;
    return {
      name: run.slice(0, p),
      nameOffset: 0,
      country: run.slice(p, end),
      org: run.slice(end),
    };
  }
  // ジャン=クロード・ユンカー欧州委員会(委員長): a katakana name, then the body the person heads,
  // named in kanji (not マンスフィールド財団, whose name is the katakana word).
  const headed = /^([\p{Script=Katakana}ー・=＝]{2,}?)(\p{Script=Han}[\p{Script=Han}・]*)$/u.exec(
    run,
  );
  const bodyEnd = headed ? JA_BODY_END.exec(headed[2]!) : null;
  if (headed && bodyEnd && isKatakana(headed[1]!.at(-1)) && headed[2]!.length > bodyEnd[0].length)
    return { name: headed[1]!, nameOffset: 0, org: headed[2]! };
  // ジェラルド・ブラウン・カリフォルニア州(知事): a katakana name, a dot, then the state or province governed.
  const region =
    /^([\p{Script=Katakana}ー・=＝]{2,})・([\p{Script=Katakana}ー]{2,}[州県省市])$/u.exec(run);
  if (region) return { name: region[1]!, nameOffset: 0, org: region[2]! };
  // 岡田晃枝・東京大学特任(准教授): a name, a dot, then the university or institute the person is of.
  const dot = run.lastIndexOf('・');
  if (
    dot > 1 &&
    isKanji(run[dot - 1]) &&
    JA_ORGANIZATION_SUFFIXES.some((o) => run.includes(o, dot + 1))
  ) {
    return { name: run.slice(0, dot), nameOffset: 0, org: run.slice(dot + 1) };
  }
  // マイテ・ヌコアナ=マシャバネ国際関係・協力(大臣): a katakana name, then a portfolio with ・
  let k = 0;
  while (k < run.length && isKatakana(run[k])) k++;
  const portfolio = run.slice(k);
  if (
    k > 1 &&
    run[k - 1] !== '・' &&
    portfolio.includes('・') &&
    [...portfolio].every((c) => isKanji(c) || c === '・')
  ) {
    return { name: run.slice(0, k), nameOffset: 0, org: portfolio };
  }
  // チャオ運輸(長官), ムカジー外務(大臣): a katakana name, then a kanji portfolio; no name goes on in kanji.
  // Not an organisation (マンスフィールド財団, 外務貿易省): that is where the person works, read elsewhere.
  if (
    k > 1 &&
    run[k - 1] !== '・' &&
    portfolio.length >= 2 &&
    portfolio.length <= 6 &&
    [...portfolio].every((c) => isKanji(c)) &&
    !/[局省庁課部室会団所院]/.test(portfolio)
  ) {
    return { name: run.slice(0, k), nameOffset: 0, org: portfolio };
  }
  return { name: run, nameOffset: 0, org: '' };
}

/** Whether position i is in a regnal number after a katakana name (アブドッラー2世, エリザベス２世). */
function inRegnal(text: string, i: number): boolean {
  const from = Math.max(0, i - 3);
  for (const m of text.slice(from, i + 4).matchAll(/[0-9０-９]{1,2}世/g)) {
    const start = from + m.index;
    if (i >= start && i < start + m[0].length && isKatakana(text[start - 1])) return true;
  }
  return false;
}

/** A character of the run before a title; a Latin initial counts between middle dots (ローリン・S・ロバート). */
function isRunChar(text: string, i: number): boolean {
  // The whole character: a kanji beyond the BMP (𠮷) is two UTF-16 units, both part of the name.
  const c = charAt(text, i);
  if (isNameChar(c) || inRegnal(text, i)) return true;
  // ベルナール・クシュネール 仏外務・欧州問題大臣: a space some pages put before the country's abbreviation.
  if (
    (c === ' ' || c === '\u3000') &&
    isKatakana(text[i - 1]) &&
    JA_ONE_CHAR_COUNTRIES[text[i + 1] ?? ''] !== undefined &&
    isKanji(text[i + 2])
  )
    return true;
  if (c === undefined || !/[A-Za-z.]/.test(c)) return false;
  // A short Latin part between middle dots: トミー・E・レメンゲサウ・Jr.・パラオ
  let s = i;
  while (s > 0 && i - s < 4 && /[A-Za-z.]/.test(text[s - 1]!)) s--;
  let e = i + 1;
  while (e < text.length && e - s < 5 && /[A-Za-z.]/.test(text[e]!)) e++;
  if (/^[A-Z]/.test(text[s]!) && text[s - 1] === '・' && text[e] === '・' && e - s <= 4)
    return true;
  // モゲリーニEU外務・安全保障政策上級代表: a body in Latin letters between a katakana name and a kanji post;
  // 慶應義塾大学SFC研究所: an acronym inside the name of an organisation.
  return (
    (LATIN_BODIES.has(text.slice(s, e)) && isKatakana(text[s - 1]) && isKanji(text[e])) ||
    (/^[A-Z]{2,5}$/.test(text.slice(s, e)) &&
      JA_ORGANIZATION_SUFFIXES.some((o) => text.endsWith(o, s)) &&
      isKanji(text[e]))
  );
}

/** International bodies written in Latin letters inside a Japanese title. */
const LATIN_BODIES = new Set([
  'EU',
  'UN',
  'NATO',
  'ASEAN',
  'AU',
  'OECD',
  'WTO',
  'IMF',
  'IAEA',
  'WHO',
  'NSC',
]);

function isKatakanaName(name: string): boolean {
  for (const c of name) if (!isKatakana(c)) return false;
  return true;
}

function isKanjiName(name: string): boolean {
  for (const c of withoutVariationSelectors(name)) if (!isKanji(c)) return false;
  return true;
}

interface CleanName {
  name: string;
  /** Characters dropped from the front of the written name. */
  dropped: number;
  former: boolean;
  posting?: string | undefined;
}

/** Titles no region has: a word ending 村 or 町 before one is a family name (町村外務大臣, 中村大使). */
const NATIONAL_TITLE_END = /(?:大臣|大使|外相|首相|総理)$/;

function cleanName(raw: string, national: boolean): CleanName | undefined {
  // 胡錦濤・中国(国家主席): the dot before the country belongs to neither.
  let name = /^\p{Script=Han}+[・･]$/u.test(raw) ? raw.slice(0, -1) : raw;
  let former = false;
  let posting: string | undefined;
  const mark = JA_POSTING_MARKS.find((m) => name.endsWith(m));
  if (mark) {
    posting = mark;
    name = name.slice(0, -mark.length);
  }
  for (const f of JA_CURRENT_MARKS) {
    const rest = name.slice(0, -f.length);
    if (name.endsWith(f) && (rest.length >= 2 || isKatakana(rest[rest.length - 1]))) name = rest;
  }
  for (const f of JA_FORMER_MARKS) {
    if (!name.endsWith(f)) continue;
    const rest = name.slice(0, -f.length);
    // 林前大臣 and 菅前総理 are common, so 前 always goes; 秋元 and 坂元 are family names, so 元 goes
    // only when two or more characters of a name remain
    if (
      rest.length >= (f === '前' ? 1 : 2) ||
      (rest.length > 0 && isKatakana(rest[rest.length - 1]))
    ) {
      name = rest;
      former = true;
    }
    break;
  }
  // ジャヌージ・マンスフィールド財団(理事長): the katakana word glued to 財団 names the foundation;
  // the words before it name the person.
  const orgSuffix = JA_ORGANIZATION_SUFFIXES.find(
    (o) => name.endsWith(o) && isKatakana(name[name.length - o.length - 1]),
  );
  if (orgSuffix) {
    const parts = name.slice(0, -orgSuffix.length).split('・');
    if (parts.length < 2) return undefined;
    name = parts.slice(0, -1).join('・');
  }
  let dropped = 0;
  // ドナルド・ルー国務省南・中央アジア局(国務次官補): in lists, a katakana name comes first, then where
  // the person works, then the title; the name is the leading katakana run.
  if (JA_ORGANIZATION_END.test(name) && isKatakana(name[0])) {
    let end = 0;
    while (end < name.length && (isKatakana(name[end]) || name[end] === '・')) end++;
    name = name.slice(0, end);
  }
  // ロシア外務省ザハロワ: keep the trailing run of one script, the name proper
  let cut = name.length;
  const lastKatakana = isKatakana(name[name.length - 1]) || inRegnal(name, name.length - 1);
  // a space or a Latin initial inside a katakana name (ヴァンディ チディ・ミナ, ローリン・S・ロバート) is part of it
  const katakanaLike = (i: number) =>
    isKatakana(name[i]) ||
    (lastKatakana && inRegnal(name, i)) ||
    (lastKatakana &&
      (name[i] === ' ' || /[A-Z]/.test(name[i] ?? '')) &&
      isKatakana(name[i - 1]) &&
      isKatakana(name[i + 1])) ||
    (lastKatakana && /[A-Za-z.]/.test(name[i] ?? '') && isRunChar(name, i));
  while (cut > 0 && katakanaLike(cut - 1) === lastKatakana) cut--;
  if (cut > 0) {
    dropped += cut;
    name = name.slice(cut);
  }
  for (let again = true; again; ) {
    again = false;
    for (const w of JA_LEADING_WORDS)
      if (name.startsWith(w) && isKanjiName(name) && name.length > w.length) {
        name = name.slice(w.length);
        dropped += w.length;
        again = true;
      }
  }
  while (name.startsWith('・')) {
    name = name.slice(1);
    dropped++;
  }
  while (name.endsWith('・')) name = name.slice(0, -1);
  if (name.length === 0) return undefined;
  if (JA_NOT_NAMES.has(name) || JA_NOT_NAME_FIRST_CHARS.has(name[0]!)) return undefined;
  // 東アジア・太平洋局, 外務貿易省副…: a bureau or ministry before a title is where the person works, not who.
  if (JA_ORGANIZATION_END.test(name)) return undefined;
  // ジャカルタ首都特別州(知事), 東京都…: a region before a title is where the person governs;
  // unless it is a family name (高村大臣, 中村総理補佐官) or the title is no region's (町村外務大臣).
  if (
    /[州県市区町村都府道]$/.test(name) &&
    !national &&
    isKanji(name[name.length - 1]) &&
    !isKanjiFamilyName(name)
  )
    return undefined;
  if ([...name].every((c) => JA_COUNTRY_ABBREVIATIONS.has(c))) return undefined;
  if (isKanjiName(name) && name.length > MAX_KANJI_NAME) return undefined;
  if (isKatakanaName(name) && (name.length > MAX_KATAKANA_NAME || /^[ー・＝=]/.test(name)))
    return undefined;
  return { name, dropped, former, posting };
}

/** English name in brackets after a title: "(H.E. Mr. Kang Kyung-wha, Minister of ...)" -> Kang Kyung-wha. */
function englishNameInBrackets(inner: string): string | undefined {
  if (!/[A-Za-z]/.test(inner) || CJK_CHAR.test(inner)) return undefined;
  const first = stripEnglishHonorifics(inner.split(',')[0] ?? '');
  if (!/^\p{Script=Latin}[\p{Script=Latin}.'’\- ]{0,60}$/u.test(first)) return undefined;
  const words = first.split(/\s+/).filter(Boolean);
  return words.length >= 1 && words.length <= 6 ? words.join(' ') : undefined;
}

const READING = /^[\u3041-\u30ff\uff66-\uff9f\s・ー＝=]*$/;

/**
 * Per position: where its sentence starts and ends, and where the next meeting word starts.
 * One pass each, so a mention's participant check is O(1) even in a 100 KB paragraph.
 */
function sentenceIndex(text: string): { start: Int32Array; end: Int32Array; nextCue: Int32Array } {
  const n = text.length;
  const start = new Int32Array(n + 1);
  const end = new Int32Array(n + 1);
  const nextCue = new Int32Array(n + 1).fill(n + 1);
  let s = 0;
  for (let i = 0; i <= n; i++) {
    start[i] = s;
    const c = text[i];
    if (c === '。' || c === '\n') s = i + 1;
  }
  let e = n;
  let cue = n + 1;
  for (let i = n; i >= 0; i--) {
    const c = text[i];
    if (c === '。' || c === '\n') e = i;
    end[i] = e;
    if (i < n && CUE_FIRST.has(c!) && MEETING_CUES.some((q) => text.startsWith(q, i))) cue = i;
    nextCue[i] = cue;
  }
  return { start, end, nextCue };
}

function choosePrincipal(
  chain: { phrase: string; info: JaTitleInfo }[],
): { phrase: string; info: JaTitleInfo } | undefined {
  const real = chain.filter((t) => !t.info.honorific);
  return real.find((t) => t.info.principal) ?? real[real.length - 1];
}

export function japaneseMentions(paragraph: Paragraphlike): RawMention[] {
  const text = paragraph.text;
  const out: RawMention[] = [];
  let sentences: ReturnType<typeof sentenceIndex> | undefined;
  for (let i = 0; i < text.length; i++) {
    const first = JA_TITLES.matchAt(text, i);
    if (!first) continue;
    const titleStart = i;
    const chain = [{ phrase: first.phrase, info: first.value }];
    let end = first.end;
    i = end - 1;
    // 弁公室主任兼外交部長: one person, several posts
    for (let guard = 0; guard < 4 && text[end] === '兼'; guard++) {
      const next = JA_TITLES.matchAt(text, end + 1);
      if (!next) break;
      chain.push({ phrase: next.phrase, info: next.value });
      end = next.end;
    }
    let acting = chain.some((t) => t.info.acting);
    // 次官補代理代行: a deputy's post held by someone acting, two suffixes in a row
    for (let guard = 0; guard < 2; guard++) {
      const actingSuffix = JA_ACTING_SUFFIXES.find((s) => text.startsWith(s, end));
      if (!actingSuffix) break;
      acting = true;
      end += actingSuffix.length;
    }
    i = end - 1;
    const follower = text[end];
    // 外相電話会談, 大臣会合: the title is part of a longer noun, not someone's title
    if (isKanji(follower) && !JA_TITLE_FOLLOWERS.has(follower!)) continue;

    // オーストラリア連邦外務大臣ケビン・ラッド閣下: the title before a katakana name that an honorific or
    // the name in Latin letters closes.
    if (isKatakana(follower) && chain.some((t) => !t.info.honorific)) {
      let ne = end;
      while (
        ne < text.length &&
        ne - end < 30 &&
        (isKatakana(text[ne]) || /[・＝=ー]/.test(text[ne]!))
      )
        ne++;
      const closed =
        text.startsWith('閣下', ne) ||
        text.startsWith('氏', ne) ||
        /^[(（][A-Z]/.test(text.slice(ne, ne + 2));
      const name = text.slice(end, ne).replace(/[・＝=]+$/, '');
      if (closed && name.length >= 2) {
        let rs = titleStart;
        while (rs > 0 && titleStart - rs < MAX_RUN && isRunChar(text, rs - 1)) rs--;
        const before = splitAtCountry(text.slice(rs, titleStart));
        const country = before.country ?? (canonicalCountry(before.name) ? before.name : undefined);
        const org = before.country ? before.org : canonicalCountry(before.name) ? '' : before.name;
        const principal = choosePrincipal(chain);
        const mentionStart = country || org ? rs : titleStart;
        const mentionEnd = text.startsWith('閣下', ne) ? ne + 2 : ne;
        const otherNames: string[] = [];
        if (OPEN_BRACKETS.has(text[mentionEnd] ?? '')) {
          const close = findClose(text, mentionEnd, MAX_BRACKET);
          const en =
            close > 0 ? englishNameInBrackets(text.slice(mentionEnd + 1, close)) : undefined;
          if (en) otherNames.push(en);
        }
        sentences ??= sentenceIndex(text);
        out.push({
          paragraph: paragraph.number,
          start: mentionStart,
          end: mentionEnd,
          text: text.slice(mentionStart, mentionEnd),
          name,
          nameStart: end,
          otherNames,
          role: principal ? (org.length <= 15 ? org : '') + principal.phrase : undefined,
          affiliation: country,
          former: false,
          acting,
          deputy: principal?.info.deputy === true,
          participant:
            sentences.nextCue[mentionEnd]! < sentences.end[titleStart]! &&
            sentences.start[titleStart]! <= mentionStart,
        });
        i = mentionEnd - 1;
        continue;
      }
    }

    // read the run before the title: [name][(reading)][country][org]
    let runStart = titleStart;
    while (runStart > 0 && titleStart - runStart < MAX_RUN && isRunChar(text, runStart - 1))
      runStart--;
    // ゴンザルベス・セントビンセント及びグレナディーン諸島(首相): a country whose name holds kana.
    const gapped = GAPPED_COUNTRIES.find(
      (f) => text.startsWith(f, titleStart - f.length) && titleStart - f.length < runStart,
    );
    if (gapped) {
      runStart = titleStart - gapped.length;
      while (
        runStart > 0 &&
        titleStart - runStart < MAX_RUN + gapped.length &&
        isRunChar(text, runStart - 1)
      )
        runStart--;
    }
    const run = text.slice(runStart, titleStart);
    let reading: string | undefined;
    let split: Split | undefined;
    let nameStart = runStart;
    const english: string[] = [];
    if (CLOSE_BRACKETS.has(text[runStart - 1] ?? '')) {
      const open = findOpen(text, runStart - 1, MAX_BRACKET);
      const inner = open >= 0 ? text.slice(open + 1, runStart - 1) : undefined;
      const en =
        inner !== undefined && !READING.test(inner) ? englishNameInBrackets(inner) : undefined;
      if (open > 0 && en) {
        // アブドゥラ・アリ(H.E. Mr. Abdullah Ali)ケニア国連常駐代表: name, English name, then country and post
        let ns = open;
        while (
          ns > 0 &&
          open - ns < MAX_RUN &&
          (isRunChar(text, ns - 1) ||
            (text[ns - 1] === ' ' && isKatakana(text[ns - 2]) && isKatakana(text[ns])))
        )
          ns--;
        if (ns < open) {
          const rest = splitAtCountry(run);
          const org = rest.name === '' ? rest.org : run;
          split = {
            name: text.slice(ns, open),
            nameOffset: 0,
            country: rest.name === '' ? rest.country : undefined,
            org,
          };
          nameStart = ns;
          english.push(en);
        }
      }

      if (open > 0 && inner !== undefined && READING.test(inner)) {
        let ns = open;
        while (ns > 0 && open - ns < MAX_RUN && isNameChar(charAt(text, ns - 1))) ns--;
        if (ns < open) {
          const rest = splitAtCountry(run);
          split =
            rest.name === ''
              ? { ...rest, name: text.slice(ns, open) }
              : { name: text.slice(ns, open), nameOffset: 0, org: run };
          nameStart = ns;
          reading = inner.trim() === '' ? undefined : inner.trim();
        }
      }
    }
    split ??= splitAtCountry(run);
    // 山田重夫駐米国日本国大使: 駐 + the host country is the posting; the next country sends him
    let hostPosting = '';
    if (split.country && split.name.endsWith('駐')) {
      hostPosting = `駐${split.country}`;
      const sender = splitAtCountry(split.org);
      split = {
        name: split.name.slice(0, -1),
        nameOffset: 0,
        org: sender.name === '' ? sender.org : split.org,
        country: sender.name === '' ? sender.country : undefined,
      };
    }
    // 市川恵一総合外交政策(局長): a bureau between a kanji name and the title is where the person works.
    // 岩谷滋雄日中韓三国協力(事務局長): countries abbreviated together (日中韓, 日米) start an organisation.
    if (isKanjiName(split.name) && split.name.length > MAX_KANJI_NAME) {
      const name = split.name;
      for (let p = 2; p <= MAX_KANJI_NAME; p++) {
        if (JA_COUNTRY_ABBREVIATIONS.has(name[p]!) && JA_COUNTRY_ABBREVIATIONS.has(name[p + 1]!)) {
          split = { ...split, name: name.slice(0, p), org: name.slice(p) + split.org };
          break;
        }
      }
    }
    // 天野之弥国際原子力機関(事務局長): an organisation's name after a kanji name; the name is a family
    // name of the table and, most often, a given name of two characters.
    if (
      isKanjiName(split.name) &&
      split.name.length > MAX_KANJI_NAME &&
      JA_BODY_END.test(split.name)
    ) {
      const name = split.name;
      const family = [3, 2, 1].find((n) => isKanjiFamilyName(name.slice(0, n)));
      if (family !== undefined && name.length - family - 2 >= 2)
        split = {
          ...split,
          name: name.slice(0, family + 2),
          org: name.slice(family + 2) + split.org,
        };
    }
    // 大塚建吾外務省アジア大洋州局(参事官): a ministry, then a bureau.
    for (let guard = 0; guard < 3; guard++) {
      const name: string = split.name;
      const unit = JA_ORGANIZATION_UNITS.find(
        (u) => name.endsWith(u) && name.length - u.length >= 2,
      );
      if (!unit || !isKanjiName(name.slice(0, -unit.length))) break;
      split = { ...split, name: name.slice(0, -unit.length), org: unit + split.org };
    }
    const clean = cleanName(
      split.name,
      chain.some((c) => c.info.japanGov || NATIONAL_TITLE_END.test(c.phrase)),
    );
    if (!clean) continue;
    nameStart += clean.dropped;

    let org = split.org;
    let former = clean.former;
    const orgFormer = JA_FORMER_MARKS.find((f) => org.startsWith(f));
    if (orgFormer) {
      former = true;
      org = org.slice(orgFormer.length);
    }
    const principal = choosePrincipal(chain);
    let role: string | undefined;
    if (principal) {
      const base =
        chain.length === 1 && org.length <= 15 ? org + principal.phrase : principal.phrase;
      role = (clean.posting ?? hostPosting) + base;
    }
    const deputy = principal?.info.deputy === true || (role?.includes('副') ?? false);
    let affiliation = split.country;
    // A kanji name with no country, under a Japanese title or in a Japanese ministry (外務省…参事官), is of Japan.
    if (
      !affiliation &&
      isKanjiName(clean.name) &&
      (principal?.info.japanGov || JA_JAPAN_MINISTRIES.some((m) => org.startsWith(`${m}省`)))
    )
      affiliation = '日本';
    // インドのマンモハン・シン首相: the country before the name, with の.
    if (!affiliation) {
      const before = text.slice(Math.max(0, nameStart - 12), nameStart);
      affiliation = JA_COUNTRY_FORMS.find((f) => before.endsWith(`${f}の`));
    }
    // ジョンストン同国国防相: 同国 is the country of the person named just before.
    if (affiliation === SAME_COUNTRY)
      affiliation = [...out].reverse().find((m) => m.affiliation)?.affiliation;

    const otherNames: string[] = [...english];
    if (OPEN_BRACKETS.has(text[end] ?? '')) {
      const close = findClose(text, end, MAX_BRACKET);
      if (close > 0) {
        const en = englishNameInBrackets(text.slice(end + 1, close));
        if (en) otherNames.push(en);
      }
    }
    // 「オフナー・フレルスフ副首相 (モンゴル)」: a list of attendees gives the country in brackets after the title.
    const spaced = end + (/^[ 　]/.test(text.slice(end, end + 1)) ? 1 : 0);
    if (!affiliation && OPEN_BRACKETS.has(text[spaced] ?? '')) {
      const close = findClose(text, spaced, MAX_BRACKET);
      const inner = close > 0 ? text.slice(spaced + 1, close).trim() : '';
      if (inner && canonicalCountry(inner)) affiliation = inner;
    }

    sentences ??= sentenceIndex(text);
    const participant =
      sentences.nextCue[end]! < sentences.end[titleStart]! &&
      sentences.start[titleStart]! <= nameStart;

    out.push({
      paragraph: paragraph.number,
      start: nameStart,
      end,
      text: text.slice(nameStart, end),
      name: clean.name,
      nameStart,
      reading,
      otherNames,
      role,
      affiliation,
      former,
      acting,
      deputy,
      participant,
    });
  }
  familyNameFirst(text, out);
  sideLabels(text, out);
  return out;
}

/**
 * 「ラヴロフ、セルゲイ・ヴィクトロヴィチ・ロシア連邦外務大臣(H.E. Mr. Lavrov, Sergey Viktorovich, …)」:
 * the family name first and a comma, as Russian names are listed; the English name in brackets
 * says so. The family name is part of the name.
 */
function familyNameFirst(text: string, mentions: RawMention[]): void {
  for (const m of mentions) {
    const before = /([\p{Script=Katakana}ー]{2,})、$/u.exec(
      text.slice(Math.max(0, m.nameStart - 20), m.nameStart),
    );
    const family = before?.[1];
    if (!family || !m.otherNames.some((n) => n.split(/[\s,]+/).some((w) => soundsAlike(family, w))))
      continue;
    const start = m.nameStart - family.length - 1;
    m.name = `${family}、${m.name}`;
    m.nameStart = start;
    if (m.start > start) {
      m.start = start;
      m.text = text.slice(start, m.end);
    }
  }
}

/** 「(米側:キャンベル国務次官補,…,日本側:梅本北米局長…同席)」: a side's label before its people. */
const SIDE_LABEL = /([\p{Script=Han}\p{Script=Katakana}ー]{1,12})側[:：]/gu;

/** The people listed after a side's label, up to the next label or the bracket's end, are of that country. */
function sideLabels(text: string, mentions: RawMention[]): void {
  const labels: { end: number; country: string }[] = [];
  for (const m of text.matchAll(SIDE_LABEL)) {
    const country = jaSideCountry(m[1]!);
    if (country) labels.push({ end: m.index + m[0].length, country });
  }
  if (labels.length === 0) return;
  for (const m of mentions) {
    if (m.affiliation) continue;
    const label = labels.filter((l) => l.end <= m.start).at(-1);
    if (label && !/[)）。]/.test(text.slice(label.end, m.start))) m.affiliation = label.country;
  }
}
