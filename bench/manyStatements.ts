/**
 * A corpus of many short statements, for what scales with the number of statements rather than
 * paragraphs (autocomplete, the statement list): the generated corpus with each paragraph made
 * its own statement, keeping realistic titles, dates and text.
 */
import type { Statement } from '../src/corpus/types.ts';
import { generateCorpus } from './generate.ts';

export function manyStatements(count: number, seed = 7): Statement[] {
  const { statements } = generateCorpus({ paragraphs: count, seed });
  return statements.flatMap((s) =>
    s.paragraphs.map((p) => ({
      ...s,
      id: `${s.id}-p${p.number}`,
      file: s.file.replace(/\.md$/, `-p${p.number}.md`),
      title: `${s.title} (${p.number})`,
      paragraphs: [{ ...p, number: 1 }],
    })),
  );
}
