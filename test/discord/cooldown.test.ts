import { expect, test } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.ts';

test('a sliding window per user, one notice per window, other users unaffected', () => {
  let now = 0;
  const cooldown = new Cooldown({ limit: 3, windowMs: 10_000, now: () => now });
  expect(cooldown.take('a')).toEqual({ allowed: true });
  now = 1000;
  expect(cooldown.take('a')).toEqual({ allowed: true });
  expect(cooldown.take('a')).toEqual({ allowed: true });
  expect(cooldown.take('a')).toEqual({ allowed: false, retryAfterMs: 9000, notify: true });
  expect(cooldown.take('a')).toEqual({ allowed: false, retryAfterMs: 9000, notify: false });
  expect(cooldown.take('b')).toEqual({ allowed: true });
  now = 10_001; // the first request has left the window
  expect(cooldown.take('a')).toEqual({ allowed: true });
  expect(cooldown.take('a')).toEqual({ allowed: false, retryAfterMs: 999, notify: false });
  now = 21_000;
  expect(cooldown.take('a')).toEqual({ allowed: true });
});

test('defaults: five requests per ten seconds', () => {
  const cooldown = new Cooldown({ now: () => 0 });
  for (let i = 0; i < 5; i++) expect(cooldown.take('u').allowed).toBe(true);
  expect(cooldown.take('u').allowed).toBe(false);
});
