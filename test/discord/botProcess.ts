/**
 * The bot as a real child process against the fake Discord: what the process tests share.
 * Each launch is killed after its test if it is still running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { FakeDiscord } from './fakeDiscord.ts';
import { REPO_CORPUS } from './harness.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const running = new Set<ChildProcess>();
/**
 * Each launch keeps its settings database, and its copy of the bundled corpus with the persisted
 * index written beside it, in a folder of its own, not in the repository.
 */
const dataDirs: string[] = [];

afterEach(async () => {
  for (const proc of running) {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGKILL');
      await once(proc, 'exit');
    }
  }
  running.clear();
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export interface BotProcess {
  proc: ChildProcess;
  /** Everything the process printed, stdout and stderr (logs are JSON lines on stderr). */
  output: string[];
}

/** Starts `node <args>` in the repository with the bot pointed at `fake`. */
export function launchBot(
  fake: FakeDiscord,
  args: string[],
  extraEnv: Record<string, string> = {},
): BotProcess {
  const output: string[] = [];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'readout-bot-data-'));
  dataDirs.push(dataDir);
  const corpusDir = path.join(dataDir, 'corpus');
  cpSync(REPO_CORPUS, corpusDir, { recursive: true });
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_APPLICATION_ID: '',
      DISCORD_GUILD_ID: '',
      CORPUS_DIR: corpusDir,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d) => output.push(String(d)));
  proc.stderr!.on('data', (d) => output.push(String(d)));
  running.add(proc);
  return { proc, output };
}

/** Resolves when the process has printed `text`. */
export function printed({ proc, output }: BotProcess, text: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!output.join('').includes(text)) return;
      proc.stderr!.off('data', check);
      proc.stdout!.off('data', check);
      resolve();
    };
    proc.stderr!.on('data', check);
    proc.stdout!.on('data', check);
    check();
  });
}
