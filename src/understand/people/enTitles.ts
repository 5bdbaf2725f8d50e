/**
 * English titles, honorifics and modifiers as readouts and joint statements write them
 * ("U.S. Secretary of State Michael R. Pompeo", "H.E. Ms. Kang Kyung-wha, Minister of Foreign Affairs of
 * the Republic of Korea"). Titles are matched case-sensitively: capitalised, they precede or follow a
 * name; lower-case ("the minister") they are prose.
 */
import { PhraseTable } from '../phraseTable.ts';

export interface EnTitleInfo {
  deputy?: boolean;
}

const TITLES: [string, EnTitleInfo][] = [
  ['Secretary of State', {}],
  ['Secretary of Defense', {}],
  ['Secretary of the Treasury', {}],
  ['Secretary of Homeland Security', {}],
  ['Secretary of Commerce', {}],
  ['Secretary-General', {}],
  ['Secretary General', {}],
  ['Under Secretary of State', {}],
  ['Under Secretary', {}],
  ['Assistant Secretary of State', {}],
  ['Assistant Secretary', {}],
  ['Chief Cabinet Secretary', {}],
  ['Foreign Secretary', {}],
  ['Home Secretary', {}],
  ['Defence Secretary', {}],
  ['Secretary', {}],
  ['Minister for Foreign Affairs', {}],
  ['Minister of Foreign Affairs', {}],
  ['Minister for Foreign Affairs and Trade', {}],
  ['Minister of Foreign Affairs and Trade', {}],
  ['Minister for Europe and Foreign Affairs', {}],
  ['Foreign Minister', {}],
  ['Minister of National Defense', {}],
  ['Minister of Defense', {}],
  ['Minister for Defence', {}],
  ['Minister of Defence', {}],
  ['Defense Minister', {}],
  ['Defence Minister', {}],
  ['Minister of Unification', {}],
  ['Unification Minister', {}],
  ['Minister of Economy, Trade and Industry', {}],
  ['Trade Minister', {}],
  ['Finance Minister', {}],
  ['Minister of Finance', {}],
  ['State Minister for Foreign Affairs', {}],
  ['State Minister', {}],
  ['Parliamentary Vice-Minister for Foreign Affairs', {}],
  ['Parliamentary Vice-Minister', {}],
  ['Vice Foreign Minister', { deputy: true }],
  ['Vice Minister for Foreign Affairs', { deputy: true }],
  ['Vice Minister', { deputy: true }],
  ['Vice-Minister', { deputy: true }],
  ['Prime Minister', {}],
  ['Minister', {}],
  ['Vice President', { deputy: true }],
  ['President', {}],
  ['Premier', {}],
  ['Chancellor', {}],
  ['State Councilor', {}],
  ['General Secretary', {}],
  ['Chairman', {}],
  ['Chairwoman', {}],
  ['Chairperson', {}],
  ['King', {}],
  ['Queen', {}],
  ['Emperor', {}],
  ['Crown Prince', {}],
  ['Sultan', {}],
  ['Supreme Leader', {}],
  ['Ambassador', {}],
  ["Chargé d'Affaires", {}],
  ['Chargé d’Affaires', {}],
  ['Special Envoy', {}],
  ['Special Representative', {}],
  ['High Representative', {}],
  ['National Security Advisor', {}],
  ['National Security Adviser', {}],
  ['Director-General', {}],
  ['Director General', {}],
  ['Director', {}],
  ['Spokesperson', {}],
  ['Spokesman', {}],
  ['Commissioner', {}],
  ['Senator', {}],
  ['Governor', {}],
  ['Trade Representative', {}],
];

export const EN_TITLES = new PhraseTable<EnTitleInfo>(TITLES);

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
export const EN_HONORIFICS: readonly string[] = [
  'His Excellency',
  'Her Excellency',
  'Their Excellencies',
  'The Honorable',
  'the Honorable',
  'The Honourable',
  'the Honourable',
  'The Right Honourable',
  'the Right Honourable',
  'The Rt Hon',
  'The Hon.',
  'the Hon.',
  'Rt. Hon.',
  'H.E.',
  'Honorable',
  'Honourable',
  'Hon.',
  'Mr.',
  'Mrs.',
  'Ms.',
  'Miss',
  'Dr.',
  'Prof.',
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Sir',
  'Dame',
].slice().sort((a, b) => b.length - a.length);

