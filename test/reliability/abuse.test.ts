/**
 * Issue 12's load test, on loopback through the real client: 1,000 slash commands from 200 users
 * sent within about a second, while one user floods autocomplete at 20 a second and 80 others
 * press buttons, over 20,000 generated statements. Everyone is answered exactly once (a direct
 * answer, or a deferral and then the answer edited in), the flooding typist gets an answer to
 * every keystroke, and nothing fails. Discord drops a first response later than 3 s: the p99 of
 * commands and autocompletes and the slowest button press must be under that. On the shared
 * 2-core machine they measure 0.12-0.15 s at load average 2, up to 0.5 s at 5 and 0.7 s inside
 * the full npm test (8-17 s before the bot acknowledged ahead of answering): 3 s is a wide
 * margin that fails on those regressions, not on a slip of a second, which the printed numbers
 * show (see docs/performance.md).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { manyStatements } from '../../bench/manyStatements.ts';
import { engineFromLibrary } from '../../src/engine/fromLibrary.ts';
import { buildLibrary } from '../../src/answer/library.ts';
import type { Engine } from '../../src/engine/types.ts';
import { writeFixtureCorpus } from '../discord/corpusFixture.ts';
import { makeUser, type FakeUser, type RecordedRequest } from '../discord/fakeDiscord.ts';
import { buttonsOf, startHarness, type Harness } from '../discord/harness.ts';

const STATEMENTS = 20_000;
const USERS = 200;
const PER_USER = 5;
const PRESSERS = 40;
const QUESTIONS = [
  'security',
  'cooperation',
  'missile',
  'economic',
  'Foreign Minister',
  '協力',
  '会談',
  '北朝鮮',
  '首脳',
  '経済',
];

let h: Harness;
let corpus: Awaited<ReturnType<typeof writeFixtureCorpus>>;
let built: { statements: number; buildMs: number };
let big: Engine;
const lookupMs: number[] = [];

beforeAll(async () => {
  corpus = await writeFixtureCorpus();
  const started = performance.now();
  const statements = manyStatements(STATEMENTS);
  big = engineFromLibrary(buildLibrary(statements));
  // The bot prepares the engine before it goes online (its indexes, autocomplete's included).
  built = { statements: statements.length, buildMs: Math.round(performance.now() - started) };
  const timed: Engine = {
    ...big,
    statements: (lang) => big.statements(lang),
    findStatements: (prefix, max) => {
      const t = performance.now();
      const found = big.findStatements(prefix, max);
      lookupMs.push(performance.now() - t);
      return found;
    },
    get problems() {
      return big.problems;
    },
  };
  h = await startHarness({ corpusDir: corpus.dir, wrapEngine: () => timed });
}, 120_000);
afterAll(async () => {
  await h?.close();
  await corpus?.cleanup();
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}
const createdAt = (id: string) => Number((BigInt(id) >> 22n) + 1420070400000n);

/** The answer a user sees: the direct reply, or the deferred one once edited in. */
async function answerTo(interaction: { id: string; token: string }): Promise<any> {
  const first = await h.fake.responseTo(interaction);
  if (first.body.type === 4) return first.body.data;
  return (
    await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(interaction.token))
  ).body;
}

function pressOn(payload: any, label: string, user: FakeUser) {
  const button = buttonsOf(payload).find((b) => b.label === label);
  if (!button) throw new Error(`no button "${label}"`);
  return h.fake.button(button.custom_id, h.fake.botMessage(h.fake.guild.channelId, payload), {
    user,
    guild: h.fake.guild,
  });
}

