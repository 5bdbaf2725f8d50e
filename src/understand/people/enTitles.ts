/**
 * English titles, honorifics and modifiers as readouts and joint statements write them
 * ("U.S. Secretary of State Michael R. Pompeo", "H.E. Ms. Kang Kyung-wha, Minister of Foreign Affairs of
 * the Republic of Korea"). Titles are matched case-sensitively: capitalised, they precede or follow a
 * name; lower-case ("the minister") they are prose.
 */
import { PhraseTable } from '../phraseTable.ts';
import { MONTH_NAMES } from '../../text/calendar.ts';
import { loadTable } from './tables.ts';

interface EnData {
  titles: (string | { title: string; deputy?: boolean })[];
  honorifics: string[];
  peerages: string[];
  postNominals: string[];
  nameParticles: string[];
  roleWords?: Record<string, string[]>;
  notNameWords: string[];
  lowerCaseRoles?: string[];
}

/** The tables a user may extend live in data/people/en.yaml. */
const DATA = loadTable<EnData>('en.yaml');

export interface EnTitleInfo {
  deputy?: boolean;
}

/** A title as written with a hyphen and with a space: Parliamentary Vice-Minister, Vice Minister. */
const spellings = (title: string): string[] => [
  ...new Set([
    title,
    title.replace(/(?<=\p{L})-(?=\p{Lu})/gu, ' '),
    title.replace(/\bVice /g, 'Vice-'),
  ]),
];

export const EN_TITLES = new PhraseTable<EnTitleInfo>(
  DATA.titles.flatMap((t) => {
    const [title, info] =
      typeof t === 'string' ? [t, {}] : [t.title, { deputy: t.deputy === true }];
    return spellings(title).map((s) => [s, info] as const);
  }),
);

/** Words before a title that qualify it; they are flags, and Deputy/Vice stay part of the role. */
export const EN_MODIFIERS: Record<string, 'former' | 'acting' | 'deputy' | 'then'> = {
  former: 'former',
  Former: 'former',
  'ex-': 'former',
  'then-': 'then',
  Acting: 'acting',
  acting: 'acting',
  Interim: 'acting',
  Deputy: 'deputy',
  Vice: 'deputy',
  Senior: 'then',
  Principal: 'then',
};

/** Courtesy titles before a name, longest first ("His Excellency" before "His"). */
export const EN_HONORIFICS: readonly string[] = [...DATA.honorifics].sort(
  (a, b) => b.length - a.length,
);

/** Honorifics after which a name may go on with " of Place" (Lord Bruce of Bennachie). */
export const EN_PEERAGES: ReadonlySet<string> = new Set(DATA.peerages);

/** Letters after a name (MP, KCMG, OBE): part of the mention, not of the name. */
export const EN_POST_NOMINALS: ReadonlySet<string> = new Set(DATA.postNominals);

/** Words a question uses for a kind of office, with the title words that hold it (`any`: every title). */
export const EN_ROLE_WORDS_HELD: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(DATA.roleWords ?? {}),
);

/** Lower-case particles inside names (bin, de, van): kept when a capitalised word follows. */
export const EN_NAME_PARTICLES: ReadonlySet<string> = new Set(DATA.nameParticles);

/**
 * Capitalised words that are never part of a person's name in this field: they start sentences,
 * name institutions, places and weapons. A candidate name stops at them.
 */
export const EN_NOT_NAME_WORDS: ReadonlySet<string> = new Set([
  ...DATA.notNameWords,
  ...MONTH_NAMES,
]);

/**
 * Words of a portfolio written after a title and before a name ("Assistant Secretary of State for
 * East Asian and Pacific Affairs Daniel Kritenbrink", "Special Representative for North Korea Sung
 * Kim"): a closed list, because the name right after them must not be swallowed.
 */
export const EN_PORTFOLIO_WORDS = new Set([
  'and',
  'the',
  'of',
  'for',
  'East',
  'Asian',
  'Asia',
  'Pacific',
  'Affairs',
  'Foreign',
  'External',
  'International',
  'Security',
  'Political',
  'Policy',
  'Economic',
  'Economy',
  'Trade',
  'Industry',
  'Arms',
  'Control',
  'Nonproliferation',
  'Non-Proliferation',
  'Public',
  'Diplomacy',
  'Consular',
  'Management',
  'Development',
  'Defense',
  'Defence',
  'National',
  'Europe',
  'European',
  'Eurasian',
  'South',
  'North',
  'Central',
  'Western',
  'Hemisphere',
  'Near',
  'Middle',
  'Counterterrorism',
  'Global',
  'Issues',
  'Human',
  'Rights',
  'Democracy',
  'Labor',
  'Energy',
  'Resources',
  'Commerce',
  'Finance',
  'Korea',
  'Korean',
  'Japan',
  'Unification',
  'Office',
  'Commission',
  'Council',
  'Committee',
  'Cooperation',
  'Bureau',
  'Disarmament',
  'Climate',
  'Partnership',
  'Indo-Pacific',
  'Oceans',
  'Environment',
  'Science',
  'Cyberspace',
  'Digital',
  'Policy',
  'Planning',
  'Africa',
  'African',
  'America',
  'Americas',
  'Latin',
  'Caribbean',
  'Gulf',
  'Arab',
  'Commonwealth',
  'Coordinating',
  'Extraordinary',
  'Plenipotentiary',
  'Affairs',
  'Worship',
  'Diaspora',
  'Indian',
  'Ocean',
  'West',
  'Western',
]);

/** Roles written in lower case before a name ("candidate Petro Poroshenko"), longest first. */
export const EN_LOWER_CASE_ROLES: readonly string[] = [...(DATA.lowerCaseRoles ?? [])].sort(
  (a, b) => b.length - a.length,
);
