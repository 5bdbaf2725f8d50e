import { loadCorpus } from '../corpus/load.ts';
import type { Logger } from '../logger.ts';
import { assembleEngine } from './assemble.ts';
import type { Engine } from './types.ts';

export { createEngine } from './create.ts';

/**
 * Loads the corpus folder and builds the engine. Invalid files are logged and skipped: the bot
 * keeps serving the valid ones.
 */
export async function loadEngine(corpusDir: string, logger?: Logger): Promise<Engine> {
  return (await assembleEngine(await loadCorpus(corpusDir), logger)).engine;
}
