import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { consoleReply, runConsole } from '../../src/cli/console.ts';
import { engineFromFolder } from '../../src/engine/fromFolder.ts';
import type { Engine } from '../../src/engine/types.ts';
import { SEED_CORPUS } from '../helpers.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await engineFromFolder(SEED_CORPUS, undefined, { cacheDir: false });
});

describe('offline console', () => {
  it('answers slash commands and free questions as the bot would', () => {
    expect(consoleReply(engine, '/quote 最も強い言葉で非難')).toMatch(
      /^引用：最も強い言葉で非難\n\n1\. “3 また、三者は、.*\n {3}— 外務省 · 2024-11-01 · 第4段落/s,
    );
    expect(consoleReply(engine, '/who')).toMatch(
      /^Who: Joint Statement .*\n\n1\. Antony Blinken — Secretary of State, United States/,
    );
    expect(consoleReply(engine, '/when 京都')).toBe(
      '「京都」に該当する記述はありません（別の言葉を試すか、/statements で声明の一覧をご覧ください）。',
    );
    expect(consoleReply(engine, '/when earthquake')).toBe(
      'Nothing in my statements matches “earthquake”; try other words, or /statements to see what I hold.',
    );
    expect(consoleReply(engine, 'ICBMはいつ発射されましたか')).toMatch(
      /^ICBMはいつ発射されましたか\n\n1\. 発射：2024年10月31日/,
    );
    expect(consoleReply(engine, '/statements')).toMatch(
      /^Statements \(2\)\n- 2024-11-01 \[ja\] 日米韓外相電話会談/,
    );
  });

  it("takes the command line's options: /who --lang ja is Japanese, not a topic", () => {
    const reply = consoleReply(engine, '/who --lang ja')!;
    expect(reply.split('\n')[0]).toBe('誰が：日米韓外相電話会談');
    expect(reply).toContain('1. 岩屋毅（外務大臣）');
    expect(consoleReply(engine, '/quote --statement 2024-10-31 ICBM')).not.toContain(
      '2024-11-01 · ',
    );
  });

  it('explains itself, refuses bad input politely, and quits', () => {
    expect(consoleReply(engine, '/help')).toContain('/quote <words>');
    expect(consoleReply(engine, '/help')).toContain('/quote ballistic missile');
    expect(consoleReply(engine, 'hi')).toContain('/quote <words>');
    expect(consoleReply(engine, '/nonsense')).toBe('unknown command /nonsense; see /help');
    expect(consoleReply(engine, '/qoute ICBM')).toBe(
      'unknown command /qoute (did you mean /quote?); see /help',
    );
    expect(consoleReply(engine, '/who --lnag ja')).toBe(
      'unknown option --lnag (did you mean --lang?); see /help',
    );
    expect(consoleReply(engine, '/quote ')).toBe(
      'Please give me something to look for, e.g. "ballistic missile".',
    );
    expect(consoleReply(engine, `/quote ${'核'.repeat(600)}`)).toBe(
      '質問が長すぎます。500文字以内でお願いします。',
    );
    expect(consoleReply(engine, '   ')).toBe('');
    expect(consoleReply(engine, '/quit')).toBeUndefined();
  });

  it('runs a session over streams until the input ends', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    const done = runConsole(engine, { input, output });
    input.end('/quote strongest terms\n');
    await done;
    expect(printed).toContain('Readout offline console: 2 statement(s) loaded.');
    expect(printed).toContain('DISCORD_TOKEN');
    expect(printed).toContain('1. “The ROK, U.S. and Japan condemn in the strongest terms');
  });
});
