/**
 * One direction of flow: corpus -> index -> answer -> render -> adapter. Every relative import in
 * src/ and commands/ is read, and an import from a lower layer of a higher one fails the test,
 * as does one between the two layers that sit side by side (index and understand).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

/** Layer of each top-level module of src/ (and of commands/): higher ones may use lower ones. */
const LAYERS: Record<string, number> = {
  'src/config.ts': 0,
  'src/logger.ts': 0,
  'src/version.ts': 0,
  'src/projectRoot.ts': 0,
  'src/text': 0,
  'src/corpus': 1,
  // Fetching and reading publishers' pages and feeds: it writes corpus files, and knows nothing
  // of indexes, answers or Discord.
  'src/ingest': 1.5,
  // Per-server settings on disk (followed channels, default language): plain data for the
  // adapters, knowing nothing of statements' text, answers or Discord's API.
  'src/settings': 1.7,
  'src/index': 2,
  'src/understand': 2,
  'src/answer': 3,
  'src/engine': 4,
  'src/render': 5,
  'src/cli': 6,
  'src/discord': 6,
  'src/main.ts': 7,
  commands: 7,
};

/**
 * The one edge upward: the bot and the deploy script load the command registry (commands/index.ts),
 * as the discord.js guide's bot loads its commands folder; the commands use src/discord/.
 */
const REGISTRY = 'commands/index.ts';
const REGISTRY_USERS = new Set(['src/discord/bot.ts', 'src/discord/deployCommands.ts']);

function moduleOf(file: string): string | undefined {
  return Object.keys(LAYERS)
    .filter((m) => file === m || file.startsWith(`${m}/`))
    .sort((a, b) => b.length - a.length)[0];
}

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

function imports(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)].map((m) =>
    path.relative(ROOT, path.resolve(ROOT, path.dirname(file), m[1]!)),
  );
}

describe('layers', () => {
  const files = [...sources('src'), ...sources('commands')];

  it('knows every module of src/', () => {
    expect(files.filter((f) => moduleOf(f) === undefined)).toEqual([]);
  });

  it('imports only downward: corpus -> index -> answer -> render -> adapter', () => {
    const against: string[] = [];
    for (const file of files) {
      const from = moduleOf(file)!;
      for (const target of imports(file)) {
        const to = moduleOf(target);
        if (to === undefined || to === from) continue;
        if (target === REGISTRY && REGISTRY_USERS.has(file)) continue;
        const up = LAYERS[to]! > LAYERS[from]!;
        const sideways = LAYERS[to] === LAYERS[from] && LAYERS[from]! > 0;
        if (up || sideways) against.push(`${file} -> ${target}`);
      }
    }
    expect(against).toEqual([]);
  });

  it('imports nothing of the tests or the bench: what only they use lives in test/ and bench/', () => {
    const outside = files.flatMap((file) =>
      imports(file)
        .filter((t) => moduleOf(t) === undefined)
        .map((t) => `${file} -> ${t}`),
    );
    expect(outside).toEqual([]);
  });
});
