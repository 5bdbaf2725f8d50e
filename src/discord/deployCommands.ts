/**
 * `npm run deploy-commands`: registers the slash commands through REST, to one guild when
 * DISCORD_GUILD_ID is set (instant, for development), else globally. Run it when commands
 * change, not at every start: registration is rate limited by Discord.
 */
import 'dotenv/config';
import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import { commands as allCommands } from '../../commands/index.ts';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { createLogger, type Logger } from '../logger.ts';
import type { Command } from './command.ts';

export interface DeployResult {
  scope: 'guild' | 'global';
  names: string[];
}

export async function deployCommands(
  config: Config,
  logger: Logger,
  commands: readonly Command[] = allCommands,
): Promise<DeployResult> {
  if (!config.discordToken)
    throw new ConfigError('DISCORD_TOKEN is required to register commands.');
  if (!config.discordApplicationId) {
    throw new ConfigError('DISCORD_APPLICATION_ID is required to register commands.');
  }
  const rest = new REST(config.discordApiUrl ? { api: config.discordApiUrl } : {}).setToken(
    config.discordToken,
  );
  const body = commands.map((c) => c.data);
  const route = config.discordGuildId
    ? Routes.applicationGuildCommands(config.discordApplicationId, config.discordGuildId)
    : Routes.applicationCommands(config.discordApplicationId);
  const scope = config.discordGuildId ? 'guild' : 'global';
  const registered = (await rest.put(route, { body })) as Array<{ name: string }>;
  const names = registered.map((c) => c.name);
  logger.info(
    { scope, guild: config.discordGuildId, commands: names },
    'slash commands registered',
  );
  return { scope, names };
}

const isEntryPoint =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntryPoint) {
  try {
    const config = loadConfig();
    const logger = createLogger(config.logLevel, { secrets: [config.discordToken] });
    const { scope, names } = await deployCommands(config, logger);
    process.stdout.write(`Registered ${names.length} commands (${scope}): ${names.join(', ')}\n`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Could not register commands: ${message}\n`);
    process.exitCode = 1;
  }
}
