import { loadCorpus } from '../corpus/load.ts';
import { formatProblem } from '../corpus/types.ts';
import type { Logger } from '../logger.ts';
import { createEngine } from './create.ts';
import { buildLibrary } from './library.ts';
import type { Engine } from './types.ts';

export { createEngine } from './create.ts';

/**
 * Loads the corpus folder and builds the engine. Invalid files are logged and skipped: the bot
 * keeps serving the valid ones.
 */
export async function loadEngine(corpusDir: string, logger?: Logger): Promise<Engine> {
  const corpus = await loadCorpus(corpusDir);
  for (const p of corpus.problems) {
    if (p.severity === 'error') logger?.warn({ file: p.file, line: p.line }, `corpus file skipped: ${formatProblem(p)}`);
    else logger?.info({ file: p.file, line: p.line }, formatProblem(p));
  }
  const engine = createEngine(buildLibrary(corpus.statements, corpus.problems));
  logger?.info({ statements: corpus.statements.length, problems: corpus.problems.length }, 'corpus loaded');
  return engine;
}
