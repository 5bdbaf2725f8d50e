/**
 * Time zones as offsets: the instant of a clock time written for a zone (日本時間, ET, "Brussels
 * time", ドイツ時間, the `timezone` front matter key), for renderers that show it in each reader's
 * zone. Zones with daylight saving time go through the IANA database (Intl), so "ET" in July is -04:00.
 */
import { ZONE_IANA } from './vocabulary.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** +09:00 style offsets written directly. */
const OFFSET = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i;

function ianaOf(zone: string): string | undefined {
  const trimmed = zone.trim();
  const known =
    ZONE_IANA[trimmed] ??
    ZONE_IANA[trimmed.toLowerCase()] ??
    ZONE_IANA[trimmed.replace(/\s*(?:時間|time)$/i, '')] ??
    ZONE_IANA[trimmed.replace(/\s*time$/i, '').toLowerCase()];
  if (known) return known;
  if (/^[A-Za-z_]+\/[A-Za-z_/+-]+$/.test(trimmed)) {
    try {
      if (!formatters.has(trimmed))
        formatters.set(
          trimmed,
          new Intl.DateTimeFormat('en-US', { timeZone: trimmed, timeZoneName: 'longOffset' }),
        );
      return trimmed;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Offset in minutes of an IANA zone at a UTC instant. */
function offsetAt(iana: string, utcMs: number): number | undefined {
  let format = formatters.get(iana);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: iana, timeZoneName: 'longOffset' });
    formatters.set(iana, format);
  }
  const parts = format.formatToParts(new Date(utcMs));
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  if (name === 'GMT') return 0;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : undefined;
}

/** Offset in minutes of `zone` at the wall-clock time `date time`, or undefined when the zone is unknown. */
export function zoneOffset(zone: string, date: string, time: string): number | undefined {
  const fixed = OFFSET.exec(zone.trim());
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0));
  const iana = ianaOf(zone);
  if (!iana) return undefined;
  if (/^[+-]\d{2}:\d{2}$/.test(iana)) return zoneOffset(iana, date, time);
  const wall = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(wall)) return undefined;
  // Two passes: the offset at the wall time read as UTC, then at the instant that offset gives.
  const first = offsetAt(iana, wall);
  if (first === undefined) return undefined;
  return offsetAt(iana, wall - first * 60_000) ?? first;
}

/** 2024-01-05T10:00:00+09:00, or undefined when the zone is unknown. */
export function instantOf(
  date: string,
  time: string,
  zone: string | undefined,
): string | undefined {
  if (!zone || zone === 'local') return undefined;
  const offset = zoneOffset(zone, date, time);
  return offset === undefined ? undefined : `${date}T${time}:00${formatOffset(offset)}`;
}

/** Publishers whose clock times are Japan time unless the text says otherwise. */
const JAPAN_PUBLISHERS =
  /外務省|首相官邸|内閣官房|防衛省|Ministry of Foreign Affairs of Japan|MOFA Japan|^MOFA$|Prime Minister of Japan|Prime Minister's Office of Japan|Kantei/i;

/** The zone of clock times written without one: the front matter's, else the publisher's. */
export function publisherZone(options: {
  timezone?: string | undefined;
  publisher?: string;
}): string | undefined {
  if (options.timezone) return options.timezone;
  if (options.publisher && JAPAN_PUBLISHERS.test(options.publisher)) return 'JST';
  return undefined;
}
