/**
 * Questions about real published statements of many genres and publishers (test/fixtures/real),
 * asked in-process and checked as the development set checks them. The misses listed below are
 * known and described; a miss that starts passing fails the test, so the list stays true.
 */
import { describe, expect, it } from 'vitest';
import { ask, judge, questionsOf, realEngine } from '../realset.ts';

/** Questions Readout still gets wrong, with the cause where it is known: the work left on issues 9 and 10. */
const KNOWN_MISSES: Record<string, Record<string, string>> = {
  mofa: {
    'us-call-jan-visit-when-en': 'not yet diagnosed',
    'cn-dinner-beef-quote-cross':
      'no English version of the statement: Kobe beef needs a dictionary',
  },
  world: {
    'nsa-seoul-when': 'not yet diagnosed',
    'nz-fiji-depart': '"Monday" after a Friday resolves to the next week',
  },
  // Collected after the rules above were written; looked at only to list what it still misses.
  holdout: {
    'none-abe-visit-palau-ja':
      'the readout names a visit to Palau, by the Emperor, next year: who visits is not read',
  },
  // A second set collected after the rules were written: 55 of 70 on arrival.
  holdout2: {},
  // A third set, measured on arrival with no change made for it: 48 of 53.
  holdout3: {},
  // A fourth set, collected blind: 38 of 59 on arrival.
  holdout4: {
    'kishida-trip-who-ja': "ゴールデンウィーク is the asker's word; no statement writes it",
  },
  // A fifth set, collected blind after the fourth was worked on: 47 of 59 on arrival.
  holdout5: {
    'ishiba-osaka-lunch-none-en': 'the lunch was elsewhere, but the readout names Osaka (the Expo)',
  },
  // A sixth set, collected blind after the fifth was worked on: 40 of 55 on arrival.
  holdout6: {},
  // A seventh set, collected blind after the sixth was worked on: 50 of 58 on arrival.
  holdout7: {
    'ph-congrats-quote-en2ja': 'not yet diagnosed',
    'balakrishnan-tokyo-others-who-en': 'the people he also met are named in a list without titles',
  },
  // An eighth set, collected blind after the seventh was worked on: 44 of 55 on arrival.
  holdout8: {
    'abe-wang-yun-present-who-en': 'not yet diagnosed',
    'abe-jald-who-ja': 'not yet diagnosed',
    'pence-abbasi-hostages-who-en': 'the hostages are named without a title',
    'juppe-tunisia-when-en': 'not yet diagnosed',
  },
  // Collected blind in session 4 after the eighth was worked on: 45 of 59 on arrival.
  holdout9: {
    'steinmeier-sirisena-who-en':
      'a name with no title, in the possessive ("on Maithripala Sirisena’s victory"), is not read as a person',
  },
  // Collected blind in session 4 after the eighth was worked on: 47 of 60 on arrival.
  holdout10: {
    'albanese-former-pms-who-en': 'the question names Tokyo, which the statement does not write',
    'msc-panel-who-ja': "the panel's participants are listed without titles",
    'abe-trump-iran-cross-quote-ja':
      'the two versions are different documents (a readout and remarks), not translations to align',
  },
  // Collected blind in session 4 after holdout9 and holdout10 were worked on: 57 of 62 on arrival.
  holdout11: {},
  // Collected blind in session 4 after holdout11 was worked on: 54 of 61 on arrival.
  holdout12: {
    'none-singapore-fm-phone-dprk':
      'a démarche names no kind of event, and the nuclear test asked about is one: the call asked is not missed',
    'ticad5-omotenashi-quote-en2ja':
      'the English words are a paraphrase of the Japanese paragraph, not its translation',
    'none-aso-lithuania-companion':
      'who accompanies whom is not read: the US officials met in Washington are given',
  },
  // Collected blind in session 4 after holdout12 was worked on: 50 of 58 on arrival.
  holdout13: {
    'abe-cameron-brexit-when-en': 'the statement never writes "Brexit"',
  },
  // Collected blind in session 4 after holdout13 was worked on: 53 of 60 on arrival.
  holdout14: {
    'machimura-song-next-when-ja':
      'the call’s own paragraph names both ministers in full and dates a 日韓電話外相会談, read as the meeting asked; the meeting agreed is in a paragraph that names neither',
    'apec-lunch-neighbor-who-ja': 'who sat next to whom is not read',
  },
  // Collected blind in session 4 after holdout14 was worked on: 55 of 58 on arrival.
  holdout15: {},
  // Collected blind in session 4 after holdout15 was worked on: 50 of 60 on arrival.
  holdout16: {
    'kan-obama-who-en': 'the statement never writes "Fukushima"',
    'car-kawamura-who-en':
      'the press secretary is named only in the title and the text does not speak as "I" or "we"',
    'kishida-hague-quote-cross':
      'the English words are a paraphrase; the Japanese version holds none of them',
    'motegi-payne-quote-cross':
      'the English words are a paraphrase ("thanked" for "expressed her appreciation")',
  },
  // Collected blind in session 4 after holdout16 was worked on: 51 of 63 on arrival.
  holdout17: {
    'bishop-2014-who-en-crossja':
      '"Airlines" has no Japanese form, so the statement published only in Japanese is never a candidate',
    'abe-trump-0228-who-en': 'the statement never writes "Hanoi"',
    'abe-trump-0228-who-ja':
      'Kim Jong Un, named in the meeting Trump reported, is taken for a participant of the call, so the call is taken for another kind of event than the meeting asked',
    'obama-cameron-who-en': 'the statement never writes "MH17"',
    'peters-fiji-days-en': "the day of arrival is not written; the meeting's day is given",
    'abe-trump-quote-ja-cross': 'the English words are a paraphrase of the Japanese paragraph',
    'obama-cameron-quote-en': 'the statement never writes "MH17"',
  },
  // Collected blind at the end of session 4: 51 of 63 on arrival.
  holdout18: {
    'iwaya-wong-when-en-crossja': 'not yet diagnosed',
  },
  // Collected blind at the end of session 4: 47 of 59 on arrival.
  holdout19: {
    'tunisia-observer-who-cross-ja': 'not yet diagnosed',
    'nakasone-rice-who-en': 'not yet diagnosed',
    'uk-trump-dunn-who-en': 'not yet diagnosed',
  },
  // Collected blind in session 5: 51 of 59 on arrival.
  holdout20: {},
  // Collected blind in session 5: 49 of 58 on arrival.
  holdout21: {
    'bolivia-treaty-when-en': 'not yet diagnosed',
    'kishida-modi-when-jst-ja': 'the statement never writes ウィルミントン (Wilmington)',
  },
  // Collected blind in session 5: 48 of 60 on arrival.
  holdout22: {
    'chirac-letter-dated-when-en':
      'the letter’s own dateline ("27 March 2007 (Paris)") is a paragraph of its own; the paragraph that names the letter gives the day it was received',
  },
  // Collected blind in session 5: 49 of 59 on arrival.
  holdout23: {
    'graceland-daughter-who-en':
      'a transcript: speakers in capitals, the daughter named without a title',
    'abe-obama-2014-attendees-who-en':
      '"… Eiichi Hasegawa, Secretary General of the National Security Secretariat Shotaro Yachi": the next item’s title is read as Hasegawa’s',
    'trudeau-brussels-who-ja':
      'a question in Japanese that expects the Latin spelling (Kishida); the answer gives 岸田文雄',
  },
  // Collected blind in session 5: 42 of 59 on arrival.
  holdout24: {
    'bhutan-observer-head-who-ja':
      '山田滝雄在インド日本大使館(ブータン管轄)政務担当公使: a posting and a bracket between the name and the title',
    'burkina-cnd-chair-who-ja': 'not yet diagnosed',
    'spain-reception-fukazawa-who-cross': 'not yet diagnosed',
    'bahrain-reception-host-who-cross':
      'an English question about a Japanese-only statement whose host is named as 宮本大使 in a list',
    'bhutan-election-date-when-ja': 'not yet diagnosed',
    'bhutan-quote-cross-ja': 'not yet diagnosed',
    'gaza-quote-cross-ja': 'not yet diagnosed',
    'bhutan-pm-meeting-none-ja': 'not yet diagnosed',
    'burkina-observer-head-none-en':
      'who led a mission is not read: the statement names the detained president, and elections',
  },
  // Collected blind in session 5: 40 of 59 on arrival.
  holdout25: {
    'ban-appointment-who-ja-cross': 'not yet diagnosed',
    'nato-rasmussen-who-ja-cross':
      'the set expects an answer labelled en; Readout answers in the language asked and says it quotes the English text',
    'lim-blinken-who-ja-cross':
      '第一外交次官 is no title of the table (First Vice Foreign Minister), so the question’s words are split and not found',
    'varadkar-breakfast-who-ja-cross': 'as above: labelled in the language asked',
    'guterres-michel-borrell-who-ja-cross':
      'EU外務・安全保障政策上級代表 asked of an English statement: the title has no English form in the tables',
    'arroyo-visit-when-ja-cross':
      'アロヨ and Arroyo share one consonant (r): too little for the sound index',
    'kerry-kuwait-when-ja-cross': 'as above: labelled in the language asked',
    'incheon-luncheon-when-ja-cross':
      'レストラン, a katakana loanword, is taken for a name the English statement must hold',
    'chongqing-visit-when-ja-cross': 'as above: labelled in the language asked',
    'kerry-spillover-quote-ja-cross': 'as above: labelled in the language asked',
    'park-cheong-wa-dae-none-en':
      'who received whom is not read: the luncheon talks of that day are given',
  },
  // Collected blind at the end of session 5 (English first, typical shapes): 52 of 59 on arrival.
  holdout26: {},
  // Collected blind at the end of session 5 (Japanese first, typical shapes): 47 of 57 on arrival.
  holdout27: {
    'h27-takizawa-portugal-who-cross-ja': 'not yet diagnosed',
    'h27-biden-iraq-who-en': 'not yet diagnosed',
    'h27-rousseff-quote-en': 'not yet diagnosed',
  },
  // Collected blind in session 6 (2005-2015, half other publishers): 53 of 59 on arrival.
  holdout28: {},
  // Collected blind in session 6 (2016-2025, Japanese first): 52 of 60 on arrival.
  holdout29: {},
  // Collected blind in session 6 (other governments' English readouts): 47 of 59 on arrival.
  holdout30: {
    'singh-poverty-quote-en': 'not yet diagnosed',
  },
  // Collected blind in session 6 (Japan's own statements, Japanese first): 52 of 59 on arrival.
  holdout31: {
    'micronesia-kosrae-iwasaki-who-en-ja': 'not yet diagnosed',
  },
  // Collected blind in session 6 (unusual shapes: trilaterals, observers, condolences, schedules): 46 of 57 on arrival.
  holdout32: {
    'ukraine2006-hokkaido-who-ja': 'not yet diagnosed',
    'songtao-constituency-who-en': 'not yet diagnosed',
    'jai-trilateral-when-en': 'not yet diagnosed',
    'kaga-first-time-quote-cross-en': 'not yet diagnosed',
    'ardern-governor-general-none-en': 'not yet diagnosed',
    'paris-herault-duration-none-ja': 'not yet diagnosed',
  },
  // Collected blind at the end of session 6 (typical mix, half other governments): 52 of 59 on arrival.
  holdout33: {
    'car-djotodia-who-ja': 'not yet diagnosed',
    'kishida-tillerson-0705-time-en': 'not yet diagnosed',
    'kennedy-gift-quote-ja': 'not yet diagnosed',
    'none-chile-peru-lima-en': 'not yet diagnosed',
  },
  // Collected blind at the end of session 6 (typical mix, Japanese first): 49 of 60 on arrival.
  holdout34: {
    'un-sendai-quote-en': 'not yet diagnosed',
    'hayashi-stoltenberg-munich-quote-xl': 'not yet diagnosed',
  },
  // Collected blind in session 7 (typical mix, a quarter other governments; some titles written in
  // the publisher's standard form where the excerpt did not show them): 52 of 61 on arrival.
  holdout35: {
    'fukuda-china-legislator-who-cross': 'not yet diagnosed',
    'abe-trump-golf-partner-who-ja': 'not yet diagnosed',
    'finland2006-epa-when-cross': 'not yet diagnosed',
    'abe-trump-golf-date-cross': 'not yet diagnosed',
    'abe-obama-terrorism-quote-cross': 'not yet diagnosed',
  },
  // Collected blind in session 7 (Japanese first: courtesy calls, receptions, a minister's own
  // schedule of a visit, 談話; two 談話 titled as the page labels them): 43 of 57 on arrival.
  holdout36: {
    'kono-seoul-dinner-quote-ja': 'not yet diagnosed',
  },
  // Collected blind in session 7 (other governments' English texts, condolences, a three-way call;
  // some MOFA titles written in MOFA's standard form where the excerpt did not show them): 50 of 60 on arrival.
  holdout37: {
    'elpaso-kono-who-ja': 'not yet diagnosed',
    'elpaso-abe-cross-who': 'not yet diagnosed',
    'un-ekaas-funeral-none-en': 'not yet diagnosed',
  },
  // Collected blind in session 7 (typical mix, leaders' calls, a dinner with side talks; seven
  // titles written in the publisher's form where the excerpt did not show them): 52 of 60 on arrival.
  holdout38: {
    'abe-howard-2007-when-en-ja': 'not yet diagnosed',
    'abe-juncker-summit-date-en-ja': 'not yet diagnosed',
  },
  // Collected blind in session 7 (Japanese first: calls, courtesy calls of one ambassador in one
  // year, press secretaries' statements): 53 of 57 on arrival.
  holdout39: {},
  // Collected blind late in session 7 (typical mix, one pair, statements with no meeting, a readout
  // of three calls; three titles written in the publisher's form): 53 of 58 on arrival.
  holdout40: {
    'arsala-letter-addressee-crossja': 'not yet diagnosed',
    'tokelau-leader-who-en': 'not yet diagnosed',
    'kan-karzai-meeting-when-crossja': 'not yet diagnosed',
  },
  // Collected blind late in session 7 (Japanese first: meetings abroad in two zones, courtesy
  // calls, a press conference; six titles written in the publisher's form): 55 of 61 on arrival.
  holdout41: {
    'bali-2011-us-attendees-ja': 'not yet diagnosed',
    'kono-merkel-who-ja': 'not yet diagnosed',
  },
};

for (const set of Object.keys(KNOWN_MISSES)) {
  describe(`real statements: ${set}`, async () => {
    const { engine, bodies } = await realEngine(set);
    for (const q of questionsOf(set)) {
      const miss = KNOWN_MISSES[set]![q.id];
      it(`${q.id}: ${q.args.slice(1).join(' ')}${miss ? ` (known miss: ${miss})` : ''}`, () => {
        const why = judge(q, ask(engine, q.args), bodies);
        if (miss) expect(why, 'now passes: remove it from KNOWN_MISSES').not.toEqual([]);
        else expect(why).toEqual([]);
      });
    }
  });
}
