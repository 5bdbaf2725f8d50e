import { loadIndexedCorpus, type PersistOptions } from './persist.ts';
import type { Logger } from '../logger.ts';
import { assembleEngine } from './assemble.ts';
import type { Engine } from './types.ts';

export { createEngine } from './create.ts';

/**
 * Loads the corpus folder and builds the engine. Invalid files are logged and skipped: the bot
 * keeps serving the valid ones. The parsed corpus and its index are persisted beside the corpus
 * (`.readout-cache/`) and reused while no corpus file changes.
 */
export async function loadEngine(
  corpusDir: string,
  logger?: Logger,
  cache: Pick<PersistOptions, 'cacheDir'> = {},
): Promise<Engine> {
  const { corpus, index, facts } = await loadIndexedCorpus(corpusDir, { ...cache, ...(logger ? { logger } : {}) });
  return (await assembleEngine(corpus, logger, index, facts)).engine;
}
