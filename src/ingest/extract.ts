/**
 * A statement out of a publisher's web page: its main text split into the corpus's paragraphs,
 * and the metadata the page itself shows (heading, dateline, language, site). The main text is
 * found as reader views find it: the block holding the most paragraph and list-item text, less
 * the text of its links, so menus, breadcrumbs, share bars, "Back to Press Releases" and footers
 * (nearly all link text) lose to the statement.
 */
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { detectLanguage, isCjk, primaryLanguage } from '../text/script.ts';
import { paragraphLabel } from '../corpus/body.ts';
import { findPrintedDate, isDateline } from './dates.ts';
import type { PublisherLookup } from './publishers.ts';

export interface ExtractedPage {
  title?: string;
  /** YYYY-MM-DD, read from the dateline as printed, else from the page's metadata. */
  date?: string;
  language: string;
  /** From the host table, else the site's own name (`og:site_name`). */
  publisher?: string;
  /** The page's canonical URL, else where it was fetched from. */
  source?: string;
  paragraphs: string[];
  /** Other-language versions the page links to (`<link rel="alternate" hreflang>`), by language. */
  alternates: Record<string, string>;
  /**
   * Other-language versions offered by a language switch on the page ("English", 「日本語」, an
   * `<a hreflang>`), by language: weaker than `alternates`, since a switch may lead to the site's
   * home page in that language (those links, to a site's or section's top, are left out).
   */
  languageLinks: Record<string, string>;
}

/** Never part of a statement. */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'iframe',
  'svg',
  'template',
  'select',
  'input',
  'figure',
  'img',
  'video',
  'audio',
  'map',
  'object',
]);
/** Blocks named for site furniture by their class, id or role. */
const FURNITURE =
  /(^|[\s_-])(breadcrumbs?|topicpath|pankuzu|share|sharing|social|sns|nav|navi|navigation|menu|gnav|lnav|footer|site-?header|pagetop|page-?top|to-?top|skip|sidebar|side-?nav|banner|related|cookie|print|toolbar|pager|pagination)([\s_-]|$)/i;
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'blockquote',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'tr',
  'td',
  'th',
  'tbody',
  'thead',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'address',
  'center',
  'body',
  'hr',
  'br',
  'caption',
  'tfoot',
]);
/** Lines that are page furniture even when they sit inside the statement's block. */
const BOILERPLATE =
  /^(page top|back to top|top of page|ページ(の)?(先頭|トップ)へ(戻る)?|このページのトップへ戻る|back to [\w\s]+|share( this( page)?)?|print( this page)?|印刷|シェア|tweet|facebook|twitter|x|linkedin|email|copy link|related (links|articles)|関連リンク)$/i;
