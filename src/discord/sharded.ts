/**
 * `npm run start:sharded`: runs `npm start`'s entry point once per shard under discord.js's
 * ShardingManager. The shard count is explicit (SHARD_COUNT, default 1): 'auto' would ask
 * Discord's real API directly, bypassing DISCORD_API_URL.
 */
import 'dotenv/config';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { createLogger, type Logger } from '../logger.ts';
import { EXIT_CONFIG } from './fatal.ts';
import { stopOnSignals } from './shutdown.ts';

/** Set once a shard exited on a configuration problem: the manager then exits 2, not 1. */
let configProblem = false;

const HERE = fileURLToPath(import.meta.url);
/** TypeScript run through tsx, or compiled JavaScript in dist/: shards run the same as this file. */
const COMPILED = HERE.endsWith('.js');
const SHARD_ENTRY = path.resolve(path.dirname(HERE), COMPILED ? '../main.js' : '../main.ts');

export function createShardingManager(config: Config, entry = SHARD_ENTRY): ShardingManager {
  if (!config.discordToken) throw new ConfigError('DISCORD_TOKEN is required to run shards.');
  return new ShardingManager(entry, {
    token: config.discordToken,
    totalShards: config.shardCount ?? 1,
    mode: 'process',
    // From the sources, shards are TypeScript run through tsx, like `npm start` without a build.
    execArgv: COMPILED ? [] : ['--import', 'tsx'],
    // Children read DISCORD_API_URL etc. from the inherited environment.
  });
}

export async function runSharded(
  config: Config,
  logger: Logger,
  /** A shard exited 2 (token rejected, intents refused...): every shard would, so all stop. */
  onConfigProblem: (shard: number) => void = () => process.exit(EXIT_CONFIG),
): Promise<ShardingManager> {
  const manager = createShardingManager(config);
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id, of: manager.totalShards }, 'shard launched');
    shard.on('death', (child) => {
      const code = 'exitCode' in child ? child.exitCode : null;
      if (code !== EXIT_CONFIG) {
        logger.warn({ shard: shard.id, code }, 'shard process exited');
        return;
      }
      // Respawning would fail the same way, forever; the shard's own log line says what to fix.
      manager.respawn = false;
      configProblem = true;
      setImmediate(() => {
        // Shard.kill() throws for a shard whose process is already gone.
        for (const s of manager.shards.values()) if (s.process) s.kill();
        logger.fatal(
          { shard: shard.id },
          'a shard stopped on a configuration problem (its log line above says what to fix): stopping all shards',
        );
        onConfigProblem(shard.id);
      });
    });
  });
  try {
    await manager.spawn({ amount: manager.totalShards, delay: 5_500, timeout: 60_000 });
  } catch (error) {
    // A shard whose login failed reports it before its process exits with the code that says
    // why (2: configuration, handled above): let that exit decide, within a few seconds.
    manager.respawn = false;
    const exits = [...manager.shards.values()].map((shard) => {
      const child = shard.process;
      return child && child.exitCode === null ? once(child, 'exit') : Promise.resolve();
    });
    await Promise.race([
      Promise.all(exits),
      new Promise((resolve) => setTimeout(resolve, 5000).unref()),
    ]);
    await new Promise((resolve) => setImmediate(resolve));
    throw error;
  }
  return manager;
}

const isEntryPoint = process.argv[1] !== undefined && path.resolve(process.argv[1]) === HERE;
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
    // A shard that died on a configuration problem has said why; the manager exits 2 for it.
    if (!configProblem) {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`Could not start shards: ${message}\n`);
      process.exitCode = 1;
    }
  }
}
