import { loadIndexedCorpus, type PersistOptions } from './persist.ts';
import type { Logger } from '../logger.ts';
import { engineFromCorpus } from './fromCorpus.ts';
import type { Engine } from './types.ts';

/**
 * Loads the corpus folder and builds the engine. Invalid files are logged and skipped: the bot
 * keeps serving the valid ones. The parsed corpus and its index are persisted beside the corpus
 * (`.readout-cache/`) and reused while no corpus file changes.
 */
export async function engineFromFolder(
  corpusDir: string,
  logger?: Logger,
  cache: Pick<PersistOptions, 'cacheDir'> = {},
): Promise<Engine> {
  const { corpus, index, facts, glossaries } = await loadIndexedCorpus(corpusDir, {
    ...cache,
    logger,
  });
  return (await engineFromCorpus(corpus, logger, index, facts, glossaries)).engine;
}
