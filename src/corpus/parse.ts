import { splitParagraphs } from './body.ts';
import { parseFrontMatter } from './frontMatter.ts';
import { firstTerminalControlLine } from './controlSequences.ts';
import type { CorpusProblem, Statement } from './types.ts';

/** Largest statement file accepted; real readouts are a few kilobytes. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface ParsedFile {
  statement?: Statement;
  /** Line of the `id:` key, for duplicate-id reports. */
  idLine?: number;
  problems: CorpusProblem[];
}

/** Line (1-based) of the first byte that is not valid UTF-8, or undefined when all is valid. */
function firstInvalidUtf8Line(bytes: Uint8Array): number | undefined {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return undefined;
  } catch {
    // Decode prefixes to find where it breaks: binary search keeps this cheap on big files.
    let lo = 0;
    let hi = bytes.length;
    // Down to one byte: stopping a few bytes early could count a newline just before the bad byte.
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
        lo = mid;
      } catch {
        hi = mid;
      }
    }
    // bytes[hi - 1] is where decoding fails; a newline there ends the line that holds the bad byte.
    let line = 1;
    for (let i = 0; i < hi - 1; i++) if (bytes[i] === 0x0a) line++;
    return line;
  }
}

/**
 * Parses one statement file: `---` YAML front matter `---`, then the body. Every problem carries
 * the file and line; a file with errors yields no statement, and the caller keeps loading others.
 */
export function parseStatementFile(file: string, bytes: Uint8Array): ParsedFile {
  const error = (line: number, message: string): ParsedFile => ({
    problems: [{ file, line, message, severity: 'error' }],
  });
  if (bytes.length > MAX_FILE_BYTES) {
    return error(1, `file is too large (${bytes.length} bytes; the limit is ${MAX_FILE_BYTES})`);
  }
  const badLine = firstInvalidUtf8Line(bytes);
  if (badLine !== undefined) return error(badLine, 'file is not valid UTF-8 text');

  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) return error(1, 'file contains NUL bytes: is it a text file?');
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[0]?.trim() !== '---') {
    return error(1, 'file must start with a "---" line that opens the front matter');
  }
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (close === -1) return error(lines.length, 'front matter is not closed by a "---" line');

  const { meta, problems } = parseFrontMatter(lines.slice(1, close).join('\n'), file, 2);
  const paragraphs = splitParagraphs(lines.slice(close + 1), close + 2);
  if (paragraphs.length === 0) {
    problems.push({
      file,
      line: close + 2,
      message: 'the statement has no text after its front matter',
      severity: 'error',
    });
  }
  if (!meta || problems.some((p) => p.severity === 'error')) return { problems };
  const idLine = lines.findIndex((l, i) => i < close && /^id\s*:/.test(l)) + 1;
  const controlLine = firstTerminalControlLine(text);
  if (controlLine !== undefined) {
    problems.push({
      file,
      line: controlLine,
      message:
        'contains terminal control characters (escape sequences); they are quoted in JSON and Discord but stripped when printed to a terminal',
      severity: 'warning',
    });
  }
  return { statement: { ...meta, file, paragraphs }, idLine, problems };
}
