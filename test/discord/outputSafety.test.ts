/**
 * Issue 12, output safety: corpus text reaches Discord inert everywhere it goes (embed titles,
 * descriptions, fields, autocomplete choices). Titles were put into field names unescaped;
 * subtext, block quotes, bidi and zero-width characters, timestamps and custom emoji passed into
 * field values; and highlighting bolded "one" inside "@everyone" and inside URLs.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeUser } from './fakeDiscord.ts';
import { expectNoPings, startHarness, type Harness } from './harness.ts';

let h: Harness;
let dir: string;

const TITLE =
  '**Bold** [link](https://evil.example/a) <@123456789012345678> <t:1700000000:R> \u202Eevil\u202C zero\u200Bwidth';
const BODY = [
  '-# One small paragraph that Discord would show as subtext.',
  '',
  '> One quoted line, @everyone, <t:1700000000:R>, <:one:123456789012345678> and <#123456789012345678> at https://example.org/one/two?item=one for one and all.',
  '',
  'One more \u202Eparagraph with bidi\u202C and zero\u200Bwidth characters, seen by everyone.',
].join('\n');

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'readout-output-safety-'));
  await writeFile(
    path.join(dir, 'hostile.md'),
    `---\nid: hostile-title\ntitle: '${TITLE}'\ndate: 2025-02-02\nlanguage: en\npublisher: Test\n---\n${BODY}\n`,
  );
  h = await startHarness({ corpusDir: dir, cooldown: { limit: 1000 } });
});
afterAll(async () => {
  await h?.close();
  await rm(dir, { recursive: true, force: true });
});

const HIDDEN = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;

/** Every text of an embed a reader sees: title, description, field names and values, footer. */
function textsOf(embed: {
  title?: string;
  description?: string;
  fields?: Array<{ name: string; value: string }>;
  footer?: { text: string };
}): string[] {
  return [
    embed.title ?? '',
    embed.description ?? '',
    ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]),
    embed.footer?.text ?? '',
  ];
}

test('titles and paragraphs are inert everywhere: no markdown, mention, timestamp, emoji, subtext or quote syntax, no hidden characters', async () => {
  const quoted = await h.fake.responseTo(
    h.fake.slashCommand('quote', [{ name: 'query', value: 'one' }], {
      user: makeUser('reader'),
      guild: h.fake.guild,
    }),
  );
  const listed = await h.fake.responseTo(
    h.fake.slashCommand('statements', [], { user: makeUser('lister'), guild: h.fake.guild }),
  );
  const texts = [...textsOf(quoted.body.data.embeds[0]), ...textsOf(listed.body.data.embeds[0])];
  for (const text of texts) {
    expect(text).not.toMatch(HIDDEN);
    // Every `<` is escaped, so nothing is parsed as a mention, channel, timestamp or emoji.
    expect(text.replace(/\\</g, '')).not.toContain('<');
    for (const line of text.split('\n')) {
      // Our block quote is "> "; the corpus cannot open a second one or subtext inside it.
      expect(line.replace(/^> /, '')).not.toMatch(/^[ \t]*(-#|>)/);
    }
  }
  // The title, where /statements shows it, with every piece of syntax escaped.
  const list: string = listed.body.data.embeds[0].description;
  expect(list).toContain('\\*\\*Bold\\*\\*');
  expect(list).toContain('\\[link](https://evil.example/a)');
  expect(list).toContain('\\<@123456789012345678>');
  expect(list).toContain('\\<t:1700000000:R>');
  const evidence: string = quoted.body.data.embeds[0].description;
  expect(evidence).toContain('\\-# ');
  expect(evidence).toContain('\\> **One** quoted line');
  expect(evidence).toContain('\\<t:1700000000:R>');
  expect(evidence).toContain('\\<:one:123456789012345678>');
  expect(expectNoPings(h.fake)).toBeGreaterThan(0);
});

test('only whole words are highlighted, never inside a word or a URL', async () => {
  const interaction = h.fake.slashCommand('quote', [{ name: 'query', value: 'one' }], {
    user: makeUser('reader2'),
    guild: h.fake.guild,
  });
  const response = await h.fake.responseTo(interaction);
  const values = textsOf(response.body.data.embeds[0]).join('\n');
  expect(values).toContain('**One**');
  expect(values).toContain('for **one** and all');
  expect(values).not.toMatch(/every\*\*one\*\*/i);
  const url = /https:\/\/example\.org\S*/.exec(values)?.[0] ?? '';
  expect(url).toMatch(/^https:\/\/example\.org\/one\/two\?item=one/);
  expect(url).not.toContain('**');
});

test('autocomplete choices carry no bidi or zero-width characters', async () => {
  const typing = h.fake.autocomplete(
    'quote',
    [{ name: 'statement', value: 'bold', focused: true }],
    { user: makeUser('typist'), guild: h.fake.guild },
  );
  const response = await h.fake.responseTo(typing);
  const choices = response.body.data.choices as Array<{ name: string; value: string }>;
  expect(choices.map((c) => c.value)).toEqual(['hostile-title']);
  expect(choices[0]!.name).not.toMatch(HIDDEN);
  expect(choices[0]!.name).toContain('evil');
});
