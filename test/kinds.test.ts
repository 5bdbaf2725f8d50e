/**
 * The question kinds are described once (src/answer/kinds.ts): each one becomes an engine method,
 * a slash command (unless it is the free question), a button code, a command of the command line
 * and the console, and a line with an example in every help.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { KINDS } from '../src/answer/kinds.ts';
import { runCli } from '../src/cli/run.ts';
import { consoleReply } from '../src/cli/console.ts';
import { decodeButtonId, encodeButtonId } from '../src/discord/buttonIds.ts';
import { intentOf } from '../src/discord/messageHandler.ts';
import { engineFromFolder } from '../src/engine/fromFolder.ts';
import { discordHelp, helpText } from '../src/render/commandGuide.ts';
import { commands } from '../commands/index.ts';
import { copyCorpus, ROOT, SEED_CORPUS } from './helpers.ts';

const engine = await engineFromFolder(SEED_CORPUS, undefined, { cacheDir: false });
const slashKinds = KINDS.filter((k) => !k.free);
// The command line writes its index cache beside the corpus it reads: a copy, not the repo's.
const seed = await copyCorpus(SEED_CORPUS);
afterAll(() => seed.cleanup());

describe('the kinds table', () => {
  it('gives each kind its engine method, answering in the kind of the table', () => {
    for (const kind of KINDS) {
      const answer = engine[kind.name](kind.example.en || 'missile', { lang: 'en' });
      expect(answer.language).toBe('en');
      expect(answer.items.length + (answer.notice ? 1 : 0)).toBeGreaterThan(0);
    }
    // A required argument is required the same way everywhere: by the table.
    for (const kind of KINDS) {
      const empty = () => engine[kind.name]('   ');
      if (kind.arg.required) expect(empty).toThrow(/something to look for/);
      else expect(empty).not.toThrow();
    }
  });

  it("titles each answer with its kind's heading; a free question takes its answer's", () => {
    for (const kind of slashKinds) {
      const answer = engine[kind.name](kind.example.ja || '発射', { lang: 'ja' });
      expect(
        consoleReply(engine, `/${kind.name} --lang ja ${kind.example.ja}`)!.split('\n')[0],
      ).toMatch(new RegExp(`^${kind.heading!.ja}`));
      expect(answer.language).toBe('ja');
    }
    expect(consoleReply(engine, 'Who condemned the launch?')!.split('\n')[0]).toBe(
      'Who condemned the launch?',
    );
    expect(consoleReply(engine, '/quote --lang en ICBM')!.split('\n')[0]).toBe('Quote: ICBM');
  });

  it('gives each kind but the free question a slash command defined by the table', () => {
    const byName = new Map(commands.map((c) => [c.data.name, c.data]));
    for (const kind of slashKinds) {
      const data = byName.get(kind.name)!;
      expect(data.description).toBe(kind.summary.en);
      expect(data.description_localizations).toEqual({ ja: kind.summary.ja });
      expect(data.name_localizations).toEqual({ ja: kind.ja });
      const query = data.options!.find((o) => o.name === 'query')!;
      expect(query.description).toBe(kind.arg.describe.en);
      expect(query.required).toBe(kind.arg.required);
    }
    expect(KINDS.filter((k) => k.free).map((k) => byName.has(k.name))).toEqual([false]);
  });

  it('gives each kind its own button code, read back as the same kind', () => {
    expect(new Set(KINDS.map((k) => k.buttonCode)).size).toBe(KINDS.length);
    for (const kind of KINDS) {
      const id = encodeButtonId({
        action: 'page',
        kind: kind.name,
        page: 1,
        lang: 'ja',
        askerId: '123456789012345678',
        query: 'ICBM',
      });
      expect(decodeButtonId(id)?.kind).toBe(kind.name);
    }
  });

  it('lists each kind with its example in every help, and runs it as a command', async () => {
    for (const lang of ['en', 'ja'] as const) {
      const cli = helpText('cli', lang);
      const console = helpText('console', lang);
      const discord = discordHelp(lang).body;
      for (const kind of KINDS) {
        expect(cli).toContain(kind.summary[lang]);
        if (kind.example[lang]) expect(cli).toContain(`readout ${kind.name} ${kind.example[lang]}`);
        if (kind.free) continue;
        expect(console).toContain(`/${kind.name}`);
        expect(discord).toContain(kind.summary[lang]);
        expect(discord).toContain(`/${lang === 'ja' ? kind.ja : kind.name}`);
      }
    }
    for (const kind of KINDS) {
      const out: string[] = [];
      const code = await runCli(
        [kind.name, '--json', '--lang', 'en', kind.example.en || 'missile'],
        {
          stdout: (s) => out.push(s),
          stderr: () => undefined,
          cwd: ROOT,
          env: { CORPUS_DIR: seed.corpus },
        },
      );
      expect(code).toBe(0);
      expect(JSON.parse(out.join(''))).toEqual(
        JSON.parse(JSON.stringify(engine[kind.name](kind.example.en || 'missile', { lang: 'en' }))),
      );
      if (kind.free) continue;
      expect(consoleReply(engine, `/${kind.name} --lang en ${kind.example.en}`)).toBeTruthy();
      expect(intentOf(`/${kind.ja} ICBM`)).toEqual({ kind: kind.name, query: 'ICBM' });
    }
  });
});
