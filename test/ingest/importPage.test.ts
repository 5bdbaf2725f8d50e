/** `readout import URL`: saved publisher pages served on loopback, imported byte for byte. */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import { findPrintedDate } from '../../src/ingest/dates.ts';
import { fetchResource, isPrivateAddress } from '../../src/ingest/fetch.ts';
import { publisherLookup, readPublisherFile } from '../../src/ingest/publishers.ts';
import { ROOT } from '../helpers.ts';
import { PageServer, PAGES } from './pageServer.ts';

let server: PageServer;
let dir: string;
const allow = { allowHosts: ['127.0.0.1'] };
beforeAll(async () => {
  server = await PageServer.start();
});
afterAll(async () => {
  await server.close();
});
const fresh = async () => (dir = await mkdtemp(path.join(os.tmpdir(), 'readout-ingest-')));

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

/** The corpus folder the command line uses in `dir` (./corpus), listed; none yet is empty. */
const written = async () => readdir(path.join(dir, 'corpus')).catch(() => [] as string[]);
const corpusFile = (name: string) => path.join(dir, 'corpus', name);
const body = (md: string) => md.split(/^---$/m)[2]!.trim();

describe('readout import URL', () => {
  const pages = ['mofa-ja', 'mofa-en', 'whitehouse', 'state', 'govuk', 'mofa-ja-numbered-sjis'];
  it.each(pages)('%s: the corpus file is exactly the expected one', async (name) => {
    await fresh();
    const { code, out, err } = await cli('import', server.url(`/pages/${name}.html`));
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/ -> .*\.md \(added\)$/);
    const [file] = await written();
    expect(await readFile(corpusFile(file!), 'utf8')).toBe(
      await readFile(path.join(PAGES, `${name}.expected.md`), 'utf8'),
    );
    expect((await cli('check')).code).toBe(0);
  });

  it('keeps the published words: the bodies equal the real statements they were taken from', async () => {
    const real = async (rel: string) => body(await readFile(path.join(ROOT, rel), 'utf8'));
    const expected = async (name: string) =>
      body(await readFile(path.join(PAGES, `${name}.expected.md`), 'utf8'));
    expect(await expected('whitehouse')).toBe(
      await real('test/fixtures/real/people/2021-02-03_en_wh-readout-biden-morrison-call.md'),
    );
    expect(await expected('govuk')).toBe(
      await real('test/fixtures/real/people/2024-11-28_en_uk-pm-call-zelenskyy.md'),
    );
    expect(await expected('state')).toBe(
      await real(
        'corpus/2024/state-2024-10-31-joint-statement-rok-us-japan-foreign-ministers.en.md',
      ),
    );
    // MOFA's dateline goes to `date:`; the list items keep their labels.
    expect(await expected('mofa-en')).toBe(
      (await real('test/fixtures/real/mofa/2019-05-20_en_japan-australia-summit-phone.md')).replace(
        /^May 20, 2019\n\n/,
        '',
      ),
    );
  });

  it('imports a saved .html file the same way (source from the page)', async () => {
    await fresh();
    const { code } = await cli('import', path.join(PAGES, 'whitehouse.html'));
    expect(code).toBe(0);
    const [file] = await written();
    expect(await readFile(corpusFile(file!), 'utf8')).toBe(
      await readFile(path.join(PAGES, 'whitehouse.expected.md'), 'utf8'),
    );
  });

  it('re-importing the same page changes nothing; a changed page is updated in place', async () => {
    await fresh();
    server.routes.set('/changing.html', {
      type: 'text/html',
      body: await readFile(path.join(PAGES, 'govuk.html'), 'utf8'),
    });
    expect((await cli('import', server.url('/changing.html'))).out[0]).toMatch(/\(added\)$/);
    expect((await cli('import', server.url('/changing.html'))).out[0]).toMatch(/\(unchanged\)$/);
    const edited = (await readFile(path.join(PAGES, 'govuk.html'), 'utf8')).replace(
      'They looked forward to speaking again soon.',
      'They looked forward to meeting soon.',
    );
    server.routes.set('/changing.html', { type: 'text/html', body: edited });
    const again = await cli('import', server.url('/changing.html'));
    expect(again.out[0]).toMatch(/\(updated\)$/);
    const files = await written();
    expect(files).toHaveLength(1);
    expect(await readFile(corpusFile(files[0]!), 'utf8')).toContain(
      'They looked forward to meeting soon.',
    );
  });

  it('a page without a date is refused with one line naming the flag; --date supplies it', async () => {
    await fresh();
    const html = (await readFile(path.join(PAGES, 'mofa-ja.html'), 'utf8')).replace(
      '<p class="rightalign">令和6年7月17日</p>',
      '',
    );
    server.routes.set('/nodate.html', { type: 'text/html', body: html });
    const refused = await cli('import', server.url('/nodate.html'));
    expect(refused.code).toBe(1);
    expect(refused.err).toEqual([
      `${server.url('/nodate.html')}: no date found on the page; pass --date YYYY-MM-DD`,
    ]);
    expect(await written()).toEqual([]);
    expect((await cli('import', server.url('/nodate.html'), '--date', '2024-07-17')).code).toBe(0);
  });

  const refusals: Array<[string, () => void, RegExp]> = [
    [
      'no heading and no title',
      () =>
        server.routes.set('/bare.html', {
          type: 'text/html',
          body: '<html><body><div><p>令和6年7月17日</p><p>両外相は会談を行いました。</p></div></body></html>',
        }),
      /no title found on the page; pass --title "..."$/,
    ],
    [
      'no statement text',
      () =>
        server.routes.set('/empty.html', {
          type: 'text/html',
          body: '<html lang="en"><head><title>Index</title></head><body><nav><a href="/a">A</a></nav></body></html>',
        }),
      /no statement text found on the page/,
    ],
    [
      'huge',
      () =>
        server.routes.set('/huge.html', {
          type: 'text/html',
          body: Buffer.alloc(6 * 1024 * 1024, 0x61),
        }),
      /the page is too large \((over 5242880 bytes|\d+ bytes; the limit is 5242880)\)$/,
    ],
    [
      'a PDF',
      () => server.routes.set('/paper.pdf', { type: 'application/pdf', body: '%PDF-1.4' }),
      /not a web page: the content type is application\/pdf \(expected text\/html\)$/,
    ],
    [
      'a redirect loop',
      () => {
        server.routes.set('/loop-a', { status: 302, headers: { location: '/loop-b' } });
        server.routes.set('/loop-b', { status: 302, headers: { location: '/loop-a' } });
      },
      /redirect loop at http:\/\/127\.0\.0\.1:\d+\/loop-a$/,
    ],
    ['a missing page', () => undefined, /the server answered 404 Not Found$/],
  ];
  it.each(refusals)('%s: one line, nothing written', async (_name, setup, line) => {
    await fresh();
    setup();
    const target = {
      'no heading and no title': '/bare.html',
      'no statement text': '/empty.html',
      huge: '/huge.html',
      'a PDF': '/paper.pdf',
      'a redirect loop': '/loop-a',
      'a missing page': '/missing.html',
    }[_name]!;
    const { code, err } = await cli('import', server.url(target));
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(line);
    expect(await written()).toEqual([]);
  });

  it('follows a few redirects, not endless ones', async () => {
    server.routes.set('/moved', { status: 301, headers: { location: '/pages/whitehouse.html' } });
    expect((await fetchResource(server.url('/moved'), allow)).url).toBe(
      server.url('/pages/whitehouse.html'),
    );
    for (let i = 0; i < 8; i++)
      server.routes.set(`/hop${i}`, { status: 302, headers: { location: `/hop${i + 1}` } });
    await expect(fetchResource(server.url('/hop0'), allow)).rejects.toThrow(
      'too many redirects (more than 5)',
    );
  });

  it('refuses private and local addresses unless the host is allowed, and other schemes', async () => {
    const before = server.requests.length;
    await expect(fetchResource(server.url('/pages/whitehouse.html'))).rejects.toThrow(
      /^refused: 127\.0\.0\.1 is a private or local address/,
    );
    // A name that resolves to loopback is caught where the connection is made.
    await expect(
      fetchResource(`http://localhost:${server.port}/pages/whitehouse.html`),
    ).rejects.toThrow(/refused: localhost is a private or local address/);
    await expect(fetchResource('http://10.1.2.3/x', { timeoutMs: 200 })).rejects.toThrow(
      /refused: 10\.1\.2\.3 is a private/,
    );
    await expect(fetchResource('http://[::1]/x')).rejects.toThrow(/refused/);
    await expect(fetchResource('file:///etc/passwd')).rejects.toThrow(
      'refused: only http and https pages are fetched, not file:',
    );
    // A redirect to a private address is refused too.
    server.routes.set('/to-private', {
      status: 302,
      headers: { location: 'http://192.168.1.1/admin' },
    });
    await expect(fetchResource(server.url('/to-private'), allow)).rejects.toThrow(
      /refused: 192\.168\.1\.1 is a private/,
    );
    expect(server.requests.length).toBe(before + 1);
    expect(
      ['10.0.0.1', '172.16.5.4', '169.254.169.254', '::ffff:127.0.0.1', 'fe80::1', 'fd00::1'].every(
        isPrivateAddress,
      ),
    ).toBe(true);
    expect(['93.184.216.34', '2001:db8::1'].some(isPrivateAddress)).toBe(false);
  });

  it('sends a User-Agent that says who asks', async () => {
    await fetchResource(server.url('/pages/mofa-en.html'), allow);
    expect(server.requests.at(-1)!.headers['user-agent']).toMatch(/^Readout\/\S+ \(/);
  });
});

