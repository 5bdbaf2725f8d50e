import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { consoleReply, runConsole } from '../src/cli/console.ts';
import { loadEngine } from '../src/engine/load.ts';
import type { Engine } from '../src/engine/types.ts';
import { SEED_CORPUS } from './helpers.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine(SEED_CORPUS, undefined, { cacheDir: false });
});

describe('offline console', () => {
  it('answers slash commands and free questions as the bot would', () => {
    expect(consoleReply(engine, '/quote 最も強い言葉で非難')).toMatch(/^1\. 3 また、三者は、.*\n   — 日米韓外相電話会談 \(2024-11-01\), 第4段落/s);
    expect(consoleReply(engine, '/who')).toMatch(/^1\. Antony Blinken — Secretary of State, United States/);
    expect(consoleReply(engine, '/when 京都')).toBe(
      '該当する記述は見つかりませんでした。別の言葉で試すか、/statements で声明の一覧をご覧ください。',
    );
    expect(consoleReply(engine, '/when earthquake')).toBe(
      'Nothing in the statements I have matches that. Try other words, or /statements to see what I have.',
    );
    expect(consoleReply(engine, 'ICBMはいつ発射されましたか')).toMatch(/^1\. 2024年10月31日\n/);
    expect(consoleReply(engine, '/statements')).toMatch(/^Statements \(2\)\n- 2024-11-01 \[ja\] 日米韓外相電話会談/);
  });

  it('explains itself, refuses bad input politely, and quits', () => {
    expect(consoleReply(engine, '/help')).toContain('/quote <words>');
    expect(consoleReply(engine, '/nonsense')).toContain('/quote <words>');
    expect(consoleReply(engine, '/quote ')).toBe('Please give me something to look for, e.g. "ballistic missile".');
    expect(consoleReply(engine, `/quote ${'核'.repeat(600)}`)).toBe('質問が長すぎます。500文字以内でお願いします。');
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
    expect(printed).toContain('1. The ROK, U.S. and Japan condemn in the strongest terms');
  });
});
