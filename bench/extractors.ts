/**
 * The page importer's main-text extractor against Mozilla Readability (on linkedom), on every saved
 * publisher page of test/fixtures/pages that has an `*.expected.md`:
 *
 *   rules        src/ingest/extract.ts as the importer runs it (node-html-parser, block scoring, rules)
 *   readability  Readability's article as it comes: one paragraph per block element of its content
 *   read+rules   Readability's article as the block, rendered by the importer's rules (list labels,
 *                table rows, dateline and title taken out, furniture lines dropped)
 *
 * Each body goes through the raw-text importer (src/corpus/import.ts: State's Begin/End Text) as an
 * imported page does, then is compared with the expected file's body: equal or not, how many of the
 * expected paragraphs are there (labels aside), how many lines are not the statement's (furniture),
 * and the median time per page. `npx tsx bench/extractors.ts [--runs N] [--json]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { parse } from 'node-html-parser';
import { importStatement } from '../src/corpus/import.ts';
import { cleanText, extractPage } from '../src/ingest/extract.ts';
import { decodeBody } from '../src/ingest/fetch.ts';
import { publisherLookup, readPublisherFile } from '../src/ingest/publishers.ts';

const PAGES = path.resolve(import.meta.dirname, '../test/fixtures/pages');
const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1]) || 30;

type Extractor = 'rules' | 'readability' | 'read+rules';
interface Row {
  page: string;
  extractor: Extractor;
  exact: boolean;
  found: number;
  expected: number;
  extra: string[];
  ms: number;
}

/** The body as the raw-text importer leaves it (State's Begin/End Text markers applied). */
function asImported(paragraphs: string[]): string[] {
  const result = importStatement(`${paragraphs.join('\n\n')}\n`, 'bench', {
    title: 't',
    date: '2000-01-01',
    publisher: 'p',
    language: 'en',
    id: 'bench',
  });
  if (!result.content) return [];
  return result.content
    .split(/^---$/m)
    .slice(2)
    .join('---')
    .trim()
    .split(/\n{2,}/);
}

/** A paragraph compared without its list label, width or spacing differences. */
const norm = (p: string) =>
  p
    .normalize('NFKC')
    .replace(/^\s*(?:\d{1,2}[.)]|-|\(\d{1,2}\))\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Readability's article, parsed for the importer's renderer; undefined when it finds none. */
function readabilityContent(
  html: string,
  url: string | undefined,
  keepClasses = false,
): string | undefined {
  const { document } = parseHTML(html);
  // Readability reads the document's address for relative links; linkedom's is empty.
  if (url) Object.defineProperty(document, 'baseURI', { value: url });
  // With its classes kept, the importer's rules still see "share", "pagetop", "related"...
  return (
    new Readability(document as unknown as Document, { keepClasses }).parse()?.content ?? undefined
  );
}

/** Readability's content as it comes: the text of each innermost block element (table rows by cell). */
function plainParagraphs(content: string): string[] {
  const root = parse(content);
  const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, tr, pre, blockquote, dd, dt, caption';
  const out: string[] = [];
  for (const el of root.querySelectorAll(BLOCKS)) {
    if (el.querySelector(BLOCKS)) continue;
    const text =
      el.rawTagName.toLowerCase() === 'tr'
        ? el
            .querySelectorAll('td, th')
            .map((c) => cleanText(c.text))
            .filter(Boolean)
            .join(' | ')
        : cleanText(el.text);
    if (text) out.push(text);
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timed<T>(run: () => T): { value: T; ms: number } {
  let value = run();
  // Warmed up first: the first calls compile the parsers, and every page would pay for them.
  for (let i = 0; i < 5; i++) value = run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    value = run();
    times.push(performance.now() - t);
  }
  return { value, ms: median(times) };
}

async function main(): Promise<void> {
  const publisherOf = publisherLookup(await readPublisherFile());
  const pages = readdirSync(PAGES)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -'.html'.length))
    .filter((name) => readdirSync(PAGES).includes(`${name}.expected.md`))
    .sort();
  const rows: Row[] = [];
  for (const name of pages) {
    const html = decodeBody(readFileSync(path.join(PAGES, `${name}.html`)));
    const expectedFile = readFileSync(path.join(PAGES, `${name}.expected.md`), 'utf8');
    const expected = expectedFile
      .split(/^---$/m)
      .slice(2)
      .join('---')
      .trim()
      .split(/\n{2,}/);
    const url = /^source: (.+)$/m.exec(expectedFile)?.[1];
    const wanted = new Set(expected.map(norm));
    const row = (extractor: Extractor, paragraphs: string[], ms: number): Row => {
      const got = asImported(paragraphs);
      const have = new Set(got.map(norm));
      return {
        page: name,
        extractor,
        exact: got.join('\n\n') === expected.join('\n\n'),
        found: expected.filter((p) => have.has(norm(p))).length,
        expected: expected.length,
        extra: got.filter((p) => !wanted.has(norm(p))),
        ms,
      };
    };
    const rules = timed(() => extractPage(html, url, publisherOf).paragraphs);
    rows.push(row('rules', rules.value, rules.ms));
    const plain = timed(() => plainParagraphs(readabilityContent(html, url) ?? ''));
    rows.push(row('readability', plain.value, plain.ms));
    const hybrid = timed(
      () =>
        extractPage(html, url, publisherOf, () => parse(readabilityContent(html, url, true) ?? ''))
          .paragraphs,
    );
    rows.push(row('read+rules', hybrid.value, hybrid.ms));
  }

  if (argv.includes('--json')) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  const extractors: Extractor[] = ['rules', 'readability', 'read+rules'];
  console.log(
    `| page | ${extractors.map((e) => `${e}: body equal / expected paragraphs found / extra lines / ms`).join(' | ')} |`,
  );
  console.log(`| --- | ${extractors.map(() => '---').join(' | ')} |`);
  for (const name of pages) {
    const cells = extractors.map((e) => {
      const r = rows.find((x) => x.page === name && x.extractor === e)!;
      return `${r.exact ? 'yes' : 'no'} / ${r.found}/${r.expected} / ${r.extra.length} / ${r.ms.toFixed(2)}`;
    });
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
  const total = extractors.map((e) => {
    const rs = rows.filter((r) => r.extractor === e);
    const sum = (f: (r: Row) => number) => rs.reduce((n, r) => n + f(r), 0);
    return `${sum((r) => (r.exact ? 1 : 0))}/${rs.length} / ${sum((r) => r.found)}/${sum((r) => r.expected)} / ${sum((r) => r.extra.length)} / ${(sum((r) => r.ms) / rs.length).toFixed(2)} avg`;
  });
  console.log(`| all | ${total.join(' | ')} |`);
  console.log('\nExtra lines (not the statement):');
  for (const r of rows)
    for (const line of r.extra)
      console.log(
        `  ${r.page} ${r.extractor}: ${line.length > 90 ? `${line.slice(0, 90)}…` : line}`,
      );
}

await main();
