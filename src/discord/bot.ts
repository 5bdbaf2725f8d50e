import type { Config } from '../config.ts';
import type { Engine } from '../engine/types.ts';
import type { Logger } from '../logger.ts';

/** Placeholder until the Discord adapter lands (issue 4): says so instead of failing obscurely. */
export async function startBot(_config: Config, _engine: Engine, logger: Logger): Promise<void> {
  logger.error('the Discord adapter is not part of this build yet; unset DISCORD_TOKEN to use the console');
  process.exitCode = 1;
}
