/**
 * A statement's other-language version, found from its page and given the same `event:`. The page
 * names it (`<link rel="alternate" hreflang>`, else a language switch such as "English"), or the
 * corpus holds a statement that retrieval already pairs with it (same site, opposite language,
 * within two days, sharing names and numbers: `inferredPairs` of src/answer/align.ts, which the
 * caller hands in as `pairingRule`, ingestion sitting below the answers). With
 * `followAlternate`, a version the page names is fetched and imported too, through the same
 * safe fetch; one already in the corpus gets the event in place, under its id.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { slug } from '../corpus/import.ts';
import { parseStatementFile } from '../corpus/parse.ts';
import type { Statement } from '../corpus/types.ts';
import { jaOrEn } from '../text/script.ts';
import {
  isPrepared,
  knownOf,
  preparePage,
  writeAtomically,
  writePrepared,
  type KnownStatement,
  type PageImportOptions,
  type PageImportResult,
  type PreparedPage,
} from './importPage.ts';

/** The languages Readout answers in: a page's versions in these are paired. */
const PAIRED_LANGUAGES = ['ja', 'en'] as const;
const LANGUAGE_NAME: Record<string, string> = { ja: 'Japanese', en: 'English' };
const nameOf = (lang: string) => LANGUAGE_NAME[lang] ?? lang;

/** Pairs of statements (Japanese index, English index) taken for versions of one text. */
export type PairingRule = (statements: readonly Statement[]) => Array<[number, number]>;

export interface PairImportOptions extends PageImportOptions {
  /**
   * Retrieval's rule for versions without a shared event (`inferredPairs` of src/answer/align.ts).
   * Without it, only versions the page names are paired, and a language switch's page must link back.
   */
  pairingRule?: PairingRule;
  /** Fetch and import the other-language versions the page names. */
  followAlternate?: boolean;
  /** The corpus's statements, for versions retrieval pairs by their text (read when not given). */
  statements?: Statement[];
  /** How a corpus file is named in messages (default: relative to the corpus folder). */
  display?: (rel: string) => string;
}

export interface PairNote {
  /** `err` for what failed (the command then exits 1), `out` for the rest. */
  stream: 'out' | 'err';
  text: string;
  /** Advice for the command line (`--follow-alternate`), not a thing done. */
  hint?: boolean;
}

export interface PairImportResult {
  main: PageImportResult;
  /** One line per other-language version: what was done with it. */
  notes: PairNote[];
}

/** One other-language version to give the event to. */
type Counterpart =
  | { kind: 'follow'; lang: string; prepared: PreparedPage }
  | { kind: 'corpus' | 'inferred'; lang: string; known: KnownStatement };

/** An address as compared across http/https, `www.`, a trailing slash, `index.html` and a fragment. */
export function urlKey(url: string): string {
  try {
    const u = new URL(url);
    const pathname = u.pathname.replace(/\/index\.html?$/i, '/').replace(/\/+$/, '') || '/';
    return `${u.hostname.replace(/^www\./, '').toLowerCase()}${pathname}${u.search}`;
  } catch {
    return url;
  }
}

/**
 * The addresses a link may have in the corpus: as fetched, and, when the page was fetched from
 * elsewhere than its canonical address (a mirror, a test server), on the canonical site.
 */
function linkKeys(link: string, prepared: PreparedPage): string[] {
  const keys = [urlKey(link)];
  try {
    const at = new URL(link);
    if (prepared.url && prepared.page.source && new URL(prepared.url).origin === at.origin) {
      keys.push(urlKey(new URL(at.pathname + at.search, prepared.page.source).href));
    }
  } catch {
    // Not a URL: only the key as it is.
  }
  return keys;
}

function findKnown(keys: string[], known: Map<string, KnownStatement>): KnownStatement | undefined {
  for (const [source, k] of known) if (keys.includes(urlKey(source))) return k;
  return undefined;
}

/** Whether page `b` links back to page `a` (by hreflang or a language switch). */
function linksBack(a: PreparedPage, b: PreparedPage): boolean {
  const mine = new Set(
    [a.url, a.page.source, a.source].filter((u): u is string => Boolean(u)).map(urlKey),
  );
  return [...Object.values(b.page.alternates), ...Object.values(b.page.languageLinks)].some(
    (link) => linkKeys(link, b).some((k) => mine.has(k)),
  );
}

const statementOf = (prepared: PreparedPage): Statement | undefined =>
  parseStatementFile(
    prepared.before?.file ?? prepared.fileName,
    new TextEncoder().encode(prepared.content),
  ).statement;

/** Whether retrieval takes the two for versions of one text (dates, shared names and numbers). */
function pairedByText(rule: PairingRule | undefined, a: Statement, b: Statement): boolean {
  const withoutEvent = ({ event: _, ...s }: Statement): Statement => s;
  return Boolean(rule) && rule!([withoutEvent(a), withoutEvent(b)]).length === 1;
}

const hostOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : undefined;
  } catch {
    return undefined;
  }
};
const DAY = 86_400_000;

