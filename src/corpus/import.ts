import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import { detectLanguage } from '../text/script.ts';
import { parseStatementFile } from './parse.ts';
import { FRONT_MATTER_KEYS } from './frontMatter.ts';
import type { CorpusProblem } from './types.ts';

export interface ImportResult {
  /** File name for the new statement (`<id>.md`) when the import succeeded. */
  fileName?: string;
  content?: string;
  problems: CorpusProblem[];
}

const KEYS = FRONT_MATTER_KEYS;
type Key = (typeof KEYS)[number];
const HEADER = new RegExp(`^(${KEYS.join('|')})\\s*:\\s*(.*)$`, 'i');
/** The State Department's markers around a statement's body (not part of it). */
const BEGIN = /^\s*begin text:?\s*$/i;
const END = /^\s*end text\s*$/i;

/** The readable part of an id: the title's Latin letters and digits, up to 60 characters. */
export function slug(title: string): string {
  return title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/**
 * Turns raw text into a corpus file: optional `key: value` header lines, then the statement, one
 * paragraph per line or paragraphs separated by blank lines. Text between `Begin Text` and
 * `End Text` is the body when the markers are there; a first line before them is the title.
 * `overrides` (from command-line flags) win over headers.
 */
export function importStatement(
  raw: string,
  source: string,
  overrides: Partial<Record<Key, string>> = {},
): ImportResult {
  const lines = raw.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const meta: Partial<Record<Key, string>> = {};
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  for (let m: RegExpExecArray | null; i < lines.length && (m = HEADER.exec(lines[i]!.trim())); i++)
    meta[m[1]!.toLowerCase() as Key] = m[2]!.trim();

  let body = lines.slice(i);
  const begin = body.findIndex((l) => BEGIN.test(l));
  if (begin !== -1) {
    const preface = body
      .slice(0, begin)
      .map((l) => l.trim())
      .filter(Boolean);
    if (!meta.title && preface[0]) meta.title = preface[0];
    const end = body.findIndex((l, j) => j > begin && END.test(l));
    body = body.slice(begin + 1, end === -1 ? undefined : end);
  }
  const text = body.map((l) => l.trim());
  const hasBlankSeparators = text.some(
    (l, j) => l === '' && j > 0 && j < text.length - 1 && text[j - 1] !== '',
  );
  const paragraphs = hasBlankSeparators
    ? text
        .join('\n')
        .split(/\n{2,}/)
        .map((p) => p.trim())
        .filter(Boolean)
    : text.filter(Boolean);

  Object.assign(meta, Object.fromEntries(Object.entries(overrides).filter(([, v]) => v)));
  meta.language ??= detectLanguage(paragraphs.join(' '));
  const problems: CorpusProblem[] = [];
  for (const key of ['title', 'date', 'publisher'] as const) {
    if (!meta[key]) {
      problems.push({
        file: source,
        line: 1,
        message: `missing "${key}": add a "${key}: ..." line at the top or pass --${key}`,
        severity: 'error',
      });
    }
  }
  if (paragraphs.length === 0)
    problems.push({ file: source, line: 1, message: 'no statement text found', severity: 'error' });
  if (problems.length) return { problems };

  if (!meta.id) {
    const readable = slug(meta.title!);
    const hash = createHash('sha256').update(meta.title!).digest('hex').slice(0, 8);
    meta.id = `${meta.date}-${readable.length >= 8 ? readable : `${meta.language}-${hash}`}`;
  }
  const front: Record<string, string> = {};
  for (const key of KEYS) if (meta[key]) front[key] = meta[key]!;
  const content = `---\n${stringify(front, { lineWidth: 0 })}---\n${paragraphs.join('\n\n')}\n`;
  const fileName = `${meta.id}.md`;
  // The generated file must load: validate it exactly as the corpus loader will.
  const check = parseStatementFile(fileName, new TextEncoder().encode(content));
  const errors = check.problems
    .filter((p) => p.severity === 'error')
    .map((p) => ({ ...p, file: source, line: 1 }));
  return errors.length ? { problems: errors } : { fileName, content, problems: [] };
}
