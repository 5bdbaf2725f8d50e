/**
 * Family names across scripts (data/people/ja-family-names.tsv) and Japanese titles in English:
 * what lets an English question find a statement published only in Japanese, and the other way.
 */
import { describe, expect, it } from 'vitest';
import {
  firstKanjiReadAs,
  kanjiFamilyNames,
  latinFamilyNames,
  latinKey,
  readsAsComposed,
} from '../../src/understand/people/familyNames.ts';
import { englishTitle } from '../../src/understand/people/jaTitles.ts';
import { stripEnglishHonorifics } from '../../src/understand/people/names.ts';

describe('family names across scripts', () => {
  it('reads a Latin family name as the kanji names it may be', () => {
    expect(kanjiFamilyNames('Kono')).toContain('河野');
    expect(kanjiFamilyNames('Nakayama')).toContain('中山');
    expect(kanjiFamilyNames('Kiuchi')).toEqual(expect.arrayContaining(['城内', '木内']));
  });

  it('spells long vowels as the English press does: Kōno, Kouno, Kono and Ohno, Ono', () => {
    expect(latinKey('Kōno')).toBe(latinKey('Kouno'));
    expect(latinKey('Kouno')).toBe('kono');
    expect(latinKey('Ohno')).toBe(latinKey('Ono'));
    expect(latinKey('Gemba')).toBe('genba');
  });

  it('gives a kanji family name its Latin spellings', () => {
    expect(latinFamilyNames('川口')).toEqual(['Kawaguchi']);
    expect(latinFamilyNames('河野')).toEqual(expect.arrayContaining(['Kouno', 'Kono', 'Kawano']));
  });

  it('reads a name of two kanji the table lacks by what its kanji read in other names', () => {
    // 町村 and 岩屋 are not in IPADIC's family names; 町田, 中村, 岩井, 土屋 are.
    expect(readsAsComposed('町村', 'Machimura')).toBe(true);
    expect(readsAsComposed('岩屋', 'Iwaya')).toBe(true);
    // 玄 is read ゲン in one name of the table only (玄田); 葉 バ in many (千葉, 稲葉).
    expect(readsAsComposed('玄葉', 'Gemba')).toBe(true);
    expect(readsAsComposed('町村', 'Nakamura')).toBe(false);
    expect(firstKanjiReadAs('Machimura')).toContain('町');
    // A name of the table is read only as the table reads it.
    expect(readsAsComposed('河野', 'Kawano')).toBe(false);
  });

  it('knows no Japanese reading for English words', () => {
    for (const w of ['Minister', 'Foreign', 'Washington', 'Council', 'Biden'])
      expect(kanjiFamilyNames(w)).toEqual([]);
  });
});

describe('Japanese titles in English', () => {
  it('translates a role by the title it ends in, with a posting to Japan', () => {
    expect(englishTitle('外務副大臣')).toBe('State Minister for Foreign Affairs');
    expect(englishTitle('駐日大使')).toBe('Ambassador to Japan');
    expect(englishTitle('外務省アジア大洋州局参事官')).toBe('Deputy Director-General');
    expect(englishTitle('何でもない')).toBeUndefined();
  });

  it('strips honorifics glued together: H.E.Mr. Gonzalo DE BENITO Secades', () => {
    expect(stripEnglishHonorifics('H.E.Mr. Gonzalo DE BENITO Secades')).toBe(
      'Gonzalo DE BENITO Secades',
    );
  });
});
