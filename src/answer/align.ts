/**
 * The paragraphs of one event's Japanese and English versions, side by side. Ministries publish a
 * readout in both languages with the same items in the same order, so the item label (1, (2), ３)
 * decides first; then what translation keeps unchanged: numbers, Latin names, glossary terms;
 * then the position in the text. Versions without a shared `event` are paired when they are in
 * opposite languages, published within two days, and share enough of those anchors.
 */
import type { Statement } from '../corpus/types.ts';
import type { Library } from './library.ts';
import { normalize } from '../text/normalize.ts';
import { wholeWordPattern } from '../text/wordBoundary.ts';
import { STOPWORDS } from '../text/stopwords.ts';
import { jaOrEn } from '../text/script.ts';
import type { Lang } from './types.ts';

const ITEM_LABEL = /^\s*(?:\(([0-9]{1,2}|[a-z])\)|([0-9]{1,2})(?:[.)、]|\s)|([a-z])[.)]\s)/;

/**
 * The item label a paragraph starts with, normalized: "1." and "１ " are "1", "(2)" and "（２）" are
 * "(2)": readouts number items one way and notes another, in both languages alike.
 */
export function itemLabel(text: string): string | undefined {
  const m = ITEM_LABEL.exec(text.normalize('NFKC'));
  if (!m) return undefined;
  return m[1] !== undefined ? `(${m[1].toLowerCase()})` : (m[2] ?? m[3])!.toLowerCase();
}

/** A bullet opening an item that has no number: "- ", "・", "○", "●". */
const BULLET = /^\s*(?:[-–・○●◯■◆]\s*)\S/;

/** The paragraphs that are items of a list, numbered or bulleted, in order. */
function itemIndexes(paragraphs: readonly { text: string }[]): number[] {
  return paragraphs.flatMap((p, i) =>
    itemLabel(p.text) !== undefined || BULLET.test(p.text) ? [i] : [],
  );
}

/** What translation leaves as it is: numbers and Latin words of three letters or more (names, acronyms). */
function anchors(text: string): Set<string> {
  const t = normalize(text);
  const out = new Set<string>();
  for (const m of t.matchAll(/[0-9]+/g)) if (m[0].length <= 4) out.add(m[0]);
  return out;
}

/** Capitalised words that every readout shares: no evidence that two paragraphs say the same. */
const COMMON_CAPITALS = new Set(
  'the this that these those and for with his her their minister ministers secretary foreign affairs state states united republic honorable honourable excellency government president prime mr ms dr'.split(
    ' ',
  ),
);

/** Latin names (Rubio, Itaewon, ICBM): kept in Japanese texts as written, often in brackets. */
function latinNames(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.normalize('NFKC').matchAll(/\b[A-Z][a-zA-Z-]{2,}\b/g)) {
    const w = m[0].toLowerCase();
    if (!STOPWORDS.has(w) && !COMMON_CAPITALS.has(w)) out.add(w);
  }
  return out;
}

function shared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/**
 * The paragraph of statement `to` that says what paragraph `paragraph` (0-based) of statement
 * `from` says, or undefined when none can be told.
 */
export function alignParagraph(
  lib: Library,
  from: number,
  paragraph: number,
  to: number,
  part?: [number, number],
): number | undefined {
  const a = lib.statements[from]!.paragraphs;
  const b = lib.statements[to]!.paragraphs;
  const label = itemLabel(a[paragraph]!.text);
  const same =
    label === undefined ? [] : b.flatMap((p, i) => (itemLabel(p.text) === label ? [i] : []));
  if (same.length === 1) return same[0];
  // One version numbers its items (1. … 4.) and the other bullets them (- …): as many items in
  // each, the nth is the nth.
  const itemsA = itemIndexes(a);
  const itemsB = itemIndexes(b);
  const nth = itemsA.indexOf(paragraph);
  if (nth >= 0 && itemsA.length === itemsB.length && itemsA.length > 1) {
    const labelled = (ps: readonly { text: string }[], items: number[]) =>
      items.every((i) => itemLabel(ps[i]!.text) !== undefined);
    if (labelled(a, itemsA) !== labelled(b, itemsB)) return itemsB[nth];
  }
  const glossaryIn = (text: string, lang: Lang) => {
    const n = normalize(text);
    const ids = new Set<string>();
    const holds = (f: string) => {
      const form = normalize(f);
      if (lang === 'ja') return n.includes(form);
      const at = n.indexOf(form);
      return at !== -1 && wholeWordPattern(form).test(n);
    };
    lib.glossary.terms.forEach((t, i) => {
      if (t[lang].some(holds)) ids.add(`t${i}`);
    });
    lib.glossary.people.forEach((p, i) => {
      if (p[lang].some(holds)) ids.add(`p${i}`);
    });
    return ids;
  };
  const langA = jaOrEn(lib.statements[from]!.language);
  const langB = jaOrEn(lib.statements[to]!.language);
  // The item number itself is no evidence: it is compared above.
  const unlabelled = (text: string) => text.normalize('NFKC').replace(ITEM_LABEL, '');
  // A long paragraph of one version may be several of the other: the part that matters decides.
  const source = unlabelled(part ? a[paragraph]!.text.slice(part[0], part[1]) : a[paragraph]!.text);
  const srcAnchors = anchors(source);
  const srcNames = latinNames(source);
  const srcTerms = glossaryIn(source, langA);
  const relative = (i: number, n: number) => (n <= 1 ? 0 : i / (n - 1));
  let best: { i: number; score: number; evidence: number } | undefined;
  b.forEach((p, i) => {
    // Several items share the label (1, then (1) in a note): only they compete.
    if (same.length > 1 && !same.includes(i)) return;
    const text = unlabelled(p.text);
    const evidence =
      shared(srcAnchors, anchors(text)) +
      shared(srcNames, latinNames(text)) +
      shared(srcTerms, glossaryIn(text, langB));
    // Position breaks ties between paragraphs with the same evidence.
    const score = evidence + 1 - Math.abs(relative(paragraph, a.length) - relative(i, b.length));
    if (!best || score > best.score) best = { i, score, evidence };
  });
  if (!best) return undefined;
  // Without shared content, only the same place in versions of the same length: texts that are
  // not translations of each other (a summary and a joint statement) are never paired by guess.
  if (best.evidence > 0 || same.length > 1) return best.i;
  return a.length === b.length ? paragraph : undefined;
}

