/**
 * Answer -> Discord message data (embeds and buttons), as plain JSON the API accepts.
 * Pure: no client, no I/O. Every Discord limit is respected here, so adapters can send the
 * result as is; corpus and user text are escaped for Discord markdown, and the matched words of
 * each excerpt are the only bold text inside it.
 */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import type { Answer, AnswerItem, Citation, Lang } from '../answer/types.ts';
import type { StatementSummary } from '../engine/types.ts';
import { escapeDiscord } from './discordSafe.ts';
import { splitByMatches } from './highlight.ts';
import { fitFormatted, truncateText } from './truncate.ts';

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

/** Footer lines are ours, not the corpus's: kept short so fields get the room. */
const FOOTER_MAX = 700;
/** Below this a field cannot show a useful excerpt, so the field is left out instead. */
const MIN_FIELD = 40;
const COLOR = 0x2b6cb0;

const LABELS = {
  en: {
    who: 'Who',
    when: 'When',
    quote: 'Quote',
    none: 'No answer',
    compare: 'Compare',
    nothing: 'No passage in my statements matches that.',
    source: 'Source',
    paragraph: '¶',
    previous: '◀ Previous',
    next: 'Next ▶',
    more: 'More ▶',
    switchTo: '日本語',
    statements: 'Statements',
    noStatements: 'No statements are loaded.',
    andMore: (n: number) => `…and ${n} more`,
  },
  ja: {
    who: '誰が',
    when: 'いつ',
    quote: '引用',
    none: '回答なし',
    compare: '比較',
    nothing: '該当する箇所は見つかりませんでした。',
    source: '出典',
    paragraph: '第',
    previous: '◀ 前へ',
    next: '次へ ▶',
    more: 'さらに表示 ▶',
    switchTo: 'English',
    statements: '声明一覧',
    noStatements: '声明が読み込まれていません。',
    andMore: (n: number) => `…ほか${n}件`,
  },
} as const;

export function uiLabels(lang: Lang) {
  return LABELS[lang];
}

export interface DiscordMessageData {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
}

export interface AnswerRenderOptions {
  /** 0-based page of items to show; out-of-range pages are clamped. */
  page?: number;
  pageSize?: number;
  /** Heading override (e.g. the compare command, whose answers have a quote kind). */
  heading?: string;
  /** Plain-text lines for the footer (footers are not markdown-rendered). */
  footerLines?: string[];
  /** Custom ids of the buttons to offer; the ids are built by the adapter. */
  controls?: {
    pageId?: (page: number) => string;
    switchLangId?: string;
  };
}

export interface RenderedAnswer {
  message: DiscordMessageData;
  page: number;
  pageCount: number;
}

/** Markdown-escaped text that also cannot become a heading, list, masked link, mention or timestamp. */
export function escapeText(text: string): string {
  return escapeDiscord(text);
}

/** An excerpt as a block quote with the matched terms in bold, everything else escaped. */
export function formatExcerpt(excerpt: string, matched: readonly string[]): string {
  // "**ballistic missile**" reads better than "**ballistic** **missile**".
  const pieces: Array<{ text: string; matched: boolean }> = [];
  for (const piece of splitByMatches(excerpt, matched)) {
    const last = pieces[pieces.length - 1];
    const gap = pieces[pieces.length - 2];
    if (piece.matched && last && !last.matched && /^[ \u3000]+$/.test(last.text) && gap?.matched) {
      pieces.pop();
      gap.text += last.text + piece.text;
    } else if (piece.matched && last?.matched) {
      last.text += piece.text;
    } else {
      pieces.push({ ...piece });
    }
  }
  const body = pieces
    .map((piece) => (piece.matched ? `**${escapeText(piece.text)}**` : escapeText(piece.text)))
    .join('');
  return `> ${body.replace(/\n/g, '\n> ')}`;
}

function safeUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\/\S+$/.test(url)) return undefined;
  // A raw parenthesis would end the markdown link early.
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

export function pageCountOf(answer: Answer, pageSize: number): number {
  return Math.max(1, Math.ceil(answer.items.length / Math.max(1, pageSize)));
}

function citationMeta(citation: Citation, lang: Lang): string {
  const labels = LABELS[lang];
  const paragraph =
    lang === 'ja' ? `第${citation.paragraph}段落` : `${labels.paragraph}${citation.paragraph}`;
  const parts = [escapeText(citation.date), paragraph, escapeText(citation.language)];
  const url = safeUrl(citation.source);
  if (url) parts.push(`[${labels.source}](${url})`);
  return parts.join(' · ');
}

/** Fits lines into `max` characters by giving each an equal share, so every item stays visible. */
function fitLines(lines: Array<{ raw: string; format: (t: string) => string }>, max: number): string {
  const whole = lines.map((l) => l.format(l.raw)).join('\n');
  if (whole.length <= max) return whole;
  const share = Math.floor((max - (lines.length - 1)) / Math.max(1, lines.length));
  return lines.map((l) => fitFormatted(l.raw, share, l.format)).join('\n');
}

interface PendingField {
  name: string;
  excerpt: string;
  matched: readonly string[];
  meta: string;
}