/** End marks and rules: "###" closes White House releases. */
const MARKS = /^[#*=~_\-–—・]{3,}$/;

const tag = (el: HTMLElement) => (el.rawTagName ?? '').toLowerCase();
const isElement = (n: Node): n is HTMLElement => n.nodeType === 1;

/**
 * HTML whitespace as a browser shows it: runs become one space; a line break between two
 * Japanese characters (source formatting) disappears, as the reader never sees it.
 */
export function cleanText(raw: string): string {
  return raw
    .replace(/\u00a0/g, ' ')
    .replace(/[\t\n\r\f ]*\n[\t\n\r\f ]*/g, (ws, at: number, all: string) =>
      isCjk(all[at - 1] ?? '') && isCjk(all[at + ws.length] ?? '') ? '' : ' ',
    )
    .replace(/[\t\r\f ]+/g, ' ')
    .trim();
}

function isFurniture(el: HTMLElement): boolean {
  if (SKIP_TAGS.has(tag(el))) return true;
  const role = el.getAttribute('role') ?? '';
  if (/^(navigation|banner|contentinfo|search|complementary)$/.test(role)) return true;
  if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return true;
  return FURNITURE.test(`${el.getAttribute('class') ?? ''} ${el.id ?? ''}`);
}

function linkTextLength(el: HTMLElement): number {
  return el.querySelectorAll('a').reduce((n, a) => n + cleanText(a.text).length, 0);
}

/** The statement's block: most paragraph text, discounted by how much of it is links. */
function mainBlock(body: HTMLElement): HTMLElement {
  const scores = new Map<HTMLElement, number>();
  for (const p of body.querySelectorAll('p, li, td, pre, blockquote, dd')) {
    if (p.closest('nav, header, footer, aside')) continue;
    const length = cleanText(p.text).length;
    if (length < 2) continue;
    const parent = p.parentNode;
    if (!parent) continue;
    // A list item's text counts for the block that holds the list.
    const holder = /^(li|dd)$/.test(tag(p))
      ? (parent.parentNode ?? parent)
      : tag(p) === 'td'
        ? (p.closest('table')?.parentNode ?? parent)
        : parent;
    scores.set(holder, (scores.get(holder) ?? 0) + length);
    const grand = holder.parentNode;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + length / 2);
  }
  let best = body;
  let bestScore = 0;
  for (const [el, raw] of scores) {
    if (isFurniture(el) || el.closest('nav, header, footer, aside')) continue;
    const text = cleanText(el.text).length || 1;
    const score = raw * (1 - Math.min(1, linkTextLength(el) / text));
    if (score > bestScore) [best, bestScore] = [el, score];
  }
  return best;
}

/** The paragraphs of a block in reading order: p, headings, list items (labelled), table rows. */
function blocks(root: HTMLElement, skip: (el: HTMLElement) => boolean): string[] {
  const out: string[] = [];
  let inline = '';
  const push = (text: string, el?: HTMLElement) => {
    const clean = cleanText(text);
    if (!clean || MARKS.test(clean) || BOILERPLATE.test(clean.replace(/[|｜>›»«<＞]/g, '').trim()))
      return;
    // A short line that is mostly links is a menu or a "see also", not the statement.
    if (el && clean.length < 120 && linkTextLength(el) / clean.length > 0.6) return;
    out.push(clean);
  };
  const flush = () => {
    push(inline);
    inline = '';
  };
  const walk = (el: HTMLElement) => {
    for (const child of el.childNodes) {
      if (!isElement(child)) {
        inline += child.text;
        continue;
      }
      const name = tag(child);
      if (isFurniture(child) || skip(child)) continue;
      if (name === 'br' || name === 'hr') {
        flush();
        continue;
      }
      if (!BLOCK_TAGS.has(name)) {
        // Inline markup (a, span, strong, ruby...) is part of the sentence around it.
        if (child.querySelector('p, div, li, table, h2, h3, h4')) {
          flush();
          walk(child);
          flush();
        } else inline += child.text;
        continue;
      }
      flush();
      if (name === 'ul' || name === 'ol') {
        const start = Number(child.getAttribute('start') ?? 1) || 1;
        child.childNodes
          .filter(isElement)
          .filter((li) => tag(li) === 'li' && !isFurniture(li))
          .forEach((li, i) => {
            const label = name === 'ol' ? `${start + i}. ` : '- ';
            const [first = '', ...rest] = blocks(li, skip);
            if (!first) return;
            // A label the page prints itself ("(1)", "1.") is kept as it is; the list's own is added.
            out.push(
              paragraphLabel(first) && name === 'ul'
                ? first
                : paragraphLabel(first)
                  ? first
                  : `${label}${first}`,
              ...rest,
            );
          });
        continue;
      }
      if (/^(table|tbody|thead|tfoot)$/.test(name)) {
        walk(child);
        continue;
      }
      if (name === 'tr') {
        const cells = child.childNodes
          .filter(isElement)
          .filter((c) => /^t[dh]$/.test(tag(c)))
          .map((c) => cleanText(c.text))
          .filter(Boolean);
        if (cells.length) out.push(cells.join(' | '));
        continue;
      }
      if (child.querySelector('p, div, ul, ol, table, blockquote, h2, h3, h4, h5, h6')) walk(child);
      else push(child.text, child);
    }
    flush();
  };
  walk(root);
  return out;
}

