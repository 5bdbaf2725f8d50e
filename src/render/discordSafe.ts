/**
 * Corpus text made inert for Discord. Statement files are trusted to be true, not to be harmless
 * to display: a title or paragraph may hold Markdown, mention and timestamp syntax, or characters
 * that reorder or hide text. What leaves here shows as the characters it is, and nothing more.
 */
import { escapeMarkdown } from 'discord.js';

/**
 * Characters that change how the text around them is shown without showing themselves: bidi
 * controls (which can make a title read backwards), zero-width characters, soft hyphens, and
 * C0/C1 control characters other than line breaks and tabs.
 */
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose.
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Text for places Discord shows without Markdown (autocomplete choices, footers): invisible characters removed. */
export function plainText(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * Markdown-escaped text that also cannot become a heading, subtext, block quote, list, masked link,
 * mention, channel or role link, timestamp or custom emoji.
 */
export function escapeDiscord(text: string): string {
  const plain = plainText(text);
  return (
    escapeMarkdown(plain, {
      // The italic and underline escapes use look-behinds that cost quadratic time on long
      // paragraphs; they change nothing unless the characters they escape are present.
      italic: /[*_]/.test(plain),
      underline: plain.includes('__'),
      heading: true,
      bulletedList: true,
      numberedList: true,
      maskedLink: false,
    })
      // discord.js escapes only the first `[` of a line that holds masked links, leaving a second
      // link live; escaping every `[` (backslashes are already escaped) closes them all.
      .replace(/\[/g, '\\[')
      // <@id>, <#id>, <@&id>, </command:id>, <t:…>, <:emoji:id>: Discord parses all of them from `<`.
      .replace(/</g, '\\<')
      // Subtext (`-# `) and block quotes (`>`, `>>>`) at the start of a line.
      .replace(/^([ \t]*)(-#|>)/gm, '$1\\$2')
  );
}
