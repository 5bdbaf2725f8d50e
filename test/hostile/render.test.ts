import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.ts';
import { QueryError } from '../../src/engine/errors.ts';
import type { Engine } from '../../src/engine/types.ts';
import {
  DISCORD_LIMITS,
  embedLength,
  escapeText,
  formatExcerpt,
  renderAnswer,
} from '../../src/render/discordEmbed.ts';
import { renderText } from '../../src/render/text.ts';
import { engineFromFolderInTemp, FIXTURE_CORPUS } from '../helpers.ts';
import { DISCORD_SYNTAX, hostileText } from './arbitraries.ts';

const METHODS = ['quote', 'who', 'when', 'compare', 'ask'] as const;
/** A masked link Discord would render: [label](url), not preceded by an escaping backslash. */
const LIVE_MASKED_LINK = /(?<!\\)\[[^\]\n]*(?<!\\)\]\(<?https?:/;

describe('hostile questions all the way to a Discord embed', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFromFolderInTemp(FIXTURE_CORPUS);
  });

  it('every answer renders within Discord limits, with the question escaped in the title', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...METHODS),
        hostileText,
        fc.constantFrom(...DISCORD_SYNTAX),
        fc.constantFrom('maritime security', '北朝鮮', 'Motegi', 'いつ', ''),
        fc.nat(5),
        (method, noise, syntax, words, page) => {
          let answer: Answer;
          try {
            answer = engine[method](`${syntax} ${words} ${noise}`);
          } catch (err) {
            if (err instanceof QueryError) return;
            throw err;
          }
          const { message, nothing } = renderAnswer(answer, {
            page,
            controls: { pageId: (p) => `p:${p}`, switchLangId: 'lang' },
          });
          if (nothing) {
            expect(message.content!.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
            return;
          }
          const [embed] = message.embeds;
          expect(embedLength(embed!)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
          expect((embed!.title ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
          expect((embed!.description ?? '').length).toBeLessThanOrEqual(
            DISCORD_LIMITS.embedDescription,
          );
          expect(embed!.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
          for (const f of embed!.fields ?? [])
            expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
          expect(embed!.title ?? '').not.toMatch(LIVE_MASKED_LINK);
          // The citation lines ("— [publisher · date · ¶n](source)") are the only links, and ours.
          const corpusText = (embed!.description ?? '')
            .split('\n')
            .filter((l) => !l.startsWith('— ['));
          expect(corpusText.join('\n')).not.toMatch(LIVE_MASKED_LINK);
          expect(typeof renderText(answer)).toBe('string');
        },
      ),
      { numRuns: 250 },
    );
  });

  it('no masked link survives escaping, however many a line holds', () => {
    const text =
      'See [the readout](https://e.com/a) and [the statement](<https://e.com/b c>), \\[x](https://e.com).';
    expect(escapeText(text)).not.toMatch(LIVE_MASKED_LINK);
    const readout = text.indexOf('readout');
    expect(formatExcerpt(text, [[readout, readout + 'readout'.length]])).not.toMatch(
      LIVE_MASKED_LINK,
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom('[a](https://e.com)', '[', ']', '(', ')', '\\', ' ', 'x', '**', '<', '>'),
          { maxLength: 30 },
        ),
        (parts) => {
          expect(escapeText(parts.join(''))).not.toMatch(LIVE_MASKED_LINK);
        },
      ),
    );
  });
});
