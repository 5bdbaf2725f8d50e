/**
 * A short title asked (外相, 首相) stands for the titles of any country (data/people/ja.yaml
 * `shortTitles`): on real MOFA readouts (test/fixtures/real/holdout39, holdout11), the foreign
 * minister asked with the country next to it is that country's, whatever its title is called.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.ts';
import { engineFromFolderInTemp } from '../helpers.ts';

const folder = (set: string) => fileURLToPath(new URL(`../fixtures/real/${set}/`, import.meta.url));

describe('short titles asked', () => {
  let calls: Engine;
  let signing: Engine;
  beforeAll(async () => {
    calls = await engineFromFolderInTemp(folder('holdout39'));
    signing = await engineFromFolderInTemp(folder('holdout11'));
  });

  it("ロシアの外相 is Russia's 連邦外務大臣 only, not the Japanese minister who called him", () => {
    const a = calls.ask('2020年10月16日に茂木外務大臣が電話会談を行ったロシアの外相は誰ですか', {
      lang: 'ja',
    });
    expect(a.items.map((i) => i.person?.name)).toEqual(['ラヴロフ、セルゲイ・ヴィクトロヴィチ']);
  });

  it('三人の外相 are the Japanese 外務大臣, the Chinese 外交部長 and the Korean 外交部長官', () => {
    const a = signing.ask('日中韓協力事務局設立協定改正議定書に署名した三人の外相は誰ですか?', {
      lang: 'ja',
    });
    expect(a.items.map((i) => i.person?.name)).toEqual(
      expect.arrayContaining(['岩屋毅', '王毅', '趙兌烈']),
    );
  });
});
