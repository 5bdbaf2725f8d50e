/**
 * Who held an office on a day (data/people/offices.yaml): the principal a statement names only by
 * the bare title ("The President spoke with Prime Minister Brown" in a White House readout).
 */
import { escapeRegExp } from '../../text/regexp.ts';
import { loadTable } from './tables.ts';

interface OfficesData {
  offices: {
    title: string;
    country: string;
    publishers: string[];
    holders: [string, string, string?][];
  }[];
}

export interface OfficeHolder {
  name: string;
  title: string;
  country: string;
}

const OFFICES = loadTable<OfficesData>('offices.yaml').offices.map((o) => ({
  ...o,
  publishers: o.publishers.map((p) => new RegExp(p, 'i')),
}));

/** The holder of `title` on `date` for an office whose statements `publisher` issues; undefined when none is known. */
export function officeHolder(
  title: string,
  publisher: string | undefined,
  date: string | undefined,
): OfficeHolder | undefined {
  if (!publisher || !date) return undefined;
  for (const o of OFFICES) {
    if (o.title !== title || !o.publishers.some((re) => re.test(publisher))) continue;
    const h = o.holders.find(([, from, to]) => from <= date && (!to || date < to));
    if (h) return { name: h[0], title: o.title, country: o.country };
  }
  return undefined;
}

/**
 * "The President", "the Prime Minister's", "NATO Secretary General arrived": a title standing
 * alone for the statement's principal. The titles of the office table, and those a readout uses
 * for an office it does not list (a definite reference: "the Foreign Minister").
 */
const BARE_TITLES = [
  ...new Set([
    ...OFFICES.map((o) => o.title),
    'Prime Minister',
    'Foreign Secretary',
    'Secretary',
    'President',
    'Vice President',
    'Chancellor',
    'Premier',
    'Foreign Minister',
    'Minister',
  ]),
].sort((a, b) => b.length - a.length);
const BARE_TITLE = new RegExp(
  `\\b(?:[Tt]he(?: [A-Z]{2,5})?|[A-Z]{2,5}) (${BARE_TITLES.map(escapeRegExp).join('|')})\\b(?! of\\b| for\\b| to\\b|-| \\p{Lu})`,
  'gu',
);

/** Bare titles in a text, with where they stand. */
export function bareTitles(
  text: string,
): { title: string; start: number; end: number; text: string }[] {
  return [...text.matchAll(BARE_TITLE)].map((m) => ({
    title: m[1]!,
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
  }));
}

/**
 * The holders a statement names by bare title alone, in its title or text, whatever else it names:
 * the statement is about them (relevance counts their names as the statement's).
 */
export function principalsByTitle(s: {
  title: string;
  publisher: string;
  date: string;
  paragraphs: readonly { text: string }[];
}): OfficeHolder[] {
  // Most publishers hold no office of the table: their texts are not read at all.
  if (!OFFICES.some((o) => o.publishers.some((re) => re.test(s.publisher)))) return [];
  const found = new Map<string, OfficeHolder>();
  for (const text of [s.title, ...s.paragraphs.map((p) => p.text)]) {
    for (const t of bareTitles(text)) {
      const h = officeHolder(t.title, s.publisher, s.date);
      if (h) found.set(h.name, h);
    }
  }
  return [...found.values()];
}

/** Every holder's name in the table: people whose Latin spelling is known though no statement writes it. */
export function officeHolderNames(): string[] {
  return [...new Set(OFFICES.flatMap((o) => o.holders.map(([name]) => name)))];
}
