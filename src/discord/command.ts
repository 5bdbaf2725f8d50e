import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { Engine } from '../engine/types.ts';
import type { Logger } from '../logger.ts';
import type { SettingsStore } from '../settings/types.ts';
import type { CommandData } from './commandData.ts';

/** What every handler gets besides its interaction. */
export interface CommandContext {
  engine: Engine;
  logger: Logger;
  /** Per-server settings (followed channels, default language); absent when the bot keeps none. */
  settings?: SettingsStore | undefined;
}

/** One slash command: its definition (sent by deploy-commands) and its handlers. */
export interface Command {
  /** Sent to Discord as is (see ./commandData.ts). */
  data: CommandData;
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  /** Answers within Discord's 3-second autocomplete window: synchronous engine lookups only. */
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
}
