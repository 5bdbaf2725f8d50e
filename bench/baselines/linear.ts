/**
 * Baseline (a): no index at all. Every question scans every normalized paragraph for the query's
 * keywords (all of them, in the asked language first; then any of them), as a person with grep
 * would. Uses Readout's own normalization and keyword parsing, so only the index differs.
 */
import type { Statement } from '../../src/corpus/types.ts';
import { parseQuery } from '../../src/index/query.ts';
import { normalize } from '../../src/text/normalize.ts';
import type { Keyword } from '../../src/text/tokenize.ts';
import { flatten, hitOf, type Baseline, type BaselineHit } from './types.ts';

function needle(k: Keyword): string {
  return k.kind === 'cjk' ? k.text : k.terms[0]!;
}

export function createLinearBaseline(statements: readonly Statement[]): Baseline {
  const paragraphs = flatten(statements);
  const normalized = paragraphs.map((p) => normalize(p.statement.paragraphs[p.index]!.text));
  return {
    name: 'linear',
    answer(query: string, lang: 'ja' | 'en', limit = 5): BaselineHit[] {
      const needles = parseQuery(query).keywords.map(needle);
      if (needles.length === 0) return [];
      const wantJa = lang === 'ja';
      for (const all of [true, false]) {
        for (const own of [true, false]) {
          const scored: { i: number; score: number }[] = [];
          for (let i = 0; i < normalized.length; i++) {
            if ((paragraphs[i]!.ja === wantJa) !== own) continue;
            const text = normalized[i]!;
            let found = 0;
            for (const n of needles) if (text.includes(n)) found++;
            if (all ? found === needles.length : found > 0) scored.push({ i, score: found });
          }
          if (scored.length > 0) {
            scored.sort((a, b) => b.score - a.score || a.i - b.i);
            return scored.slice(0, limit).map((s) => hitOf(paragraphs[s.i]!));
          }
        }
      }
      return [];
    },
  };
}
