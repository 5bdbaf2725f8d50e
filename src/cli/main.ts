import { loadConfigOrExit } from '../config.ts';
import { terminalBold } from '../render/text.ts';
import { stripForeignControls } from '../render/terminalSafe.ts';
import { createLogger } from '../logger.ts';
import { runCli } from './run.ts';
import 'dotenv/config';

// `readout ... | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const config = loadConfigOrExit();
// Corpus text may carry escape sequences (clear screen, OSC 52 clipboard writes): a terminal gets
// none of them; piped output stays verbatim.
const forTerminal = (tty: boolean | undefined) => (s: string) => (tty ? stripForeignControls(s) : s);
const toStdout = forTerminal(process.stdout.isTTY);
const toStderr = forTerminal(process.stderr.isTTY);
const code = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(`${toStdout(s)}\n`),
  stderr: (s) => process.stderr.write(`${toStderr(s)}\n`),
  cwd: process.cwd(),
  env: process.env,
  logger: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel),
  ...(process.stdout.isTTY ? { highlight: terminalBold } : {}),
});
process.exitCode = code;
