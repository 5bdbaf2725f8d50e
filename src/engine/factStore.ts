import type { Statement } from '../corpus/types.ts';
import {
  extractFacts,
  type FactsSource,
  type StatementFacts,
} from '../understand/statementFacts.ts';

/**
 * The who/when facts of every statement in the persisted form: each statement's facts as one small
 * JSON text, all in one UTF-8 block with byte offsets. Loading the file costs nothing here (no
 * parse of 100,000 paragraphs' facts at start); a statement's facts are parsed when a question
 * first needs them, in microseconds instead of the milliseconds extraction takes.
 */
export interface EncodedFacts {
  block: Buffer;
  /** Byte offset of each statement's JSON in `block`, plus the end: statements + 1 entries. */
  offsets: Uint32Array;
}

export function encodeFacts(facts: readonly StatementFacts[]): EncodedFacts {
  const texts = facts.map((f) => Buffer.from(JSON.stringify(f), 'utf8'));
  const offsets = new Uint32Array(texts.length + 1);
  texts.forEach((t, i) => {
    offsets[i + 1] = offsets[i]! + t.length;
  });
  return { block: Buffer.concat(texts, offsets[texts.length]!), offsets };
}

export class StoredFacts implements FactsSource {
  constructor(private readonly encoded: EncodedFacts) {
    const { block, offsets } = encoded;
    if (offsets.length === 0 || offsets[0] !== 0 || offsets[offsets.length - 1] !== block.length)
      throw new Error('facts offsets');
    for (let i = 1; i < offsets.length; i++)
      if (offsets[i]! < offsets[i - 1]!) throw new Error('facts offsets order');
  }

  get size(): number {
    return this.encoded.offsets.length - 1;
  }

  get(statement: number): StatementFacts {
    const { block, offsets } = this.encoded;
    if (!(statement >= 0 && statement < this.size))
      throw new RangeError(`no facts for statement ${statement}`);
    return JSON.parse(
      block.toString('utf8', offsets[statement]!, offsets[statement + 1]!),
    ) as StatementFacts;
  }
}

/**
 * The facts of a corpus that changed since its persisted build: statements that are the very
 * objects of the build read their stored facts; the others' are extracted once and kept across
 * later changes (and written to the journal, see ./persist.ts).
 */
export class LayeredFacts implements FactsSource {
  constructor(
    private readonly statements: readonly Statement[],
    /** The build's statements by identity -> position in `stored`. */
    private readonly position: ReadonlyMap<Statement, number>,
    private readonly stored: StoredFacts,
    readonly extracted: Map<Statement, StatementFacts>,
  ) {}

  get size(): number {
    return this.statements.length;
  }

  get(statement: number): StatementFacts {
    return this.factsOf(this.statements[statement]!);
  }

  /** The facts of a statement of this corpus, by identity. */
  factsOf(s: Statement): StatementFacts {
    const k = this.position.get(s);
    if (k !== undefined) return this.stored.get(k);
    let facts = this.extracted.get(s);
    if (!facts) this.extracted.set(s, (facts = extractFacts(s)));
    return facts;
  }

  /** The same stored and extracted facts over another statement list. */
  over(statements: readonly Statement[]): LayeredFacts {
    const kept = new Map<Statement, StatementFacts>();
    for (const s of statements) {
      const facts = this.extracted.get(s);
      if (facts) kept.set(s, facts);
    }
    return new LayeredFacts(statements, this.position, this.stored, kept);
  }
}
