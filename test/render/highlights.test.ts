/**
 * Issue 13, item 3: what the answer matched is what every surface marks. The answer gives each
 * citation the offsets of its matches in the excerpt (`highlights`); the text and Discord
 * renderers mark those and search for nothing again, so 京都 is not marked inside 東京都 and "arm"
 * not inside "alarm".
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { excerptHighlights, makeExcerpt } from '../../src/answer/excerpt.ts';
import type { Answer, Citation } from '../../src/answer/types.ts';
import type { Engine } from '../../src/engine/types.ts';
import { renderAnswer } from '../../src/render/discordEmbed.ts';
import { layoutAnswer } from '../../src/render/layout.ts';
import { terminalSafeEngine } from '../../src/render/terminalSafe.ts';
import { renderText } from '../../src/render/text.ts';
import { engineFor, SEED_CORPUS } from '../helpers.ts';

const KYOTO =
  '外務大臣は京都で会談した。東京都の知事も同席し、東京都と京都府の協力について話し合った。';
const ARMS =
  "The Ministers raised the alarm over the transfer of arms, and one arm of the talks covered everyone's concern about the harm to civilians.";
/** Longer than an excerpt (600): the quote of "desalination" is a window that starts with "…". */
const LONG =
  'The Ministers reviewed fisheries cooperation in the region and the work of the joint committee. '.repeat(
    8,
  ) +
  'They welcomed a new desalination plant for the islands. ' +
  'They agreed to meet again next year in the region. '.repeat(4);
const CLEAR = '\u001b[2J\u001b[H';

function statement(id: string, language: string, title: string, body: string): string {
  return `---\nid: ${id}\ntitle: ${title}\ndate: 2024-05-01\nlanguage: ${language}\npublisher: Test\n---\n${body}\n`;
}

let dir: string;
let engine: Engine;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'readout-highlights-'));
  await writeFile(path.join(dir, 'kyoto.md'), statement('t-kyoto', 'ja', '京都での会談', KYOTO));
  await writeFile(path.join(dir, 'arms.md'), statement('t-arms', 'en', 'Ministers on arms', ARMS));
  await writeFile(path.join(dir, 'long.md'), statement('t-long', 'en', 'Island cooperation', LONG));
  await writeFile(
    path.join(dir, 'escapes.md'),
    statement('t-escapes', 'en', 'Escapes', `${CLEAR}The ministers deplored the blockade.`),
  );
  engine = await engineFor(dir, SEED_CORPUS);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const textMark = (s: string) => `[${s}]`;
/** The quoted excerpts of a text reply, with highlights in [brackets]. */
function textQuotes(a: Answer, mode?: 'compare'): string[] {
  return [
    ...renderText(a, { highlight: textMark, ...(mode ? { mode } : {}) }).matchAll(/“(.*)”/g),
  ].map((m) => m[1]!);
}
const bold = (text: string, run: RegExp) => [...text.matchAll(run)].map((m) => m[1]!);
/** The bold runs of each quote of a text reply. */
function textMarks(a: Answer, mode?: 'compare'): string[][] {
  return textQuotes(a, mode).map((q) => bold(q, /\[(.+?)\]/g));
}
function textBold(a: Answer, mode?: 'compare'): string[] {
  return textMarks(a, mode).flat();
}
/** The quote blocks of a Discord reply (corpus paragraphs are one line each). */
function discordQuotes(a: Answer, mode: 'quote' | 'who' | 'when' | 'compare'): string[] {
  const embed = renderAnswer(a, { mode, pageSize: a.items.length }).message.embeds[0]!;
  return [embed.description ?? '', ...(embed.fields ?? []).map((f) => f.value)]
    .flatMap((block) => block.split('\n'))
    .filter((line) => line.startsWith('> '));
}
/** Every Discord bold run inside a quote block, unescaped. */
function discordBold(a: Answer, mode: 'quote' | 'who' | 'when' | 'compare'): string[] {
  return discordQuotes(a, mode).flatMap((q) =>
    bold(q, /\*\*(.+?)\*\*/g).map((b) => b.replace(/\\(.)/g, '$1')),
  );
}

