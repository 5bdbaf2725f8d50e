/**
 * Answer -> Discord message data (embeds and buttons), as plain JSON the API accepts.
 * Pure: no client, no I/O. Every Discord limit is respected here, so adapters can send the
 * result as is; corpus and user text are escaped for Discord markdown, and the highlights of
 * each excerpt (where the answer matched) are the only bold text inside it.
 */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIButtonComponentWithURL,
  type APIEmbed,
} from 'discord.js';
import { KINDS, type QueryKind } from '../answer/kinds.ts';
import { makeExcerpt } from '../answer/excerpt.ts';
import type { Statement } from '../corpus/types.ts';
import type { Answer, Highlight, Lang } from '../answer/types.ts';
import type { StatementSummary } from '../engine/types.ts';
import { escapeDiscord, plainText } from './discordSafe.ts';
import { highlightPieces } from './highlight.ts';
import { ELLIPSIS, fitFormatted, truncateText } from './truncate.ts';
import { commandRef, discordHelp } from './commandGuide.ts';
import { LABELS } from './labels.ts';
import {
  layoutAnswer,
  shortCitation,
  shortPublisher,
  type AnswerLine,
  type Evidence,
  type LayoutOptions,
  type StatementLookup,
} from './layout.ts';

/** Discord's documented limits (characters are UTF-16 code units, as discord.js counts them). */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  embedTotal: 6000,
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

const COLOR = 0x2b6cb0;
/** Below this an excerpt says nothing useful; the description is cut instead. */
const MIN_EXCERPT = 80;
/**
 * Phone-sized answers: a 390 px screen shows about 1,000 px of a reply. Quotes are cut at a
 * sentence past these lengths (the link button leads to the whole text).
 */
const QUOTE_MAX = 600;
const WHO_WHEN_EXCERPT_MAX = 450;
/** Compare sides sit side by side while both are this short, else they stack. */
const SIDE_BY_SIDE_MAX = 350;
/** Items per page, by what a reader scans: names and dates are short, quotes long (and the default). */
export const PAGE_SIZES: Partial<Record<QueryKind, number>> = { who: 8, when: 5, compare: 1 };
const DEFAULT_PAGE_SIZE = 3;

export interface DiscordMessageData {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId | APIButtonComponentWithURL>[];
}

export interface AnswerRenderOptions extends Omit<LayoutOptions, 'statementsRef'> {
  /** Plain text for the footer (kept only where button state needs it). */
  footer?: string;
  /** Custom ids of the buttons to offer; the ids are built by the adapter. */
  controls?: {
    pageId?: (page: number) => string;
    switchLangId?: string;
  };
  /** `</statements:id>` when the command id is known. */
  mention?: (name: string) => string | undefined;
}

export interface RenderedAnswer {
  message: DiscordMessageData & { content?: string };
  page: number;
  pageCount: number;
  /** True when nothing answered: adapters show the sentence only to the asker. */
  nothing: boolean;
}

/** Markdown-escaped text that also cannot become a heading, list, masked link, mention or timestamp. */
export function escapeText(text: string): string {
  return escapeDiscord(text);
}

/**
 * Never bold inside: links (bold inside one breaks it or changes its target) and Discord's `<…>`
 * syntax (mentions, timestamps, emoji), which must read back exactly as written.
 */
