/**
 * The answer model: plain data that every renderer and adapter consumes.
 * Other tools read the JSON form, so this shape is a public contract.
 */
import type { Lang } from '../text/script.ts';

export type { Lang };
export type AnswerKind = 'who' | 'when' | 'quote' | 'none';

/** `[start, end)` in UTF-16 code units of a citation's `excerpt`. */
export type Highlight = [start: number, end: number];

export interface Citation {
  statement: string;
  title: string;
  date: string;
  language: string;
  paragraph: number;
  /** Verbatim corpus text; whitespace may be collapsed, long text cut at a sentence boundary. */
  excerpt: string;
  source?: string;
  /**
   * Where the answer matched in `excerpt` (the query's words, the person, the date), as offsets
   * into `excerpt` exactly as it is (ellipses included): sorted, not overlapping. Renderers mark
   * these and nothing else. Absent when nothing in the excerpt is to be marked.
   */
  highlights?: Highlight[];
}

export interface PersonInfo {
  name: string;
  role?: string;
  affiliation?: string;
  /**
   * How the statement writes this person when it gives no name ("The President"): the name is the
   * office's holder on the statement's date, from data/people/offices.yaml.
   */
  writtenAs?: string;
}

export interface TimeInfo {
  /** YYYY-MM-DD; for a month, week or year (来月, "next week", 来年) its first day, see `precision`. */
  date: string;
  time?: string;
  timezone?: string;
  approximate?: boolean;
  durationMinutes?: number;
  /** Last day of a range or list ("June 4 and 5", 4日から6日まで). */
  endDate?: string;
  /** Present only when the text names a whole week, month or year rather than a day. */
  precision?: 'week' | 'month' | 'year';
  /** The same moment as written for another place: "(local time; 10:05 a.m. Japan time)". */
  alternate?: { date: string; time?: string; timezone?: string; instant?: string };
  /** What the date is of: the call, the meeting, the launch (電話会談, 発射), in the asked language when known. */
  what?: string;
  /** The moment of `time` in ISO 8601 with offset (2024-01-05T10:00:00+09:00), when its zone is known. */
  instant?: string;
}

export interface AnswerItem {
  text: string;
  person?: PersonInfo;
  time?: TimeInfo;
  citations: Citation[];
  /**
   * The matched words as the statements write them (query words, the person's mentions, the date
   * as written), for readers of the JSON; where they stand in each excerpt is its citation's
   * `highlights`, which is what renderers mark.
   */
  matched?: string[];
}

export interface Answer {
  kind: AnswerKind;
  language: Lang;
  query: string;
  items: AnswerItem[];
  notice?: string;
}
