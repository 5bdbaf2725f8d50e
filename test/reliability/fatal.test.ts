/**
 * Issue 12, process and exit codes: what an operator and a supervisor see when the bot cannot run.
 * A wrong token, refused intents and a fatal gateway close while running end the real process with
 * exit code 2 and one log line that says what to fix (no stack trace); an unreachable API is
 * retried, then exit 1. A malformed gateway event, a hanging API at stop time and a failed final
 * edit after a deferral are survived.
 */
import { once } from 'node:events';
import { afterEach, expect, test } from 'vitest';
import { runBotProcess } from '../../src/discord/launch.ts';
import { launchBot, printed, type BotProcess } from '../discord/botProcess.ts';
import { FakeDiscord, makeUser, snowflake } from '../discord/fakeDiscord.ts';
import {
  configFor,
  memoryLogger,
  REPO_CORPUS,
  startHarness,
  type Harness,
} from '../discord/harness.ts';
import { engineFromFolderInTemp } from '../helpers.ts';

let fake: FakeDiscord | undefined;
let h: Harness | undefined;

afterEach(async () => {
  await h?.close();
  await fake?.close();
  h = undefined;
  fake = undefined;
});

/** Lines of the process's output that are not JSON log lines (a raw stack trace would be). */
function rawLines(bot: BotProcess): string[] {
  return bot.output
    .join('')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('{'));
}

function fatalLines(bot: BotProcess): Array<{ level: number; msg: string }> {
  return bot.output
    .join('')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l))
    .filter((l) => l.level >= 50);
}

test('a wrong DISCORD_TOKEN: exit 2 and one line that says to reset the token, no stack trace', async () => {
  fake = await FakeDiscord.start();
  const bot = launchBot(fake, ['bin/start.js'], { DISCORD_TOKEN: 'not.the.right-token-value' });
  const [code] = await once(bot.proc, 'exit');
  expect(code).toBe(2);
  const fatal = fatalLines(bot);
  expect(fatal).toHaveLength(1);
  expect(fatal[0]!.msg).toMatch(/^Discord rejected DISCORD_TOKEN .*Reset Token.*\.env/);
  expect(rawLines(bot)).toEqual([]);
  expect(bot.output.join('')).not.toContain('not.the.right-token-value');
});

test('intents refused at login (close 4014): exit 2 and one line naming the intents setting', async () => {
  fake = await FakeDiscord.start();
  fake.identifyCloseCode = 4014;
  const bot = launchBot(fake, ['bin/start.js']);
  const [code] = await once(bot.proc, 'exit');
  expect(code).toBe(2);
  const fatal = fatalLines(bot);
  expect(fatal).toHaveLength(1);
  expect(fatal[0]!.msg).toContain('close 4014, disallowed intents');
  expect(fatal[0]!.msg).toContain('Privileged Gateway Intents');
  expect(rawLines(bot)).toEqual([]);
});

for (const code of [4004, 4014, 4011, 4012]) {
  test(`a fatal gateway close ${code} while running: exit 2 with one error line, not 0 after a warning`, async () => {
    fake = await FakeDiscord.start();
    const bot = launchBot(fake, ['bin/start.js']);
    await printed(bot, 'Discord bot ready');
    fake.closeSockets(code, 'test: fatal');
    const [exitCode] = await once(bot.proc, 'exit');
    expect(exitCode).toBe(2);
    const fatal = fatalLines(bot);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]!.msg).toContain(`close ${code}`);
    expect(rawLines(bot)).toEqual([]);
  });
}

for (const when of ['at login', 'while running'] as const) {
  test(`sharded: a shard refused by Discord ${when} stops all shards with exit 2, not a respawn loop`, async () => {
    fake = await FakeDiscord.start();
    if (when === 'at login') fake.identifyCloseCode = 4014;
    const bot = launchBot(fake, ['--import', 'tsx', 'src/discord/sharded.ts'], {
      SHARD_COUNT: '1',
    });
    if (when === 'while running') {
      await printed(bot, 'Discord bot ready');
      fake.identifyCloseCode = 4004;
      fake.closeSockets(4004, 'test: token reset');
    }
    const [code] = await once(bot.proc, 'exit');
    expect(code).toBe(2);
    const fatal = fatalLines(bot);
    expect(fatal.map((l) => l.msg)).toEqual([
      expect.stringContaining(when === 'at login' ? 'close 4014' : 'close 4004'),
      expect.stringContaining('stopping all shards'),
    ]);
    expect(fake.identifies).toHaveLength(1);
    expect(rawLines(bot)).toEqual([]);
  });
}