test('an autocomplete lookup over 20,000 statements: p99 under 5 ms of CPU', () => {
  // Prefixes as users type them (as bench/autocomplete.ts), before the burst and its garbage. A
  // lookup that scans every title takes about 1.5 ms; timed by the clock, a neighbour taking the
  // core for a time slice made it 5 ms and more. The process's CPU time is the lookup's own cost.
  const titles = big
    .statements()
    .filter((_, i) => i % 97 === 0)
    .map((s) => s.title);
  const prefixes = [
    '',
    '2',
    '2024-',
    'joint',
    'foreign',
    '日',
    '日米',
    '会談',
    'zzz-nothing',
    ...titles.flatMap((t) => [t.slice(0, 1), t.slice(0, 3), t.slice(0, 8), t.slice(4, 12)]),
  ];
  const cpuMs = (from: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(from);
    return (used.user + used.system) / 1000;
  };
  const rounds = [0, 1, 2].map(() =>
    prefixes
      .map((prefix) => {
        const from = process.cpuUsage();
        big.findStatements(prefix, 25);
        return cpuMs(from);
      })
      .sort((a, b) => a - b),
  );
  const p99s = rounds.map((times) => percentile(times, 99));
  console.log(
    `autocomplete lookups over ${STATEMENTS} statements, 3 rounds of ${prefixes.length}: CPU p50 ` +
      `${rounds.map((t) => percentile(t, 50).toFixed(2)).join(' / ')} ms, p99 ${p99s.map((p) => p.toFixed(2)).join(' / ')} ms`,
  );
  // The first round also pays for the compiler warming up.
  expect(Math.min(...p99s)).toBeLessThan(5);
});

