/** Every slash command, by name: deploy-commands registers these, the bot routes to them. */
import type { Command } from '../src/discord/command.ts';
import * as compare from './compare.ts';
import * as follow from './follow.ts';
import * as help from './help.ts';
import * as quote from './quote.ts';
import * as settings from './settings.ts';
import * as statements from './statements.ts';
import * as unfollow from './unfollow.ts';
import * as when from './when.ts';
import * as who from './who.ts';

export const commands: readonly Command[] = [
  who,
  when,
  quote,
  compare,
  statements,
  follow,
  unfollow,
  settings,
  help,
];
