import { manyStatements } from './bench/manyStatements.ts';
import { createEngine } from './src/engine/create.ts';
import { buildLibrary } from './src/engine/library.ts';
import { writeFixtureCorpus } from './test/discord/corpusFixture.ts';
import { makeUser } from './test/discord/fakeDiscord.ts';
import { startHarness } from './test/discord/harness.ts';
const corpus = await writeFixtureCorpus();
const big = createEngine(buildLibrary(manyStatements(20000)));
const h = await startHarness({ corpusDir: corpus.dir, wrapEngine: () => big });
const Q = ['security', 'cooperation', 'missile', 'economic', 'Foreign Minister', '協力', '会談', '北朝鮮', '首脳', '経済'];
const users = Array.from({ length: 200 }, (_, i) => makeUser(`u${i}`));
const sent: any[] = [];
const start = Date.now();
for (let r = 0; r < 5; r++) { for (const [u, user] of users.entries()) sent.push(h.fake.slashCommand('quote', [{ name: 'query', value: Q[(u + r) % 10]! }], { user, guild: h.fake.guild })); await new Promise((res) => setTimeout(res, 200)); }
const first = await Promise.all(sent.map((s) => h.fake.responseTo(s)));
console.log('first responses in', Date.now() - start, 'deferred', first.filter((r) => r.body.type === 5).length);
await Promise.all(sent.filter((_, k) => first[k]!.body.type === 5).map((s) => h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(s.token))));
console.log('all in', Date.now() - start);
await h.close(); await corpus.cleanup();
