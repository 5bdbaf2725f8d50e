/**
 * Statements whose paragraphs are made when first read (a start from the persisted index): until
 * then they count, copy, compare and serialize as statements with their paragraphs do.
 */
import { expect, it } from 'vitest';
import { deferParagraphs, paragraphCount } from '../../src/corpus/paragraphCount.ts';
import type { Paragraph, Statement } from '../../src/corpus/types.ts';

const paragraphsOf = (k: number): Paragraph[] => [
  { number: 1, text: `first of ${k}`, line: 5 },
  { number: 2, text: `second of ${k}`, label: '1', line: 7 },
];

function pair(k: number) {
  const meta = {
    id: `s${k}`,
    title: 'T',
    date: '2024-01-01',
    language: 'en',
    publisher: 'P',
    file: `s${k}.md`,
  };
  const made: number[] = [];
  const deferred = deferParagraphs(
    { ...meta },
    2,
    {
      paragraphs: (i) => {
        made.push(i);
        return paragraphsOf(i);
      },
    },
    k,
  );
  const plain: Statement = { ...meta, paragraphs: paragraphsOf(k) };
  return { deferred, plain, made };
}

it('counts deferred paragraphs without making them, and makes them once, when first read', () => {
  const { deferred, plain, made } = pair(3);
  expect(paragraphCount(deferred)).toBe(2);
  expect(paragraphCount(plain)).toBe(2);
  expect(made).toEqual([]);
  expect(Object.keys(deferred)).toEqual(Object.keys(plain));
  expect(deferred.paragraphs).toBe(deferred.paragraphs);
  expect(made).toEqual([3]);
  expect(deferred).toEqual(plain);
});

it('copies, compares and serializes as a statement with its paragraphs', () => {
  const { deferred, plain } = pair(4);
  expect(JSON.stringify(deferred)).toBe(JSON.stringify(plain));
  const second = pair(5);
  expect({ ...second.deferred }).toEqual(second.plain);
  const third = pair(6);
  expect(third.deferred).toEqual(third.plain);
});

it('takes paragraphs assigned before or after they were made', () => {
  const { deferred } = pair(7);
  const other = [{ number: 1, text: 'x', line: 1 }];
  deferred.paragraphs = other;
  expect(deferred.paragraphs).toBe(other);
  expect(paragraphCount(deferred)).toBe(1);
  deferred.paragraphs = [];
  expect(paragraphCount(deferred)).toBe(0);
});
