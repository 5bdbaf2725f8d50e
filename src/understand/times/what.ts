/**
 * What a time expression dates: the call, the meeting, the launch, the election, the visit.
 * The event nouns are data (events.yaml). Within a sentence every mention of an event noun goes to
 * the time expression nearest to it; an expression takes the nearest mention it owns, else the
 * sentence's main event (a noun followed by を行い/を主催/が開催… in Japanese, the last mention before
 * the first expression in English: "met with … on May 20"), else the nearest mention at all.
 */
import { CJK_CHAR } from '../../text/script.ts';
import { projectPath } from '../../projectRoot.ts';
import { readShippedTable } from '../tableFile.ts';
import { alternation } from './vocabulary.ts';

type Lang = 'ja' | 'en';

interface EventEntry {
  ja: string[];
  en: string[];
  cues: string[];
}

function loadEvents(): EventEntry[] {
  // The source's copy also when running compiled: the table is data, edited where it is.
  const raw = readShippedTable(projectPath('src/understand/times/events.yaml')) as {
    events?: unknown;
  };
  const list = Array.isArray(raw?.events) ? raw.events : [];
  const strings = (v: unknown): string[] =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
  return list.map((e: Record<string, unknown>) => ({
    ja: strings(e?.ja),
    en: strings(e?.en),
    cues: strings(e?.cues),
  }));
}

const EVENTS = loadEvents();
/** Written form (lower-cased for English) -> entry. */
const BY_FORM = new Map<string, EventEntry>();
for (const e of EVENTS)
  for (const f of [...e.ja, ...e.en, ...e.cues])
    if (!BY_FORM.has(f.toLowerCase())) BY_FORM.set(f.toLowerCase(), e);

const isJapanese = (s: string): boolean => CJK_CHAR.test(s);

const PATTERN: Record<Lang, RegExp> = {
  ja: new RegExp(alternation([...BY_FORM.keys()].filter(isJapanese)), 'g'),
  en: new RegExp(
    `\\b(?:${alternation(
      [...BY_FORM.keys()]
        .filter((k) => !isJapanese(k))
        .map((k) => k.replace(/'/g, '’'))
        .concat([...BY_FORM.keys()].filter((k) => !isJapanese(k))),
    )})(?:s|es)?\\b`,
    'gi',
  ),
};

/** A Japanese event noun that is the object or subject of the sentence's main predicate. */
const JA_PREDICATE =
  /^(?:\([^)]{0,20}\))?(?:を(?:行|主催|開催|実施|受け|持|発出|発表|送)|が(?:行わ|開催|実施|開始|始ま)|に(?:出席|参加)|しました|した|する|します|を始め)/;
const SENTENCE_END: Record<Lang, RegExp> = {
  ja: /[。]/g,
  en: /(?<!\b[A-Z][a-z]{0,3}|\b[A-Z]|\b[ap]\.m)[.!?](?=\s|$)/gi,
};

/** The space before a clock that opens a line of a programme (" 20:15 金浦発"). */
const PROGRAMME_CLOCK = /\s(?=\d{1,2}[:：]\d{2}\s)/g;
/** So many clocks opening lines make a paragraph a programme rather than prose. */
const MIN_PROGRAMME_CLOCKS = 3;

interface Span {
  start: number;
  end: number;
}

interface Mention extends Span {
  text: string;
  predicate: boolean;
}

function bracketDepth(text: string, at: number): number {
  const before = text.slice(Math.max(0, at - 80), at);
  return Math.max(
    0,
    (before.match(/[(（[]/g)?.length ?? 0) - (before.match(/[)）\]]/g)?.length ?? 0),
  );
}

function gapBetween(a: Span, b: Span): number {
  return a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0;
}

