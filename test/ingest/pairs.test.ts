/**
 * A page's other-language version: the same `event:` in both files, with `--follow-alternate`
 * fetched from the loopback publisher too, else set in place when the corpus already holds it.
 * MOFA's Japanese page links to the English one with a language switch ("English"); the English
 * page names the Japanese one with `<link rel="alternate" hreflang="ja">` and a "Japanese" link.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import { extractPage } from '../../src/ingest/extract.ts';
import { ROOT } from '../helpers.ts';
import { PageServer, PAGES } from './pageServer.ts';

const JA_PATH = '/mofaj/a_o/ocn/au/page4_004982.html';
const EN_PATH = '/a_o/ocn/au/page4e_001025.html';
const EVENT = '2019-05-20-japan-australia-summit-telephone-talk';
const JA_FILE = '2019-05-20-ja-6e9c677b.md';
const EN_FILE = `${EVENT}.md`;

let server: PageServer;
let dir: string;
const page = (name: string) => readFile(path.join(PAGES, name), 'utf8');
const expected = (name: string) => page(`${name}.expected.md`);
/** The expected file as imported alone: no `event:` line. */
const withoutEvent = async (name: string) => (await expected(name)).replace(/^event: .*\n/m, '');

beforeAll(async () => {
  server = await PageServer.start();
});
afterAll(async () => {
  await server.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'readout-pairs-'));
  // The publisher's two pages at their own paths, as MOFA serves them.
  server.routes.set(JA_PATH, {
    type: 'text/html; charset=utf-8',
    body: await page('mofa-pair-ja.html'),
  });
  server.routes.set(EN_PATH, {
    type: 'text/html; charset=utf-8',
    body: await page('mofa-pair-en.html'),
  });
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    cwd: dir,
    env: { FETCH_ALLOW_HOSTS: '127.0.0.1' },
  });
  return { code, out, err };
}
const files = async () =>
  (await readdir(path.join(dir, 'corpus')).catch(() => [] as string[])).sort();
const corpusFile = (name: string) => readFile(path.join(dir, 'corpus', name), 'utf8');
const put = async (name: string, content: string) => {
  await mkdir(path.join(dir, 'corpus'), { recursive: true });
  await writeFile(path.join(dir, 'corpus', name), content, 'utf8');
};

describe('the language switches a page offers', () => {
  it('the version linked from the page, not the site’s home page in that language', async () => {
    const ja = extractPage(await page('mofa-pair-ja.html'), server.url(JA_PATH));
    // The header's "English" leads to /index.html, the site's English home: not a version.
    expect(ja.languageLinks).toEqual({ en: server.url(EN_PATH) });
    expect(ja.alternates).toEqual({});
    const en = extractPage(await page('mofa-pair-en.html'), server.url(EN_PATH));
    expect(en.alternates).toEqual({ ja: server.url(JA_PATH) });
    expect(en.languageLinks).toEqual({ ja: server.url(JA_PATH) });
    // A page saved from a browser resolves its links against its canonical address.
    expect(extractPage(await page('mofa-pair-en.html'), undefined).alternates).toEqual({
      ja: `https://www.mofa.go.jp${JA_PATH}`,
    });
  });
});