describe('highlights in the answer model', () => {
  it('a quote of 京都 marks 京都, and not the 京都 inside 東京都', () => {
    const a = engine.quote('京都', { statement: 't-kyoto' });
    const c = a.items[0]!.citations[0]!;
    expect(c.highlights).toEqual([
      [5, 7],
      [KYOTO.indexOf('京都府'), KYOTO.indexOf('京都府') + 2],
    ]);
    expect(textQuotes(a)).toEqual([
      '外務大臣は[京都]で会談した。東京都の知事も同席し、東京都と[京都]府の協力について話し合った。',
    ]);
    const d = renderAnswer(a).message.embeds[0]!.description!;
    expect(d).toContain(
      '> 外務大臣は**京都**で会談した。東京都の知事も同席し、東京都と**京都**府の協力について話し合った。',
    );
  });

  it('an English word is marked where it stands as that word, not inside another', () => {
    const a = engine.quote('arm', { statement: 't-arms' });
    expect(a.items[0]!.matched).toEqual(['arms', 'arm']);
    expect(textQuotes(a)).toEqual([
      "The Ministers raised the alarm over the transfer of [arms], and one [arm] of the talks covered everyone's concern about the harm to civilians.",
    ]);
    expect(discordBold(a, 'quote')).toEqual(['arms', 'arm']);
  });

  it('offsets are into the excerpt as cut, past its leading ellipsis', () => {
    const a = engine.quote('desalination', { statement: 't-long' });
    const c = a.items[0]!.citations[0]!;
    expect(c.excerpt.startsWith('…They welcomed a new desalination plant')).toBe(true);
    expect(c.highlights!.map(([s, e]) => c.excerpt.slice(s, e))).toEqual(['desalination']);
    expect(textQuotes(a)[0]).toContain('…They welcomed a new [desalination] plant');
  });

  it('the JSON keeps matched beside the highlights, and renders the same after a round trip', () => {
    const a = engine.quote('strongest terms', { lang: 'en' });
    const json = JSON.parse(JSON.stringify(a)) as Answer;
    expect(json.items[0]!.matched).toEqual(['strongest', 'terms']);
    const c = json.items[0]!.citations[0]!;
    // One range a word; the renderers join words that only a space separates.
    expect(c.highlights!.map(([s, e]) => c.excerpt.slice(s, e))).toEqual(['strongest', 'terms']);
    expect(textBold(json)).toEqual(['strongest terms']);
    expect(renderText(json, { highlight: textMark })).toBe(renderText(a, { highlight: textMark }));
  });

  it('who and when mark the people and the date the answer found', () => {
    const who = engine.who('', {
      lang: 'ja',
      statement: 'mofa-2024-11-01-japan-us-rok-foreign-ministers-call',
    });
    expect(textBold(who)).toEqual(
      expect.arrayContaining(['岩屋毅外務大臣', 'アントニー・ブリンケン米国国務長官']),
    );
    const when = engine.when('', {
      lang: 'ja',
      statement: 'mofa-2024-11-01-japan-us-rok-foreign-ministers-call',
    });
    expect(textBold(when)[0]).toMatch(/^10月31日、午後10時頃から約30分間/);
  });

  it('a terminal-safe answer keeps its highlights on the same words once controls are stripped', () => {
    const a = terminalSafeEngine(engine).quote('deplored', { statement: 't-escapes' });
    const c = a.items[0]!.citations[0]!;
    expect(c.excerpt).toBe('The ministers deplored the blockade.');
    expect(c.highlights!.map(([s, e]) => c.excerpt.slice(s, e))).toEqual(['deplored']);
  });
});