function meta(doc: HTMLElement, ...names: string[]): string | undefined {
  for (const name of names) {
    const el =
      doc.querySelector(`meta[property="${name}"]`) ?? doc.querySelector(`meta[name="${name}"]`);
    const value = el?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return undefined;
}

/** `<title>` less the site's name: "Readout of ... | The White House" -> "Readout of ...". */
function titleWithoutSite(title: string, site?: string): string {
  const parts = title
    .split(/\s+[|｜–—-]\s+|\s*｜\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2) return title.trim();
  const kept = parts.filter((p) => !site || p.toLowerCase() !== site.toLowerCase());
  return kept.reduce((a, b) => (b.length > a.length ? b : a), '');
}

const httpUrl = (href: string | undefined, base?: string): string | undefined => {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
};

/** What a language switch says: its link text, or the language named by `hreflang`/`lang`. */
const LANGUAGE_NAMES: Record<string, RegExp> = {
  en: /^(english|english (page|version)|in english|英語|英語版|英文|english \(英語\))$/i,
  ja: /^(japanese|japanese (page|version)|in japanese|日本語|日本語版|和文|日本語ページ|japanese \(日本語\))$/i,
};

/**
 * A site's or a section's top page (`/`, `/en/`, `/mofaj/index.html`, `/translations/japanese/`):
 * where a language switch leads when the page has no version in that language.
 */
function isTopPage(url: string): boolean {
  const { pathname } = new URL(url);
  if (/\/(index|default|top)\.\w+$/i.test(pathname)) return true;
  const segments = pathname.split('/').filter(Boolean);
  // A statement's own address has a number, a file name or a long slug somewhere.
  return segments.length <= 2 && segments.every((s) => !/[0-9.]/.test(s) && s.length <= 20);
}

/** The language switches of a page: links named for a language, to a page that is not a site's top. */
function languageSwitches(
  body: HTMLElement,
  language: string,
  url: string | undefined,
  source: string | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of body.querySelectorAll('a[href]')) {
    const text = cleanText(a.text).replace(/^[[［【(（]\s*|\s*[\]］】)）]$/g, '');
    const declared = primaryLanguage(a.getAttribute('hreflang') ?? '');
    const named = Object.keys(LANGUAGE_NAMES).find((l) => LANGUAGE_NAMES[l]!.test(text));
    const lang = named ?? (declared && text.length <= 20 ? declared : undefined);
    if (!lang || lang === language || out[lang]) continue;
    const href = httpUrl(a.getAttribute('href'), url ?? source);
    if (!href || isTopPage(href) || href === url || href === source) continue;
    out[lang] = href;
  }
  return out;
}

/**
 * Reads one page. `url` is where it came from (for relative links and the source), when known.
 * `pickMain` replaces the choice of the statement's block (bench/extractors.ts measures another
 * library's choice with the same rendering and metadata); the importer never passes it.
 */
