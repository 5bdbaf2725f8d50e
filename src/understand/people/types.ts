/** A person as found in one statement. Plain data: the index stores it, /who renders it. */
export interface PersonMention {
  paragraph: number;
  /** Verbatim mention as in the paragraph (name with its title, country and honorifics). */
  text: string;
  /** UTF-16 offsets of `text` in the paragraph. */
  start: number;
  end: number;
}

export interface Person {
  /** Stable merge key within the statement (normalized full name). */
  key: string;
  /** Full name as written. */
  name: string;
  /** Reading given in brackets after a Japanese name (康京和(カン・ギョンファ)). */
  reading?: string;
  /** Other forms of the name: the English name in brackets after a Japanese one, variants. */
  otherNames: string[];
  role?: string;
  affiliation?: string;
  former?: boolean;
  acting?: boolean;
  deputy?: boolean;
  /** Held the call or meeting the statement reports; otherwise only mentioned. */
  participant: boolean;
  /**
   * The text names this person only by the title ("The President"); the name is the holder of
   * that office on the statement's date (data/people/offices.yaml).
   */
  byOffice?: boolean;
  /**
   * The text names this person only as "I"; the name is from the statement's title ("Statement by
   * President Obama on …").
   */
  byTitle?: boolean;
  mentions: PersonMention[];
}

export interface Paragraphlike {
  number: number;
  text: string;
}

/** One mention with what its surroundings say; merged into a Person later. */
export interface RawMention {
  paragraph: number;
  start: number;
  end: number;
  text: string;
  name: string;
  /** Start/end of the bare name inside the paragraph. */
  nameStart: number;
  reading?: string | undefined;
  otherNames: string[];
  role?: string | undefined;
  affiliation?: string | undefined;
  former: boolean;
  acting: boolean;
  deputy: boolean;
  participant: boolean;
}
