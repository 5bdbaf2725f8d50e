/**
 * A programme of clock lines, as a minister's own site publishes a visit (test/fixtures/real/holdout36,
 * copied verbatim): each line's clock dates the line's event, a short paragraph of lines is no
 * dateline, and a verb asked in any of its forms (戻りました) finds the table's 戻る (着).
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.ts';
import { questionTerms } from '../../src/answer/question.ts';
import { loadGlossary } from '../../src/understand/glossary.ts';
import { projectPath } from '../../src/projectRoot.ts';
import { engineFromFolderInTemp } from '../helpers.ts';

const DIR = fileURLToPath(new URL('../fixtures/real/holdout36/', import.meta.url));

describe('a programme of clock lines (河野太郎公式サイト, 2018-04-16)', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineFromFolderInTemp(DIR);
  });

  it('dates the return by the line that says 羽田着, not the meeting line before it', () => {
    const a = engine.ask('河野大臣は韓国出張から何時に羽田に戻りましたか', { lang: 'ja' });
    expect(a.items[0]!.time).toMatchObject({ date: '2018-04-11', time: '22:30' });
  });

  it('finds the departure in the short paragraph of the first day, which is no dateline', () => {
    const a = engine.ask('河野大臣が羽田を出発してソウルへ向かったのはいつ?', { lang: 'ja' });
    expect(a.items.map((i) => [i.time?.date, i.time?.time])).toContainEqual([
      '2018-04-10',
      '20:00',
    ]);
  });

  it('gives each line its own event: the meeting line is the meeting, the departure none', () => {
    const a = engine.ask('日韓外相会談は何時に始まりましたか', { lang: 'ja' });
    expect(a.items[0]!.time).toMatchObject({ time: '11:20', what: '外相会談' });
  });

  it('reads the person in 文在寅大統領表敬 and the host of the last dinner', () => {
    const president = engine.ask('河野外相が表敬した韓国の大統領は誰ですか?', { lang: 'ja' });
    expect(president.items.map((i) => i.person?.name)).toContain('文在寅');
    const host = engine.ask('河野外相のソウル訪問の最後の夕食会を主催したのは誰?', { lang: 'ja' });
    expect(host.items.map((i) => i.person?.name)).toContain('康京和');
  });
});

describe('Japanese verbs of the synonym table in any form', () => {
  it('reads 戻りました as 戻る and 出発して as 出発', async () => {
    const { glossary } = await loadGlossary(projectPath('data', 'synonyms.yaml'));
    const labels = (q: string) => questionTerms(q, glossary).map((t) => t.label);
    expect(labels('何時に羽田に戻りましたか')).toContain('戻る');
    expect(labels('羽田を出発してソウルへ向かった')).toContain('出発');
  });
});

describe('what a Japanese who-question asks', () => {
  it('is the clause after the last comma; the setting comes before it', async () => {
    const { glossary } = await loadGlossary(projectPath('data', 'synonyms.yaml'));
    const focus = questionTerms(
      '2007年12月28日の北京で、福田総理が夕食会を兼ねた会談を行った相手',
      glossary,
    )
      .filter((t) => t.focus)
      .map((t) => t.label);
    expect(focus).toEqual(expect.arrayContaining(['福田', '夕食会', '会談']));
    expect(focus).not.toContain('北京');
  });
});