const UNMARKED = /\b(?:https?:\/\/|www\.)[^\s<>"]+|<[^<>\s]+>/giu;

/** An excerpt as a block quote with its highlights in bold, everything else escaped. */
export function formatExcerpt(excerpt: string, highlights: readonly Highlight[] = []): string {
  const unmarked = [...excerpt.matchAll(UNMARKED)].map(
    (m) => [m.index, m.index + m[0].length] as const,
  );
  const marks = highlights.filter(([s, e]) => !unmarked.some(([us, ue]) => s < ue && e > us));
  const body = highlightPieces(excerpt, marks)
    .map((piece) => (piece.marked ? `**${escapeText(piece.text)}**` : escapeText(piece.text)))
    .join('');
  return `> ${body.replace(/\n/g, '\n> ')}`;
}

/** The highlights of `raw` that `cut`, a shortening of it by truncateText (a prefix and …), still shows whole. */
function highlightsAfterCut(
  raw: string,
  cut: string,
  highlights: readonly Highlight[],
): Highlight[] {
  const kept = cut === raw ? raw.length : Math.max(0, cut.length - ELLIPSIS.length);
  return highlights.filter(([, e]) => e <= kept);
}

function safeUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\/\S+$/.test(url)) return undefined;
  // A raw parenthesis would end the markdown link early.
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** "— [外務省 · 2024-11-01 · 第1段落](url)": the short citation, linked when the source is known. */
function citationMarkdown(e: Evidence, lang: Lang, statements?: StatementLookup): string {
  const cite = shortCitation(e.citation, lang, statements);
  const url = safeUrl(cite.url);
  return `— ${url ? `[${escapeText(cite.text)}](${url})` : escapeText(cite.text)}`;
}

function lineMarkdown(line: AnswerLine, lang: Lang): string {
  const what = line.what ? `${escapeText(line.what)}${LABELS.headingSeparator[lang]}` : '';
  const stamp = line.unix !== undefined ? ` · <t:${line.unix}:F>` : '';
  return `**${line.n}.** ${what}${escapeText(line.text)}${stamp}`;
}

/** A quote block and its citation within `max` characters. */
function evidenceMarkdown(
  e: Evidence,
  lang: Lang,
  max: number,
  statements?: StatementLookup,
): string {
  const cite = citationMarkdown(e, lang, statements);
  const format = (t: string) => formatExcerpt(t, highlightsAfterCut(e.excerpt, t, e.highlights));
  return `${fitFormatted(e.excerpt, max - cite.length - 1, format)}\n${cite}`;
}

