import { readFile } from 'node:fs/promises';
import { projectPath } from '../projectRoot.ts';
import path from 'node:path';
import type { LoadedCorpus } from '../corpus/load.ts';
import { formatProblem, type CorpusProblem } from '../corpus/types.ts';
import type { ParagraphIndex } from '../index/paragraphIndex.ts';
import type { Logger } from '../logger.ts';
import type { FactsSource } from '../understand/statementFacts.ts';
import { EMPTY_GLOSSARY, parseGlossary, type Glossary } from '../understand/glossary.ts';
import { engineFromLibrary } from './fromLibrary.ts';
import { buildLibrary, moves, type Library } from '../answer/library.ts';
import { carryRelevance } from '../answer/relevance.ts';
import type { Engine } from './types.ts';

/** The corpus's glossaries merged, with the problems found reading them. */
export interface GlossaryRead {
  glossary: Glossary;
  problems: CorpusProblem[];
}

/** The genre's vocabulary and names (data/terms.yaml, data/synonyms.yaml, data/people/names.yaml): they apply to every corpus, read once. */
const BUILT_IN = ['terms.yaml', 'synonyms.yaml', 'people/names.yaml'].map((f) =>
  projectPath('data', f),
);
let builtIn: Promise<Glossary> | undefined;

function builtInGlossary(): Promise<Glossary> {
  builtIn ??= Promise.all(
    BUILT_IN.map(async (file) => {
      const name = path.relative(projectPath(), file);
      const parsed = parseGlossary(await readFile(file, 'utf8'), name);
      // A broken built-in table is a broken install, not a corpus problem: say so and stop.
      if (parsed.problems.length > 0)
        throw new Error(`${name}:${parsed.problems[0]!.line}: ${parsed.problems[0]!.message}`);
      return parsed.glossary;
    }),
  ).then((gs) => ({
    people: gs.flatMap((g) => g.people),
    terms: gs.flatMap((g) => g.terms),
    synonyms: gs.flatMap((g) => g.synonyms),
  }));
  return builtIn;
}

/** Reads the corpus's glossary files after the built-in ones; one that cannot be read is a problem, not a failed load. */
export async function readGlossaries(
  corpus: LoadedCorpus,
  problems: CorpusProblem[],
): Promise<Glossary> {
  const read = await readGlossaryFiles(corpus);
  problems.push(...read.problems);
  return read.glossary;
}

/** The same, as data: what the persisted index keeps, so that a start from it parses no YAML. */
export async function readGlossaryFiles(corpus: LoadedCorpus): Promise<GlossaryRead> {
  const problems: CorpusProblem[] = [];
  const base = await builtInGlossary();
  const glossary: Glossary = {
    people: [...EMPTY_GLOSSARY.people, ...base.people],
    terms: [...EMPTY_GLOSSARY.terms, ...base.terms],
    synonyms: [...base.synonyms],
  };
  for (const file of corpus.glossaryFiles) {
    const rel = path.relative(corpus.dir, file);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      problems.push({
        file: rel,
        line: 1,
        message: `file cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
        severity: 'error',
      });
      continue;
    }
    const parsed = parseGlossary(text, rel);
    glossary.people.push(...parsed.glossary.people);
    glossary.terms.push(...parsed.glossary.terms);
    glossary.synonyms.push(...parsed.glossary.synonyms);
    problems.push(...parsed.problems.map((p) => ({ ...p, severity: 'error' as const })));
  }
  return { glossary, problems };
}

/**
 * The engine over a loaded corpus, with its glossaries; every problem is logged with file and
 * line. `index`, when given, is a prebuilt index of exactly these statements (the persisted cache).
 */
export async function engineFromCorpus(
  corpus: LoadedCorpus,
  logger?: Logger,
  index?: ParagraphIndex,
  /** The who/when facts of exactly these statements, extracted when the cache was built; otherwise extracted on first use. */
  facts?: FactsSource,
  /** The glossaries of exactly this corpus, already read (the persisted cache); otherwise read now. */
  glossaries?: GlossaryRead,
  /** The library of the corpus before a change: what it worked out per statement is carried over. */
  previous?: Library,
): Promise<{ engine: Engine; problems: CorpusProblem[]; library: Library }> {
  const read = glossaries ?? (await readGlossaryFiles(corpus));
  const problems: CorpusProblem[] = [...corpus.problems, ...read.problems];
  const { glossary } = read;
  for (const p of problems) {
    if (p.severity === 'error')
      logger?.warn({ file: p.file, line: p.line }, `corpus problem: ${formatProblem(p)}`);
    else logger?.info({ file: p.file, line: p.line }, formatProblem(p));
  }
  // How the statements moved, worked out once for all that is carried over, and only if asked.
  let moved: ReturnType<typeof moves> | undefined;
  const old = previous?.statements;
  const movesOf = () => (moved ??= moves(old!, corpus.statements));
  const library = buildLibrary(
    corpus.statements,
    problems,
    glossary,
    index,
    facts,
    previous ? { library: previous, moves: movesOf } : undefined,
  );
  if (previous) carryRelevance(previous, library, movesOf);
  const engine = engineFromLibrary(library);
  logger?.info(
    { statements: corpus.statements.length, problems: problems.length },
    'corpus loaded',
  );
  return { engine, problems, library };
}
