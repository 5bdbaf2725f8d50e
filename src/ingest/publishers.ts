/**
 * The host table: who publishes each site's statements. Shipped in data/publishers.yaml, extended
 * by the operator's feeds.yaml (`publishers:`), so a new site needs no code.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { projectPath } from '../projectRoot.ts';

/** The publisher of a page on `host` (no `www.`) in `language`, when the table knows it. */
export type PublisherLookup = (host: string, language: string) => string | undefined;

type Entry = string | Record<string, string>;

export const DEFAULT_PUBLISHERS_FILE = projectPath('data', 'publishers.yaml');

/** Checks one table; throws with the entry to fix. */
export function publisherTable(raw: unknown, where: string): Map<string, Entry> {
  const table = new Map<string, Entry>();
  if (raw === undefined || raw === null) return table;
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw new Error(`${where}: publishers must be a list of "host: name" lines`);
  for (const [host, entry] of Object.entries(raw as Record<string, unknown>)) {
    const ok =
      typeof entry === 'string' ||
      (entry &&
        typeof entry === 'object' &&
        Object.values(entry).every((v) => typeof v === 'string'));
    if (!ok)
      throw new Error(
        `${where}: the publisher of ${host} must be a name, or one name per language (ja: ..., en: ...)`,
      );
    table.set(host.toLowerCase().replace(/^www\./, ''), entry as Entry);
  }
  return table;
}

export async function readPublisherFile(
  file = DEFAULT_PUBLISHERS_FILE,
): Promise<Map<string, Entry>> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text === undefined ? new Map() : publisherTable(parse(text), path.basename(file));
}

/** Later tables win; a host also covers its subdomains (www2.mofa.go.jp). */
export function publisherLookup(...tables: ReadonlyMap<string, Entry>[]): PublisherLookup {
  const merged = new Map<string, Entry>();
  for (const t of tables) for (const [h, e] of t) merged.set(h, e);
  return (host, language) => {
    const bare = host.toLowerCase().replace(/^www\./, '');
    const key = [...merged.keys()]
      .filter((h) => bare === h || bare.endsWith(`.${h}`))
      .sort((a, b) => b.length - a.length)[0];
    const entry = key === undefined ? undefined : merged.get(key);
    if (entry === undefined) return undefined;
    return typeof entry === 'string'
      ? entry
      : (entry[language] ?? entry.en ?? Object.values(entry)[0]);
  };
}