describe('every renderer marks the same ranges', () => {
  const asked: Array<[string, (e: Engine) => Answer, 'quote' | 'who' | 'when' | 'compare']> = [
    ['quote 京都', (e) => e.quote('京都', { limit: 3 }), 'quote'],
    ['quote arm', (e) => e.quote('arm', { lang: 'en', limit: 2 }), 'quote'],
    [
      'quote ballistic missile',
      (e) => e.quote('ballistic missile', { lang: 'en', limit: 3 }),
      'quote',
    ],
    [
      'who (ja)',
      (e) =>
        e.who('', { lang: 'ja', statement: 'mofa-2024-11-01-japan-us-rok-foreign-ministers-call' }),
      'who',
    ],
    [
      'when (en)',
      (e) =>
        e.when('', {
          lang: 'en',
          statement: 'mofa-2024-11-01-japan-us-rok-foreign-ministers-call',
        }),
      'when',
    ],
    ['compare 最も強い言葉で非難', (e) => e.compare('最も強い言葉で非難', { limit: 1 }), 'compare'],
  ];
  it.each(asked)('%s: the text reply and the Discord embed bold the same words', (_, ask, mode) => {
    const a = ask(engine);
    const text = textMarks(a, mode === 'compare' ? 'compare' : undefined);
    const discord = discordQuotes(a, mode);
    expect(discord).toHaveLength(text.length);
    expect(text.flat().length).toBeGreaterThan(0);
    discord.forEach((quote, i) => {
      const marks = bold(quote, /\*\*(.+?)\*\*/g).map((b) => b.replace(/\\(.)/g, '$1'));
      // A phone-sized embed cuts a quote past 600 characters (the text reply does not): up to the
      // cut, the same marks.
      expect(quote.endsWith('…') ? text[i]!.slice(0, marks.length) : text[i]).toEqual(marks);
    });
  });
});

describe('layout: one paragraph cited by several items', () => {
  const filler =
    'The delegations discussed trade, energy and the environment at length without naming anyone. ';
  const paragraph = `Minister Tanaka opened the meeting. ${filler.repeat(3)}Secretary Smith spoke next. ${filler.repeat(5)}The meeting closed.`;
  const cite = (name: string, text = paragraph): Citation => {
    const at = text.indexOf(name);
    const excerpt = makeExcerpt(text, [[at, at + name.length]]);
    return {
      statement: 's',
      title: 'Meeting',
      date: '2024-05-01',
      language: 'en',
      paragraph: 1,
      excerpt: excerpt.text,
      highlights: excerptHighlights(excerpt, [[at, at + name.length]]),
    };
  };

  it('shows the paragraph once, marking each item where the shown excerpt holds it', () => {
    const [tanaka, smith] = [cite('Minister Tanaka'), cite('Secretary Smith')];
    // The paragraph is longer than an excerpt: each item's excerpt is its own window of it.
    expect(tanaka.excerpt).not.toBe(smith.excerpt);
    const answer: Answer = {
      kind: 'who',
      language: 'en',
      query: '',
      items: [
        { text: 'Tanaka', citations: [tanaka] },
        { text: 'Smith', citations: [smith] },
      ],
    };
    const [evidence, ...rest] = layoutAnswer(answer, { mode: 'who' }).evidence;
    expect(rest).toEqual([]);
    // Both names stand in the first window; the sentences without them are left out.
    expect(evidence!.excerpt).toBe(
      'Minister Tanaka opened the meeting.…Secretary Smith spoke next.…',
    );
    expect(evidence!.highlights.map(([s, e]) => evidence!.excerpt.slice(s, e))).toEqual([
      'Minister Tanaka',
      'Secretary Smith',
    ]);
  });

  it('marks nothing of an item whose excerpt the shown one does not reach', () => {
    const apart = `Minister Tanaka opened the meeting. ${filler.repeat(9)}Secretary Smith closed it.`;
    const items = ['Minister Tanaka', 'Secretary Smith'].map((name) => ({
      text: name,
      citations: [cite(name, apart)],
    }));
    const [evidence] = layoutAnswer(
      { kind: 'who', language: 'en', query: '', items },
      { mode: 'who' },
    ).evidence;
    expect(evidence!.excerpt).toBe('Minister Tanaka opened the meeting.…');
    expect(evidence!.highlights).toEqual([[0, 'Minister Tanaka'.length]]);
  });
});