describe('readout import --follow-alternate', () => {
  it('from the Japanese page (its "English" link): both files, with one event', async () => {
    const { code, out, err } = await cli('import', '--follow-alternate', server.url(JA_PATH));
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toEqual([
      `${server.url(JA_PATH)} -> corpus/${JA_FILE} (added)`,
      `${server.url(EN_PATH)} -> corpus/${EN_FILE} (added): the English version of corpus/${JA_FILE}, both with event: ${EVENT}`,
    ]);
    expect(await files()).toEqual([JA_FILE, EN_FILE]);
    expect(await corpusFile(JA_FILE)).toBe(await expected('mofa-pair-ja'));
    expect(await corpusFile(EN_FILE)).toBe(await expected('mofa-pair-en'));
    expect((await cli('check')).code).toBe(0);
  });

  it('from the English page (its hreflang link): the same two files', async () => {
    const { code, out, err } = await cli('import', server.url(EN_PATH), '--follow-alternate');
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toEqual([
      `${server.url(EN_PATH)} -> corpus/${EN_FILE} (added)`,
      `${server.url(JA_PATH)} -> corpus/${JA_FILE} (added): the Japanese version of corpus/${EN_FILE}, both with event: ${EVENT}`,
    ]);
    expect(await corpusFile(JA_FILE)).toBe(await expected('mofa-pair-ja'));
    expect(await corpusFile(EN_FILE)).toBe(await expected('mofa-pair-en'));
  });

  it('again: nothing changes, nothing is duplicated', async () => {
    await cli('import', '--follow-alternate', server.url(JA_PATH));
    const { code, out } = await cli('import', '--follow-alternate', server.url(EN_PATH));
    expect(code).toBe(0);
    expect(out).toEqual([
      `${server.url(EN_PATH)} -> corpus/${EN_FILE} (unchanged)`,
      `${server.url(JA_PATH)} -> corpus/${JA_FILE} (unchanged): the Japanese version of corpus/${EN_FILE}, both with event: ${EVENT}`,
    ]);
    expect(await files()).toEqual([JA_FILE, EN_FILE]);
  });

  it('a version already in the corpus under another id is updated in place, under its id', async () => {
    // Written by hand before: its own id and file name, no event.
    const hand = (await withoutEvent('mofa-pair-en')).replace(
      `id: ${EVENT}`,
      'id: mofa-en-2019-05-20-au-call',
    );
    await put('mofa-en-2019-05-20-au-call.md', hand);
    const { code, out } = await cli('import', '--follow-alternate', server.url(JA_PATH));
    expect(code).toBe(0);
    expect(out[1]).toBe(
      `${server.url(EN_PATH)} -> corpus/mofa-en-2019-05-20-au-call.md (updated): the English version of corpus/${JA_FILE}, both with event: ${EVENT}`,
    );
    expect(await files()).toEqual([JA_FILE, 'mofa-en-2019-05-20-au-call.md']);
    expect(await corpusFile('mofa-en-2019-05-20-au-call.md')).toBe(
      (await expected('mofa-pair-en')).replace(`id: ${EVENT}`, 'id: mofa-en-2019-05-20-au-call'),
    );
  });

  it('a language link to a page that does not link back is paired when the texts read as versions of one', async () => {
    const alone = (await page('mofa-pair-en.html'))
      .replace(/<link rel="alternate"[^>]*>\n/, '')
      .replace(/<p class="other-lang">.*<\/p>\n/, '');
    server.routes.set(EN_PATH, { type: 'text/html', body: alone });
    expect(extractPage(alone, server.url(EN_PATH)).languageLinks).toEqual({});
    const { code, err } = await cli('import', '--follow-alternate', server.url(JA_PATH));
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(await corpusFile(JA_FILE)).toBe(await expected('mofa-pair-ja'));
    expect(await corpusFile(EN_FILE)).toBe(await expected('mofa-pair-en'));
  });

  it('a language link that leads elsewhere is not paired: one line, exit 1, the page itself imported', async () => {
    server.routes.set(EN_PATH, { type: 'text/html', body: await page('whitehouse.html') });
    const { code, out, err } = await cli('import', '--follow-alternate', server.url(JA_PATH));
    expect(code).toBe(1);
    expect(out).toEqual([`${server.url(JA_PATH)} -> corpus/${JA_FILE} (added)`]);
    expect(err).toEqual([
      `${server.url(EN_PATH)}: not paired: the page the English link leads to neither links back nor reads as a version of this one (dates, names and numbers)`,
    ]);
    expect(await files()).toEqual([JA_FILE]);
    expect(await corpusFile(JA_FILE)).toBe(await withoutEvent('mofa-pair-ja'));
  });

  it('a version that cannot be fetched: one line with the reason, exit 1', async () => {
    server.routes.set(EN_PATH, { status: 404, type: 'text/html', body: 'Not Found' });
    const { code, out, err } = await cli('import', '--follow-alternate', server.url(JA_PATH));
    expect(code).toBe(1);
    expect(out).toEqual([`${server.url(JA_PATH)} -> corpus/${JA_FILE} (added)`]);
    expect(err).toEqual([
      `${server.url(EN_PATH)}: the English version was not imported: the server answered 404 Not Found`,
    ]);
    expect(await corpusFile(JA_FILE)).toBe(await withoutEvent('mofa-pair-ja'));
  });

  it('a link whose page is in another language than it says is refused', async () => {
    server.routes.set(EN_PATH, { type: 'text/html', body: await page('mofa-ja.html') });
    const { code, err } = await cli('import', '--follow-alternate', server.url(JA_PATH));
    expect(code).toBe(1);
    expect(err).toEqual([
      `${server.url(EN_PATH)}: not paired: the English link leads to a page in Japanese`,
    ]);
    expect(await files()).toEqual([JA_FILE]);
  });

  it('is for pages', async () => {
    const { code, err } = await cli('import', '--follow-alternate', 'notes.txt');
    expect(code).toBe(2);
    expect(err).toEqual([
      'readout: --follow-alternate is for pages (a URL or a saved .html file); see readout --help',
    ]);
  });
});

