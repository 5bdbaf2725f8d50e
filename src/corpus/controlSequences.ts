/**
 * Terminal control sequences in corpus text. Here, beside the parser, because `check` reports
 * them and the persisted index (whose code fingerprint covers this folder) stores that report.
 */

/**
 * ESC sequences (CSI, OSC up to BEL or ST, DCS/SOS/PM/APC strings, two-character escapes), then
 * any other C0/C1 control character except tab and line feed.
 */
const TERMINAL_CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose.
  /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[PX^_][^\u001B]*(?:\u001B\\)?|[ -/]*[0-~])?|[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export function stripTerminalControls(text: string): string {
  return text.replace(TERMINAL_CONTROL, '');
}

/** The line of `text` (1-based) holding the first control sequence, or undefined. */
export function firstTerminalControlLine(text: string): number | undefined {
  // A CRLF line end is a line end, not a control character.
  const lf = text.replace(/\r\n?/g, '\n');
  const m = new RegExp(TERMINAL_CONTROL.source).exec(lf);
  if (!m) return undefined;
  return lf.slice(0, m.index).split('\n').length;
}
