/**
 * What a reader sees of an answer, before any surface's markup: the answer first (names with
 * roles, dates with what they date), then the evidence, each supporting paragraph once per
 * statement with every matched word of the page, then a short citation. Discord and the text
 * renderers both lay out this, so the rules (no paragraph twice, labels, short citations) hold
 * everywhere.
 */
import { kindSpec, type QueryKind } from '../answer/kinds.ts';
import { notice } from '../answer/notices.ts';
import type { Answer, AnswerItem, Citation, Highlight, Lang } from '../answer/types.ts';
import { mergeRanges } from '../answer/highlight.ts';
import { highlightsWithin } from './highlight.ts';
import { headed, LABELS, paragraphLabel } from './labels.ts';
import { ELLIPSIS, truncateText } from './truncate.ts';

/** Statement metadata the answer model does not carry (publisher); optional everywhere. */
export interface StatementInfo {
  publisher?: string;
  source?: string;
}
export type StatementLookup = (id: string) => StatementInfo | undefined;

export interface AnswerLine {
  /** 1-based number among all the answer's items. */
  n: number;
  text: string;
  /** What a date dates ("telephone talk"), shown as the line's label. */
  what?: string;
  /** Seconds since the epoch, when the answer knows the instant (zone included). */
  unix?: number;
}

export interface Evidence {
  citation: Citation;
  /** Verbatim; long paragraphs of who/when answers keep the sentences that support the page. */
  excerpt: string;
  /** Where `excerpt` is marked: the highlights of every citation of this paragraph on the page. */
  highlights: Highlight[];
  /** The language side of a compare pair. */
  side?: Lang;
  /** Number of the quote item this paragraph is (quotes only). */
  n?: number;
}

export interface PageLayout {
  title: string;
  lines: AnswerLine[];
  evidence: Evidence[];
  /** Compare: the evidence comes in language pairs. */
  compare: boolean;
  notice?: string;
  /** The one sentence for a question nothing answers; set only then. */
  nothing?: string;
  page: number;
  pageCount: number;
  total: number;
}

/** How the question was asked: its kind (a free question takes the kind of its answer). */
export type Mode = QueryKind;

export interface LayoutOptions {
  /** The question as the user typed it (whitespace collapsed); the engine's query is stripped. */
  asked?: string;
  mode?: Mode;
  page?: number;
  /** Items per page; every item when absent. */
  pageSize?: number;
  statements?: StatementLookup;
  /** How the reader lists the statements where they are: "/statements", "readout statements". */
  statementsRef?: string;
}

/** Past this length a who/when paragraph is cut down to the sentences that name the answer. */
const FOCUS_OVER = 280;
/** The statement title in a heading: enough to recognise it, short enough for one line. */
const TITLE_IN_HEADING = 60;

/**
 * Sentence ends: Japanese full stops, and an English full stop after a word of two or more
 * letters ("resolutions. We"), so that "U.S. Secretary" and "Kurt M. Campbell" stay whole.
 */
