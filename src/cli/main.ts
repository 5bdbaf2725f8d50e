import { ConfigError, loadConfig, type Config } from '../config.ts';
import { createLogger } from '../logger.ts';
import { runCli } from './run.ts';
import 'dotenv/config';

const bold = (s: string) => `\u001b[1m${s}\u001b[22m`;

// `readout ... | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`Configuration error: ${err.message}\nSee .env.example.\n`);
  process.exit(2);
}
const code = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(`${s}\n`),
  stderr: (s) => process.stderr.write(`${s}\n`),
  cwd: process.cwd(),
  env: process.env,
  logger: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel),
  ...(process.stdout.isTTY ? { highlight: bold } : {}),
});
process.exitCode = code;
