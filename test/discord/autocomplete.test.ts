/** Autocomplete with more statements than Discord shows, and titles longer than a choice. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeUser } from './fakeDiscord.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'readout-autocomplete-'));
  for (let i = 1; i <= 30; i++) {
    const day = String(i).padStart(2, '0');
    await writeFile(
      path.join(dir, `summit-${day}.en.md`),
      [
        '---',
        `id: pm-2025-01-${day}-leaders-meeting`,
        `title: Joint Statement of the Leaders on the Comprehensive Strategic Partnership, Economic Security and Supply Chain Resilience, Meeting ${i}`,
        `date: 2025-01-${day}`,
        'language: en',
        'publisher: Prime Minister’s Office of Japan',
        '---',
        `The Prime Minister met the President on January ${i}, 2025, and affirmed cooperation on supply chain resilience.`,
        '',
      ].join('\n'),
    );
  }
  h = await startHarness({ corpusDir: dir, cooldown: { limit: 1000 } });
});
afterAll(async () => {
  await h?.close();
  await rm(dir, { recursive: true, force: true });
});

test('at most 25 choices of at most 100 characters, each a real statement id', async () => {
  const interaction = h.fake.autocomplete(
    'who',
    [{ name: 'statement', value: 'joint', focused: true }],
    { user: makeUser('typist'), locale: 'ja' },
  );
  const response = await h.fake.responseTo(interaction);
  expect(response.body.type).toBe(8);
  const choices = response.body.data.choices as Array<{ name: string; value: string }>;
  expect(choices).toHaveLength(25);
  const ids = new Set(h.engine.statements().map((s) => s.id));
  for (const choice of choices) {
    expect(choice.name.length).toBeLessThanOrEqual(100);
    expect(choice.name).toMatch(/^2025-01-\d\d Joint Statement of the Leaders .*…$/);
    expect(ids.has(choice.value)).toBe(true);
  }
});

test('a chosen statement restricts the answer to it', async () => {
  const id = 'pm-2025-01-07-leaders-meeting';
  const interaction = h.fake.slashCommand(
    'quote',
    [
      { name: 'query', value: 'supply chain resilience' },
      { name: 'statement', value: id },
    ],
    { user: makeUser('chooser') },
  );
  const response = await h.fake.responseTo(interaction);
  const quoted: string = response.body.data.embeds[0].description;
  expect(quoted.split('\n').filter((l) => l.startsWith('> '))).toHaveLength(1);
  expect(quoted).toContain('January 7, 2025');
  expect(quoted).toContain('2025-01-07');
});
