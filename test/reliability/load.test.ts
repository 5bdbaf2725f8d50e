/**
 * Load: a burst of 500 slash commands and mentions from 100 users through the real client, and
 * 10,000 questions in a row through the engine and the Discord renderer. Numbers go to the test
 * output; the assertions are about correctness (every question answered once, or told to slow
 * down) and a generous bound on memory growth, not about speed.
 */
import vm from 'node:vm';
import v8 from 'node:v8';
import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Lang } from '../../src/answer/types.ts';
import { answerMessage } from '../../src/discord/answerMessage.ts';
import { writeFixtureCorpus } from '../discord/corpusFixture.ts';
import { makeUser, type FakeUser, type RecordedRequest } from '../discord/fakeDiscord.ts';
import { REPO_CORPUS, startHarness, type Harness } from '../discord/harness.ts';
import { engineFromFolderInTemp } from '../helpers.ts';

let h: Harness;
let corpus: Awaited<ReturnType<typeof writeFixtureCorpus>>;

const USERS = 100;
const PER_USER = 5;
/** Each user's fifth question is over the limit: it must be told so, not dropped. */
const LIMIT = 4;

beforeAll(async () => {
  corpus = await writeFixtureCorpus();
  h = await startHarness({
    corpusDir: corpus.dir,
    cooldown: { limit: LIMIT, windowMs: 10 * 60_000 },
  });
});
afterAll(async () => {
  await h?.close();
  await corpus?.cleanup();
});

const QUESTIONS = [
  'maritime security',
  'coast guard',
  'patrol vessels',
  'water cannons',
  'joint exercises',
  '経済安全保障',
  '重要鉱物',
  '海底ケーブル',
  'freedom of navigation',
  '北朝鮮',
];

