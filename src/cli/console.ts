import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Lang } from '../answer/types.ts';
import { QueryError } from '../engine/errors.ts';
import type { Engine } from '../engine/types.ts';
import { helpText } from '../render/help.ts';
import { renderStatements, renderText } from '../render/text.ts';
import { detectLanguage } from '../text/script.ts';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  /** Bold for matched words in a terminal. */
  highlight?: (s: string) => string;
}

const BANNER = (statements: number, problems: number) =>
  `Readout offline console: ${statements} statement(s) loaded${problems ? `, ${problems} file problem(s) (run \`npx readout check\`)` : ''}.
Type /help for commands, or just ask a question. /quit to leave.
To connect to Discord instead, put DISCORD_TOKEN (and DISCORD_APPLICATION_ID) in .env and run npm start again; see README.`;

const COMMAND = /^\/(quote|who|when|compare|statements|help|quit|exit)\b\s*(.*)$/is;

/** What the bot would say to one line typed at the console. */
export function consoleReply(engine: Engine, line: string, highlight?: (s: string) => string): string | undefined {
  const text = line.trim();
  if (!text) return '';
  const m = COMMAND.exec(text);
  const command = m?.[1]?.toLowerCase();
  const rest = m ? m[2]!.trim() : text;
  const lang: Lang = detectLanguage(rest || text);
  try {
    switch (command) {
      case 'quit':
      case 'exit':
        return undefined;
      case 'help':
        return helpText(lang);
      case 'statements':
        return renderStatements(engine.statements(), lang);
      case 'quote':
      case 'who':
      case 'when':
      case 'compare':
        return renderText(engine[command](rest), { highlight });
      default:
        if (text.startsWith('/')) return `${helpText(lang)}`;
        return renderText(engine.ask(text), { highlight });
    }
  } catch (err) {
    if (err instanceof QueryError) return err.messageFor(lang);
    throw err;
  }
}

/** Interactive prompt on the given streams; resolves when the input ends or the user quits. */
export async function runConsole(engine: Engine, options: ConsoleOptions): Promise<void> {
  const { input, output } = options;
  const rl = createInterface({ input, output, terminal: (output as { isTTY?: boolean }).isTTY === true });
  output.write(`${BANNER(engine.statements().length, engine.problems.filter((p) => p.severity === 'error').length)}\n`);
  rl.setPrompt('readout> ');
  rl.prompt();
  for await (const line of rl) {
    const reply = consoleReply(engine, line, options.highlight);
    if (reply === undefined) break;
    if (reply) output.write(`${reply}\n\n`);
    rl.prompt();
  }
  rl.close();
}
