/** Front matter of a statement file, validated once; the rest of the program trusts it. */
export interface StatementMeta {
  /** Unique slug. */
  id: string;
  title: string;
  /** Date of the statement itself, YYYY-MM-DD. */
  date: string;
  /** BCP 47 tag as written (e.g. `ja`, `en`, `en-US`). */
  language: string;
  publisher: string;
  source?: string;
  /** Shared by all statements (in any language) about the same event. */
  event?: string;
  /** Event time known from outside the text, HH:MM. */
  time?: string;
  timezone?: string;
}

/** A statement as loaded from one corpus file. */
export interface Statement extends StatementMeta {
  /** Path of the file, relative to the corpus root (for error messages and citations). */
  file: string;
  paragraphs: Paragraph[];
}

export interface Paragraph {
  /** 1-based position in the body: stable, shown in every citation. */
  number: number;
  /** Verbatim text, lines of the paragraph joined. */
  text: string;
  /** Leading item label such as `1`, `(2)`, `３．`, `-`, when the paragraph has one. */
  label?: string;
  /** 1-based line in the file where the paragraph starts. */
  line: number;
}

/** A problem found in a corpus file, reported as `file:line: message`. */
export interface CorpusProblem {
  file: string;
  line: number;
  message: string;
  /** Errors keep the file out of the corpus; warnings (e.g. an unknown key) do not. */
  severity: 'error' | 'warning';
}

export function formatProblem(p: CorpusProblem): string {
  return `${p.file}:${p.line}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}
