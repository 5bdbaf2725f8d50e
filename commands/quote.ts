import { questionCommand } from '../src/discord/queryCommand.ts';

export const { data, execute, autocomplete } = questionCommand('quote');