describe('dates as printed', () => {
  it.each([
    ['令和6年11月1日', '2024-11-01'],
    ['令和元年5月20日', '2019-05-20'],
    ['平成31年4月30日', '2019-04-30'],
    ['２０２４年１１月１日', '2024-11-01'],
    ['November 1, 2024', '2024-11-01'],
    ['1 November 2024', '2024-11-01'],
    ['Sept. 3, 2025', '2025-09-03'],
    ['08.12.2021 - Press release', '2021-12-08'],
    ['2024-11-01T09:00:00+09:00', '2024-11-01'],
  ])('%s -> %s', (printed, iso) => {
    expect(findPrintedDate(printed)?.date).toBe(iso);
  });
  it('a date that does not exist is not a date', () => {
    expect(findPrintedDate('31.02.2024')).toBeUndefined();
  });
});

describe('publishers', () => {
  it('the host table names the publisher per language and covers subdomains', async () => {
    const lookup = publisherLookup(await readPublisherFile());
    expect(lookup('www.mofa.go.jp', 'ja')).toBe('外務省');
    expect(lookup('mofa.go.jp', 'en')).toBe('Ministry of Foreign Affairs of Japan');
    expect(lookup('www.state.gov', 'en')).toBe('U.S. Department of State');
    expect(lookup('example.org', 'en')).toBeUndefined();
  });
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});
