import { createRequire } from 'node:module';
import { isValidIsoDate } from '../text/calendar.ts';
import type { CorpusProblem, StatementMeta } from './types.ts';

export type { StatementMeta };

const REQUIRED = ['id', 'title', 'date', 'language', 'publisher'] as const;
const OPTIONAL = ['source', 'event', 'time', 'timezone'] as const;
/** Every key a statement's front matter may hold, required ones first. */
export const FRONT_MATTER_KEYS = [...REQUIRED, ...OPTIONAL] as const;
const KNOWN = new Set<string>(FRONT_MATTER_KEYS);
// Made on first use: loading ICU's language names costs a few ms of every start, and only
// parsing a statement file needs it.
let languageNames: Intl.DisplayNames | undefined;

/** Tags asked about, with the answer: a corpus writes a handful, and asking ICU took 60 µs a file. */
const knownTags = new Map<string, boolean>();

/** A well-formed BCP 47 tag whose language ICU knows (ja, en, ko, zh-Hant...). */
export function isKnownLanguageTag(tag: string): boolean {
  let known = knownTags.get(tag);
  if (known === undefined) {
    known = askIcu(tag);
    if (knownTags.size < 256) knownTags.set(tag, known);
  }
  return known;
}

function askIcu(tag: string): boolean {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    languageNames ??= new Intl.DisplayNames('en', { type: 'language', fallback: 'none' });
    return canonical !== undefined && languageNames.of(canonical.split('-')[0]!) !== undefined;
  } catch {
    return false;
  }
}

function scalarString(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

let yaml: typeof import('yaml') | undefined;

/**
 * Parses and validates YAML front matter. `firstLine` is the file line of the YAML's first line.
 * Returns the metadata only when there is no error.
 */
export function parseFrontMatter(
  yamlText: string,
  file: string,
  firstLine: number,
  /** Read plain `key: text` lines without the YAML parser (see simpleValues); false: always the parser. */
  simple = true,
): { meta?: StatementMeta; problems: CorpusProblem[] } {
  const problems: CorpusProblem[] = [];
  const error = (line: number, message: string) =>
    problems.push({ file, line, message, severity: 'error' });
  let values = simple ? simpleValues(yamlText, firstLine) : undefined;
  if (!values) {
    // The YAML parser is loaded when a statement file is first parsed: a start from the persisted
    // index parses none and saves the 30 ms. `require`, because parsing is synchronous.
    const { isMap, isScalar, LineCounter, parseDocument } = (yaml ??= createRequire(
      import.meta.url,
    )('yaml') as typeof import('yaml'));
    const lineCounter = new LineCounter();
    const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const lineOf = (offset: number | undefined) =>
      offset === undefined ? firstLine : firstLine + lineCounter.linePos(offset).line - 1;

    for (const e of doc.errors)
      error(lineOf(e.pos[0]), `front matter is not valid YAML: ${e.message.split('\n')[0]}`);
    if (problems.length > 0) return { problems };
    if (!isMap(doc.contents)) {
      error(firstLine, 'front matter must be a list of `key: value` lines');
      return { problems };
    }

    values = new Map<string, { value: string | undefined; line: number }>();
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const line = lineOf(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
      if (!KNOWN.has(key)) {
        problems.push({
          file,
          line,
          message: `unknown key "${key}" (ignored)`,
          severity: 'warning',
        });
        continue;
      }
      const raw = isScalar(pair.value) ? pair.value.value : pair.value;
      // YAML reads an unquoted 2024-11-01 as a string here (core schema), but a time such as 22:00 may not be.
      values.set(key, { value: scalarString(raw), line });
    }
  }

  for (const key of REQUIRED) {
    const v = values.get(key);
    if (!v) error(firstLine, `missing required key "${key}"`);
    else if (!v.value) error(v.line, `"${key}" must be a non-empty text`);
  }
  const check = (key: string, ok: (v: string) => boolean, message: string) => {
    const v = values.get(key);
    if (v?.value && !ok(v.value)) error(v.line, message);
  };
  check(
    'id',
    (v) => /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(v),
    'id must be a slug: letters, digits, ".", "_" or "-"',
  );
  check('date', isValidIsoDate, 'date must be a real date written YYYY-MM-DD');
  check('language', isKnownLanguageTag, 'language must be a known BCP 47 tag such as ja or en');
  check('source', (v) => /^https?:\/\/\S+$/.test(v), 'source must be an http(s) URL');
  check('time', (v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'time must be HH:MM (24-hour)');
  for (const key of OPTIONAL) {
    const v = values.get(key);
    if (v && v.value === undefined) error(v.line, `"${key}" must be a text`);
  }
  if (problems.some((p) => p.severity === 'error')) return { problems };

  const get = (key: string) => values.get(key)?.value || undefined;
  const meta: StatementMeta = {
    id: get('id')!,
    title: get('title')!,
    date: get('date')!,
    language: canonicalTag(get('language')!),
    publisher: get('publisher')!,
  };
  for (const key of OPTIONAL) {
    const v = get(key);
    if (v) meta[key] = v;
  }
  return { meta, problems };
}

/** Canonical forms of the tags asked about (a handful per corpus). */
const canonicalTags = new Map<string, string>();

function canonicalTag(tag: string): string {
  let canonical = canonicalTags.get(tag);
  if (canonical === undefined) {
    canonical = Intl.getCanonicalLocales(tag)[0]!;
    if (canonicalTags.size < 256) canonicalTags.set(tag, canonical);
  }
  return canonical;
}

/** A known key, a colon and a space, then the value. */
const SIMPLE_LINE = /^([a-z]+): (.+)$/;
/** A double-quoted value with nothing to unescape. */
const QUOTED = /^"([^"\\]*)"$/;
/** What YAML's core schema reads as something else than a text (null, booleans, numbers): the YAML parser decides those. */
const NOT_TEXT = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^[-+]?[0-9]+$/,
  /^0o[0-7]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
];
/** Characters after which, or in which, a plain value is not plainly a text: left to the YAML parser. */
const PLAIN_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
const PLAIN_BREAK = /:(?:\s|$)|\s#|\s$|\t/;
/** Control characters (tab included), line and paragraph separators, a byte order mark, a lone surrogate. */
const UNUSUAL = /[\p{Cc}\u2028\u2029\ufeff\ud800-\udfff]/u;

/**
 * The values of front matter made only of `key: value` lines whose keys are known (each once) and
 * whose values are plainly texts (a plain scalar YAML's core schema reads as a string, or a
 * double-quoted one with no escape): the common case, read without the YAML parser (a fifth of a
 * millisecond a file, most of the time of parsing one). Undefined for anything else, which the
 * parser reads: what this returns is what it would give.
 */
export function simpleValues(
  yamlText: string,
  firstLine: number,
): Map<string, { value: string | undefined; line: number }> | undefined {
  const values = new Map<string, { value: string | undefined; line: number }>();
  const lines = yamlText.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (UNUSUAL.test(lines[i]!)) return undefined;
    const m = SIMPLE_LINE.exec(lines[i]!);
    if (!m || !KNOWN.has(m[1]!) || values.has(m[1]!)) return undefined;
    const raw = m[2]!;
    let value: string;
    if (raw.startsWith('"')) {
      const q = QUOTED.exec(raw);
      if (!q) return undefined;
      value = q[1]!;
    } else {
      if (PLAIN_START.test(raw) || PLAIN_BREAK.test(raw) || NOT_TEXT.some((re) => re.test(raw)))
        return undefined;
      value = raw;
    }
    values.set(m[1]!, { value: value.trim(), line: firstLine + i });
  }
  return values.size > 0 ? values : undefined;
}