test('1,000 commands from 200 users in about a second, with an autocomplete flood and button presses: each answered once, within 3 s', async () => {
  expect(built.statements).toBe(STATEMENTS);
  const users = Array.from({ length: USERS }, (_, i) => makeUser(`abuse-${i}`));
  const flooder = makeUser('flooder');
  // Buttons pressed during the burst: each presser pages their own answer (the message is
  // updated), and each bystander switches someone else's answer's language (a private copy).
  const pressers = Array.from({ length: PRESSERS }, (_, i) => makeUser(`presser-${i}`));
  const bystanders = Array.from({ length: PRESSERS }, (_, i) => makeUser(`bystander-${i}`));
  const answers = await Promise.all(
    pressers.map((user) =>
      answerTo(
        h.fake.slashCommand('quote', [{ name: 'query', value: 'security' }], {
          user,
          guild: h.fake.guild,
        }),
      ),
    ),
  );
  const sent: Array<{ id: string; token: string; user: string }> = [];
  const pressed: Array<{ id: string; token: string; own: boolean }> = [];
  const typed: Array<{ id: string; token: string }> = [];

  let flooding = true;
  const flood = (async () => {
    for (let n = 0; flooding; n++) {
      const value = ['j', 'jo', 'joi', 'join', 'joint', '日', '日米', '2', '20', '202'][n % 10]!;
      typed.push(
        h.fake.autocomplete('quote', [{ name: 'statement', value, focused: true }], {
          user: flooder,
          guild: h.fake.guild,
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();

  const start = Date.now();
  for (let round = 0; round < PER_USER; round++) {
    for (const [u, user] of users.entries()) {
      const query = QUESTIONS[(u + round) % QUESTIONS.length]!;
      const i = h.fake.slashCommand('quote', [{ name: 'query', value: query }], {
        user,
        guild: h.fake.guild,
      });
      sent.push({ id: i.id, token: i.token, user: user.username });
    }
    // The presses come with the busiest waves, the second and the third.
    if (round === 1)
      for (const [k, user] of pressers.entries())
        pressed.push({ ...pressOn(answers[k], 'Next ▶', user), own: true });
    if (round === 2)
      for (const [k, user] of bystanders.entries())
        pressed.push({ ...pressOn(answers[k], '日本語', user), own: false });
    // Spread over about a second, in five waves.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const first = await Promise.all(sent.map((s) => h.fake.responseTo(s)));
  const deferred = sent.filter((_, k) => first[k]!.body.type === 5);
  const edits = await Promise.all(
    deferred.map((s) =>
      h.fake.waitForRequest(
        (r: RecordedRequest) => r.method === 'PATCH' && r.path.includes(s.token),
      ),
    ),
  );
  const pressFirst = await Promise.all(pressed.map((p) => h.fake.responseTo(p)));
  const pressAnswers = await Promise.all(
    pressed.map((p, k) =>
      [4, 7].includes(pressFirst[k]!.body.type)
        ? pressFirst[k]!.body.data
        : h.fake
            .waitForRequest(
              (r: RecordedRequest) => r.method === 'PATCH' && r.path.includes(p.token),
            )
            .then((r) => r.body),
    ),
  );
  const allMs = Date.now() - start;
  flooding = false;
  await flood;
  const typedAnswers = await Promise.all(typed.map((t) => h.fake.responseTo(t)));

  // When Discord would have had each first response, from when it created the interaction.
  const after = (responses: RecordedRequest[], asked: Array<{ id: string }>) =>
    asked.map((a, k) => responses[k]!.at - createdAt(a.id)).sort((a, b) => a - b);
  const firstMs = after(first, sent);
  const pressMs = after(pressFirst, pressed);
  const typedMs = after(typedAnswers, typed);
  const lookups = [...lookupMs].sort((a, b) => a - b);
  console.log(
    `${built.statements} statements (engine built in ${built.buildMs} ms); ${sent.length} commands from ${USERS} users, all answered in ${allMs} ms; ` +
      `first response p50 ${percentile(firstMs, 50)} ms, p99 ${percentile(firstMs, 99)} ms, max ${firstMs.at(-1)} ms ` +
      `(${firstMs.filter((ms) => ms >= 3000).length} after 3 s, ${deferred.length} deferred); ` +
      `${pressed.length} button presses: first response p99 ${percentile(pressMs, 99)} ms, max ${pressMs.at(-1)} ms ` +
      `(${pressFirst.filter((r) => r.body.type === 5 || r.body.type === 6).length} deferred); ` +
      `${typed.length} autocompletes from one user: response p99 ${percentile(typedMs, 99)} ms, ` +
      `${typedAnswers.filter((t) => t.body.data.choices.length > 0).length} with choices; ` +
      `lookup p99 ${percentile(lookups, 99).toFixed(2)} ms over ${lookups.length} lookups`,
  );

  for (const [k, s] of sent.entries()) {
    const callbacks = h.fake.requests.filter(
      (r) => r.path.endsWith('/callback') && r.path.includes(`/${s.id}/`),
    );
    expect(callbacks, `${s.user}`).toHaveLength(1);
    const body = first[k]!.body;
    if (body.type === 4) expect(body.data.embeds[0].title).toMatch(/^(Quote: |引用：)/);
  }
  for (const edit of edits) expect(edit.body.embeds[0].title).toMatch(/^(Quote: |引用：)/);
  for (const [k, p] of pressed.entries()) {
    expect(
      h.fake.requests.filter((r) => r.path.endsWith('/callback') && r.path.includes(`/${p.id}/`)),
    ).toHaveLength(1);
    // Paging one's own answer updates it (7, or 6 then the edit); a bystander's copy is private (flags 64).
    expect(p.own ? [7, 6] : [4, 5]).toContain(pressFirst[k]!.body.type);
    if (!p.own) expect(pressFirst[k]!.body.data.flags).toBe(64);
    expect(pressAnswers[k].embeds[0].title).toBe(p.own ? 'Quote: security' : '引用：security');
    if (p.own)
      expect(buttonsOf(pressAnswers[k]).find((b) => /^\d+\/\d+$/.test(b.label))?.label).toMatch(
        /^2\//,
      );
  }
  expect(typedAnswers.every((t) => t.body.type === 8)).toBe(true);
  expect(h.logs.filter((l) => l.includes('handler failed'))).toEqual([]);
  // Within Discord's 3 s (see the top of this file for the margin).
  expect(percentile(firstMs, 99)).toBeLessThan(3000);
  expect(pressMs.at(-1)).toBeLessThan(3000);
  expect(percentile(typedMs, 99)).toBeLessThan(3000);
}, 60_000);