test('an unreachable API is retried with growing waits, then exit 1 with one line naming the URL', async () => {
  fake = await FakeDiscord.start();
  const config = configFor(fake);
  await fake.close();
  fake = undefined;
  const { logger, logs } = memoryLogger();
  const engine = await engineFromFolderInTemp(REPO_CORPUS);
  const waits: number[] = [];
  const exited = new Promise<number>((resolve) => {
    void runBotProcess(config, engine, logger, {
      exit: resolve,
      signals: [],
      retry: { attempts: 3, firstDelayMs: 10, sleep: async (ms) => void waits.push(ms) },
    });
  });
  expect(await exited).toBe(1);
  expect(waits).toEqual([10, 20]);
  const lines = logs.map((l) => JSON.parse(l));
  expect(lines.filter((l) => l.level === 40 && l.msg.includes('Retrying'))).toHaveLength(2);
  const fatal = lines.filter((l) => l.level >= 50);
  expect(fatal).toHaveLength(1);
  expect(fatal[0].msg).toBe(
    `Discord's API at ${config.discordApiUrl} cannot be reached (ECONNREFUSED): check the network, a proxy or firewall, and DISCORD_API_URL if set.`,
  );
  expect(fatal[0].err).toBeUndefined();
});

test('a signal while waiting to retry an unreachable API stops at once with exit 0, without more tries', async () => {
  fake = await FakeDiscord.start();
  const config = configFor(fake);
  await fake.close();
  fake = undefined;
  const { logger, logs } = memoryLogger();
  const engine = await engineFromFolderInTemp(REPO_CORPUS);
  const exited = new Promise<number>((resolve) => {
    // A minute's wait before the second try: only the signal can end it within the test's time.
    void runBotProcess(config, engine, logger, {
      exit: resolve,
      signals: ['SIGUSR2'],
      retry: { attempts: 5, firstDelayMs: 60_000 },
    });
  });
  while (!logs.some((l) => l.includes('Retrying')))
    await new Promise((resolve) => setTimeout(resolve, 10));
  process.emit('SIGUSR2', 'SIGUSR2');
  expect(await exited).toBe(0);
  expect(logs.filter((l) => l.includes('Retrying'))).toHaveLength(1);
  expect(logs.some((l) => JSON.parse(l).level >= 50)).toBe(false);
});

test('an interaction with neither user nor member is logged and skipped; the bot answers the next one', async () => {
  h = await startHarness();
  const guild = h.fake.guild;
  h.fake.dispatch('INTERACTION_CREATE', {
    id: snowflake(),
    token: 'itoken-malformed',
    type: 2,
    version: 1,
    application_id: h.fake.applicationId,
    locale: 'en-US',
    guild_id: guild.id,
    channel_id: guild.channelId,
    data: {
      id: snowflake(),
      name: 'quote',
      type: 1,
      options: [{ name: 'query', type: 3, value: 'ICBM' }],
    },
  });
  const next = h.fake.slashCommand('quote', [{ name: 'query', value: 'ICBM' }], {
    user: makeUser('next'),
    guild,
  });
  const response = await h.fake.responseTo(next);
  expect(response.body.data.embeds[0].title).toBe('Quote: ICBM');
  expect(
    h.logs.some(
      (l) =>
        l.includes('gateway event could not be handled; skipped') &&
        l.includes('INTERACTION_CREATE'),
    ),
  ).toBe(true);
});

test('stop() with the Discord API hanging: replies in flight get the deadline, then the bot stops', async () => {
  h = await startHarness({ stopDeadlineMs: 300 });
  h.fake.intercept = (req) => (req.path.endsWith('/callback') ? new Promise(() => {}) : undefined);
  const hanging = h.fake.slashCommand('quote', [{ name: 'query', value: 'ICBM' }], {
    user: makeUser('stuck'),
    guild: h.fake.guild,
  });
  await h.fake.responseTo(hanging);
  const started = Date.now();
  await h.bot.stop();
  const took = Date.now() - started;
  console.log(`stop with a hanging API took ${took} ms (deadline 300 ms)`);
  expect(h.bot.client.isReady()).toBe(false);
  expect(h.logs.some((l) => l.includes('replies still in flight at the stop deadline'))).toBe(true);
  h.fake.intercept = undefined;
});

test('a failed final edit after a deferral: the public "thinking…" is deleted and the asker is told privately', async () => {
  h = await startHarness();
  h.fake.intercept = (req) =>
    req.method === 'PATCH' && req.path.endsWith('/messages/@original')
      ? { status: 400, body: { message: 'Invalid Form Body', code: 50035 } }
      : undefined;
  // Created 2 s ago: the bot must defer at once.
  const late = h.fake.slashCommand('quote', [{ name: 'query', value: 'ICBM' }], {
    user: makeUser('late'),
    guild: h.fake.guild,
    createdAt: Date.now() - 2000,
  });
  const deferral = await h.fake.responseTo(late);
  expect(deferral.body.type).toBe(5);
  const deleted = await h.fake.waitForRequest(
    (r) => r.method === 'DELETE' && r.path.includes(late.token),
  );
  expect(deleted.path).toMatch(/\/messages\/@original$/);
  const apology = await h.fake.waitForRequest(
    (r) => r.method === 'POST' && r.path === `/webhooks/${h!.fake.applicationId}/${late.token}`,
  );
  expect(apology.body.content).toBe(
    'Sorry, something went wrong on my side while answering. Please try again in a moment.',
  );
  expect(apology.body.flags).toBe(64);
});
