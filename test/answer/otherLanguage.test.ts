/**
 * Answers found only in the other language's statements say so: a reader asking in English about a
 * statement published only in Japanese sees that the evidence is Japanese text.
 */
import { describe, expect, it } from 'vitest';
import { ask, realEngine } from '../realset.ts';

describe('answers from the other language only', async () => {
  const { engine } = await realEngine('holdout23');

  it('who: an English question about a Japanese-only readout carries the notice, and the person in English', () => {
    const a = ask(engine, [
      'ask',
      '--lang',
      'en',
      "Who hosted the Quad leaders' working dinner in Wilmington on September 21, 2024?",
    ]);
    expect(a.kind).toBe('who');
    expect(a.notice).toBe('No English statement answers this; showing the Japanese text.');
    expect(a.kind === 'who' && a.items[0]?.person?.name).toBe('Joseph R. Biden');
  });

  it('when: the same question in the statement’s own language has no notice', () => {
    const a = ask(engine, [
      'ask',
      '--lang',
      'ja',
      '日米豪印首脳ワーキングディナーは現地時間の何時から始まりましたか',
    ]);
    expect(a.kind).toBe('when');
    expect(a.notice).toBeUndefined();
  });
});
