import { parseArgs } from 'node:util';
import type { Lang } from '../answer/types.ts';

export interface CliArgs {
  command: string;
  rest: string[];
  corpus?: string;
  lang?: Lang;
  json: boolean;
  statement?: string;
  limit?: number;
  out?: string;
  force: boolean;
  help: boolean;
  meta: Record<string, string | undefined>;
}

export class UsageError extends Error {}

const META_FLAGS = ['id', 'title', 'date', 'language', 'publisher', 'source', 'event'] as const;

export function parseCliArgs(argv: string[]): CliArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      corpus: { type: 'string' },
      lang: { type: 'string' },
      json: { type: 'boolean', default: false },
      statement: { type: 'string' },
      limit: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      ...Object.fromEntries(META_FLAGS.map((f) => [f, { type: 'string' as const }])),
    },
  });
  const lang = values.lang as string | undefined;
  if (lang !== undefined && lang !== 'ja' && lang !== 'en') throw new UsageError('--lang must be ja or en');
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new UsageError('--limit must be a positive whole number');
  const [command = 'help', ...rest] = positionals;
  return {
    command,
    rest,
    corpus: values.corpus as string | undefined,
    lang: lang as Lang | undefined,
    json: Boolean(values.json),
    statement: values.statement as string | undefined,
    limit,
    out: values.out as string | undefined,
    force: Boolean(values.force),
    help: Boolean(values.help),
    meta: Object.fromEntries(META_FLAGS.map((f) => [f, (values as Record<string, unknown>)[f] as string | undefined])),
  };
}
