import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('has defaults for everything: no token means the offline console', () => {
    const c = loadConfig({}, '/srv/readout');
    expect(c).toEqual({
      corpusDir: path.resolve('/srv/readout/corpus'),
      logLevel: 'info',
    } satisfies Partial<typeof c>);
    expect(c.discordToken).toBeUndefined();
  });

  it('reads every variable, trimming and normalizing', () => {
    const c = loadConfig(
      {
        DISCORD_TOKEN: ' abc.def.ghi ',
        DISCORD_APPLICATION_ID: '123456789012345678',
        DISCORD_GUILD_ID: '223456789012345678',
        DISCORD_API_URL: 'http://127.0.0.1:4000/api/',
        SHARD_COUNT: '2',
        CORPUS_POLL_MS: '0',
        CORPUS_DIR: 'statements',
        LOG_LEVEL: 'DEBUG',
      },
      '/srv/readout',
    );
    expect(c).toMatchObject({
      discordToken: 'abc.def.ghi',
      discordApiUrl: 'http://127.0.0.1:4000/api',
      shardCount: 2,
      corpusPollMs: 0,
      corpusDir: '/srv/readout/statements',
      logLevel: 'debug',
    });
  });

  it.each([
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ SHARD_COUNT: '0' }, /SHARD_COUNT must be a whole number of at least 1/],
    [{ SHARD_COUNT: 'two' }, /SHARD_COUNT/],
    [{ CORPUS_POLL_MS: '-5' }, /CORPUS_POLL_MS/],
    [{ DISCORD_API_URL: 'discord.com' }, /DISCORD_API_URL must be an http\(s\) URL/],
    [{ DISCORD_GUILD_ID: 'my-server' }, /DISCORD_GUILD_ID must be a Discord id/],
  ])('rejects %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never repeats the token in an error', () => {
    try {
      loadConfig({ DISCORD_TOKEN: 'secret token with spaces' });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toBe('DISCORD_TOKEN must not contain spaces.');
    }
  });
});
