import type { Statement } from '../../src/corpus/types.ts';

/** One paragraph of a baseline's answer: the same data Readout cites (statement, number, text). */
export interface BaselineHit {
  statement: string;
  paragraph: number;
  text: string;
}

/** A comparison engine answering the same queries over the same corpus. */
export interface Baseline {
  readonly name: string;
  answer(query: string, lang: 'ja' | 'en', limit?: number): BaselineHit[];
}

export type BaselineFactory = (statements: readonly Statement[]) => Baseline;

/** The flat paragraph list both baselines work on, with the language of each paragraph. */
export interface FlatParagraph {
  statement: Statement;
  index: number;
  ja: boolean;
}

export function flatten(statements: readonly Statement[]): FlatParagraph[] {
  const out: FlatParagraph[] = [];
  for (const s of statements) {
    const ja = s.language.toLowerCase().startsWith('ja');
    s.paragraphs.forEach((_, index) => {
      out.push({ statement: s, index, ja });
    });
  }
  return out;
}

export function hitOf(p: FlatParagraph): BaselineHit {
  const para = p.statement.paragraphs[p.index]!;
  return { statement: p.statement.id, paragraph: para.number, text: para.text };
}
