/**
 * Routing a free question to who, when or quote by its wording, in either language, and
 * stripping the question words so that what is left is the topic to search for.
 */
import { ZONE_IANA, ZONE_NAMES } from '../understand/times/vocabulary.ts';
import { escapeRegExp } from '../text/regexp.ts';
import { KANJI, KATAKANA } from '../text/script.ts';
import { JA_PERSON_NOUNS, JA_TITLES } from '../understand/people/jaTitles.ts';

export type Route = 'who' | 'when' | 'quote';

interface Rule {
  route: Route;
  /** Matches the question words; they are removed from the topic. */
  words: RegExp;
}

/** Words for a day asked ("On what night …", "which day"). */
const DAY_NOUNS = 'dates?|days?|nights?|mornings?|afternoons?|evenings?|weekdays?';

const RULES: Rule[] = [
  // "at what local time", "on which day": the zone stays in the topic, where /when reads it.
  {
    route: 'when',
    words: new RegExp(
      `\\b(?:when|(?:what|which)\\s+(?<keep>(?:local|japan(?:ese)?)\\s+)?(?:clock\\s+)?(?:times?|${DAY_NOUNS}|months?|years?)|how\\s+long|how\\s+many\\s+(?:minutes|hours))\\b`,
      'gi',
    ),
  },
  {
    route: 'when',
    words:
      /いつ(?:頃|ごろ)?|何時(?:頃|ごろ)?|何日|何月何日|(?<![0-9０-９])日(?:時|付)|何分間?|どのくらい(?:の時間)?|どれくらい/g,
  },
  {
    route: 'who',
    words:
      /\b(?:who|whom|whose|which\s+(?<keep>(?:[\w.'’-]+\s+){0,5}[\w-]*(?:people|person|persons|officials?|ministers?|secretar(?:y|ies)|leaders?|ambassadors?|presidents?|envoys?|diplomats?|counterparts?|politicians?|lawmakers?|legislators?|delegates?|representatives?|spokes(?:person|man|woman)s?|members?|heads?|chiefs?|premiers?|chancellors?|governors?|mayors?|monarchs?|kings?|queens?|guests?|hosts?|participants?|figures?|individuals?|experts?|observers?|scholars?|academics?|professors?|researchers?|hostages?|nationals?)))\b/gi,
  },
  {
    route: 'who',
    words: /誰|だれ|どなた|どの人物|参加者|出席者|参加した人|出席した人|人物|(?<=た)相手(?!国)/g,
  },
  // "Which two Japanese were taken into custody", "Which two detained Canadians did they discuss":
  // people by nationality.
  {
    route: 'who',
    words:
      /\bwhich\s+(?:two\s+|three\s+|four\s+)?(?<keep>(?:\p{Ll}+\s+){0,2}\p{Lu}\p{Ll}+(?:ese|ans?|ish|is))\s+(?=were|was|had|have|did|does|do)\b/giu,
  },
  // "which recovered hostages were named": the people named are asked for.
  { route: 'who', words: /\bwhich\b(?=(?:\s+[\w-]+){1,4}\s+(?:were|was)\s+named\b)/gi },
  {
    route: 'quote',
    words:
      /\b(?:quote|what\s+did\s+(?:they|he|she|(?<keep>[\w.-]+(?:\s+[\w.-]+)?))\s+say(?:\s+about)?|what\s+was\s+said\s+about)\b/gi,
  },
  {
    route: 'quote',
    words:
      /(?:原文を)?引用(?:して)?(?:ください)?|について何と(?:言|述べ)っ?て?(?:い)?(?:ますか|ましたか)?|と書かれてい(?:ますか|ましたか|る)/g,
  },
];

/** Polite endings and fillers that carry no topic. */
const FILLER_EN =
  /\b(?:please|tell\s+me|do\s+you\s+know|mentioned|named|took\s+place|happen(?:ed)?|take\s+place|attend(?:ed|s)?|participat(?:ed|es|e|ing)|took\s+part|participants?|was\s+there|were\s+there)\b/gi;
const FILLER_JA =
  /(?:でしょうか|ですか|ましたか|ますか|でしたか|か？|か\?|教えて(?:ください)?|ください|でしたっけ)$/g;
const TRAILING = /[\s?？!！。.、,]+$/g;

export interface RoutedQuestion {
  route: Route;
  topic: string;
  /** It asks the hour, not only the day: "What time ...", "at what time", 何時から. */
  clock?: boolean;
  /** The zone it asks the time in, read from the whole question ("What time in Japan ..."). */
  zone?: string;
  /** It asks only how long ("How many minutes did the call last?"). */
  duration?: boolean;
  /** It asks the day itself ("On what date …", 何日): a month alone does not answer it. */
  date?: boolean;
  /** It asks for someone's words ("What did Robert Heer say …", 何と述べ). */
  words?: boolean;
  /** Whose words, when the question names them ("What did Robert Heer say …": Robert Heer). */
  speaker?: string;
}

/** "What did Robert Heer say …": the speaker named. */
const SPEAKER =
  /\b[Ww]hat\s+did\s+((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*)\s+(?:say|write|tell)\b/u;

/** Zone words of the zone table that a question may ask in (米国時間, "U.S. time"), longest first. */
const ZONE_WORDS = Object.keys(ZONE_NAMES)
  .filter((w) => /時間|標準時|\btime\b/i.test(w))
  .sort((a, b) => b.length - a.length)
  .map((w) => ({
    word: w,
    re: new RegExp(
      /^[a-z]/i.test(w) ? `(?<![\\p{L}.])${escapeRegExp(w)}\\b` : escapeRegExp(w),
      'iu',
    ),
    zone: ZONE_NAMES[w]!,
  }));

/** The zone a question asks for: 日本時間 / Japan time, 現地時間 / local time, or another the zone table names. */
export function askedZone(question: string): string | undefined {
  if (
    /日本時間|東京時間|Japan(?:ese)? (?:standard )?time|time in (?:Japan|Tokyo)\b|\bJST\b|Tokyo time/i.test(
      question,
    )
  )
    return 'JST';
  if (/現地時間|local time/i.test(question)) return 'local';
  return ZONE_WORDS.find((z) => z.re.test(question))?.zone;
}

/** "(what time) was it in Washington": a place whose clock is asked. */
const CLOCK_PLACE = /\b(?:was|is)\s+it\s+in\s+(\p{Lu}[\p{L}.]+(?:\s+\p{Lu}[\p{L}.]+)?)/u;

/** は and a question mark closing a Japanese question (…外務大臣は?). */
const JA_TITLE_ASKED = /は[?？]$/;

/** A question that asks for someone's words: what they said, wrote, welcomed, stressed. */
export const ASKS_WORDS =
  /\b(?:say|said|says|write|wrote|written|welcome|welcomed|express|expressed|stress|stressed|note|noted|describe|described|state|stated|tell|told|urge|urged|announce|announced|emphasi[sz]e|emphasi[sz]ed|reaffirm|reaffirmed|condemn|condemned|call\s+for|called\s+for|pledge|pledged|affirm|affirmed)\b|何と|どのように|述べ|表明|書き|書か|言及|強調|呼びかけ|歓迎/i;

/** It asks how long, not when: "How many minutes did the call last?", 何分間. */
const ASKS_DURATION =
  /\bhow\s+long\b|\bhow\s+many\s+(?:minutes|hours)\b|何分間|どのくらい|どれくらい/i;
/** It asks for the day itself: "On what date …", "Which day …", 何日. */
const ASKS_DATE = new RegExp(`\\b(?:what|which)\\s+(?:${DAY_NOUNS})\\b|何日(?!間)`, 'i');
const ASKS_DAY = new RegExp(
  `\\bwhen\\b|\\b(?:what|which)\\s+(?:${DAY_NOUNS})\\b|いつ|何日|何月`,
  'i',
);

const ASKS_CLOCK =
  /\b(?:what|which)\s+(?:(?:local|japan(?:ese)?)\s+)?(?:clock\s+)?time\b|\bat\s+what\s+hour\b|何時(?!間)/i;

/** A particle closing a Japanese word at the end of a topic (外務大臣は, 次の会合は). */
const PARTICLE_AFTER_WORD = new RegExp(`([${KANJI}${KATAKANA}])[はがをにでと]$`, 'u');

/** An English question that opens with a question word ("Who gave the remarks when ...", "At what time ..."). */
const LEADING_EN =
  /^\s*(?:(?:at|on|in|from|to|by|for|with|and)\s+)?(?:who|whom|whose|when|what|which|how)\b/i;

/** English names its kind first: "Who ... when ..." asks who. The rule matching earliest decides. */
function leadingRoute(question: string): Route | undefined {
  if (!LEADING_EN.test(question)) return undefined;
  let best: Route | undefined;
  let at = Infinity;
  // The question word that comes first decides: "What did Kerry say … when he welcomed McCully?" asks
  // for words, not a time.
  for (const rule of RULES) {
    const m = new RegExp(rule.words.source, 'i').exec(question);
    if (m && m.index < at) [best, at] = [rule.route, m.index];
  }
  return best;
}

export function routeQuestion(question: string): RoutedQuestion {
  let route: Route = 'quote';
  let topic = question;
  const leadRoute = leadingRoute(question);
  for (const rule of RULES) {
    rule.words.lastIndex = 0;
    if (rule.words.test(topic)) {
      if (route === 'quote' || rule.route !== 'quote')
        route = route === 'quote' ? (leadRoute ?? rule.route) : route;
      // A rule may keep part of what it matched: "which vice-ministers" asks who, about vice-ministers.
      topic = topic.replace(rule.words, rule.words.source.includes('(?<keep>') ? ' $<keep> ' : ' ');
    }
  }
  topic = topic.replace(FILLER_EN, ' ').replace(TRAILING, '');
  // "According to the statement on the launch, when did ...": the preface names where to look, the
  // clause after it what is asked; asked first, it is read first.
  const preface =
    /^\s*((?:according to|as (?:stated|said|reported) (?:in|by)|in|under|per)\b[^,]{3,120}),\s*(.+)$/i.exec(
      topic,
    );
  if (preface) topic = `${preface[2]} ${preface[1]}`;
  for (let prev = ''; prev !== topic; ) {
    prev = topic;
    topic = topic.replace(FILLER_JA, '').replace(TRAILING, '');
  }
  // A Japanese topic ending in a particle (外務大臣は, 次の会合は) loses it.
  topic = topic.replace(PARTICLE_AFTER_WORD, '$1');
  // 「…日本の外務大臣は?」, 「夕食会の主催者は?」: a title or a person asked with は and nothing
  // after it asks who.
  if (route === 'quote' && JA_TITLE_ASKED.test(question.trim())) {
    const before = question.trim().replace(JA_TITLE_ASKED, '');
    if ([...JA_TITLES.phrases(), ...JA_PERSON_NOUNS].some((t) => before.endsWith(t))) route = 'who';
  }
  const speaker = route === 'quote' ? SPEAKER.exec(question)?.[1] : undefined;
  let zone = route === 'when' ? askedZone(question) : undefined;
  // "What time was it in Washington": the place names the clock asked, not where the event was.
  const clockPlace = route === 'when' ? CLOCK_PLACE.exec(topic) : null;
  if (clockPlace && ZONE_IANA[clockPlace[1]!.toLowerCase()] !== undefined) {
    topic = topic.replace(clockPlace[0], ' ');
    zone ??= ZONE_NAMES[`${clockPlace[1]!.toLowerCase()} time`];
  }
  // "(US Eastern time)": the zone asked is read above; its words are no name to look for.
  if (zone)
    for (const z of ZONE_WORDS)
      if (/^[a-z]/i.test(z.word))
        topic = topic
          .replace(new RegExp(z.re.source, 'giu'), ' ')
          .replace(/\(\s*(\S*)\s*\)/g, ' $1 ');
  return {
    route,
    topic: topic.replace(/\s+/g, ' ').trim(),
    ...(route === 'when' && ASKS_CLOCK.test(question) ? { clock: true } : {}),
    ...(route === 'when' &&
    ASKS_DURATION.test(question) &&
    !ASKS_DAY.test(question) &&
    !ASKS_CLOCK.test(question)
      ? { duration: true }
      : {}),
    ...(zone ? { zone } : {}),
    ...(route === 'when' && ASKS_DATE.test(question) ? { date: true } : {}),
    ...(route === 'quote' && ASKS_WORDS.test(question) ? { words: true } : {}),
    ...(speaker ? { speaker } : {}),
  };
}
