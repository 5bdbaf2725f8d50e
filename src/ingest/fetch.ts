/**
 * Fetching a publisher's page or feed, safely: http and https only, a time-out, a size cap, a few
 * redirects at most, the content type checked, and no connection to loopback, private or
 * link-local addresses unless the operator allows that host by name. The address is checked where
 * the connection is made (the socket's DNS lookup), so a name that resolves to 10.0.0.1, or a
 * redirect to one, is refused as surely as a literal private address.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { VERSION } from '../version.ts';

export interface FetchOptions {
  /** Host names (as in the URL, e.g. `127.0.0.1`) that may be private addresses: tests, intranets. */
  allowHosts?: readonly string[];
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Media types accepted; the first part of Content-Type must be one of them. */
  accept?: readonly string[];
  /** Conditional request: the validators of the last answer. */
  etag?: string;
  lastModified?: string;
  userAgent?: string;
}

export interface Fetched {
  /** Where the content came from, after redirects. */
  url: string;
  /** 304: unchanged since `etag` / `lastModified`; `body` is empty. */
  status: number;
  contentType: string;
  body: Buffer;
  etag?: string;
  lastModified?: string;
}

/** A refusal or failure with one line that says what happened, for the user. */
export class FetchError extends Error {
  constructor(
    readonly url: string,
    message: string,
    readonly transient = false,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

export const DEFAULT_TIMEOUT_MS = 15_000;
/** Statement pages are tens of kilobytes; 5 MiB is generous and stops a runaway response early. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;
export const HTML_TYPES = ['text/html', 'application/xhtml+xml'] as const;
export const FEED_TYPES = [
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
  ...HTML_TYPES,
] as const;
/** Says who is asking and where to read about it, as polite crawlers do. */
export const USER_AGENT = `Readout/${VERSION} (reads published diplomatic statements; one request at a time)`;

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

/** True for addresses a public publisher's page never lives at. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  return blocked.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

function guardedLookup(host: string): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const bad = addresses.find((a) => isPrivateAddress(a.address));
      if (bad) {
        const refusal = Object.assign(
          new Error(`${host} is a private or local address (${bad.address})`),
          { code: 'EPRIVATE' },
        );
        return callback(refusal, '', 0);
      }
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

function once(url: URL, options: FetchOptions): Promise<IncomingMessage> {
  const allowed = options.allowHosts?.includes(url.hostname) ?? false;
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowed && isPrivateAddress(literal)) {
    return Promise.reject(
      new FetchError(
        url.href,
        `refused: ${url.hostname} is a private or local address (allow it with allowHosts if you mean it)`,
      ),
    );
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(url, {
      headers: {
        'user-agent': options.userAgent ?? USER_AGENT,
        accept: `${(options.accept ?? HTML_TYPES).join(', ')}, */*;q=0.1`,
        ...(options.etag ? { 'if-none-match': options.etag } : {}),
        ...(options.lastModified ? { 'if-modified-since': options.lastModified } : {}),
      },
      ...(allowed ? {} : { lookup: guardedLookup(url.hostname) }),
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    req.on('response', resolve);
    req.on('timeout', () =>
      req.destroy(
        new FetchError(
          url.href,
          `no answer from ${url.host} within ${(options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000} s`,
          true,
        ),
      ),
    );
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err instanceof FetchError) return reject(err);
      if (err.code === 'EPRIVATE')
        return reject(
          new FetchError(
            url.href,
            `refused: ${err.message} (allow the host with allowHosts if you mean it)`,
          ),
        );
      reject(
        new FetchError(url.href, `cannot reach ${url.host} (${err.code ?? err.message})`, true),
      );
    });
  });
}

async function readCapped(res: IncomingMessage, url: string, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    throw new FetchError(
      url,
      `the page is too large (${declared} bytes; the limit is ${maxBytes})`,
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      res.destroy();
      throw new FetchError(url, `the page is too large (over ${maxBytes} bytes)`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** GETs `href`, following at most `maxRedirects` redirects; every refusal is a FetchError with one line. */
export async function fetchResource(href: string, options: FetchOptions = {}): Promise<Fetched> {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new FetchError(href, 'not a URL');
  }
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const seen = new Set<string>();
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new FetchError(
        url.href,
        `refused: only http and https pages are fetched, not ${url.protocol}`,
      );
    if (seen.has(url.href)) throw new FetchError(href, `redirect loop at ${url.href}`);
    seen.add(url.href);
    const res = await once(url, options);
    const status = res.statusCode ?? 0;
    if (status >= 300 && status < 400 && status !== 304 && res.headers.location) {
      res.resume();
      if (hop >= maxRedirects)
        throw new FetchError(href, `too many redirects (more than ${maxRedirects})`);
      url = new URL(res.headers.location, url);
      continue;
    }
    const validators = {
      ...(typeof res.headers.etag === 'string' ? { etag: res.headers.etag } : {}),
      ...(typeof res.headers['last-modified'] === 'string'
        ? { lastModified: res.headers['last-modified'] }
        : {}),
    };
    const contentType = String(res.headers['content-type'] ?? '');
    if (status === 304) {
      res.resume();
      return { url: url.href, status, contentType, body: Buffer.alloc(0), ...validators };
    }
    if (status < 200 || status >= 300) {
      res.resume();
      throw new FetchError(
        url.href,
        `the server answered ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`,
        status >= 500 || status === 429,
      );
    }
    const media = contentType.split(';')[0]!.trim().toLowerCase();
    const accept = options.accept ?? HTML_TYPES;
    if (!accept.includes(media)) {
      res.resume();
      throw new FetchError(
        url.href,
        `not a web page: the content type is ${media || 'missing'} (expected ${accept[0]})`,
      );
    }
    const body = await readCapped(res, url.href, options.maxBytes ?? DEFAULT_MAX_BYTES);
    return { url: url.href, status, contentType, body, ...validators };
  }
}

/**
 * The text of a page in its declared encoding: the Content-Type charset, else a `<meta charset>`
 * or XML declaration in the first bytes, else UTF-8. Older MOFA pages are Shift_JIS.
 */
export function decodeBody(body: Buffer, contentType = ''): string {
  const head = body.subarray(0, 2048).toString('latin1');
  const declared =
    /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head)?.[1] ??
    'utf-8';
  try {
    return new TextDecoder(declared.toLowerCase()).decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
