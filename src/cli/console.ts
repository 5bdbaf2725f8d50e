import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Lang } from '../answer/types.ts';
import { QueryError } from '../engine/errors.ts';
import type { Engine } from '../engine/types.ts';
import { isQueryKind } from '../answer/kinds.ts';
import { commandsFor, helpText, isHelpRequest, typedCommand } from '../render/commandGuide.ts';
import { lookupIn, renderStatements, renderText } from '../render/text.ts';
import { closest, parseConsoleArgs, UsageError } from './args.ts';
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

const CONSOLE_COMMANDS = commandsFor('console').map((c) => c.name as string);

/** What the bot would say to one line typed at the console. */
export function consoleReply(
  engine: Engine,
  line: string,
  highlight?: (s: string) => string,
): string | undefined {
  const text = line.trim();
  if (!text) return '';
  const typed = typedCommand(text, 'console');
  const command = typed?.word.toLowerCase();
  const rest = typed ? typed.rest : text;
  const lang: Lang = detectLanguage(rest || text);
  if (typed && !typed.spec && command !== 'exit') {
    const guess = closest(typed.word.toLowerCase(), CONSOLE_COMMANDS);
    return `unknown command /${typed.word.toLowerCase()}${guess ? ` (did you mean /${guess}?)` : ''}; see /help`;
  }
  try {
    // The console takes the command line's options: /who --lang ja 外務大臣.
    const args = command ? parseConsoleArgs(rest) : { text };
    const answerLang = args.lang ?? detectLanguage(args.text || text);
    const style = {
      highlight,
      asked: args.text,
      statements: lookupIn(engine.statements()),
      statementsRef: '/statements',
    };
    const opts = {
      ...(args.lang ? { lang: args.lang } : {}),
      ...(args.statement ? { statement: args.statement } : {}),
      ...(args.limit ? { limit: args.limit } : {}),
    };
    switch (command) {
      case 'quit':
      case 'exit':
        return undefined;
      case 'help':
        return helpText('console', args.lang ?? lang);
      case 'statements':
        return renderStatements(engine.statements(args.lang), answerLang);
      case undefined:
        if (isHelpRequest(text)) return helpText('console', lang);
        return renderText(engine.ask(text, opts), { ...style, mode: 'ask' });
    }
    if (!isQueryKind(command)) throw new Error(`console command /${command} has no handler`);
    return renderText(engine[command](args.text, opts), { ...style, mode: command });
  } catch (err) {
    if (err instanceof QueryError) return err.messageFor(lang, '/statements');
    if (err instanceof UsageError) return `${err.message}; see /help`;
    throw err;
  }
}

/** Interactive prompt on the given streams; resolves when the input ends or the user quits. */
export async function runConsole(engine: Engine, options: ConsoleOptions): Promise<void> {
  const { input, output } = options;
  const rl = createInterface({
    input,
    output,
    terminal: (output as { isTTY?: boolean }).isTTY === true,
  });
  output.write(
    `${BANNER(engine.statements().length, engine.problems.filter((p) => p.severity === 'error').length)}\n`,
  );
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