function buildFields(pending: PendingField[], budget: number): APIEmbedField[] {
  let kept = pending.slice(0, DISCORD_LIMITS.fields);
  while (kept.length > 0 && Math.floor(budget / kept.length) < MIN_FIELD) kept = kept.slice(0, -1);
  if (kept.length === 0) return [];
  const perField = Math.floor(budget / kept.length);
  return kept.map((field) => {
    const name = truncateText(field.name, Math.min(DISCORD_LIMITS.fieldName, Math.floor(perField / 4)));
    const room = Math.min(DISCORD_LIMITS.fieldValue, perField - name.length);
    const metaLine = field.meta.length + 1 < room / 2 ? `\n${field.meta}` : '';
    const value = fitFormatted(
      field.excerpt,
      room - metaLine.length,
      (text) => formatExcerpt(text, field.matched),
    );
    return { name, value: value + metaLine };
  });
}

function sameText(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
}

function itemLine(item: AnswerItem, n: number) {
  return { raw: item.text, format: (t: string) => `**${n}.** ${escapeText(t)}` };
}

export function embedLength(embed: APIEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

function buttonRow(
  buttons: Array<{ label: string; id: string }>,
): APIActionRowComponent<APIButtonComponentWithCustomId> {
  return {
    type: ComponentType.ActionRow,
    components: buttons.map((b) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: truncateText(b.label, DISCORD_LIMITS.buttonLabel),
      custom_id: b.id,
    })),
  };
}

/** One page of an answer as a single embed, with paging and language buttons when asked for. */
export function renderAnswer(answer: Answer, options: AnswerRenderOptions = {}): RenderedAnswer {
  const lang = answer.language;
  const labels = LABELS[lang];
  const pageSize = Math.max(1, options.pageSize ?? 3);
  const pageCount = pageCountOf(answer, pageSize);
  const page = Math.min(Math.max(0, options.page ?? 0), pageCount - 1);
  const first = page * pageSize;
  const items = answer.items.slice(first, first + pageSize);

  const heading = options.heading ?? labels[answer.kind];
  const title = fitFormatted(answer.query, DISCORD_LIMITS.embedTitle, (q) =>
    q ? `${heading}${lang === 'ja' ? '：' : ': '}${escapeText(q)}` : heading,
  );

  const footerLines = [...(options.footerLines ?? [])];
  if (pageCount > 1) footerLines.push(`${page + 1}/${pageCount}`);
  const footer = truncateText(footerLines.join('\n'), FOOTER_MAX);

  const pendingFields: PendingField[] = [];
  items.forEach((item, i) => {
    for (const citation of item.citations) {
      pendingFields.push({
        name: `${first + i + 1}. ${escapeText(citation.title)}`,
        excerpt: citation.excerpt,
        matched: item.matched ?? [],
        meta: citationMeta(citation, lang),
      });
    }
  });

  // A quote's answer line is its excerpt: the field already shows it, with the highlights.
  const lines = items
    .map((item, i) => ({ item, n: first + i + 1 }))
    .filter(({ item }) => !item.citations.some((c) => sameText(c.excerpt, item.text)))
    .map(({ item, n }) => itemLine(item, n));
  if (items.length === 0) lines.push({ raw: labels.nothing, format: (t) => escapeText(t) });
  if (answer.notice) lines.push({ raw: answer.notice, format: (t) => `*${escapeText(t)}*` });
  const fieldReserve = Math.min(pendingFields.length, DISCORD_LIMITS.fields) * 200;
  const descriptionMax = Math.min(
    DISCORD_LIMITS.embedDescription,
    DISCORD_LIMITS.embedTotal - title.length - footer.length - fieldReserve,
  );
  const description = fitLines(lines, descriptionMax);
  const fieldBudget = DISCORD_LIMITS.embedTotal - title.length - footer.length - description.length;

  const embed: APIEmbed = { title, color: COLOR };
  if (description) embed.description = description;
  const fields = buildFields(pendingFields, fieldBudget);
  if (fields.length > 0) embed.fields = fields;
  if (footer) embed.footer = { text: footer };

  const buttons: Array<{ label: string; id: string }> = [];
  const pageId = options.controls?.pageId;
  if (pageId && page > 0) buttons.push({ label: labels.previous, id: pageId(page - 1) });
  if (pageId && page < pageCount - 1) {
    buttons.push({ label: page === 0 ? labels.more : labels.next, id: pageId(page + 1) });
  }
  const switchId = options.controls?.switchLangId;
  if (switchId) buttons.push({ label: labels.switchTo, id: switchId });

  return {
    message: { embeds: [embed], components: buttons.length > 0 ? [buttonRow(buttons)] : [] },
    page,
    pageCount,
  };
}

/** The list of loaded statements, newest first as the engine gives them, cut to one embed. */
export function renderStatementList(statements: readonly StatementSummary[], lang: Lang): DiscordMessageData {
  const labels = LABELS[lang];
  const title = `${labels.statements} (${statements.length})`;
  const lines = statements.map((s) => {
    const url = safeUrl(s.source);
    const name = escapeText(truncateText(s.title, 180));
    const link = url ? ` · [${labels.source}](${url})` : '';
    return `**${escapeText(s.date)}** ${name} · ${escapeText(s.language)} · \`${s.id.replace(/`/g, "'")}\`${link}`;
  });
  let description = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const rest = lines.length - i - 1;
    const tail = rest > 0 ? `\n${labels.andMore(rest)}` : '';
    const next = description ? `${description}\n${line}` : line;
    if (next.length + tail.length > DISCORD_LIMITS.embedDescription) {
      description += `\n${labels.andMore(lines.length - i)}`;
      break;
    }
    description = next;
  }
  if (!description) description = labels.noStatements;
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

/** Plain message content within Discord's 2000-character limit. */
export function fitContent(text: string): string {
  return truncateText(text, DISCORD_LIMITS.content);
}
