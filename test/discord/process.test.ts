/**
 * The real entry points as separate processes: `npm start` with a token runs the bot, and
 * `npm run start:sharded` runs it under the ShardingManager; SIGTERM stops both cleanly.
 */
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { launchBot, printed } from './botProcess.ts';
import { FakeDiscord, makeUser } from './fakeDiscord.ts';

let fake: FakeDiscord | undefined;

afterEach(async () => {
  await fake?.close();
});

async function answersQuote() {
  const interaction = fake!.slashCommand('quote', [{ name: 'query', value: 'ICBM' }], {
    user: makeUser('p'),
    guild: fake!.guild,
  });
  const response = await fake!.responseTo(interaction);
  expect(response.body.data.embeds[0].title).toBe('Quote: ICBM');
}

test('npm start with DISCORD_TOKEN runs the bot; SIGTERM stops it with exit code 0', async () => {
  fake = await FakeDiscord.start();
  const bot = launchBot(fake, ['bin/start.js']);
  const { proc, output } = bot;
  await fake.waitForIdentify();
  await printed(bot, 'Discord bot ready');
  await answersQuote();
  proc.kill('SIGTERM');
  const [code] = await once(proc, 'exit');
  expect(code).toBe(0);
  const log = output.join('');
  expect(log).toContain('Discord bot stopped');
  expect(log).not.toContain(fake.token);
  expect(fake.identifies[0].intents).toBe(1 | 512 | 4096);
});

test('start:sharded identifies with the explicit shard count and stops cleanly', async () => {
  fake = await FakeDiscord.start();
  const bot = launchBot(fake, ['--import', 'tsx', 'src/discord/sharded.ts'], { SHARD_COUNT: '1' });
  const { proc, output } = bot;
  await fake.waitForIdentify();
  expect(fake.identifies[0].shard).toEqual([0, 1]);
  await printed(bot, 'Discord bot ready');
  await answersQuote();
  proc.kill('SIGTERM');
  const [code] = await once(proc, 'exit');
  expect(code).toBe(0);
  expect(output.join('')).toContain('Discord bot stopped');
});

test("npm start keeps the servers' settings in DATA_DIR/settings.db, importing follows.json once; an unusable DATA_DIR: exit 2, one line", async () => {
  fake = await FakeDiscord.start();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'readout-process-data-'));
  try {
    await writeFile(
      path.join(dataDir, 'follows.json'),
      JSON.stringify({
        version: 1,
        follows: [{ guildId: fake.guild.id, channelId: fake.guild.channelId, announced: [] }],
      }),
    );
    const bot = launchBot(fake, ['bin/start.js'], { DATA_DIR: dataDir });
    await printed(bot, 'Discord bot ready');
    expect(bot.output.join('')).toContain('follows.json imported into the settings database');
    const shown = await fake.responseTo(
      fake.slashCommand('settings', [], { user: makeUser('manager'), guild: fake.guild }),
    );
    expect(shown.body.data.content).toBe(
      `Default answer language: not set (each member’s Discord language). Announcements: <#${fake.guild.channelId}>.`,
    );
    bot.proc.kill('SIGTERM');
    expect((await once(bot.proc, 'exit'))[0]).toBe(0);
    expect(existsSync(path.join(dataDir, 'settings.db'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'follows.json'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'follows.json.imported'))).toBe(true);

    const notAFolder = path.join(dataDir, 'settings.db');
    const refused = launchBot(fake, ['bin/start.js'], { DATA_DIR: notAFolder });
    expect((await once(refused.proc, 'exit'))[0]).toBe(2);
    const problems = refused.output
      .join('')
      .trim()
      .split('\n')
      .filter((l) => !l.includes('"level":30'));
    expect(problems).toHaveLength(1);
    expect(JSON.parse(problems[0]!).msg).toBe(
      `DATA_DIR: ${notAFolder} cannot be the data folder (EEXIST): it is a file, not a folder`,
    );
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
