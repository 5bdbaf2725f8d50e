import { parseArgs } from 'node:util';
import type { Lang } from '../answer/types.ts';
import { IMPORT_META_FLAGS, OPTIONS } from '../render/commandGuide.ts';

export interface CliArgs {
  command: string;
  rest: string[];
  corpus?: string | undefined;
  lang?: Lang | undefined;
  json: boolean;
  statement?: string | undefined;
  limit?: number | undefined;
  out?: string | undefined;
  force: boolean;
  /** import: fetch and import each page's other-language version too (same event). */
  followAlternate: boolean;
  help: boolean;
  version: boolean;
  meta: Record<string, string | undefined>;
}

/** Bad command line: shown as one line, followed by where to find the usage. */
export class UsageError extends Error {}

const VALUE_FLAGS = ['corpus', 'lang', 'statement', 'limit', 'out', ...IMPORT_META_FLAGS] as const;
const SWITCHES = ['json', 'force', 'follow-alternate', 'help', 'version'] as const;
/** Every flag a user may type, for "did you mean". */
export const KNOWN_FLAGS: readonly string[] = [...VALUE_FLAGS, ...SWITCHES];

/** Edit distance counting a swap of two neighbours as one edit ("lnag" -> "lang"); for flag names. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest name, when it is close enough to be what was meant. */
export function closest(word: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const name of names) {
    const d = distance(word.toLowerCase(), name);
    if (d < bestD) [best, bestD] = [name, d];
  }
  return bestD <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

function unknownOption(raw: string): UsageError {
  const name = raw.replace(/^-+/, '').split('=')[0] ?? '';
  const guess = closest(name, KNOWN_FLAGS);
  return new UsageError(`unknown option ${raw}${guess ? ` (did you mean --${guess}?)` : ''}`);
}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        ...Object.fromEntries(VALUE_FLAGS.map((f) => [f, { type: 'string' as const }])),
        json: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        'follow-alternate': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (err) {
    // Node's own messages are long and speak of its API; the reader needs the flag and a fix.
    const message = err instanceof Error ? err.message : String(err);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown?.[1]) throw unknownOption(unknown[1]);
    const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message);
    if (missing?.[1]) throw new UsageError(`${missing[1]} needs a value`);
    throw new UsageError(message.split('\n')[0] ?? message);
  }
  const { values, positionals } = parsed;
  const v = values as Record<string, string | boolean | undefined>;
  const lang = v.lang as string | undefined;
  if (lang !== undefined && lang !== 'ja' && lang !== 'en')
    throw new UsageError('--lang must be ja or en');
  const limit = v.limit === undefined ? undefined : Number(v.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
    throw new UsageError('--limit must be a positive whole number');
  const [command = 'help', ...rest] = positionals;
  return {
    command,
    rest,
    corpus: v.corpus as string | undefined,
    lang: lang as Lang | undefined,
    json: Boolean(v.json),
    statement: v.statement as string | undefined,
    limit,
    out: v.out as string | undefined,
    force: Boolean(v.force),
    followAlternate: Boolean(v['follow-alternate']),
    help: Boolean(v.help),
    version: Boolean(v.version),
    meta: Object.fromEntries(IMPORT_META_FLAGS.map((f) => [f, v[f] as string | undefined])),
  };
}

/** Options the console takes after a command (`/who --lang ja 外務大臣`), the rest kept as typed. */
export interface ConsoleArgs {
  text: string;
  lang?: Lang;
  statement?: string;
  limit?: number;
}

const CONSOLE_FLAGS = OPTIONS.filter((o) => o.surfaces.includes('console')).map(
  (o) => o.name as string,
);

export function parseConsoleArgs(line: string): ConsoleArgs {
  const words: string[] = [];
  const tokens = line.split(/(\s+)/);
  const out: ConsoleArgs = { text: '' };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const flag = /^--([\w-]+)(?:=(.*))?$/.exec(token);
    if (!flag) {
      words.push(token);
      continue;
    }
    const name = flag[1]!;
    if (!CONSOLE_FLAGS.includes(name)) {
      const guess = closest(name, CONSOLE_FLAGS);
      throw new UsageError(`unknown option --${name}${guess ? ` (did you mean --${guess}?)` : ''}`);
    }
    let value = flag[2];
    if (value === undefined) {
      // Skip the whitespace token, take the next word as the value.
      value = tokens[i + 2];
      i += 2;
    }
    if (!value) throw new UsageError(`--${name} needs a value`);
    if (name === 'lang') {
      if (value !== 'ja' && value !== 'en') throw new UsageError('--lang must be ja or en');
      out.lang = value;
    } else if (name === 'limit') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1)
        throw new UsageError('--limit must be a positive whole number');
      out.limit = n;
    } else if (name === 'statement') out.statement = value;
  }
  out.text = words.join('').replace(/\s+/g, ' ').trim();
  return out;
}