const SENTENCE = /[^。．！？!?]*?(?:[。．！？!?]+|(?<=[a-z0-9)”’"]{2})\.(?=\s)|$)\s*/gu;

/** The sentences of `text`, end to end, as offsets. */
function sentences(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(SENTENCE))
    if (m[0]) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * The sentences of `excerpt` that hold a highlight, elisions marked with an ellipsis, and the
 * highlights moved to where they stand in the shortened text.
 */
export function focusExcerpt(
  excerpt: string,
  highlights: readonly Highlight[],
): { excerpt: string; highlights: Highlight[] } {
  const marks = highlightsWithin(highlights, excerpt.length);
  if (excerpt.length <= FOCUS_OVER || marks.length === 0) return { excerpt, highlights: marks };
  const parts = sentences(excerpt);
  const keep = parts.map((p) => marks.some(([s, e]) => s < p.end && e > p.start));
  if (keep.every(Boolean)) return { excerpt, highlights: marks };
  let out = '';
  let skipped = false;
  // Where each kept sentence starts in the excerpt and in the shortened text.
  const moved: Array<{ from: number; to: number; at: number }> = [];
  parts.forEach((p, i) => {
    if (keep[i]) {
      if (skipped && out) out = out.trimEnd() + ELLIPSIS;
      else if (skipped) out = ELLIPSIS;
      moved.push({ from: p.start, to: p.end, at: out.length });
      out += excerpt.slice(p.start, p.end);
      skipped = false;
    } else skipped = true;
  });
  out = skipped ? out.trimEnd() + ELLIPSIS : out.trimEnd();
  const shifted = marks.flatMap(([s, e]): Highlight[] => {
    const seg = moved.find((m) => s >= m.from && s < m.to);
    return seg ? [[s - seg.from + seg.at, e - seg.from + seg.at]] : [];
  });
  return { excerpt: out, highlights: highlightsWithin(shifted, out.length) };
}

/** 外務省 (Ministry of Foreign Affairs of Japan) -> 外務省 or the English name; cuts ", Office of…". */
export function shortPublisher(publisher: string, lang: Lang): string {
  const m = /^(.*?)\s*[(（](.+)[)）]\s*$/.exec(publisher);
  let name = publisher;
  if (m?.[1] && m[2]) {
    const latin = /^[\x20-\x7e]+$/.test(m[2]);
    name = lang === 'en' && latin ? m[2] : m[1];
  }
  return name.split(/,\s/)[0]!.trim();
}

export interface ShortCitation {
  /** "外務省 · 2024-11-01 · 第1段落". */
  text: string;
  url?: string;
}

export function shortCitation(
  c: Citation,
  lang: Lang,
  statements?: StatementLookup,
): ShortCitation {
  const info = statements?.(c.statement);
  const who = info?.publisher ? shortPublisher(info.publisher, lang) : truncateText(c.title, 40);
  const url = c.source ?? info?.source;
  return {
    text: [who, c.date, paragraphLabel(lang, c.paragraph)].join(' · '),
    ...(url ? { url } : {}),
  };
}

function unixOf(instant: string | undefined): number | undefined {
  if (!instant) return undefined;
  const ms = Date.parse(instant);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}

function lineOf(item: AnswerItem, n: number): AnswerLine {
  const line: AnswerLine = { n, text: item.text };
  if (item.time?.what) line.what = item.time.what;
  const unix = unixOf(item.time?.instant);
  if (unix !== undefined) line.unix = unix;
  return line;
}

function key(c: Citation): string {
  return `${c.statement}\u0000${c.paragraph}`;
}

/** An excerpt's paragraph text between the ellipses `makeExcerpt` puts where it cut. */
function bare(excerpt: string): { lead: number; body: string } {
  const lead = excerpt.startsWith(ELLIPSIS) ? ELLIPSIS.length : 0;
  const trail = excerpt.length > lead && excerpt.endsWith(ELLIPSIS) ? ELLIPSIS.length : 0;
  return { lead, body: excerpt.slice(lead, excerpt.length - trail) };
}

/**
 * A citation's highlights as offsets into `excerpt`, another excerpt of the same paragraph (a
 * long paragraph is cut around what each item cites): the highlights in the part both show, when
 * the two overlap in exactly one way, checked character by character; else none.
 */
function highlightsIn(excerpt: string, c: Citation): Highlight[] {
  const own = c.highlights ?? [];
  if (c.excerpt === excerpt || own.length === 0) return own;
  const x = bare(excerpt);
  const y = bare(c.excerpt);
  // Where y's body starts in x's (negative: x's body starts inside y's), both cut at sentences.
  const agree = (d: number) => {
    const from = Math.max(0, d);
    const to = Math.min(x.body.length, d + y.body.length);
    return to > from && x.body.slice(from, to) === y.body.slice(from - d, to - d);
  };
  const starts = (long: string, short: string, sign: number) => {
    const out: number[] = [];
    const probe = short.slice(0, 40);
    for (let i = probe ? long.indexOf(probe) : -1; i >= 0; i = long.indexOf(probe, i + 1))
      if (agree(sign * i)) out.push(sign * i);
    return out;
  };
  const shifts = new Set([...starts(x.body, y.body, 1), ...starts(y.body, x.body, -1)]);
  if (shifts.size !== 1) return [];
  const shift = [...shifts][0]! + x.lead - y.lead;
  return own
    .map(([s, e]): Highlight => [s + shift, e + shift])
    .filter(([s, e]) => s >= x.lead && e <= x.lead + x.body.length);
}

/** Each cited paragraph once, in order of first citation, with the highlights of every citation of it. */
function groupEvidence(items: readonly AnswerItem[], focus: boolean): Evidence[] {
  const byKey = new Map<string, { citation: Citation; marks: Highlight[] }>();
  for (const item of items) {
    for (const c of item.citations) {
      let e = byKey.get(key(c));
      if (!e) {
        e = { citation: c, marks: [] };
        byKey.set(key(c), e);
      }
      e.marks.push(...highlightsIn(e.citation.excerpt, c));
    }
  }
  return [...byKey.values()].map(({ citation, marks }) => {
    const merged = mergeRanges(marks);
    const shown = focus
      ? focusExcerpt(citation.excerpt, merged)
      : { excerpt: citation.excerpt, highlights: merged };
    return { citation, ...shown };
  });
}

/** The statement a topic-less who/when chose: the first one cited in the asked language. */
function chosenStatement(answer: Answer): Citation | undefined {
  const cites = answer.items.flatMap((i) => i.citations);
  return cites.find((c) => c.language.startsWith(answer.language)) ?? cites[0];
}

function titleOf(answer: Answer, mode: Mode, asked: string): string {
  const lang = answer.language;
  // A question asked in words is its own title; a few keywords get the kind of answer before them.
  if (mode === 'ask' && /[?？]$|(?:か|ですか)[。]?$/.test(asked)) return asked;
  const spec = kindSpec(mode);
  const kind = spec.free ? answer.kind : mode;
  const heading = (
    kind === 'none'
      ? LABELS.noAnswer
      : ((spec.free ? kindSpec(kind) : spec).heading ?? LABELS.noAnswer)
  )[lang];
  if (asked) return headed(heading, asked, lang);
  const chosen = (kind === 'who' || kind === 'when') && chosenStatement(answer);
  return headed(heading, chosen ? truncateText(chosen.title, TITLE_IN_HEADING) : '', lang);
}

/** The page of an answer a reader sees, as data. */
export function layoutAnswer(answer: Answer, options: LayoutOptions = {}): PageLayout {
  const lang = answer.language;
  const mode: Mode = options.mode ?? (answer.kind === 'none' ? 'quote' : answer.kind);
  const asked = (options.asked ?? answer.query).replace(/\s+/g, ' ').trim();
  const total = answer.items.length;
  const pageSize = Math.max(1, options.pageSize ?? Math.max(1, total));
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(0, options.page ?? 0), pageCount - 1);
  const first = page * pageSize;
  const items = answer.items.slice(first, first + pageSize);
  const layout: PageLayout = {
    title: titleOf(answer, mode, asked),
    lines: [],
    evidence: [],
    compare: mode === 'compare',
    page,
    pageCount,
    total,
  };
  if (items.length === 0) {
    // One sentence: the engine's own when it says something more useful than "nothing".
    const engineSays =
      answer.notice && answer.notice !== notice('noMatch', lang) ? answer.notice : undefined;
    layout.nothing =
      engineSays ?? LABELS.nothing[lang](asked, options.statementsRef ?? '/statements');
    return layout;
  }
  if (answer.notice) layout.notice = answer.notice;
  if (mode === 'compare') {
    items.forEach((item, i) => {
      for (const c of item.citations) {
        layout.evidence.push({
          citation: c,
          excerpt: c.excerpt,
          highlights: c.highlights ?? [],
          side: c.language.startsWith('ja') ? 'ja' : 'en',
          n: first + i + 1,
        });
      }
    });
  } else if (answer.kind === 'quote') {
    // A quote's answer is its paragraph: the evidence is the answer.
    items.forEach((item, i) => {
      const c = item.citations[0];
      if (c)
        layout.evidence.push({
          citation: c,
          excerpt: c.excerpt,
          highlights: c.highlights ?? [],
          n: first + i + 1,
        });
    });
  } else {
    layout.lines = items.map((item, i) => lineOf(item, first + i + 1));
    layout.evidence = groupEvidence(items, true);
  }
  return layout;
}
