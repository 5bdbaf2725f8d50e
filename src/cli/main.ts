import { loadConfigOrExit } from '../config.ts';
import { terminalBold } from '../render/text.ts';
import { stripForeignControls } from '../render/terminalSafe.ts';
import { lazyLogger } from '../logger.ts';
import { existsSync } from 'node:fs';
import { runCli } from './run.ts';

// dotenv reads ./.env, or the file DOTENV_CONFIG_PATH (or a dotenv_config_path= argument) names:
// with none of them there is nothing to read, and not loading it saves 10 ms of every command.
const DOTENV_ASKED =
  process.env.DOTENV_CONFIG_PATH !== undefined ||
  process.argv.some((a) => a.startsWith('dotenv_config_'));
if (DOTENV_ASKED || existsSync('.env')) await import('dotenv/config');

// `readout ... | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const config = loadConfigOrExit();
// Corpus text may carry escape sequences (clear screen, OSC 52 clipboard writes): a terminal gets
// none of them; piped output stays verbatim.
const forTerminal = (tty: boolean | undefined) => (s: string) =>
  tty ? stripForeignControls(s) : s;
const toStdout = forTerminal(process.stdout.isTTY);
const toStderr = forTerminal(process.stderr.isTTY);
const code = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(`${toStdout(s)}\n`),
  stderr: (s) => process.stderr.write(`${toStderr(s)}\n`),
  cwd: process.cwd(),
  env: process.env,
  logger: lazyLogger(config.logLevel === 'info' ? 'warn' : config.logLevel),
  ...(process.stdout.isTTY ? { highlight: terminalBold } : {}),
});
process.exitCode = code;