/** Sets `what` on each expression that has an event noun in its sentence. `text` is the paragraph. */
export function attachWhat<T extends Span & { what?: string | undefined }>(
  text: string,
  lang: Lang,
  exprs: T[],
): void {
  if (exprs.length === 0 || EVENTS.length === 0) return;
  const pattern = PATTERN[lang];
  pattern.lastIndex = 0;
  const mentions: Mention[] = [];
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    // Inside a time expression ("(公示日の翌日)") a noun dates nothing.
    if (exprs.some((e) => start >= e.start && end <= e.end)) continue;
    mentions.push({
      start,
      end,
      text: m[0],
      predicate: lang === 'ja' && JA_PREDICATE.test(text.slice(end, end + 12)),
    });
  }
  if (mentions.length === 0) return;
  const ends: number[] = [];
  SENTENCE_END[lang].lastIndex = 0;
  for (const m of text.matchAll(SENTENCE_END[lang])) {
    // A full stop inside a bracket ends a note, not the sentence: (現地時間。日本時間1日10時30分).
    if (bracketDepth(text, m.index) === 0) ends.push(m.index + 1);
  }
  // A programme ("20:15 金浦発 22:30 羽田着", its lines joined): each clock opens a sentence of its own,
  // its event the line's.
  const lines = [...text.matchAll(PROGRAMME_CLOCK)];
  if (lines.length >= MIN_PROGRAMME_CLOCKS) {
    for (const m of lines) ends.push(m.index);
    ends.sort((a, b) => a - b);
  }
  const sentenceOf = (pos: number): number => {
    let i = 0;
    while (i < ends.length && ends[i]! <= pos) i++;
    return i;
  };
  const sentenceStart = (pos: number): number =>
    sentenceOf(pos) === 0 ? 0 : ends[sentenceOf(pos) - 1]!;
  const sentenceEnd = (pos: number): number => ends[sentenceOf(pos)] ?? text.length;
  const owner = new Map<Mention, T>();
  for (const m of mentions) {
    let best: T | undefined;
    for (const e of exprs) {
      if (sentenceOf(e.start) !== sentenceOf(m.start)) continue;
      if (!best || gapBetween(e, m) < gapBetween(best, m)) best = e;
    }
    if (best) owner.set(m, best);
  }
  for (const e of exprs) {
    const sentence = sentenceOf(e.start);
    const inSentence = mentions.filter((m) => sentenceOf(m.start) === sentence);
    if (inSentence.length === 0) continue;
    const nearest = (list: Mention[]): Mention | undefined =>
      list.reduce<Mention | undefined>(
        (b, m) => (!b || gapBetween(e, m) < gapBetween(e, b) ? m : b),
        undefined,
      );
    const owned = inSentence.filter((m) => owner.get(m) === e);
    const firstInSentence = exprs.find((x) => sentenceOf(x.start) === sentence) === e;
    let chosen: Mention | undefined;
    // A date in brackets right after a noun dates that noun: 国内投票期日(10月27日), 総選挙(5月18日投票).
    const open = text.slice(Math.max(0, e.start - 1), e.start);
    if (open === '(' || open === '（')
      chosen = owned.find((m) => m.end <= e.start - 1 && e.start - 1 - m.end <= 3);
    if (chosen) {
      // found
    } else if (lang === 'ja') {
      // The opening date of a sentence dates its main event: 本13日…、首脳会議に参加予定の…夕食会を主催しました.
      // Any other date modifies what follows it: 10月16日から、在外公館投票が開始されます.
      // But a main event that a later date leads straight to is that date's: 午後6時から…と会談し,
      // 続いて午後6時50分から…夕食会を行いました. A later date with an event of its own
      // (14日に開催される…首脳会議) leaves the main event to the first.
      const firstAfter = (x: Span) =>
        inSentence.filter((m) => m.start >= x.end).sort((a, b) => a.start - b.start)[0];
      const claimed = (m: Mention) =>
        exprs.some(
          (x) =>
            x !== e &&
            x.start >= e.end &&
            x.start < m.start &&
            sentenceOf(x.start) === sentence &&
            firstAfter(x) === m,
        );
      const predicate = inSentence.filter((m) => m.predicate && !claimed(m));
      const after = owned.filter((m) => m.start >= e.end);
      // A later date dates the first event after it: 「12月6日から14日まで…来日中の…レセプションを主催」
      // is the visit's, the reception being the opening date's.
      const nextAfter = [...after].sort((a, b) => a.start - b.start)[0];
      // Opening: an item label or the subject (林外務大臣は、) at most before it; not 「麻生総理より、
      // 英国主催の4月2日のロンドン・サミットにおいて…メッセージを発出すべき」, a summit's date in what was said.
      const opening =
        firstInSentence &&
        /^[\s\d.．、,()（）]*(?:[^、,。]*[はが][、,]?\s*)?(?:本|同)?$/u.test(
          text.slice(sentenceStart(e.start), e.start),
        );
      chosen =
        (opening ? predicate[predicate.length - 1] : undefined) ??
        (firstInSentence ? undefined : nextAfter) ??
        (opening ? after.find((m) => m.predicate) : undefined) ??
        nearest(after) ??
        nearest(owned) ??
        predicate[predicate.length - 1];
    } else {
      // "On March 16, in response to the launches on March 14, Mr. X held a … Telephone Meeting":
      // a date opening the sentence dates what its main verb does.
      const opening =
        firstInSentence &&
        /^\W*(?:on|in|at)?\s*$/i.test(text.slice(sentenceStart(e.start), e.start).trim());
      const verb = opening ? MAIN_VERB.exec(text.slice(e.end, sentenceEnd(e.start))) : null;
      const afterVerb = verb ? e.end + verb.index : -1;
      chosen =
        (verb
          ? inSentence.filter((m) => m.start >= afterVerb).sort((a, b) => a.start - b.start)[0]
          : undefined) ?? nearest(owned);
    }
    chosen ??= nearest(inSentence);
    if (chosen) e.what = chosen.text;
  }
}

/** Verbs of a readout's main clause: the event named after them is the one its opening date dates. */
const MAIN_VERB =
  /\b(?:held|holds|hold|met|meets|spoke|speaks|talked|hosted|hosts|attended|attends|joined|convened|had|paid|received|welcomed)\b/i;

/** The event noun in the asked language when the table gives it, else as written. */
export function whatIn(written: string, lang: Lang): string {
  const key = written.toLowerCase().replace(/’/g, "'");
  const entry = BY_FORM.get(key) ?? BY_FORM.get(key.replace(/(?:es|s)$/, ''));
  if (!entry) return written;
  const forms = lang === 'ja' ? entry.ja : entry.en;
  if (forms.some((f) => f.toLowerCase() === key)) return written;
  return forms[0] ?? written;
}