/** Numbers and Latin names of a whole statement. */
const anchorsOf = new WeakMap<Statement, Set<string>>();

function wholeAnchors(statement: Statement): Set<string> {
  let set = anchorsOf.get(statement);
  if (!set) {
    const text = statement.paragraphs.map((p) => p.text).join('\n');
    anchorsOf.set(statement, (set = new Set([...anchors(text), ...latinNames(text)])));
  }
  return set;
}

function host(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).host : undefined;
  } catch {
    return undefined;
  }
}

/** Days between two ISO dates. */
function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
}

/** Statements with no `event` by date, for pairing them (built once per statement list). */
const byDate = new WeakMap<readonly Statement[], Map<string, number[]>>();

/** How many anchors two whole statements must share to be taken for versions of one text. */
const MIN_SHARED_ANCHORS = 3;

/**
 * The statement that looks like the other-language version of statement `si`, for statements with
 * no `event`: opposite language, published within two days, sharing the most numbers and Latin names.
 */
function inferredCounterpart(
  statements: readonly Statement[],
  si: number,
  lang: Lang,
): number | undefined {
  const s = statements[si]!;
  let dates = byDate.get(statements);
  if (!dates) {
    dates = new Map();
    statements.forEach((x, i) => {
      if (!x.event) dates!.set(x.date, [...(dates!.get(x.date) ?? []), i]);
    });
    byDate.set(statements, dates);
  }
  const mine = wholeAnchors(statements[si]!);
  let best: { i: number; score: number } | undefined;
  for (let d = -2; d <= 2; d++) {
    const day = new Date(Date.parse(s.date) + d * 86_400_000).toISOString().slice(0, 10);
    for (const i of dates.get(day) ?? []) {
      if (
        i === si ||
        jaOrEn(statements[i]!.language) !== lang ||
        daysApart(s.date, statements[i]!.date) > 2
      )
        continue;
      const score = shared(mine, wholeAnchors(statements[i]!));
      if (score >= MIN_SHARED_ANCHORS && (!best || score > best.score)) best = { i, score };
    }
  }
  return best?.i;
}

/** Pairs of statements without `event` that look like two language versions of one text, each once. */
export function inferredPairs(statements: readonly Statement[]): [number, number][] {
  const pairs: [number, number][] = [];
  statements.forEach((s, i) => {
    if (s.event || jaOrEn(s.language) !== 'ja') return;
    const en = inferredCounterpart(statements, i, 'en');
    if (en !== undefined && inferredCounterpart(statements, en, 'ja') === i) pairs.push([i, en]);
  });
  return pairs;
}

/**
 * A statement's version in another language: one of the same `event`, else one inferred from
 * date (within two days), opposite language and shared numbers and Latin names.
 */
export function counterpart(lib: Library, si: number, lang: Lang): number | undefined {
  const s = lib.statements[si]!;
  if (s.event) {
    // An event may have several statements in the other language (a readout and a joint
    // statement): the translation is the one from the same site, with as many paragraphs, sharing most.
    const options = (lib.events.get(s.event) ?? []).filter(
      (i) => i !== si && jaOrEn(lib.statements[i]!.language) === lang,
    );
    if (options.length <= 1) return options[0];
    const mine = wholeAnchors(s);
    const likeness = (i: number) => {
      const o = lib.statements[i]!;
      return (
        shared(mine, wholeAnchors(o)) +
        (o.paragraphs.length === s.paragraphs.length ? 2 : 0) +
        (host(o.source) !== undefined && host(o.source) === host(s.source) ? 2 : 0)
      );
    };
    return options.reduce((a, b) => (likeness(b) > likeness(a) ? b : a));
  }
  return inferredCounterpart(lib.statements, si, lang);
}
