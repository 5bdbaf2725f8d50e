/**
 * Baseline (b): FlexSearch 0.8, the fastest full-text engine in JavaScript, fed with Readout's own
 * tokenizer: index terms (Japanese bigrams, stemmed English words) when adding, the query's
 * keyword terms when searching; `forward` tokenization gives the prefix search that single-kanji
 * queries need. One index per language, so the asked language can be searched first.
 */
import { Index } from 'flexsearch';
import type { Statement } from '../../src/corpus/types.ts';
import { normalize } from '../../src/text/normalize.ts';
import { indexTerms, keywords } from '../../src/text/tokenize.ts';
import { flatten, hitOf, type Baseline, type BaselineHit } from './types.ts';

export function createFlexSearchBaseline(statements: readonly Statement[]): Baseline {
  const paragraphs = flatten(statements);
  // FlexSearch runs one encoder for documents and queries alike; the mode tells which is which.
  let mode: 'index' | 'query' = 'index';
  const encode = (text: string): string[] =>
    mode === 'index' ? indexTerms(text) : keywords(text).flatMap((k) => k.terms);
  const make = () => new Index({ tokenize: 'forward', encode });
  const byLang = { ja: make(), en: make() };
  paragraphs.forEach((p, i) => {
    (p.ja ? byLang.ja : byLang.en).add(i, normalize(p.statement.paragraphs[p.index]!.text));
  });
  mode = 'query';
  return {
    name: 'flexsearch',
    answer(query: string, lang: 'ja' | 'en', limit = 5): BaselineHit[] {
      const q = normalize(query);
      const order = lang === 'ja' ? [byLang.ja, byLang.en] : [byLang.en, byLang.ja];
      for (const suggest of [false, true]) {
        for (const index of order) {
          const ids = index.search(q, { limit, suggest }) as number[];
          if (ids.length > 0) return ids.map((id) => hitOf(paragraphs[id]!));
        }
      }
      return [];
    },
  };
}