interface Sent {
  kind: 'command' | 'mention';
  user: FakeUser;
  nth: number;
  id: string;
  token?: string;
  sentAt: number;
  firstAt?: number;
  response?: RecordedRequest;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

test('a burst of 500 slash commands and mentions from 100 users: each answered once, or told to wait', async () => {
  const users = Array.from({ length: USERS }, (_, i) => makeUser(`load-${i}`));
  const sent: Sent[] = [];
  const start = Date.now();
  // Round-robin over users, so every user's over-the-limit question comes in the last round.
  for (let nth = 0; nth < PER_USER; nth++) {
    users.forEach((user, u) => {
      const query = QUESTIONS[(u + nth) % QUESTIONS.length]!;
      // Odd users mention the bot on their 2nd and 4th question (and the 5th for every third user).
      const mentionTurn = (u % 2 === 1 && (nth === 1 || nth === 3)) || (u % 3 === 0 && nth === 4);
      if (mentionTurn) {
        const m = h.fake.message(user, `<@${h.fake.botUser.id}> ${query}`, {
          guild: h.fake.guild,
          mentions: [h.fake.botUser],
        });
        sent.push({ kind: 'mention', user, nth, id: m.id, sentAt: Date.now() });
      } else {
        const i = h.fake.slashCommand('quote', [{ name: 'query', value: query }], {
          user,
          guild: h.fake.guild,
        });
        sent.push({ kind: 'command', user, nth, id: i.id, token: i.token, sentAt: Date.now() });
      }
    });
  }
  expect(sent).toHaveLength(USERS * PER_USER);

  await Promise.all(
    sent.map(async (s) => {
      s.response =
        s.kind === 'command'
          ? await h.fake.responseTo({ id: s.id, token: s.token! })
          : await h.fake.replyTo({ id: s.id });
      s.firstAt = Date.now();
    }),
  );
  // Deferred answers are edited in afterwards.
  const deferred = sent.filter((s) => s.response?.body?.type === 5);
  await Promise.all(
    deferred.map((s) =>
      h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(s.token!)),
    ),
  );
  const burstMs = Date.now() - start;

  // A question after the burst: once it is answered, any duplicate would have been sent.
  const late = h.fake.slashCommand('quote', [{ name: 'query', value: 'coast guard' }], {
    user: makeUser('after'),
    guild: h.fake.guild,
  });
  await h.fake.responseTo(late);

  const latencies = (kind: Sent['kind']) =>
    sent
      .filter((s) => s.kind === kind)
      .map((s) => s.firstAt! - s.sentAt)
      .sort((a, b) => a - b);
  const stats = (l: number[]) =>
    `p50 ${percentile(l, 50)} ms, p95 ${percentile(l, 95)} ms, max ${l.at(-1)} ms`;
  const firstResponse = Math.min(...sent.map((s) => s.firstAt!)) - start;
  const commandLatency = latencies('command');
  console.log(
    `burst of ${sent.length} (${commandLatency.length} commands, ${sent.length - commandLatency.length} mentions) ` +
      `from ${USERS} users: first response after ${firstResponse} ms, all answered in ${burstMs} ms; ` +
      `first response to commands ${stats(commandLatency)} (${deferred.length} deferred, ` +
      `${commandLatency.filter((l) => l > 3000).length} after 3 s); replies to mentions ${stats(latencies('mention'))}`,
  );

  for (const s of sent) {
    const body = s.response!.body;
    const matching =
      s.kind === 'command'
        ? h.fake.requests.filter(
            (r) => r.path.endsWith('/callback') && r.path.includes(`/${s.id}/`),
          )
        : h.fake.requests.filter((r) => r.body?.message_reference?.message_id === s.id);
    expect(matching, `${s.kind} ${s.nth} of ${s.user.username}`).toHaveLength(1);
    const payload = s.kind === 'command' ? body.data : body;
    if (s.nth < LIMIT) {
      if (body.type === 5) continue; // deferred: the edit was awaited above
      expect(payload.embeds?.[0]?.title, `${s.kind} ${s.nth} of ${s.user.username}`).toMatch(
        /^(Quote: |引用：)/,
      );
    } else {
      expect(payload.content).toMatch(/You are asking a little fast|少し間隔をあけてください/);
      if (s.kind === 'command') expect(payload.flags).toBe(64);
    }
  }
  expect(h.logs.filter((l) => l.includes('handler failed'))).toEqual([]);
  expect(h.bot.client.isReady()).toBe(true);
}, 120_000);

test('10,000 questions in a row through the engine and the Discord renderer: memory stays flat', async () => {
  const engine = await engineFromFolderInTemp(REPO_CORPUS, pino({ level: 'silent' }));
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const questions = [
    'ICBM',
    'who attended the call?',
    'when was the meeting?',
    '北朝鮮',
    '弾道ミサイル',
    'trilateral cooperation',
    '誰が出席しましたか',
    '会談はいつですか',
    'a question about nothing in the corpus at all',
  ];
  const ask = (i: number) => {
    const lang: Lang = i % 2 ? 'en' : 'ja';
    // Varied text (a number in each question) so no cache of identical questions could hide a leak.
    const { message, nothing } = answerMessage(engine, {
      kind: 'ask',
      query: `${questions[i % questions.length]} ${i % 97}`,
      lang,
      askerId: String(i),
    });
    if (message.embeds.length !== (nothing ? 0 : 1))
      throw new Error(`question ${i} gave ${message.embeds.length} embeds`);
  };
  for (let i = 0; i < 500; i++) ask(i); // warm-up: JIT, lazy tables
  gc();
  const before = process.memoryUsage().heapUsed;
  const started = Date.now();
  for (let i = 0; i < 10_000; i++) ask(i);
  const elapsed = Date.now() - started;
  gc();
  const after = process.memoryUsage().heapUsed;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  console.log(
    `10,000 questions in ${elapsed} ms (${(elapsed / 10_000).toFixed(2)} ms each); heap after gc: before ${mb(before)} MB, after ${mb(after)} MB, growth ${mb(after - before)} MB`,
  );
  expect(after - before).toBeLessThan(16 * 1024 * 1024);
}, 120_000);
