/**
 * follows.json, where follows were kept before the settings database: read once, when the
 * database is created beside it, then renamed so nobody takes it for the live state.
 */
import { readFileSync, renameSync } from 'node:fs';
import type { Follow } from './types.ts';

export interface LegacyFollow extends Follow {
  /** Statement ids already announced in the channel. */
  announced: string[];
}

/** The follows of the file; none when there is no file. A file that cannot be read is an error to fix. */
export function readLegacyFollows(file: string): LegacyFollow[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    throw new Error(`${file} cannot be read (${code}): check its permissions`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(
      `${file} is not valid JSON: restore it from a backup or delete it (the channels must then be followed again)`,
    );
  }
  const list = (parsed as { follows?: unknown } | null)?.follows;
  if (!Array.isArray(list)) return [];
  const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
  return list
    .filter(
      (f): f is Record<string, unknown> =>
        f !== null && typeof f === 'object' && isText(f.channelId) && isText(f.guildId),
    )
    .map((f) => ({
      guildId: f.guildId as string,
      channelId: f.channelId as string,
      ...(isText(f.publisher) ? { publisher: f.publisher } : {}),
      announced: Array.isArray(f.announced) ? f.announced.filter(isText) : [],
    }));
}

/** Renames the imported file to `<file>.imported`; a failure only leaves it where it was. */
export function retireLegacyFile(file: string): string | undefined {
  try {
    renameSync(file, `${file}.imported`);
    return `${file}.imported`;
  } catch {
    return undefined;
  }
}