export function embedLength(embed: APIEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

/** Ids of the buttons that are shown but cannot be pressed (unique within a message). */
export const OFF_IDS = {
  previous: 'r1|off|prev',
  count: 'r1|off|count',
  next: 'r1|off|next',
} as const;

type ButtonSpec =
  | { label: string; id: string; disabled?: boolean }
  | { label: string; url: string };

function buttonRows(buttons: ButtonSpec[]): DiscordMessageData['components'] {
  const rows: DiscordMessageData['components'] = [];
  for (let i = 0; i < buttons.length; i += DISCORD_LIMITS.buttonsPerRow) {
    rows.push({
      type: ComponentType.ActionRow,
      components: buttons.slice(i, i + DISCORD_LIMITS.buttonsPerRow).map((b) =>
        'url' in b
          ? {
              type: ComponentType.Button,
              style: ButtonStyle.Link,
              label: truncateText(b.label, DISCORD_LIMITS.buttonLabel),
              url: b.url,
            }
          : {
              type: ComponentType.Button,
              style: ButtonStyle.Secondary,
              label: truncateText(b.label, DISCORD_LIMITS.buttonLabel),
              custom_id: b.id,
              ...(b.disabled ? { disabled: true } : {}),
            },
      ),
    });
  }
  return rows;
}

function disabledButton(label: string, id: string) {
  return { label, id, disabled: true };
}

/** One page of an answer as a single embed, with paging, language and source buttons. */
export function renderAnswer(answer: Answer, options: AnswerRenderOptions = {}): RenderedAnswer {
  const lang = answer.language;
  const mode = options.mode ?? (answer.kind === 'none' ? 'quote' : answer.kind);
  const statementsRef = commandRef('statements', 'discord', lang, options.mention);
  const layout = layoutAnswer(answer, {
    ...options,
    mode,
    pageSize: options.pageSize ?? PAGE_SIZES[mode] ?? DEFAULT_PAGE_SIZE,
    statementsRef,
  });
  const { page, pageCount } = layout;
  if (layout.nothing) {
    return {
      message: { content: fitContent(layout.nothing), embeds: [], components: [] },
      page,
      pageCount,
      nothing: true,
    };
  }

  const title = truncateText(layout.title, DISCORD_LIMITS.embedTitle);
  const footer = truncateText(options.footer ?? '', DISCORD_LIMITS.footer);
  const lines = layout.lines.map((l) => lineMarkdown(l, lang));
  const tail = layout.notice ? [`*${escapeText(layout.notice)}*`] : [];
  const embed: APIEmbed = { title: escapeText(title), color: COLOR };

  if (layout.compare) {
    const fieldRoom = DISCORD_LIMITS.fieldValue;
    const sideBySide = layout.evidence.every((e) => e.excerpt.length <= SIDE_BY_SIDE_MAX);
    embed.fields = layout.evidence.slice(0, DISCORD_LIMITS.fields).map((e) => ({
      name: LABELS.languageName[e.side ?? 'en'],
      value: evidenceMarkdown(e, lang, fieldRoom, options.statements),
      inline: sideBySide,
    }));
    if (tail.length > 0) embed.description = tail.join('\n');
  } else {
    const head = lines.join('\n');
    const budget =
      Math.min(
        DISCORD_LIMITS.embedDescription,
        DISCORD_LIMITS.embedTotal - title.length - footer.length,
      ) -
      head.length -
      tail.join('\n').length -
      8;
    const cap = layout.lines.length > 0 ? WHO_WHEN_EXCERPT_MAX : QUOTE_MAX;
    const share = Math.max(
      MIN_EXCERPT,
      Math.min(cap, Math.floor(budget / Math.max(1, layout.evidence.length)) - 2),
    );
    const blocks = layout.evidence.map((e) => evidenceMarkdown(e, lang, share, options.statements));
    const body = [head, blocks.join('\n\n'), ...tail].filter(Boolean).join('\n\n');
    embed.description = truncateText(body, DISCORD_LIMITS.embedDescription);
  }
  if (footer) embed.footer = { text: footer };

  const labels = {
    previous: LABELS.previous[lang],
    next: LABELS.next[lang],
  };
  const buttons: ButtonSpec[] = [];
  const pageId = options.controls?.pageId;
  if (pageId && pageCount > 1) {
    // Always the same three buttons, so nothing moves under the thumb; the ends are disabled.
    buttons.push(
      page > 0
        ? { label: labels.previous, id: pageId(page - 1) }
        : disabledButton(labels.previous, OFF_IDS.previous),
    );
    buttons.push(disabledButton(`${page + 1}/${pageCount}`, OFF_IDS.count));
    buttons.push(
      page < pageCount - 1
        ? { label: labels.next, id: pageId(page + 1) }
        : disabledButton(labels.next, OFF_IDS.next),
    );
  }
  const switchId = options.controls?.switchLangId;
  if (switchId)
    buttons.push({ label: LABELS.languageName[lang === 'ja' ? 'en' : 'ja'], id: switchId });
  // A link to the whole text of each statement quoted on the page (at most two: Japanese, English).
  const links = new Map<string, string>();
  for (const e of layout.evidence) {
    const cite = shortCitation(e.citation, lang, options.statements);
    const url = safeUrl(cite.url);
    if (url && !links.has(url)) links.set(url, cite.text.split(' · ')[0] ?? '');
  }
  for (const [url, who] of [...links].slice(0, 2)) {
    buttons.push({
      label: links.size > 1 ? `${LABELS.source[lang]}: ${who}` : LABELS.source[lang],
      url,
    });
  }

  return {
    message: { embeds: [embed], components: buttonRows(buttons) },
    page,
    pageCount,
    nothing: false,
  };
}

/** The list of loaded statements, newest first as the engine gives them, cut to one embed. */
export function renderStatementList(
  statements: readonly StatementSummary[],
  lang: Lang,
): DiscordMessageData {
  const title = `${LABELS.statements[lang]} (${statements.length})`;
  // Titles and dates are what people type into `statement`; ids are for files, not readers.
  const lines = statements.map((s) => {
    const url = safeUrl(s.source);
    const name = escapeText(truncateText(s.title, 180));
    const publisher = escapeText(shortPublisher(s.publisher, lang));
    return `**${escapeText(s.date)}** ${url ? `[${name}](${url})` : name} · ${publisher}`;
  });
  let description = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const rest = lines.length - i - 1;
    const tail = rest > 0 ? `\n${LABELS.andMore[lang](rest)}` : '';
    const next = description ? `${description}\n${line}` : line;
    if (next.length + tail.length > DISCORD_LIMITS.embedDescription) {
      description += `\n${LABELS.andMore[lang](lines.length - i)}`;
      break;
    }
    description = next;
  }
  if (!description) description = LABELS.noStatements[lang];
  return { embeds: [{ title, description, color: COLOR }], components: [] };
}

