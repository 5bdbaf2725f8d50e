/** `readout follow`: feeds on loopback, new items imported once, politely. */
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import {
  followOnce,
  newMemory,
  readFeedsFile,
  startFollowing,
  type FeedsConfig,
} from '../../src/ingest/follow.ts';
import { PageServer, PAGES } from './pageServer.ts';

let server: PageServer;
let dir: string;
beforeAll(async () => {
  server = await PageServer.start();
  dir = await mkdtemp(path.join(os.tmpdir(), 'readout-follow-'));
  await mkdir(path.join(dir, 'corpus'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const rdf = (links: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="${server.url('/mofaj/index.rdf')}"><title>外務省 新着情報</title><link>${server.url('/')}</link></channel>
${links.map((l) => `<item rdf:about="${l}"><title><![CDATA[新着]]></title><link>${l}</link><dc:date>2024-07-17T18:00:00+09:00</dc:date></item>`).join('\n')}
</rdf:RDF>`;

const atom = (links: string[]) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Briefing Room</title><id>${server.url('/feed')}</id>
${links.map((l) => `<entry><title>Readout</title><link rel="alternate" type="text/html" href="${l}"/><id>${l}</id><updated>2021-02-04T01:41:09Z</updated></entry>`).join('\n')}
</feed>`;

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

it('reads RSS 1.0 and Atom feeds, imports each new page once, and asks again only conditionally', async () => {
  server.routes.set('/mofaj/index.rdf', (headers) =>
    headers['if-none-match'] === '"v1"'
      ? { status: 304 }
      : {
          type: 'application/rdf+xml',
          headers: { etag: '"v1"' },
          body: rdf([
            server.url('/pages/mofa-ja.html'),
            server.url('/pages/mofa-ja-numbered-sjis.html'),
          ]),
        },
  );
  server.routes.set('/wh/feed', {
    type: 'application/atom+xml',
    body: atom([server.url('/pages/whitehouse.html')]),
  });
  await writeFile(
    path.join(dir, 'corpus', 'feeds.yaml'),
    `feeds:\n  - ${server.url('/mofaj/index.rdf')}\n  - url: ${server.url('/wh/feed')}\npoll: 30m\n`,
  );

  const first = await cli('follow');
  expect(first.err.at(-1)).toBe('2 feed(s) read, 3 statement(s) imported, 0 error(s).');
  expect(first.code).toBe(0);
  expect((await readdir(path.join(dir, 'corpus'))).filter((f) => f.endsWith('.md')).sort()).toEqual(
    [
      '2019-05-20-ja-6e9c677b.md',
      '2021-02-03-readout-of-president-joseph-r-biden-jr-call-with-prime-minis.md',
      '2024-07-17-ja-372b749c.md',
    ],
  );
  // A second pass finds them in the corpus by source URL: nothing new, nothing duplicated.
  const pages = () => server.requests.filter((r) => r.path.startsWith('/pages/')).length;
  const before = pages();
  const second = await cli('follow');
  expect(second.err.at(-1)).toBe('2 feed(s) read, 0 statement(s) imported, 0 error(s).');
  expect(pages()).toBe(before);
  expect((await readdir(path.join(dir, 'corpus'))).filter((f) => f.endsWith('.md'))).toHaveLength(
    3,
  );
  expect((await cli('check')).code).toBe(0);
});

it('in one process, a feed is asked with its ETag and a 304 costs nothing; requests go one at a time', async () => {
  const config = (await readFeedsFile(path.join(dir, 'corpus', 'feeds.yaml'))) as FeedsConfig;
  expect(config.pollMs).toBe(30 * 60_000);
  const memory = newMemory();
  server.delayMs = 20;
  await followOnce(config, path.join(dir, 'corpus'), {
    allowHosts: ['127.0.0.1'],
    memory,
    hostGapMs: 0,
  });
  await followOnce(config, path.join(dir, 'corpus'), {
    allowHosts: ['127.0.0.1'],
    memory,
    hostGapMs: 0,
  });
  server.delayMs = 0;
  const asks = server.requests.filter((r) => r.path === '/mofaj/index.rdf');
  expect(asks.at(-1)!.headers['if-none-match']).toBe('"v1"');
  expect(server.maxInFlight).toBe(1);
});

it('a feed that fails is reported in one line and the others still run; the poller backs off', async () => {
  const corpus = path.join(dir, 'corpus');
  const config: FeedsConfig = {
    file: 'feeds.yaml',
    feeds: [{ url: server.url('/down.rdf') }, { url: server.url('/wh/feed') }],
    pollMs: 0,
    allowHosts: ['127.0.0.1'],
    publishers: new Map(),
  };
  server.routes.set('/down.rdf', { status: 503, type: 'text/html', body: 'busy' });
  const report = await followOnce(config, corpus, { hostGapMs: 0 });
  expect(report.errors).toEqual([
    { url: server.url('/down.rdf'), error: `the server answered 503 Service Unavailable` },
  ]);
  expect(report.feeds).toBe(1);

  const follower = startFollowing(config, corpus, { hostGapMs: 0, pollMs: 0 });
  expect((await follower.runNow()).errors).toHaveLength(1);
  follower.stop();
});

it('a broken feeds.yaml is one line that names what to fix, and exit 2', async () => {
  await writeFile(path.join(dir, 'corpus', 'feeds.yaml'), 'feeds:\n  - ftp://example.org/feed\n');
  const bad = await cli('follow');
  expect(bad.code).toBe(2);
  expect(bad.err).toEqual(['readout: feeds.yaml: feed 1 needs an http(s) url']);
  await writeFile(
    path.join(dir, 'corpus', 'feeds.yaml'),
    `feeds: [${server.url('/wh/feed')}]\npoll: 5s\n`,
  );
  expect((await cli('follow')).err).toEqual([
    'readout: feeds.yaml: poll must be at least 1m, to be polite to the publishers',
  ]);
});

it('a page and its other-language version from the feeds get one event, whichever comes first', async () => {
  const corpus = await mkdtemp(path.join(os.tmpdir(), 'readout-follow-pairs-'));
  const ja = '/mofaj/a_o/ocn/au/page4_004982.html';
  const en = '/a_o/ocn/au/page4e_001025.html';
  server.routes.set(ja, {
    type: 'text/html',
    body: await readFile(path.join(PAGES, 'mofa-pair-ja.html')),
  });
  server.routes.set(en, {
    type: 'text/html',
    body: await readFile(path.join(PAGES, 'mofa-pair-en.html')),
  });
  server.routes.set('/mofaj/pair.rdf', {
    type: 'application/rdf+xml',
    body: rdf([server.url(ja)]),
  });
  server.routes.set('/en/pair.rdf', { type: 'application/rdf+xml', body: rdf([server.url(en)]) });
  const config: FeedsConfig = {
    file: 'feeds.yaml',
    feeds: [{ url: server.url('/mofaj/pair.rdf') }, { url: server.url('/en/pair.rdf') }],
    pollMs: 0,
    allowHosts: ['127.0.0.1'],
    publishers: new Map(),
  };
  const report = await followOnce(config, corpus, { hostGapMs: 0 });
  expect(report.errors).toEqual([]);
  expect(report.imported.map((r) => r.file)).toEqual([
    '2019-05-20-ja-6e9c677b.md',
    '2019-05-20-japan-australia-summit-telephone-talk.md',
  ]);
  // The Japanese page's "English" link is not followed by a feed pass: the English item brings it.
  expect(report.pairs).toEqual([
    {
      stream: 'out',
      text: '2019-05-20-ja-6e9c677b.md: the Japanese version of 2019-05-20-japan-australia-summit-telephone-talk.md, already in the corpus: event: 2019-05-20-japan-australia-summit-telephone-talk added',
    },
  ]);
  expect(await readFile(path.join(corpus, '2019-05-20-ja-6e9c677b.md'), 'utf8')).toBe(
    await readFile(path.join(PAGES, 'mofa-pair-ja.expected.md'), 'utf8'),
  );
  expect(
    await readFile(
      path.join(corpus, '2019-05-20-japan-australia-summit-telephone-talk.md'),
      'utf8',
    ),
  ).toBe(await readFile(path.join(PAGES, 'mofa-pair-en.expected.md'), 'utf8'));
  await rm(corpus, { recursive: true, force: true });
});
