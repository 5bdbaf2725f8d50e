import type { Lang, PersonInfo, TimeInfo } from './types.ts';

const ZONE: Record<Lang, Record<string, string>> = {
  en: { local: 'local time' },
  ja: { local: '現地時間', JST: '日本時間' },
};

function zoneName(zone: string | undefined, lang: Lang): string | undefined {
  return zone === undefined ? undefined : (ZONE[lang][zone] ?? zone);
}

/** A date at the precision the text gave: a year, a month, a week, or a day. */
function describeDate(t: Pick<TimeInfo, 'date' | 'precision'>, lang: Lang): string {
  const [y, m, d] = t.date.split('-').map(Number) as [number, number, number];
  if (lang === 'ja') {
    if (t.precision === 'year') return `${y}年`;
    if (t.precision === 'month') return `${y}年${m}月`;
    if (t.precision === 'week') return `${y}年${m}月${d}日の週`;
    return `${y}年${m}月${d}日`;
  }
  if (t.precision === 'year') return String(y);
  if (t.precision === 'month') return t.date.slice(0, 7);
  if (t.precision === 'week') return `week of ${t.date}`;
  return t.date;
}

function clock(
  date: string | undefined,
  time: string,
  zone: string | undefined,
  lang: Lang,
): string {
  const z = zoneName(zone, lang);
  const day = date ? `${describeDate({ date }, lang)} ` : '';
  return lang === 'ja' ? `${day}${time}${z ? `（${z}）` : ''}` : `${day}${time}${z ? ` ${z}` : ''}`;
}

/** Which part of a time the text calls approximate, when the extractor knows it. */
export interface Approximation {
  time?: boolean | undefined;
  duration?: boolean | undefined;
}

/**
 * The answer line for a time, in the asked language, from the normalized value. `approx` says
 * whether 頃/約 belong to the clock time or the duration; without it `approximate` covers both.
 */
export function describeTime(t: TimeInfo, lang: Lang, approx?: Approximation): string {
  const approxTime = approx ? Boolean(approx.time) : Boolean(t.approximate);
  const approxDuration = approx ? Boolean(approx.duration) : Boolean(t.approximate);
  let s = describeDate(t, lang);
  if (t.endDate)
    s += lang === 'ja' ? `～${describeDate({ date: t.endDate }, lang)}` : ` to ${t.endDate}`;
  const a = t.alternate;
  if (a && !a.time) {
    // 12日（現地時間11日）: the same day dated in another place.
    const zone = zoneName(a.timezone, lang);
    s +=
      lang === 'ja'
        ? `（${zone ?? ''}${describeDate({ date: a.date }, lang)}）`
        : ` (${a.date}${zone ? ` ${zone}` : ''})`;
  }
  const alt = t.alternate?.time
    ? clock(
        t.alternate.date !== t.date ? t.alternate.date : undefined,
        t.alternate.time,
        t.alternate.timezone,
        lang,
      )
    : undefined;
  if (lang === 'ja') {
    if (t.time) {
      // 09:15（現地時間、日本時間 07:15）: one bracket, as readouts write it.
      const a = t.alternate;
      const altJa = a?.time
        ? `${zoneName(a.timezone, lang) ?? ''}${a.date !== t.date ? describeDate({ date: a.date }, lang) : ''}${a.time}`
        : undefined;
      const note = [zoneName(t.timezone, lang), altJa].filter(Boolean).join('、');
      s += ` ${t.time}${note ? `（${note}）` : ''}${approxTime ? '頃' : ''}`;
    } else if (t.timezone) s += `（${zoneName(t.timezone, lang)}）`;
    if (t.durationMinutes) s += `、${approxDuration ? '約' : ''}${durationJa(t.durationMinutes)}`;
    return s;
  }
  if (t.time)
    s += ` ${clock(undefined, t.time, t.timezone, lang)}${alt ? ` (${alt})` : ''}${approxTime ? ' (approx.)' : ''}`;
  else if (t.timezone) s += ` (${zoneName(t.timezone, lang)})`;
  if (t.durationMinutes) s += `, ${approxDuration ? 'about ' : ''}${durationEn(t.durationMinutes)}`;
  return s;
}

function durationEn(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [];
  if (h) parts.push(`${h} hour${h > 1 ? 's' : ''}`);
  if (m) parts.push(`${m} minute${m > 1 ? 's' : ''}`);
  return parts.join(' ');
}

function durationJa(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h}時間${m ? `${m}分` : ''}` : `${m}分間`;
}

/**
 * The answer line for a person: 茂木敏充（外務大臣） / Motegi Toshimitsu — Foreign Minister, Japan.
 * In Japanese the country is shown only when the statement writes it (米国国務長官), as readouts do:
 * an affiliation the extractor inferred stays in the data, not in the line.
 */
export function describePerson(p: PersonInfo, lang: Lang, affiliationWritten = true): string {
  const plain = describeNamed(p, lang, affiliationWritten);
  if (!p.writtenAs) return plain;
  // Say that the name is not the statement's own words.
  return lang === 'ja'
    ? `${plain}（声明では「${p.writtenAs}」）`
    : `${plain} (the statement says “${p.writtenAs}”)`;
}

function describeNamed(p: PersonInfo, lang: Lang, affiliationWritten: boolean): string {
  // A role the glossary could not carry into Japanese keeps the English form: Minister, Japan.
  if (lang === 'ja' && !/[A-Za-z]/.test(p.role ?? '')) {
    const title = `${affiliationWritten ? (p.affiliation ?? '') : ''}${p.role ?? ''}`;
    return title ? `${p.name}（${title}）` : p.name;
  }
  const title = [p.role, p.affiliation].filter(Boolean).join(', ');
  if (lang === 'ja') return title ? `${p.name}（${title}）` : p.name;
  return title ? `${p.name} — ${title}` : p.name;
}
