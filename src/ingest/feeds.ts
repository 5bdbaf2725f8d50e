/**
 * The items of a publisher's feed: RSS 2.0, RSS 1.0 (RDF, as MOFA publishes) and Atom, or an
 * index page of links when a publisher has no feed. Only links matter here: each item's page is
 * imported as a page, with its own title and date.
 */
import { XMLParser } from 'fast-xml-parser';
import { parse } from 'node-html-parser';

export interface FeedItem {
  url: string;
  title?: string;
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  // Entities in feeds are few and standard; expanding none of a feed's own keeps a hostile one small.
  processEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

const text = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in v)
    return text((v as Record<string, unknown>)['#text']);
  return undefined;
};

/** A child (or `@attribute`) of an element as fast-xml-parser gives it; a feed may hold any shape. */
const child = (node: unknown, name: string): unknown =>
  node && typeof node === 'object' ? (node as Record<string, unknown>)[name] : undefined;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const attribute = (node: unknown, name: string): string | undefined => {
  const v = child(node, name);
  return typeof v === 'string' ? v : undefined;
};

function absolute(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href.trim(), base);
    url.hash = '';
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function looksLikeXml(body: string, contentType: string): boolean {
  return /xml/i.test(contentType) || /^\s*(<\?xml|<rss|<feed|<rdf:RDF)/i.test(body);
}

/** Items of an RSS or Atom document, in the feed's order (newest first, by custom). */
export function parseFeed(body: string, base: string): FeedItem[] {
  let doc: unknown;
  try {
    doc = xml.parse(body);
  } catch {
    throw new Error('the feed is not well-formed XML');
  }
  const [rss, rdf, feed] = [child(doc, 'rss'), child(doc, 'RDF'), child(doc, 'feed')];
  const items = list(
    child(child(rss, 'channel'), 'item') ?? child(rdf, 'item') ?? child(feed, 'entry'),
  );
  if (!rss && !rdf && !feed) throw new Error('not an RSS or Atom feed');
  const out: FeedItem[] = [];
  for (const item of items) {
    const links = list(child(item, 'link'));
    // Atom: the rel="alternate" link (or the one without rel); RSS: the element's text.
    const atom = links.find(
      (l) => typeof l === 'object' && (!child(l, '@rel') || child(l, '@rel') === 'alternate'),
    );
    const guid = child(item, 'guid');
    const href = atom
      ? attribute(atom, '@href')
      : (text(links[0]) ??
        attribute(item, '@about') ??
        (guid && child(guid, '@isPermaLink') !== 'false' ? text(guid) : undefined));
    const url = absolute(href, base);
    const title = text(child(item, 'title'));
    if (url) out.push({ url, ...(title ? { title } : {}) });
  }
  return out;
}

/**
 * Links of an index page: those on the same site inside the page's main list, narrowed by
 * `match` (a piece of the path, e.g. `/press/release/`) when given.
 */
export function parseIndexPage(html: string, base: string, match?: string): FeedItem[] {
  const doc = parse(html);
  const host = new URL(base).host;
  const seen = new Set<string>();
  const out: FeedItem[] = [];
  for (const a of doc.querySelectorAll('a[href]')) {
    if (a.closest('nav, header, footer, aside')) continue;
    const url = absolute(a.getAttribute('href'), base);
    if (!url || seen.has(url) || url === absolute(base, base)) continue;
    const parsed = new URL(url);
    if (parsed.host !== host || (match && !parsed.pathname.includes(match))) continue;
    if (!match && !/\.(html?|php|aspx?)$|\/[^/]+\/?$/.test(parsed.pathname)) continue;
    seen.add(url);
    out.push({ url, title: a.text.replace(/\s+/g, ' ').trim() });
  }
  return out;
}
