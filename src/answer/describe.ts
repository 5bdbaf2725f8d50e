import type { Lang, PersonInfo, TimeInfo } from './types.ts';

/** The answer line for a time, in the asked language, from the normalized value only. */
export function describeTime(t: TimeInfo, lang: Lang): string {
  const [y, m, d] = t.date.split('-').map(Number) as [number, number, number];
  const zoneEn = t.timezone === 'local' ? 'local time' : t.timezone;
  const zoneJa = t.timezone === 'local' ? '現地時間' : t.timezone === 'JST' ? '日本時間' : t.timezone;
  if (lang === 'ja') {
    let s = `${y}年${m}月${d}日`;
    if (t.time) s += ` ${t.time}${zoneJa ? `（${zoneJa}）` : ''}${t.approximate ? '頃' : ''}`;
    else if (zoneJa) s += `（${zoneJa}）`;
    if (t.durationMinutes) s += `、${t.approximate ? '約' : ''}${durationJa(t.durationMinutes)}`;
    return s;
  }
  let s = t.date;
  if (t.time) s += ` ${t.time}${zoneEn ? ` ${zoneEn}` : ''}${t.approximate ? ' (approx.)' : ''}`;
  else if (zoneEn) s += ` (${zoneEn})`;
  if (t.durationMinutes) s += `, ${t.approximate ? 'about ' : ''}${durationEn(t.durationMinutes)}`;
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
  if (lang === 'ja') {
    const title = `${affiliationWritten ? (p.affiliation ?? '') : ''}${p.role ?? ''}`;
    return title ? `${p.name}（${title}）` : p.name;
  }
  const title = [p.role, p.affiliation].filter(Boolean).join(', ');
  return title ? `${p.name} — ${title}` : p.name;
}
