/**
 * `npm run start:sharded`: runs `npm start`'s entry point once per shard under discord.js's
 * ShardingManager. The shard count is explicit (SHARD_COUNT, default 1): 'auto' would ask
 * Discord's real API directly, bypassing DISCORD_API_URL.
 */
import 'dotenv/config';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { createLogger, type Logger } from '../logger.ts';
import { stopOnSignals } from './shutdown.ts';

const SHARD_ENTRY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../main.ts');

export function createShardingManager(config: Config, entry = SHARD_ENTRY): ShardingManager {
  if (!config.discordToken) throw new ConfigError('DISCORD_TOKEN is required to run shards.');
  return new ShardingManager(entry, {
    token: config.discordToken,
    totalShards: config.shardCount ?? 1,
    mode: 'process',
    // Shards are TypeScript run through tsx, like `npm start`.
    execArgv: ['--import', 'tsx'],
    // Children read DISCORD_API_URL etc. from the inherited environment.
  });
}

export async function runSharded(config: Config, logger: Logger): Promise<ShardingManager> {
  const manager = createShardingManager(config);
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id, of: manager.totalShards }, 'shard launched');
    shard.on('death', () => logger.warn({ shard: shard.id }, 'shard process exited'));
  });
  await manager.spawn({ amount: manager.totalShards, delay: 5_500, timeout: 60_000 });
  return manager;
}

const isEntryPoint = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  try {
    const config = loadConfig();
    const logger = createLogger(config.logLevel, { secrets: [config.discordToken] });
    const manager = await runSharded(config, logger);
    stopOnSignals(async () => {
      // Each shard gets SIGTERM and stops gracefully on its own; wait until all have.
      manager.respawn = false;
      const exits = [...manager.shards.values()].map((shard) => {
        const child = shard.process;
        if (!child || child.exitCode !== null) return Promise.resolve();
        return new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        });
      });
      await Promise.all(exits);
    }, logger);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Could not start shards: ${message}\n`);
    process.exitCode = 1;
  }
}