describe('readout import: a version already in the corpus gets the event in place', () => {
  it('the Japanese page first, then the English one: the Japanese file gets the event, same id', async () => {
    const first = await cli('import', server.url(JA_PATH));
    expect(first.code).toBe(0);
    expect(first.out).toEqual([
      `${server.url(JA_PATH)} -> corpus/${JA_FILE} (added)`,
      `${server.url(EN_PATH)}: the English version is not in the corpus; add --follow-alternate to import it with the same event`,
    ]);
    expect(await corpusFile(JA_FILE)).toBe(await withoutEvent('mofa-pair-ja'));

    const second = await cli('import', server.url(EN_PATH));
    expect(second.err).toEqual([]);
    expect(second.code).toBe(0);
    expect(second.out).toEqual([
      `${server.url(EN_PATH)} -> corpus/${EN_FILE} (added)`,
      `corpus/${JA_FILE}: the Japanese version of corpus/${EN_FILE}, already in the corpus: event: ${EVENT} added`,
    ]);
    expect(await files()).toEqual([JA_FILE, EN_FILE]);
    expect(await corpusFile(JA_FILE)).toBe(await expected('mofa-pair-ja'));
    expect(await corpusFile(EN_FILE)).toBe(await expected('mofa-pair-en'));

    // Re-importing either keeps the event.
    const again = await cli('import', server.url(JA_PATH));
    expect(again.out).toEqual([
      `${server.url(JA_PATH)} -> corpus/${JA_FILE} (unchanged)`,
      `corpus/${EN_FILE}: the English version of corpus/${JA_FILE}, already in the corpus: already has event: ${EVENT}`,
    ]);
  });

  it('an event the other version already has is the pair’s; a hand-written file keeps its own form', async () => {
    // A file written by hand, with quoted values and its own event, for the English version.
    const hand = await readFile(
      path.join(ROOT, 'test/fixtures/real/mofa/2019-05-20_en_japan-australia-summit-phone.md'),
      'utf8',
    );
    await put('hand-en.md', hand);
    const { code, out } = await cli('import', server.url(JA_PATH));
    expect(code).toBe(0);
    expect(out[1]).toBe(
      `corpus/hand-en.md: the English version of corpus/${JA_FILE}, already in the corpus: already has event: 2019-05-20_japan-australia-summit-phone`,
    );
    expect(await corpusFile(JA_FILE)).toBe(
      (await expected('mofa-pair-ja')).replace(EVENT, '2019-05-20_japan-australia-summit-phone'),
    );
    expect(await corpusFile('hand-en.md')).toBe(hand);

    // Without its event line, the line is added where the importer writes it; nothing else moves.
    await rm(path.join(dir, 'corpus', JA_FILE));
    const bare = hand.replace(/^event: .*\n/m, '');
    await put('hand-en.md', bare);
    const second = await cli('import', server.url(JA_PATH));
    expect(second.out[1]).toBe(
      `corpus/hand-en.md: the English version of corpus/${JA_FILE}, already in the corpus: event: ${EVENT} added`,
    );
    expect(await corpusFile('hand-en.md')).toBe(
      bare.replace(/\n---\n/, `\nevent: ${EVENT}\n---\n`),
    );
  });

  it('two different events are not merged by guess: one line; --event gives both one', async () => {
    await put(JA_FILE, (await expected('mofa-pair-ja')).replace(EVENT, 'au-call-ja'));
    await put(
      EN_FILE,
      (await expected('mofa-pair-en')).replace(`event: ${EVENT}`, 'event: au-call-en'),
    );
    const refused = await cli('import', server.url(JA_PATH));
    expect(refused.code).toBe(1);
    expect(refused.out).toEqual([`${server.url(JA_PATH)} -> corpus/${JA_FILE} (unchanged)`]);
    expect(refused.err).toEqual([
      `corpus/${EN_FILE}: not paired: the English version has event: au-call-en, this statement event: au-call-ja; pass --event to give both one`,
    ]);

    const settled = await cli('import', server.url(JA_PATH), '--event', 'au-call');
    expect(settled.code).toBe(0);
    expect(settled.out).toEqual([
      `${server.url(JA_PATH)} -> corpus/${JA_FILE} (updated)`,
      `corpus/${EN_FILE}: the English version of corpus/${JA_FILE}, already in the corpus: event: changed to au-call`,
    ]);
    expect(await corpusFile(JA_FILE)).toBe(
      (await expected('mofa-pair-ja')).replace(EVENT, 'au-call'),
    );
    expect(await corpusFile(EN_FILE)).toBe(
      (await expected('mofa-pair-en')).replace(`event: ${EVENT}`, 'event: au-call'),
    );
  });
});

