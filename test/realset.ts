/**
 * Questions about real published statements (test/fixtures/real/<set>/questions.json, in the
 * format of the development set) asked in-process and checked the way the development-set scorer
 * checks them: kind, language, people, dates, times, durations, excerpts, and that every cited
 * excerpt stands word for word in the cited statement.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus } from '../src/corpus/load.ts';
import { readGlossaries } from '../src/engine/fromCorpus.ts';
import { engineFromLibrary } from '../src/engine/fromLibrary.ts';
import { buildLibrary } from '../src/answer/library.ts';
import type { Answer } from '../src/answer/types.ts';
import type { Engine } from '../src/engine/types.ts';
import { ROOT, SEED_CORPUS } from './helpers.ts';

export interface RealQuestion {
  id: string;
  args: string[];
  expect: {
    kind: 'who' | 'when' | 'quote' | 'none';
    language?: string;
    people?: string[];
    citeDate?: string;
    citeDateAny?: string[];
    date?: string;
    dateAny?: string[];
    time?: string;
    timeAny?: string[];
    duration?: number;
    excerpt?: string;
  };
}

export const REAL_SETS = path.join(ROOT, 'test/fixtures/real');

/** A set's questions: `questions.json` in its folder (a set is a folder name under REAL_SETS, or a path). */
export function questionsOf(
  set: string,
  file = path.join(path.resolve(REAL_SETS, set), 'questions.json'),
): RealQuestion[] {
  return JSON.parse(readFileSync(file, 'utf8')) as RealQuestion[];
}

/** The bundled corpus plus one set of real statements, with the bundled glossary. */
export async function realEngine(
  set: string,
): Promise<{ engine: Engine; bodies: Map<string, string> }> {
  const loaded = await Promise.all([
    loadCorpus(SEED_CORPUS),
    loadCorpus(path.resolve(REAL_SETS, set)),
  ]);
  const problems = loaded.flatMap((c) => c.problems);
  const glossaries = await Promise.all(loaded.map((c) => readGlossaries(c, problems)));
  const glossary = {
    people: glossaries.flatMap((g) => g.people),
    terms: [
      ...new Map(glossaries.flatMap((g) => g.terms).map((t) => [JSON.stringify(t), t])).values(),
    ],
    // Each corpus's glossary starts with the built-in synonyms: keep one copy of each group.
    synonyms: [
      ...new Map(glossaries.flatMap((g) => g.synonyms).map((g) => [JSON.stringify(g), g])).values(),
    ],
  };
  const statements = loaded.flatMap((c) => c.statements);
  const bodies = new Map(
    statements.map((s) => [s.id, norm(s.paragraphs.map((p) => p.text).join('\n'))]),
  );
  return { engine: engineFromLibrary(buildLibrary(statements, problems, glossary)), bodies };
}

const norm = (s: unknown) =>
  String(s ?? '')
    .normalize('NFKC')
    .replace(/\u30fb/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Asks a question given as command-line arguments (`ask --lang en "..."`). */
export function ask(engine: Engine, args: string[]): Answer {
  const [command, ...rest] = args;
  let lang: 'ja' | 'en' | undefined;
  const words: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--lang') lang = rest[++i] as 'ja' | 'en';
    else words.push(rest[i]!);
  }
  const text = words.join(' ');
  const opts = lang ? { lang } : {};
  switch (command) {
    case 'who':
      return engine.who(text, opts);
    case 'when':
      return engine.when(text, opts);
    case 'quote':
      return engine.quote(text, opts);
    default:
      return engine.ask(text, opts);
  }
}

/** What is wrong with an answer; empty when it is right. */
export function judge(q: RealQuestion, ans: Answer, bodies: Map<string, string>): string[] {
  const e = q.expect;
  const why: string[] = [];
  const items = ans.items.slice(0, 3);
  const cites = items.flatMap((i) => i.citations);
  if (e.kind === 'none') {
    if (!(ans.kind === 'none' || ans.items.length === 0))
      why.push(`expected no answer, got ${ans.kind}: ${norm(items[0]?.text).slice(0, 60)}`);
    return why;
  }
  if (ans.kind !== e.kind) why.push(`kind ${ans.kind} != ${e.kind}`);
  if (items.length === 0) why.push(`no items (${ans.notice ?? ''})`);
  if (e.language && ans.language !== e.language)
    why.push(`language ${ans.language} != ${e.language}`);
  if (e.language && e.kind === 'quote' && cites[0] && cites[0].language !== e.language)
    why.push(`first citation in ${cites[0].language}`);
  for (const p of e.people ?? []) {
    if (
      !items
        .concat(ans.items.slice(3, 8))
        .some((i) => norm(i.person?.name ?? i.text).includes(norm(p)))
    )
      why.push(`person ${p} missing`);
  }
  const dates = e.citeDateAny ?? (e.citeDate ? [e.citeDate] : []);
  if (dates.length && !cites.some((c) => dates.some((d) => String(c.date ?? '').startsWith(d)))) {
    why.push(
      `no citation dated ${dates.join('|')} (got ${[...new Set(cites.map((c) => c.date))].join(',')})`,
    );
  }
  if (e.date || e.dateAny) {
    const want = e.dateAny ?? [e.date!];
    const hit = items.find((i) => want.includes(i.time?.date ?? ''));
    if (!hit)
      why.push(`date ${want.join('|')} missing (got ${items.map((i) => i.time?.date).join(',')})`);
    else {
      const times = e.timeAny ?? (e.time ? [e.time] : null);
      if (
        times &&
        !items.some((i) => want.includes(i.time?.date ?? '') && times.includes(i.time?.time ?? ''))
      )
        why.push(`time ${times.join('|')} missing (got ${hit.time?.time})`);
      if (
        e.duration &&
        !items.some(
          (i) => want.includes(i.time?.date ?? '') && i.time?.durationMinutes === e.duration,
        )
      )
        why.push(`duration ${e.duration} missing (got ${hit.time?.durationMinutes})`);
    }
  }
  if (e.excerpt && !cites.some((c) => norm(c.excerpt).includes(norm(e.excerpt))))
    why.push(`no excerpt with "${e.excerpt}"`);
  for (const c of cites) {
    const body = bodies.get(c.statement);
    const parts = norm(c.excerpt)
      .split(/\s*(?:…|\.\.\.)\s*/)
      .filter((s) => s.length > 0);
    if (!body) {
      why.push(`citation to unknown statement ${c.statement}`);
      break;
    }
    if (!parts.every((s) => body.includes(s))) {
      why.push(`excerpt not verbatim in ${c.statement}`);
      break;
    }
    if (!(c.paragraph >= 1)) {
      why.push('citation without paragraph');
      break;
    }
  }
  return why;
}
