/**
 * Statements whose paragraphs are made when first read: a start from the persisted index makes a
 * hundred thousand statements at a million paragraphs, and a question reads the paragraphs of a
 * few dozen of them. Until then the statement's `paragraphs` is an accessor (enumerable, so the
 * statement copies, compares and serializes as one with its paragraphs); the first read makes them
 * and puts them in as a plain property. The count is known without making them.
 */
import type { Paragraph, Statement } from './types.ts';

export interface ParagraphSource {
  /** The paragraphs of the source's statement number `k`. */
  paragraphs(k: number): Paragraph[];
}

interface Deferred {
  source: ParagraphSource;
  k: number;
  count: number;
}

const deferred = new WeakMap<object, Deferred>();

function settle(s: Statement, paragraphs: Paragraph[]): void {
  deferred.delete(s);
  Object.defineProperty(s, 'paragraphs', {
    value: paragraphs,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

// One getter and setter for every statement: they share one hidden class.
function get(this: Statement): Paragraph[] {
  const d = deferred.get(this);
  if (!d) throw new Error('deferred paragraphs: unknown statement');
  const paragraphs = d.source.paragraphs(d.k);
  settle(this, paragraphs);
  return paragraphs;
}

function set(this: Statement, paragraphs: Paragraph[]): void {
  settle(this, paragraphs);
}

/** Gives `s` the `count` paragraphs `source.paragraphs(k)` makes, made when first read. */
export function deferParagraphs(
  s: Omit<Statement, 'paragraphs'>,
  count: number,
  source: ParagraphSource,
  k: number,
): Statement {
  deferred.set(s, { source, k, count });
  Object.defineProperty(s, 'paragraphs', { get, set, enumerable: true, configurable: true });
  return s as Statement;
}

/** How many paragraphs a statement has, without making deferred ones. */
export function paragraphCount(s: Statement): number {
  return deferred.get(s)?.count ?? s.paragraphs.length;
}
