/**
 * Statement summaries and what finding a statement searches are kept per statement object, so a
 * new engine after a change makes only the changed statements': its listing and its lookups must
 * be what an engine made from scratch gives.
 */
import { expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.ts';
import { buildLibrary } from '../../src/answer/library.ts';
import { engineFromLibrary } from '../../src/engine/fromLibrary.ts';

it('lists and finds statements after a change as an engine made from scratch does', () => {
  const { statements } = generateCorpus({ paragraphs: 400, seed: 21 });
  const first = engineFromLibrary(buildLibrary(statements));
  first.prepare();
  const listed = first.statements();
  const edited = { ...statements[5]!, title: 'A Title Written Again', date: '2030-01-02' };
  const after = [...statements.slice(0, 5), edited, ...statements.slice(7)];
  const changed = engineFromLibrary(buildLibrary(after));
  const fresh = engineFromLibrary(buildLibrary(after.map((s) => ({ ...s }))));
  expect(changed.statements()).toEqual(fresh.statements());
  expect(changed.statements('ja')).toEqual(fresh.statements('ja'));
  for (const prefix of ['', 'a title', '2030', 'japan', statements[0]!.id, statements[6]!.id])
    expect(changed.findStatements(prefix, 10), prefix).toEqual(fresh.findStatements(prefix, 10));
  expect(changed.findStatements('A Title Written Again')[0]?.id).toBe(edited.id);
  expect(changed.findStatements(statements[6]!.title).map((s) => s.id)).not.toContain(
    statements[6]!.id,
  );
  // An unchanged statement's summary is the one the engine before made.
  expect(changed.statements()).toContain(listed.find((s) => s.id === statements[0]!.id));
});
