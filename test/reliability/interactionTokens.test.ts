/**
 * Issue 12: interaction tokens (valid 15 minutes, they let anyone post as the bot) appeared in
 * error logs inside request URLs. A failed callback and a failed follow-up are logged with the
 * route, and the token is redacted like the bot token.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { redactInteractionTokens } from '../../src/logger.ts';
import { makeUser } from '../discord/fakeDiscord.ts';
import { startHarness, type Harness } from '../discord/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ cooldown: { limit: 1000 } });
});
afterAll(async () => {
  await h?.close();
});

test('a failing interaction callback and follow-up are logged without the interaction token', async () => {
  h.fake.intercept = (req) =>
    /^\/(interactions|webhooks)\//.test(req.path)
      ? { status: 400, body: { message: 'Invalid Form Body', code: 50035 } }
      : undefined;
  const interaction = h.fake.slashCommand('quote', [{ name: 'query', value: 'ICBM' }], {
    user: makeUser('u'),
    guild: h.fake.guild,
  });
  await h.fake.responseTo(interaction);
  // The apology's reply fails too; wait until both failures are logged.
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && !h.logs.some((l) => l.includes('could not send the apology'))) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  h.fake.intercept = undefined;
  const failures = h.logs.filter(
    (l) => l.includes('handler failed') || l.includes('could not send the apology'),
  );
  expect(failures.length).toBe(2);
  const all = h.logs.join('\n');
  expect(all).toContain(`/interactions/${interaction.id}/[redacted]/callback`);
  expect(all).not.toContain(interaction.token);
});

test('the redaction covers interaction callbacks and webhook routes, and leaves other URLs alone', () => {
  expect(
    redactInteractionTokens(
      'POST https://discord.com/api/v10/interactions/1234/aW50ZXJhY3Rpb246MTIz.abc-_/callback?with_response=false',
    ),
  ).toBe(
    'POST https://discord.com/api/v10/interactions/1234/[redacted]/callback?with_response=false',
  );
  expect(
    redactInteractionTokens(
      '"url":"https://discord.com/api/v10/webhooks/987/tok.en_1-2/messages/@original"',
    ),
  ).toBe('"url":"https://discord.com/api/v10/webhooks/987/[redacted]/messages/@original"');
  expect(redactInteractionTokens('https://discord.com/api/v10/channels/42/messages')).toBe(
    'https://discord.com/api/v10/channels/42/messages',
  );
});
