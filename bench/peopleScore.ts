/**
 * People extraction on real statements against a hand-checked list
 * (test/fixtures/real/people/expected.json): precision and recall of names, and how many of the
 * found people also have the right role and country.
 *
 *   node --import tsx bench/peopleScore.ts [--verbose]
 *
 * Paths starting with real/ are read from READOUT_REAL_FIXTURES (default ../main/test/fixtures/real,
 * the collection being built next to this tree) and skipped when absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseStatementFile } from '../src/corpus/parse.ts';
import { extractPeople, type Person } from '../src/understand/people/extract.ts';
import { crossNameKey } from '../src/understand/people/names.ts';

interface Expected {
  name: string;
  role?: string;
  affiliation?: string;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const peopleDir = join(root, 'test/fixtures/real/people');
const realDir = resolve(root, process.env.READOUT_REAL_FIXTURES ?? '../main/test/fixtures/real');
const verbose = process.argv.includes('--verbose');
const gold = JSON.parse(readFileSync(join(peopleDir, 'expected.json'), 'utf8')) as Record<
  string,
  Expected[] | string
>;

const nameKey = (s: string) => crossNameKey(s.normalize('NFKC'));
const sameName = (p: Person, e: Expected) =>
  [p.name, ...p.otherNames].some((n) => nameKey(n) === nameKey(e.name));

let found = 0;
let expected = 0;
let matched = 0;
let attrs = 0;
let files = 0;
for (const [path, want] of Object.entries(gold)) {
  if (typeof want === 'string') continue;
  const file = path.startsWith('people/')
    ? join(peopleDir, path.slice(7))
    : join(realDir, path.slice(5));
  if (!existsSync(file)) continue;
  const parsed = parseStatementFile(file, readFileSync(file));
  const st = parsed.statement;
  if (!st) throw new Error(`${path}: ${JSON.stringify(parsed.problems)}`);
  files++;
  const people = extractPeople(st.paragraphs, st.language.startsWith('ja') ? 'ja' : 'en', {
    title: st.title,
    publisher: st.publisher,
  });
  found += people.length;
  expected += want.length;
  const lines: string[] = [];
  const used = new Set<Person>();
  for (const e of want) {
    const p = people.find((x) => !used.has(x) && sameName(x, e));
    if (!p) {
      lines.push(`  missing  ${e.name} (${e.role ?? ''}, ${e.affiliation ?? ''})`);
      continue;
    }
    used.add(p);
    matched++;
    const roleOk = !e.role || (p.role ?? '').toLowerCase().includes(e.role.toLowerCase());
    const affOk = !e.affiliation || p.affiliation === e.affiliation;
    if (roleOk && affOk) attrs++;
    else
      lines.push(
        `  partial  ${e.name}: role ${p.role ?? '-'} / ${e.role ?? '-'}, country ${p.affiliation ?? '-'} / ${e.affiliation ?? '-'}`,
      );
  }
  for (const p of people)
    if (!used.has(p)) lines.push(`  extra    ${p.name} (${p.role ?? ''}, ${p.affiliation ?? ''})`);
  if (verbose && lines.length > 0) console.log(`${path}\n${lines.join('\n')}`);
}
const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
console.log(
  `people: ${files} statements, ${expected} expected, ${found} extracted, ${matched} right names; ` +
    `precision ${pct(matched, found)}, recall ${pct(matched, expected)}; role and country right ${attrs}/${expected} (${pct(attrs, expected)})`,
);