/** A short text in an embed (help, notices), escaped unless the caller wrote the markdown. */
export function renderNoticeEmbed(title: string, markdownBody: string): DiscordMessageData {
  return {
    embeds: [
      {
        title: truncateText(title, DISCORD_LIMITS.embedTitle),
        description: truncateText(markdownBody, DISCORD_LIMITS.embedDescription),
        color: COLOR,
      },
    ],
    components: [],
  };
}

/** The /help embed, generated from the one description of the commands (./commandGuide.ts). */
export function renderHelpEmbed(
  lang: Lang,
  mention?: (name: string) => string | undefined,
): DiscordMessageData {
  const help = discordHelp(lang, mention);
  return renderNoticeEmbed(help.title, help.body);
}

/** Plain message content within Discord's 2000-character limit. */
export function fitContent(text: string): string {
  return truncateText(text, DISCORD_LIMITS.content);
}

/** What a followed channel is told of a new statement. */
export interface AnnouncedStatement {
  id: string;
  title: string;
  date: string;
  publisher: string;
  language: string;
  source?: string;
  /** The statement's first paragraph, verbatim. */
  firstParagraph?: string;
}

/** A statement as the corpus loaded it, reduced to what its announcement shows. */
export function announcedFrom(s: Statement): AnnouncedStatement {
  const first = s.paragraphs[0]?.text;
  return {
    id: s.id,
    title: s.title,
    date: s.date,
    publisher: s.publisher,
    language: s.language,
    ...(s.source ? { source: s.source } : {}),
    ...(first ? { firstParagraph: first } : {}),
  };
}

export interface AnnouncementOptions {
  /** The language of the labels and buttons (the statement's own text stays as written). */
  lang: Lang;
  /** Custom ids of the buttons asking /who and /when about the statement; built by the adapter. */
  askIds?: Partial<Record<'who' | 'when', string>>;
  /** Plain text kept under the label in the footer (button state that did not fit in an id). */
  footer?: string;
}

/** The opening of a statement an announcement quotes: enough to tell what it is about. */
const ANNOUNCED_PARAGRAPH_MAX = 500;

/**
 * The embed a followed channel gets for a new statement: its title (linked to the source),
 * publisher and date, its first paragraph quoted, and buttons asking who took part and when,
 * beside a link button to the page. Corpus text is escaped like every answer.
 */
export function renderAnnouncement(
  s: AnnouncedStatement,
  options: AnnouncementOptions,
): DiscordMessageData {
  const { lang } = options;
  const link = safeUrl(s.source);
  const head = `${escapeText(shortPublisher(s.publisher, lang))} · ${escapeText(s.date)}`;
  // Whole sentences from the start, with … where the paragraph goes on.
  const quote = s.firstParagraph
    ? formatExcerpt(makeExcerpt(s.firstParagraph, [], ANNOUNCED_PARAGRAPH_MAX).text)
    : '';
  const footer = [LABELS.newStatement[lang], options.footer].filter(Boolean).join('\n');
  const buttons: ButtonSpec[] = [];
  for (const kind of ['who', 'when'] as const) {
    const id = options.askIds?.[kind];
    const heading = KINDS.find((k) => k.name === kind)?.heading;
    if (id && heading) buttons.push({ label: heading[lang], id });
  }
  if (link) buttons.push({ label: LABELS.source[lang], url: link });
  return {
    embeds: [
      {
        title: truncateText(plainText(s.title), DISCORD_LIMITS.embedTitle),
        ...(link ? { url: link } : {}),
        description: truncateText(
          [head, quote].filter(Boolean).join('\n\n'),
          DISCORD_LIMITS.embedDescription,
        ),
        footer: { text: truncateText(footer, DISCORD_LIMITS.footer) },
        color: COLOR,
      },
    ],
    components: buttonRows(buttons),
  };
}