/**
 * The corpus statement in `lang` that retrieval pairs with the prepared one (mutually, among the
 * statements of the days around it), from the same site; none when it has an event already.
 */
function inferredCounterpart(
  rule: PairingRule | undefined,
  prepared: PreparedPage,
  statements: readonly Statement[],
  lang: string,
): Statement | undefined {
  const mine = statementOf(prepared);
  if (!rule || !mine || jaOrEn(mine.language) === jaOrEn(lang) || !mine.date) return undefined;
  const at = Date.parse(mine.date);
  const near = statements.filter(
    (s) => s.id !== mine.id && s.file !== mine.file && Math.abs(Date.parse(s.date) - at) <= 5 * DAY,
  );
  const list = [...near, mine];
  const self = list.length - 1;
  for (const [ja, en] of rule(list)) {
    const other = ja === self ? en : en === self ? ja : undefined;
    if (other === undefined) continue;
    const s = list[other]!;
    if (jaOrEn(s.language) === lang && s.source && hostOf(s.source) === hostOf(mine.source))
      return s;
  }
  return undefined;
}

/**
 * The event of a pair that has none yet: the earlier date and the English title's slug
 * (`2019-05-20-japan-australia-summit-telephone-talk`), else `fallback` (the page's id).
 */
function eventName(
  versions: Array<{
    title?: string | undefined;
    date?: string | undefined;
    language?: string | undefined;
  }>,
  fallback: string,
): string {
  const dates = versions
    .map((s) => s.date)
    .filter((d): d is string => Boolean(d))
    .sort();
  const english = versions.find(
    (s) => s.language && jaOrEn(s.language) === 'en' && s.title && slug(s.title).length >= 8,
  );
  return english && dates[0] ? `${dates[0]}-${slug(english.title!)}` : fallback;
}

/** The `event:` of a corpus file set in place; the rest of the file is left as it is. */
export async function setEvent(
  outDir: string,
  rel: string,
  event: string,
): Promise<'added' | 'updated' | 'unchanged' | { error: string }> {
  const file = path.join(outDir, rel);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return { error: 'cannot read the file' };
  const now = parseStatementFile(rel, new TextEncoder().encode(text)).statement;
  if (!now) return { error: 'the file does not load (see readout check)' };
  // The same value, however it is written ("quoted" or not), is left as it is.
  if (now.event === event) return 'unchanged';
  const lines = text.split('\n');
  const close = lines.findIndex((l, i) => i > 0 && l.trimEnd() === '---');
  if (lines[0]?.trimEnd() !== '---' || close === -1)
    return { error: 'no front matter to add the event to' };
  const line = stringify({ event }, { lineWidth: 0 }).trimEnd();
  const at = lines.findIndex((l, i) => i > 0 && i < close && /^event\s*:/.test(l));
  let action: 'added' | 'updated';
  if (at === -1) {
    // Where the importer writes it: after source, before time and timezone.
    const later = lines.findIndex((l, i) => i > 0 && i < close && /^(time|timezone)\s*:/.test(l));
    lines.splice(later === -1 ? close : later, 0, line);
    action = 'added';
  } else {
    // A value continued on indented lines goes with it.
    let end = at + 1;
    while (end < close && /^\s+\S/.test(lines[end]!)) end++;
    lines.splice(at, end - at, line);
    action = 'updated';
  }
  const content = lines.join('\n');
  const check = parseStatementFile(rel, new TextEncoder().encode(content));
  if (!check.statement) return { error: check.problems.map((p) => p.message).join('; ') };
  if (check.statement.event !== event)
    return { error: `the event could not be written as ${event}` };
  await writeAtomically(file, content);
  return action;
}

/**
 * Imports a page and pairs it with its other-language versions: the page's own file is written
 * as `importPage` writes it, with the pair's `event:`; each version gets the same event, fetched
 * and imported (`followAlternate`) or set in place in the corpus file that holds it.
 */