export function extractPage(
  html: string,
  url: string | undefined,
  publisherOf: PublisherLookup = () => undefined,
  pickMain?: (body: HTMLElement) => HTMLElement,
): ExtractedPage {
  const doc = parse(html, {
    comment: false,
    blockTextElements: { script: false, style: false, noscript: false, pre: true },
  });
  const body = doc.querySelector('body') ?? doc;
  const site = meta(doc, 'og:site_name');

  // A site header's h1 is the logo; an article's own header holds the statement's heading.
  const inSiteChrome = (h: HTMLElement) =>
    Boolean(h.closest('nav, footer') || (h.closest('header') && !h.closest('main, article')));
  const headings = body.querySelectorAll('h1').filter((h) => !inSiteChrome(h) && cleanText(h.text));
  const heading = headings.find((h) => !site || cleanText(h.text) !== site) ?? headings[0];
  const title =
    (heading && cleanText(heading.text)) ||
    meta(doc, 'og:title', 'twitter:title', 'dc.title', 'DC.title') ||
    titleWithoutSite(cleanText(doc.querySelector('title')?.text ?? ''), site) ||
    undefined;

  const main = pickMain ? pickMain(body) : mainBlock(body);
  // The heading is the title, not the first paragraph, when it sits inside the statement's block.
  let paragraphs = blocks(main, (el) => el === heading || tag(el) === 'h1');

  // The dateline: a line that is only a date, inside the statement or next to its heading; else a
  // <time> element; else the page's publication metadata.
  // Else the first date printed just after the heading (a byline under it: "October 31, 2024").
  const pageText = cleanText(body.structuredText);
  const titleAt = title ? pageText.indexOf(title) : -1;
  const near =
    titleAt >= 0 ? pageText.slice(titleAt + title!.length, titleAt + title!.length + 300) : '';
  const dateline = paragraphs.slice(0, 4).find(isDateline) ?? paragraphs.find(isDateline);
  const time =
    main.querySelector('time') ??
    body.querySelector('article time, main time') ??
    body.querySelector('time');
  const date =
    (dateline && findPrintedDate(dateline)?.date) ??
    (time &&
      (findPrintedDate(cleanText(time.text))?.date ??
        findPrintedDate(time.getAttribute('datetime') ?? '')?.date)) ??
    findPrintedDate(
      meta(
        doc,
        'article:published_time',
        'dcterms.created',
        'DC.date',
        'dc.date',
        'date',
        'govuk:first-published-at',
        'article:modified_time',
      ) ?? '',
    )?.date ??
    (near ? findPrintedDate(near)?.date : undefined);
  // The dateline is the statement's date, kept in `date:`; the body starts with the statement.
  // The heading repeated as a paragraph (a block that keeps it as an h2) goes first, so a dateline under it is seen.
  paragraphs = paragraphs.filter((p) => p !== title);
  while (paragraphs.length > 1 && isDateline(paragraphs[0]!)) paragraphs = paragraphs.slice(1);

  const text = paragraphs.join(' ');
  const lang =
    doc.querySelector('html')?.getAttribute('lang') ??
    doc.querySelector('html')?.getAttribute('xml:lang');
  const language = lang?.trim()
    ? primaryLanguage(lang.trim())
    : detectLanguage(`${title ?? ''} ${text}`);

  const canonical =
    httpUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), url) ??
    httpUrl(meta(doc, 'og:url'), url);
  const source = canonical ?? httpUrl(url);
  const host = source ? new URL(source).hostname.replace(/^www\./, '') : undefined;
  // A byline the page prints ("From: Prime Minister's Office, 10 Downing Street" on GOV.UK) names
  // the department; the host table names the site; the site's own name comes last.
  const from = body
    .querySelectorAll('dt')
    .find((dt) => /^(from|発表元)[:：]?$/i.test(cleanText(dt.text)))?.nextElementSibling;
  const byline = from ? cleanText(from.querySelector('a')?.text ?? from.text) : undefined;
  const publisher = byline || (host && publisherOf(host, language)) || site;

  const alternates: Record<string, string> = {};
  for (const link of doc.querySelectorAll('link[rel="alternate"][hreflang]')) {
    const hreflang = primaryLanguage(link.getAttribute('hreflang') ?? '');
    const href = httpUrl(link.getAttribute('href'), url ?? source);
    if (href && hreflang && hreflang !== language && hreflang !== 'x') alternates[hreflang] = href;
  }
  const languageLinks = languageSwitches(body, language, url, source);
  return {
    ...(title ? { title } : {}),
    ...(date ? { date } : {}),
    language,
    ...(publisher ? { publisher } : {}),
    ...(source ? { source } : {}),
    paragraphs,
    alternates,
    languageLinks,
  };
}
