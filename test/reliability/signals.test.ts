/**
 * The real process (`npm start` with a token) under SIGTERM and SIGINT: it stops taking new
 * work, finishes the reply in flight, logs out of the gateway and exits 0.
 */
import { once } from 'node:events';
import { afterEach, expect, test } from 'vitest';
import { launchBot, printed } from '../discord/botProcess.ts';
import { FakeDiscord, makeUser } from '../discord/fakeDiscord.ts';

let fake: FakeDiscord | undefined;

afterEach(async () => {
  await fake?.close();
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`${signal}: no new work (a late question is told so), the reply in flight completes, the bot logs out and exits 0`, async () => {
    fake = await FakeDiscord.start();
    const bot = launchBot(fake, ['bin/start.js']);
    const { proc, output } = bot;
    await printed(bot, 'Discord bot ready');

    // The first answer is held by the API until the test lets it through.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let completed = false;
    fake.intercept = async (req) => {
      if (!req.path.endsWith('/callback')) return undefined;
      await held;
      completed = true;
      return undefined;
    };
    const inFlight = fake.slashCommand('quote', [{ name: 'query', value: 'ICBM' }], {
      user: makeUser('first'),
      guild: fake.guild,
    });
    await fake.responseTo(inFlight);

    proc.kill(signal);
    await printed(bot, 'stopping: finishing replies in flight');
    const tooLate = fake.slashCommand('quote', [{ name: 'query', value: 'ICBM' }], {
      user: makeUser('late'),
      guild: fake.guild,
    });
    const tooLateMention = fake.message(makeUser('late'), `<@${fake.botUser.id}> ICBM`, {
      guild: fake.guild,
      mentions: [fake.botUser],
    });
    expect(proc.exitCode).toBeNull();
    expect(output.join('')).not.toContain('Discord bot stopped');

    release();
    const [code] = await once(proc, 'exit');
    expect(code).toBe(0);
    expect(completed).toBe(true);
    const inFlightResponse = await fake.responseTo(inFlight);
    expect(inFlightResponse.body.data.embeds[0].title).toBe('Quote: ICBM');
    // The late question is told, privately, that the bot is restarting; it is not answered.
    const lateReply = await fake.responseTo(tooLate);
    expect(lateReply.body.data.content).toBe(
      'Readout is restarting right now. Please ask again in a minute.',
    );
    expect(lateReply.body.data.flags).toBe(64);
    expect(lateReply.body.data.embeds ?? []).toEqual([]);
    expect(
      fake.requests.some((r) => r.body?.message_reference?.message_id === tooLateMention.id),
    ).toBe(false);
    // Logged out: the gateway connection was closed normally, not dropped.
    expect(fake.closeCodes).toContain(1000);
    const log = output.join('');
    expect(log).toContain(`"signal":"${signal}"`);
    expect(log).toContain('Discord bot stopped');
    expect(log).not.toContain(fake.token);
  });
}