/**
 * Capitalised words that are never part of a person's name in this field: they start sentences,
 * name institutions, places and weapons. A candidate name stops at them.
 */
export const EN_NOT_NAME_WORDS = new Set([
  'The', 'This', 'That', 'These', 'Those', 'We', 'Our', 'They', 'He', 'She', 'His', 'Her', 'It', 'Its', 'In',
  'On', 'At', 'As', 'And', 'But', 'Also', 'Only', 'Both', 'All', 'Today', 'Yesterday', 'Begin', 'End', 'Text',
  'Joint', 'Statement', 'Readout', 'Government', 'Governments', 'Ministry', 'Department', 'Office', 'House',
  'White', 'State', 'States', 'United', 'Nations', 'Security', 'Council', 'General', 'Assembly', 'Republic',
  'Democratic', 'People', "People's", 'People’s', 'Korea', 'Korean', 'Peninsula', 'Japan', 'Japanese',
  'China', 'Chinese', 'Russia', 'Russian', 'Ukraine', 'Ukrainian', 'Foreign', 'Affairs', 'Defense', 'Defence',
  'Minister', 'Ministers', 'Secretary', 'President', 'Prime', 'Ambassador', 'Director', 'Deputy', 'Vice',
  'Acting', 'Former', 'Spokesperson', 'Embassy', 'Constitution', 'Indo-Pacific', 'Pacific', 'Asia', 'Europe',
  'European', 'Union', 'Sea', 'Strait', 'Taiwan', 'Island', 'Islands', 'Summit', 'Dialogue', 'Meeting',
  'Trilateral', 'Quad', 'Leaders', 'Ministerial', 'Security', 'Alliance', 'Treaty', 'Agreement', 'Initiative',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'DPRK', 'ROK', 'PRC', 'US', 'USA', 'UN', 'EU', 'UK', 'NATO', 'ASEAN', 'ICBM', 'IRBM', 'SLBM', 'WMD', 'IAEA',
  'G7', 'G20', 'NPT', 'JST', 'EST', 'EDT', 'UTC', 'GMT', 'I', 'II', 'III', 'Mr', 'Mrs', 'Ms', 'Dr', 'Sir',
  'Excellency', 'Honorable', 'Honourable', 'Jr', 'Sr',
]);

/**
 * Words of a portfolio written after a title and before a name ("Assistant Secretary of State for
 * East Asian and Pacific Affairs Daniel Kritenbrink", "Special Representative for North Korea Sung
 * Kim"): a closed list, because the name right after them must not be swallowed.
 */
export const EN_PORTFOLIO_WORDS = new Set([
  'and', 'the', 'of', 'for', 'East', 'Asian', 'Asia', 'Pacific', 'Affairs', 'Foreign', 'External', 'International',
  'Security', 'Political', 'Policy', 'Economic', 'Economy', 'Trade', 'Industry', 'Arms', 'Control',
  'Nonproliferation', 'Non-Proliferation', 'Public', 'Diplomacy', 'Consular', 'Management', 'Development',
  'Defense', 'Defence', 'National', 'Europe', 'European', 'Eurasian', 'South', 'North', 'Central', 'Western',
  'Hemisphere', 'Near', 'Middle', 'Counterterrorism', 'Global', 'Issues', 'Human', 'Rights', 'Democracy',
  'Labor', 'Energy', 'Resources', 'Commerce', 'Finance', 'Korea', 'Korean', 'Japan', 'Unification', 'Office',
  'Commission', 'Council', 'Committee', 'Cooperation', 'Bureau', 'Disarmament', 'Climate', 'Partnership',
  'Indo-Pacific', 'Oceans', 'Environment', 'Science', 'Cyberspace', 'Digital', 'Policy', 'Planning',
]);
