import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { runCli } from './run.ts';
import 'dotenv/config';

const bold = (s: string) => `\u001b[1m${s}\u001b[22m`;

const config = loadConfig();
const code = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(`${s}\n`),
  stderr: (s) => process.stderr.write(`${s}\n`),
  cwd: process.cwd(),
  env: process.env,
  logger: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel),
  ...(process.stdout.isTTY ? { highlight: bold } : {}),
});
process.exitCode = code;
