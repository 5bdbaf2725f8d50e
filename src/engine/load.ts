import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadIndexedCorpus, type PersistOptions } from '../index/persist.ts';
import { formatProblem, type CorpusProblem } from '../corpus/types.ts';
import { EMPTY_GLOSSARY, parseGlossary, type Glossary } from '../understand/glossary.ts';
import type { Logger } from '../logger.ts';
import { createEngine } from './create.ts';
import { buildLibrary } from './library.ts';
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
  const { corpus, index } = await loadIndexedCorpus(corpusDir, { ...cache, ...(logger ? { logger } : {}) });
  const glossary: Glossary = { people: [...EMPTY_GLOSSARY.people], terms: [...EMPTY_GLOSSARY.terms] };
  const problems: CorpusProblem[] = [...corpus.problems];
  for (const file of corpus.glossaryFiles) {
    const parsed = parseGlossary(await readFile(file, 'utf8'), path.relative(corpus.dir, file));
    glossary.people.push(...parsed.glossary.people);
    glossary.terms.push(...parsed.glossary.terms);
    problems.push(...parsed.problems.map((p) => ({ ...p, severity: 'error' as const })));
  }
  for (const p of problems) {
    if (p.severity === 'error') logger?.warn({ file: p.file, line: p.line }, `corpus file skipped: ${formatProblem(p)}`);
    else logger?.info({ file: p.file, line: p.line }, formatProblem(p));
  }
  const engine = createEngine(buildLibrary(corpus.statements, problems, glossary, index));
  logger?.info({ statements: corpus.statements.length, problems: problems.length }, 'corpus loaded');
  return engine;
}
