/** deploy-commands against the fake Discord: the registration Discord would receive. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ConfigError } from '../../src/config.ts';
import { deployCommands } from '../../src/discord/deployCommands.ts';
import { createShardingManager } from '../../src/discord/sharded.ts';
import { FakeDiscord } from './fakeDiscord.ts';
import { configFor, memoryLogger } from './harness.ts';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake?.close();
});

test('with DISCORD_GUILD_ID, the commands go to that guild, localized; the questions usable everywhere, /follow and /settings for server managers', async () => {
  const { logger, logs } = memoryLogger();
  const result = await deployCommands(
    { ...configFor(fake), discordGuildId: fake.guild.id },
    logger,
  );
  expect(result).toEqual({
    scope: 'guild',
    names: [
      'who',
      'when',
      'quote',
      'compare',
      'statements',
      'follow',
      'unfollow',
      'settings',
      'help',
    ],
  });
  const put = fake.requests.find((r) => r.method === 'PUT')!;
  expect(put.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guild.id}/commands`);
  expect(put.headers.authorization).toBe(`Bot ${fake.token}`);
  for (const command of put.body) {
    expect(command.name_localizations.ja).toMatch(/^\S+$/);
    expect(command.description_localizations.ja.length).toBeGreaterThan(0);
    expect(command.description.length).toBeLessThanOrEqual(100);
    if (command.name === 'follow' || command.name === 'unfollow') {
      // Announcements are a server's setting: servers only, Manage Server (1 << 5) by default.
      expect(command.contexts).toEqual([0]);
      expect(command.integration_types).toEqual([0]);
      expect(command.default_member_permissions).toBe('32');
      expect(command.options[0]).toMatchObject({
        name: 'channel',
        type: 7,
        required: true,
        channel_types: [0, 5],
      });
      continue;
    }
    if (command.name === 'settings') {
      expect(command.contexts).toEqual([0]);
      expect(command.default_member_permissions).toBe('32');
      expect(command.name_localizations.ja).toBe('設定');
      expect(command.options).toHaveLength(1);
      expect(command.options[0]).toMatchObject({
        name: 'lang',
        name_localizations: { ja: '言語' },
        type: 3,
      });
      expect(command.options[0].required).toBeFalsy();
      expect(command.options[0].choices.map((c: any) => c.value)).toEqual(['ja', 'en', 'unset']);
      continue;
    }
    expect(command.contexts).toEqual([0, 1, 2]);
    expect(command.integration_types).toEqual([0, 1]);
    const lang = command.options.find((o: any) => o.name === 'lang');
    expect(lang.choices).toEqual([
      { name: '日本語', value: 'ja' },
      { name: 'English', value: 'en' },
    ]);
  }
  const byName = new Map(put.body.map((c: any) => [c.name, c]));
  for (const name of ['who', 'when', 'quote', 'compare']) {
    const options = (byName.get(name) as any).options;
    expect(options.find((o: any) => o.name === 'statement').autocomplete).toBe(true);
    expect(options.find((o: any) => o.name === 'hide').type).toBe(5);
    expect(options.find((o: any) => o.name === 'query').required).toBe(
      name === 'quote' || name === 'compare',
    );
  }
  expect(logs.join('')).not.toContain(fake.token);
});

test('without DISCORD_GUILD_ID, they are registered globally', async () => {
  const { logger } = memoryLogger();
  const result = await deployCommands(configFor(fake), logger);
  expect(result.scope).toBe('global');
  expect(
    fake.requests.some(
      (r) => r.method === 'PUT' && r.path === `/applications/${fake.applicationId}/commands`,
    ),
  ).toBe(true);
});

test('missing application id or token is a configuration error, not a request', async () => {
  const { logger } = memoryLogger();
  const before = fake.requests.length;
  await expect(
    deployCommands({ ...configFor(fake), discordApplicationId: undefined }, logger),
  ).rejects.toThrow(ConfigError);
  await expect(
    deployCommands({ ...configFor(fake), discordToken: undefined }, logger),
  ).rejects.toThrow(ConfigError);
  expect(fake.requests.length).toBe(before);
});

test('sharding uses an explicit shard count (default 1), never "auto"', () => {
  expect(createShardingManager(configFor(fake)).totalShards).toBe(1);
  const manager = createShardingManager({ ...configFor(fake), shardCount: 3 });
  expect(manager.totalShards).toBe(3);
  expect((manager as unknown as { execArgv: string[] }).execArgv).toEqual(['--import', 'tsx']);
  expect(manager.file).toMatch(/src[\\/]main\.ts$/);
});