export async function importWithPairs(
  input: string,
  options: PairImportOptions,
): Promise<PairImportResult> {
  const display = options.display ?? ((rel: string) => rel);
  const notes: PairNote[] = [];
  const prepared = await preparePage(input, options);
  if (!isPrepared(prepared)) return { main: prepared, notes };
  const known = options.known!;
  const statements = options.statements ?? [];
  const counterparts: Counterpart[] = [];
  const language = prepared.page.language;

  for (const lang of PAIRED_LANGUAGES) {
    if (lang === language) continue;
    const declared = prepared.page.alternates[lang];
    const link = declared ?? prepared.page.languageLinks[lang];
    const inCorpus = link ? findKnown(linkKeys(link, prepared), known) : undefined;
    const version = `the ${nameOf(lang)} version`;
    if (link && options.followAlternate) {
      const other = await preparePage(link, { ...options, overrides: {} });
      if (!isPrepared(other)) {
        notes.push({ stream: 'err', text: `${link}: ${version} was not imported: ${other.error}` });
      } else if (other.page.language !== lang) {
        notes.push({
          stream: 'err',
          text: `${link}: not paired: the ${nameOf(lang)} link leads to a page in ${nameOf(other.page.language)}`,
        });
      } else if (other.before && other.before.file === prepared.before?.file) {
        notes.push({
          stream: 'err',
          text: `${link}: not paired: the ${nameOf(lang)} link leads back to this statement's source`,
        });
      } else if (
        !declared &&
        !linksBack(prepared, other) &&
        !pairedByText(options.pairingRule, statementOf(prepared)!, statementOf(other)!)
      ) {
        // A language switch may lead to any page in that language: it must link back, or read as a translation.
        notes.push({
          stream: 'err',
          text: `${link}: not paired: the page the ${nameOf(lang)} link leads to neither links back nor reads as a version of this one (dates, names and numbers)`,
        });
      } else {
        counterparts.push({ kind: 'follow', lang, prepared: other });
        continue;
      }
      if (inCorpus) counterparts.push({ kind: 'corpus', lang, known: inCorpus });
      continue;
    }
    if (inCorpus) {
      counterparts.push({ kind: 'corpus', lang, known: inCorpus });
      continue;
    }
    if (link) {
      notes.push({
        stream: 'out',
        text: `${link}: ${version} is not in the corpus; add --follow-alternate to import it with the same event`,
        hint: true,
      });
      continue;
    }
    const inferred = inferredCounterpart(options.pairingRule, prepared, statements, lang);
    if (inferred) counterparts.push({ kind: 'inferred', lang, known: knownOf(inferred) });
  }

  // The pair's event: the one asked for, else one either file has, else a new one.
  const flag = options.overrides?.event || undefined;
  const theirs = (c: Counterpart) =>
    c.kind === 'follow' ? c.prepared.before?.event : c.known.event;
  let event = flag ?? prepared.before?.event ?? counterparts.map(theirs).find(Boolean);
  const paired = counterparts.filter((c) => {
    const other = theirs(c);
    if (flag || !other || other === event) return true;
    const file = c.kind === 'follow' ? c.prepared.before!.file : c.known.file;
    notes.push({
      stream: 'err',
      text: `${display(file)}: not paired: ${what(c)} has event: ${other}, this statement event: ${event}; pass --event to give both one`,
    });
    return false;
  });
  if (paired.length && !event) {
    const others = paired.map((c) =>
      c.kind === 'follow'
        ? {
            title: c.prepared.page.title,
            date: c.prepared.page.date,
            language: c.prepared.page.language,
          }
        : (statements.find((s) => s.id === c.known.id) ?? { language: c.known.language }),
    );
    event = eventName([prepared.page, ...others], idOf(prepared.content));
  }
  const main = await writePrepared(prepared, options, paired.length ? event : undefined);
  if (!main.error) await remember(options.outDir, main.file!, statements);
  if (main.error || !paired.length || !event) return { main, notes };

  const mainFile = display(main.file!);
  for (const c of paired) {
    if (c.kind === 'follow') {
      const result = await writePrepared(c.prepared, { ...options, overrides: {} }, event);
      if (result.error)
        notes.push({
          stream: 'err',
          text: `${c.prepared.input}: ${what(c)} was not imported: ${result.error}`,
        });
      else {
        await remember(options.outDir, result.file!, statements);
        notes.push({
          stream: 'out',
          text: `${c.prepared.input} -> ${display(result.file!)} (${result.action}): ${what(c)} of ${mainFile}, both with event: ${event}`,
        });
      }
      continue;
    }
    const done = await setEvent(options.outDir, c.known.file, event);
    const file = display(c.known.file);
    const how =
      c.kind === 'inferred'
        ? `taken for ${what(c)} of ${mainFile} (same site, within two days, shared names and numbers)`
        : `${what(c)} of ${mainFile}, already in the corpus`;
    if (typeof done === 'object') {
      notes.push({
        stream: 'err',
        text: `${file}: ${how}: the event could not be set: ${done.error}`,
      });
      continue;
    }
    const k = [...known.entries()].find(([, v]) => v.file === c.known.file);
    if (k) known.set(k[0], { ...k[1], event });
    const s = statements.find((x) => x.file === c.known.file);
    if (s) s.event = event;
    notes.push({
      stream: 'out',
      text: `${file}: ${how}: ${done === 'unchanged' ? `already has event: ${event}` : done === 'added' ? `event: ${event} added` : `event: changed to ${event}`}`,
    });
  }
  return { main, notes };
}

/** The statement of a file just written, in place of its last version in `statements`. */
async function remember(outDir: string, rel: string, statements: Statement[]): Promise<void> {
  const bytes = await readFile(path.join(outDir, rel)).catch(() => undefined);
  const statement = bytes && parseStatementFile(rel, bytes).statement;
  const at = statements.findIndex((s) => s.file === rel);
  if (statement)
    statements.splice(at === -1 ? statements.length : at, at === -1 ? 0 : 1, statement);
}

const what = (c: Counterpart) => `the ${nameOf(c.lang)} version`;
const idOf = (content: string) =>
  /^id: (.+)$/m.exec(content)?.[1]?.replace(/^["']|["']$/g, '') ?? '';