describe('readout import: a page with no link to its other version, paired as retrieval pairs', () => {
  it('same site, within two days, shared names and numbers: the same event in both', async () => {
    await put('2019-05-20-japan-australia-summit-telephone-talk.md', await expected('mofa-en'));
    const { code, out, err } = await cli('import', server.url('/pages/mofa-ja-numbered-sjis.html'));
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toEqual([
      `${server.url('/pages/mofa-ja-numbered-sjis.html')} -> corpus/${JA_FILE} (added)`,
      `corpus/${EN_FILE}: taken for the English version of corpus/${JA_FILE} (same site, within two days, shared names and numbers): event: ${EVENT} added`,
    ]);
    const withEvent = (md: string) => md.replace(/^(source: .*\n)/m, `$1event: ${EVENT}\n`);
    expect(await corpusFile(JA_FILE)).toBe(withEvent(await expected('mofa-ja-numbered-sjis')));
    expect(await corpusFile(EN_FILE)).toBe(await expected('mofa-pair-en'));
  });

  it('not across sites: another publisher’s English text of the same call stays apart', async () => {
    const elsewhere = (await expected('mofa-en')).replace(
      'https://www.mofa.go.jp/a_o/ocn/au/page4e_001025.html',
      'https://www.pm.gov.au/media/call-prime-minister-abe',
    );
    await put(EN_FILE, elsewhere);
    const { code, out } = await cli('import', server.url('/pages/mofa-ja-numbered-sjis.html'));
    expect(code).toBe(0);
    expect(out).toEqual([
      `${server.url('/pages/mofa-ja-numbered-sjis.html')} -> corpus/${JA_FILE} (added)`,
    ]);
    expect(await corpusFile(JA_FILE)).toBe(await expected('mofa-ja-numbered-sjis'));
    expect(await corpusFile(EN_FILE)).toBe(elsewhere);
  });
});
